"""Protect content the MT model must not touch: URLs, e-mail addresses, dates, times, numbers, code.

Each match in a segment's text (never inside its tags) becomes ``<xN/>`` whose placeholder holds
the exact original, so it comes back byte for byte whatever the model does. Terms (see
``terminology.py``) are protected in the same pass, so overlaps resolve in one place: the earliest
match wins, then the higher-priority kind (URL before e-mail before term before date before number),
then the longer one.

Known limits: number formats are not localised ("3,5" stays "3,5" in English); a number protected
inside a term is protected as part of the term.
"""

from __future__ import annotations

import re
from dataclasses import replace

from translators import tags
from translators.document import Placeholder, Segment
from translators.terminology import Terminology

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("url", re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")),
    ("email", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("term", re.compile(r"(?!x)x")),  # placeholder position for terminology priority
    ("code", re.compile(r"`[^`\n]+`")),
    (
        "date",
        re.compile(
            r"(?<![\w.])(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
            r"|\d{1,2}/\d{1,2}/\d{2,4})(?![\w])"
        ),
    ),
    ("time", re.compile(r"(?<![\w:.])\d{1,2}:\d{2}(?::\d{2})?(?![\w:])")),
    ("number", re.compile(r"(?<![\w.,])[-+]?\d+(?:[.,\u00a0\u202f]\d{3})*(?:[.,]\d+)?(?![\w])")),
)
PRIORITY = {kind: rank for rank, (kind, _pattern) in enumerate(PATTERNS)}


def _next_number(placeholders: dict[str, Placeholder]) -> int:
    numbers = [int(key[1:]) for key in placeholders if key[1:].isdigit()]
    return max(numbers, default=0) + 1


def _matches(text: str, terminology: Terminology | None) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, original, replacement) without overlaps."""
    found: list[tuple[int, int, int, str, str, str]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.start(), PRIORITY[kind], -len(match.group(0)), kind,
                          match.group(0), match.group(0)))
    if terminology:
        for term_match in terminology.find(text):
            kind = "term" if term_match.term.keep else "glossary"
            replacement = term_match.text if term_match.term.keep else term_match.term.target
            found.append((term_match.start, PRIORITY["term"], term_match.start - term_match.end,
                          kind, term_match.text, replacement or term_match.text))
    found.sort()
    chosen: list[tuple[int, int, str, str, str]] = []
    end = -1
    for start, _rank, negative_length, kind, original, replacement in found:
        if start < end:
            continue
        end = start - negative_length
        chosen.append((start, end, kind, original, replacement))
    return chosen


def protect(segment: Segment, terminology: Terminology | None = None) -> Segment:
    """A copy of ``segment`` whose protected content sits in new ``<xN/>`` placeholders."""
    placeholders = dict(segment.placeholders)
    number = _next_number(placeholders)
    out: list[str] = []
    for chunk, tag in tags.split_text(segment.source):
        if tag is not None:
            out.append(tags.render_tag(tag.kind, tag.id))
            continue
        last = 0
        for start, end, kind, original, replacement in _matches(chunk, terminology):
            tag_id = f"x{number}"
            number += 1
            source = original if replacement != original else ""
            placeholders[tag_id] = Placeholder(tag_id, kind, replacement, source=source)
            out += [chunk[last:start], f"<{tag_id}/>"]
            last = end
        out.append(chunk[last:])
    return replace(segment, source="".join(out), placeholders=placeholders)
