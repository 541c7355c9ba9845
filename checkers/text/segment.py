"""Sentence segmentation for German that does not break on abbreviations, dates, times or ordinals.

textstat ends a sentence at every full stop ("z. B.", "Nr. 47", "31.03.2025", "12.00 Uhr") and runs
list items without punctuation together; spaCy's blank pipeline misses
"… im Jahr 2025. Haben Sie …".
Here a full stop ends a sentence only when what follows looks like a sentence start, an ordinal
("am 3. März", "der 4. Platz") is kept inside its sentence, and line structure counts: list items,
headings and salutation lines are units of their own, while a hard-wrapped line is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checkers.text.grammar import month_numbers
from checkers.text.tokens import MONTH_ABBREVIATIONS, Token, tokenize

TERMINAL = frozenset({".", "!", "?", "...", "…", "?!", "!?", "!!", "??"})
CLOSERS = frozenset({")", "]", "”", "“", '"', "’", "‘", "«", "»", "‹", "›", "'"})
MONTHS = MONTH_ABBREVIATIONS | frozenset(month_numbers())
# Capitalised words after "<number>." that show a new sentence rather than an ordinal ("3. Platz").
SENTENCE_STARTERS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "sie",
        "er",
        "es",
        "wir",
        "ich",
        "ihr",
        "man",
        "du",
        "bitte",
        "dann",
        "danach",
        "deshalb",
        "deswegen",
        "darum",
        "daher",
        "dort",
        "hier",
        "heute",
        "morgen",
        "jetzt",
        "nun",
        "so",
        "auch",
        "aber",
        "und",
        "oder",
        "denn",
        "doch",
        "wenn",
        "weil",
        "dass",
        "ob",
        "als",
        "wie",
        "wer",
        "was",
        "wo",
        "wann",
        "warum",
        "wieso",
        "welche",
        "welcher",
        "welches",
        "im",
        "in",
        "am",
        "an",
        "auf",
        "aus",
        "bei",
        "mit",
        "nach",
        "von",
        "vor",
        "zu",
        "zum",
        "zur",
        "für",
        "über",
        "unter",
        "um",
        "durch",
        "gegen",
        "ohne",
        "seit",
        "bis",
        "dieser",
        "diese",
        "dieses",
        "diesen",
        "jeder",
        "jede",
        "jedes",
        "alle",
        "viele",
        "mehr",
        "weitere",
        "außerdem",
        "zudem",
        "ferner",
        "unser",
        "unsere",
        "ihre",
        "ihr",
        "sein",
        "seine",
        "mein",
        "meine",
        "kein",
        "keine",
        "nicht",
        "nur",
        "noch",
        "schon",
        "immer",
        "haben",
        "hat",
        "ist",
        "sind",
        "war",
        "waren",
        "wird",
        "werden",
        "wurde",
        "wurden",
        "kann",
        "können",
        "muss",
        "müssen",
        "soll",
        "sollen",
        "darf",
        "dürfen",
        "will",
        "wollen",
        "möchten",
        "gibt",
        "geben",
        "kommen",
        "gehen",
        "rufen",
        "schreiben",
    ]
)
# Abbreviations that often close a sentence ("Äpfel, Birnen usw. Dann …").
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"usw.", "etc.", "u. a.", "u. v. m.", "ff.", "usf."})
_SALUTATION = re.compile(
    r"^\s*(sehr geehrte|liebe|lieber|hallo|guten tag|mit freundlichen|freundliche grüße|"
    r"viele grüße|herzliche grüße|beste grüße)",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(r"^\s*(?:[-*•–·▪►✓]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\w{1,3}\))\s+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_SHORT_LINE = 50


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token]
    # The closing punctuation ("." "?" "!"), or None for a heading, list item or line without it.
    terminal: str | None

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind in ("word", "abbrev", "number", "url", "email")]


def segment(text: str, tokens: list[Token] | None = None) -> list[Sentence]:
    """Split ``text`` into sentences. ``tokens`` may be passed when already computed."""
    if tokens is None:
        tokens = tokenize(text)
    sentences: list[Sentence] = []
    current: list[Token] = []
    count = len(tokens)
    for index, token in enumerate(tokens):
        current.append(token)
        following = tokens[index + 1] if index + 1 < count else None
        if following is None:
            break
        if _ends_sentence(text, tokens, index, following):
            sentences.append(_make(current))
            current = []
    if current:
        sentences.append(_make(current))
    return sentences


def _make(tokens: list[Token]) -> Sentence:
    terminal = None
    for token in reversed(tokens):
        if token.text in CLOSERS:
            continue
        if token.text in TERMINAL or (token.kind == "punct" and set(token.text) <= set(".!?…")):
            terminal = token.text
        elif token.kind == "abbrev" and token.text in SENTENCE_FINAL_ABBREVIATIONS:
            terminal = "."
        break
    return Sentence(tokens[0].start, tokens[-1].end, tokens, terminal)


def _ends_sentence(text: str, tokens: list[Token], index: int, following: Token) -> bool:
    token = tokens[index]
    gap = text[token.end : following.start]
    if "\n" in gap:
        if _BLANK_LINE.search(gap):
            return True
        return _line_break_ends_sentence(text, tokens, index, following)
    if following.text in CLOSERS and following.start == token.end:
        return False  # the closer belongs to this sentence; decide after it
    last_index = _last_significant(tokens, index)
    if last_index < 0:
        return False
    last = tokens[last_index]
    if last.kind == "abbrev":
        return last.text in SENTENCE_FINAL_ABBREVIATIONS and _starts_sentence(following)
    if last.text not in TERMINAL and not (last.kind == "punct" and set(last.text) <= set(".!?…")):
        return False
    if last.text == "." and _is_ordinal_dot(tokens, last_index):
        return False
    if last.text in ("...", "…"):
        return _starts_sentence(following) and following.text.lower() in SENTENCE_STARTERS
    return _starts_sentence(following) or following.kind == "number"


def _last_significant(tokens: list[Token], index: int) -> int:
    """Index of the last token before trailing closing quotes and brackets (-1 if none)."""
    while index >= 0 and tokens[index].text in CLOSERS:
        index -= 1
    return index


def _starts_sentence(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper() or first in "„\"«»‚'(" or token.kind in ("url", "email")


def _is_ordinal_dot(tokens: list[Token], dot_index: int) -> bool:
    """True when the dot after a number marks an ordinal ("am 3. März"), not a sentence end."""
    if dot_index == 0:
        return False
    number = tokens[dot_index - 1]
    dot = tokens[dot_index]
    if number.kind != "number" or number.end != dot.start:
        return False
    if dot_index + 1 >= len(tokens):
        return False
    nxt = tokens[dot_index + 1]
    if nxt.kind == "number" or nxt.text.lower() in MONTHS:
        return True
    if not nxt.text[:1].isupper():
        # "am 3. oder 4. Tag" keeps going; a lower-case start never opens a sentence here.
        return nxt.kind == "word"
    if len(number.text) >= 4 or not number.text.isdigit():
        return False  # a year, a decimal or a date ends the sentence: "… im Jahr 2025. Das …"
    if nxt.text.lower() in SENTENCE_STARTERS:
        return False
    after = tokens[dot_index + 2] if dot_index + 2 < len(tokens) else None
    # "Nummer 14. Kommen Sie …": imperative or question start.
    return not (after is not None and after.text in ("Sie", "du", "ihr", "wir"))


def _line_break_ends_sentence(text: str, tokens: list[Token], index: int, following: Token) -> bool:
    token = tokens[index]
    line_start = text.rfind("\n", 0, token.end) + 1
    previous_line = text[line_start : token.end]
    next_line_end = text.find("\n", following.start)
    next_line = text[following.start : next_line_end if next_line_end != -1 else len(text)]
    last_index = _last_significant(tokens, index)
    last = tokens[last_index] if last_index >= 0 else None
    if last is not None and (last.text in TERMINAL or last.text == ":"):
        return not (last.text == "." and _is_ordinal_dot(tokens, last_index))
    if _LIST_MARKER.match(next_line) or _LIST_MARKER.match(previous_line):
        return True
    if token.text == ",":
        return bool(_SALUTATION.match(previous_line))
    if token.text.endswith("-") or token.text in ("und", "oder", "sowie", "bzw."):
        return False  # a word or clause continues on the next line
    if not _starts_sentence(following) and following.kind != "number":
        return False
    # A short line without closing punctuation is a heading or a list line; a long one is wrapped.
    return len(previous_line.strip()) < _SHORT_LINE or len(next_line.strip()) < _SHORT_LINE
