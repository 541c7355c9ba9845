"""Sentences inside a segment: the engine translates sentence by sentence, and the review desk
shows translators one sentence at a time (a block of five sentences is hard to check at once).

``split_sentences`` cuts a text with placeholder tags into sentences without ever cutting a
tag pair (``<g1>…</g1>`` that spans two sentences keeps them together). ``split_units`` builds on
it for the extractor: every piece holds text, and anything between two sentences that is not
plain white space (a tag, a stray character) stays with a sentence, so the template only ever
gets white space between the sentence markers and the document comes back byte for byte.

German uses the project's segmenter (``checkers.text.segment``: abbreviations, dates, ordinals);
other languages a small rule-based splitter.
"""

from __future__ import annotations

import re

from translators import tags

_FALLBACK_BOUNDARY = re.compile(
    r"(?<=[.!?…])[\"'»”“)\]]*(\s+)(?=[\"'«„“(\[¿¡]*(?:[^\W\d_]|\d|<))|(\n+)"
)
_CLOSING_AFTER = re.compile(r"\s*</\s*g\s*\d+\s*>")
_OPENING_BEFORE = re.compile(r"<\s*g\s*\d+\s*>\s*$")
_LETTER = re.compile(r"[^\W\d_]")


def split_sentences(text: str, lang: str) -> tuple[str, list[tuple[str, str]]]:
    """``(prefix, [(sentence, separator after it), …])``; placeholder pairs are never cut."""
    # The splitter sees a masked copy of the same length: paired tags become spaces and
    # standalone ones digits (they mostly stand for numbers, dates, codes), so "am <x4/>. März"
    # still reads as an ordinal; the tags are then re-attached to their sentence.
    masked = _mask(text)
    if re.split(r"[-_]", lang, maxsplit=1)[0] == "de":
        from checkers.text.segment import segment

        spans = [(s.start, s.end) for s in segment(masked)]
    else:
        spans, start = [], 0
        for match in _FALLBACK_BOUNDARY.finditer(masked):
            spans.append((start, match.start()))
            start = match.end()
        spans.append((start, len(masked)))
        spans = [(a, b) for a, b in spans if masked[a:b].strip()]
    spans = [_attach_tags(text, a, b) for a, b in spans]
    if not spans:
        return text, []
    pieces: list[tuple[str, str]] = []
    begin = spans[0][0]
    for index, (_start, end) in enumerate(spans):
        following = spans[index + 1][0] if index + 1 < len(spans) else len(text)
        candidate = text[begin:end]
        if tags.balanced(candidate) or index + 1 == len(spans):
            pieces.append((candidate, text[end:following]))
            begin = following
    return text[: spans[0][0]], pieces


def _mask(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        width = len(match.group(0))
        return "0" * width if match.group(2) == "x" else " " * width

    return tags.TAG_RE.sub(replace, text)


def _attach_tags(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span over the tags glued to it: closing ones after, opening ones before."""
    while True:
        match = _CLOSING_AFTER.match(text, end)
        if not match:
            break
        end = match.end()
    while True:
        match = _OPENING_BEFORE.search(text[:start])
        if not match:
            break
        start = match.start()
    return start, end


def _has_text(text: str) -> bool:
    return bool(_LETTER.search(tags.strip_tags(text)))


def split_units(text: str, lang: str) -> tuple[str, list[tuple[str, str]]]:
    """Like :func:`split_sentences`, but safe to put into a template: the prefix and every
    separator are white space only, every sentence has letters, and
    ``prefix + "".join(s + sep for s, sep in units) == text``."""
    prefix, pieces = split_sentences(text, lang)
    if not pieces:
        return "", [(text, "")] if text else []
    units: list[list[str]] = []  # [sentence, separator]
    pending = ""
    if prefix.strip():
        pending, prefix = prefix, ""
    for piece, separator in pieces:
        sentence = pending + piece
        pending = ""
        if units and not _has_text(sentence):
            # No letters ("1.", a lone tag): it belongs to the sentence before.
            units[-1][0] += units[-1][1] + sentence
            units[-1][1] = separator
        else:
            units.append([sentence, separator])
        if units and units[-1][1].strip():
            # Something other than white space between sentences stays with a sentence.
            units[-1][0] += units[-1][1]
            units[-1][1] = ""
    # A letterless first unit joins the next one.
    while len(units) > 1 and not _has_text(units[0][0]):
        first = units.pop(0)
        units[0][0] = first[0] + first[1] + units[0][0]
    return prefix, [(s, sep) for s, sep in units]
