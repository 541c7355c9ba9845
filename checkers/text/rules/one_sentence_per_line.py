"""de.one-sentence-per-line: more than one sentence on a line (Leichte Sprache layout).

Flags a line (in HTML and Markdown: a run of sentences within one block) that holds more than
``max_sentences`` sentences. The Netzwerk Leichte Sprache rules and DIN SPEC 33429 ask for one
sentence per line, so that a line break never falls inside a sentence and readers can stop after
each one. Layout checks that need rendered HTML (italics, justified text) are not made here.
The suggestion puts each sentence on a line of its own.
Known false positives: a sentence split wrongly by the segmenter (rare abbreviations) counts as
two sentences.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Example, Fix, Hit, RuleMeta, de_en, rule
from checkers.text.segment import Sentence

META = RuleMeta(
    id="de.one-sentence-per-line",
    title=de_en("Ein Satz pro Zeile", "One sentence per line"),
    message=de_en(
        "In dieser Zeile stehen {count} Sätze. Schreiben Sie jeden Satz in eine neue Zeile.",
        "This line holds {count} sentences. Start each sentence on a new line.",
    ),
    explanation=de_en(
        "In Leichter Sprache steht jeder Satz in einer eigenen Zeile. So findet man den Anfang "
        "und das Ende vom Satz leicht.",
        "In Leichte Sprache every sentence starts on a new line, so readers easily find where "
        "each sentence begins and ends.",
    ),
    standards=("Leichte Sprache: ein Satz pro Zeile", "DIN SPEC 33429"),
    severity={"leicht": "info", "einfach": None, "standard": None},
    options={"leicht": {"max_sentences": 1}},
    examples=(
        Example(
            "Das Amt hat einen neuen Namen. Der Name ist Bürgeramt.",
            expect="failed",
            at="Das Amt hat einen neuen Namen. Der Name ist Bürgeramt.",
            suggestions=("Das Amt hat einen neuen Namen.\nDer Name ist Bürgeramt.",),
        ),
        Example(
            "Wir helfen Ihnen gern.\nRufen Sie an. Oder schreiben Sie eine E-Mail.",
            expect="failed",
            at="Rufen Sie an. Oder schreiben Sie eine E-Mail.",
        ),
        Example("Das Amt hat einen neuen Namen.\nDer Name ist Bürgeramt.", expect=None),
        Example("Am 3. März ist das Amt zu.\nBringen Sie z. B. Ihren Ausweis mit.", expect=None),
    ),
)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    limit = int(settings.get("max_sentences", 1))
    text = doc.text
    run: list[Sentence] = []
    for sentence in doc.sentences:
        if run and _same_line(doc, run[-1], sentence):
            run.append(sentence)
            continue
        if len(run) > limit:
            yield _hit(text, run)
        run = [sentence]
    if len(run) > limit:
        yield _hit(text, run)


def _same_line(doc: AnalyzedText, previous: Sentence, sentence: Sentence) -> bool:
    if "\n" in doc.text[previous.end : sentence.start]:
        return False
    # Blocks of an HTML page are separate lines even when the extracted text joins them.
    return doc.block_at(previous.start) is doc.block_at(sentence.start)


def _hit(text: str, run: list[Sentence]) -> Hit:
    start, end = run[0].start, run[-1].end
    suggestion = "\n".join(text[s.start : s.end] for s in run)
    return Hit(start, end, {"count": len(run)}, [Fix(suggestion)])


RULES = (check,)
