"""de.question: questions in running text (rhetorical questions) in Leichte Sprache.

Flags a sentence that ends with a question mark unless it is a heading: a heading block of an
HTML or Markdown document, or in plain text a short question alone on its line that opens a
paragraph ("Was ist Wohngeld?" followed by a blank line or at the very start). Netzwerk Leichte
Sprache: avoid questions in the text, because readers expect an answer and may not find it;
questions as headings are fine.
No rewrite is generated: the suggestion is to say the statement directly.
Known false positives: genuine questions to the reader ("Haben Sie Fragen?") are flagged too,
at info level; quoted questions (direct speech) are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Hit, rule
from checkers.text.segment import Sentence

_BLANK_END = re.compile(r"\n[ \t]*\n[ \t]*$")
_BLANK_START = re.compile(r"[ \t]*\n[ \t]*\n")
QUOTE_CLOSERS = frozenset({"“", "”", '"', "«", "»", "‘", "’"})
MAX_HEADING_WORDS = 8

META = rule_meta(__file__)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    plain_headings = bool(settings.get("plain_text_headings", True))
    for sentence in doc.sentences:
        if sentence.terminal is None or "?" not in sentence.terminal:
            continue
        if sentence.tokens and sentence.tokens[-1].text in QUOTE_CLOSERS:
            continue  # a quoted question: direct speech
        if doc.is_heading(sentence):
            continue
        if plain_headings and _plain_heading(doc, sentence):
            continue
        yield Hit(sentence.start, sentence.end, {})


def _plain_heading(doc: AnalyzedText, sentence: Sentence) -> bool:
    """A short question alone on its line that opens a paragraph and is followed by a blank line
    (or ends the text): the usual shape of a heading in plain text."""
    if doc.extracted is not None and doc.extracted.format != "plain":
        return False  # HTML and Markdown say themselves what a heading is
    text = doc.text
    if len(sentence.words) > MAX_HEADING_WORDS:
        return False
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start : sentence.start].strip() or text[sentence.end : line_end].strip():
        return False
    # Opens a paragraph: the start of the text or a blank line before it.
    before = text[:line_start]
    opens = not before.strip() or _BLANK_END.search(before) is not None
    # Followed by a blank line and more text: a heading over a paragraph, not a closing question.
    rest = text[line_end:]
    followed = _BLANK_START.match(rest) is not None and bool(rest.strip())
    return opens and followed


RULES = (check,)
