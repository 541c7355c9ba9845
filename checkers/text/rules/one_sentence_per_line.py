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

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Fix, Hit, rule
from checkers.text.segment import Sentence

META = rule_meta(__file__)


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
