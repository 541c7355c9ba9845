"""Passages in another language than the text's: marked ones (HTML ``lang``) and unmarked ones
that the language identifier finds.

A German rule must not read an English sentence ("benefit" is not a German foreign word there),
and an unmarked passage is itself worth a finding: screen readers pronounce it as German, and
readers of Leichte Sprache may not read English at all.

Running the identifier on every sentence would cost a third of the check's time, so a sentence is
only identified when it carries at least two function words of another language that German
does not share ("the", "your", "please"), and has enough words to be judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checkers.text.language import MIN_WORDS_PASSAGE, PASSAGE_CONFIDENCE, detect

if TYPE_CHECKING:
    from checkers.text.segment import Sentence
    from checkers.text.source import Extracted

# Function words of a language that are not (common) words of the others in this table.
MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """
        the and of is are you your with for this that be we our please they their have has
        it its not can from by at or if which would should could there what when who how my
        me he she his her them been were will do does did these those than then only also
        about into more other such here
        """.split()
    ),
    "de": frozenset(
        """
        der die das und ist nicht sie wir mit für auf ein eine einen dem den des ich ihr
        ihre sich auch noch nach bei wird werden sind oder aber wenn weil dass
        """.split()
    ),
    "fr": frozenset("le la les et est vous nous avec pour une des du au aux sont pas".split()),
}
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Passage:
    start: int  # offsets into the analysed text
    end: int
    lang: str
    marked: bool  # True: the HTML says so (lang attribute); False: found by the identifier
    confidence: float = 1.0


def _base(tag: str | None) -> str | None:
    if not tag:
        return None
    return tag.replace("_", "-").split("-", 1)[0].strip().lower() or None


def marked_passages(extracted: Extracted | None, lang: str) -> list[Passage]:
    """Spans and blocks the markup declares to be in another language."""
    if extracted is None:
        return []
    found = [
        Passage(start, end, code, True)
        for start, end, tag in extracted.foreign_spans
        if (code := _base(tag)) and code != lang
    ]
    found += [
        Passage(block.start, block.end, code, True)
        for block in extracted.blocks
        if (code := _base(block.lang)) and code != lang
    ]
    return sorted(found, key=lambda p: (p.start, p.end))


def _candidate_languages(words: list[str], lang: str) -> bool:
    for other, markers in MARKERS.items():
        if other == lang:
            continue
        hits = sum(1 for word in words if word in markers)
        if hits >= 2 and hits * 6 >= len(words):
            return True
    return False


def unmarked_passages(
    text: str, sentences: list[Sentence], lang: str, covered: list[Passage]
) -> list[Passage]:
    """Sentences the identifier confidently puts in another language, merged into passages."""
    found: list[Passage] = []
    for sentence in sentences:
        if any(p.start <= sentence.start < p.end for p in covered):
            continue
        chunk = text[sentence.start : sentence.end]
        words = [w.lower() for w in _WORD.findall(chunk)]
        if len(words) < MIN_WORDS_PASSAGE or not _candidate_languages(words, lang):
            continue
        detection = detect(chunk, MIN_WORDS_PASSAGE)
        if (
            detection is None
            or detection.lang == lang
            or detection.confidence < PASSAGE_CONFIDENCE
        ):
            continue
        previous = found[-1] if found else None
        gap = text[previous.end : sentence.start] if previous else ""
        if previous and previous.lang == detection.lang and not gap.strip():
            found[-1] = Passage(
                previous.start,
                sentence.end,
                previous.lang,
                False,
                min(previous.confidence, detection.confidence),
            )
        else:
            found.append(
                Passage(sentence.start, sentence.end, detection.lang, False, detection.confidence)
            )
    return found
