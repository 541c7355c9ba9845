"""Placeholder tags inside segments: ``<x1/>`` for protected content, ``<g2>…</g2>`` for markup.

The names follow XLIFF 1.2 inline elements (``x`` = standalone, ``g`` = paired), so the review
workflow can export them as they are. The MT model sees the same tags; models garble, drop or
duplicate them, so :func:`repair` makes every target carry each source tag exactly once: tags the
model invented are removed, duplicates after the first are removed, a lost closing tag goes to the
end, and a dropped placeholder is re-appended (a dropped pair with its untranslated source text),
so protected content is never lost. The caller turns what was repaired into a QA finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# Lenient on purpose: models insert spaces ("< x1 / >", "</ g2>").
TAG_RE = re.compile(r"<\s*(/?)\s*([gx])\s*(\d+)\s*(/?)\s*>")


@dataclass(frozen=True, slots=True)
class Tag:
    kind: str  # "x" standalone, "g" open, "/g" close
    id: str  # "x1", "g2"
    start: int
    end: int


def scan(text: str) -> list[Tag]:
    tags = []
    for match in TAG_RE.finditer(text):
        closing, letter, number, _selfclose = match.groups()
        kind = "/g" if closing and letter == "g" else letter
        if letter == "x" and closing:
            kind = "x"
        tags.append(Tag(kind, f"{letter}{number}", match.start(), match.end()))
    return tags


def render_tag(kind: str, tag_id: str) -> str:
    if kind == "x":
        return f"<{tag_id}/>"
    if kind == "g":
        return f"<{tag_id}>"
    return f"</{tag_id}>"


def canonical(text: str) -> str:
    """Rewrite lenient tag spellings to the canonical ``<x1/>``, ``<g1>``, ``</g1>``."""
    out, last = [], 0
    for tag in scan(text):
        out += [text[last : tag.start], render_tag(tag.kind, tag.id)]
        last = tag.end
    out.append(text[last:])
    return "".join(out)


def strip_tags(text: str) -> str:
    return TAG_RE.sub(" ", text)


def split_text(text: str) -> list[tuple[str, Tag | None]]:
    """Text chunks and tags in order: ``(chunk, None)`` or ``("", tag)``."""
    parts: list[tuple[str, Tag | None]] = []
    last = 0
    for tag in scan(text):
        if tag.start > last:
            parts.append((text[last : tag.start], None))
        parts.append(("", tag))
        last = tag.end
    if last < len(text):
        parts.append((text[last:], None))
    return parts


def map_text(text: str, function: Callable[[str], str]) -> str:
    """Apply ``function`` to the text between tags, leaving the tags alone."""
    return "".join(
        function(chunk) if tag is None else render_tag(tag.kind, tag.id)
        for chunk, tag in split_text(text)
    )


def renumber(text: str) -> tuple[str, dict[str, str]]:
    """Number tags 1, 2, … in order of appearance; returns the text and ``local -> original``.

    A sentence then looks the same wherever it stands in a document, so the translation memory
    hits and the model sees small, regular numbers.
    """
    local_of: dict[str, str] = {}
    back: dict[str, str] = {}
    out, last = [], 0
    for tag in scan(text):
        if tag.id not in local_of:
            local = f"{tag.id[0]}{len(local_of) + 1}"
            local_of[tag.id] = local
            back[local] = tag.id
        out += [text[last : tag.start], render_tag(tag.kind, local_of[tag.id])]
        last = tag.end
    out.append(text[last:])
    return "".join(out), back


def relabel(text: str, mapping: Mapping[str, str]) -> str:
    """Replace tag ids by ``mapping`` (ids not in it are dropped)."""
    out, last = [], 0
    for tag in scan(text):
        out.append(text[last : tag.start])
        if tag.id in mapping:
            out.append(render_tag(tag.kind, mapping[tag.id]))
        last = tag.end
    out.append(text[last:])
    return "".join(out)


def balanced(text: str) -> bool:
    depth = 0
    for tag in scan(text):
        depth += 1 if tag.kind == "g" else -1 if tag.kind == "/g" else 0
    return depth == 0


@dataclass(slots=True)
class Repair:
    text: str
    dropped: list[str]  # source tags the target lacked; re-appended
    invented: list[str]  # target tags the source does not have; removed
    duplicated: list[str]  # extra copies; removed
    reordered: list[str]  # pairs whose closing tag came first or was missing; fixed

    @property
    def changed(self) -> bool:
        return bool(self.dropped or self.invented or self.duplicated or self.reordered)


def _inner(source: str, tag_id: str) -> str:
    match = re.search(rf"<{tag_id}>(.*?)</{tag_id}>", source, re.DOTALL)
    return match.group(1) if match else ""


def repair(source: str, target: str, *, append_dropped: bool = True) -> Repair:
    """Make ``target`` carry every tag of ``source`` exactly once, in a well-formed way.

    ``append_dropped=False`` reports dropped placeholders without re-appending them (a
    person's edit is rendered as written; QA reports what is missing).
    """
    wanted = {t.id: t.kind for t in scan(source) if t.kind != "/g"}
    seen: dict[str, int] = {}
    invented: list[str] = []
    duplicated: list[str] = []
    out, last = [], 0
    opened: set[str] = set()
    reordered: list[str] = []
    for tag in scan(target):
        out.append(target[last : tag.start])
        last = tag.end
        key = ("/" + tag.id) if tag.kind == "/g" else tag.id
        if tag.id not in wanted or (wanted[tag.id] == "x") != (tag.kind == "x"):
            invented.append(key)
            continue
        if seen.get(key):
            duplicated.append(key)
            continue
        if tag.kind == "/g" and tag.id not in opened:
            reordered.append(tag.id)  # closing before opening: drop it, close at the end
            continue
        seen[key] = 1
        if tag.kind == "g":
            opened.add(tag.id)
        out.append(render_tag(tag.kind, tag.id))
    out.append(target[last:])
    text = "".join(out)
    dropped: list[str] = []
    for tag_id, kind in wanted.items():
        present = {("/" + t.id) if t.kind == "/g" else t.id for t in scan(text)}
        if kind == "x" and tag_id not in present:
            dropped.append(tag_id)
            if append_dropped:
                text = f"{text.rstrip()} {render_tag('x', tag_id)}"
        elif kind == "g" and tag_id not in present:
            dropped.append(tag_id)
            if append_dropped:
                # The pair's source text comes along untranslated: better than an empty link.
                text = f"{text.rstrip()} <{tag_id}>{_inner(source, tag_id)}</{tag_id}>"
        elif kind == "g" and "/" + tag_id not in present:
            if tag_id not in reordered:
                reordered.append(tag_id)
            text = f"{text.rstrip()}</{tag_id}>"
    return Repair(text.strip(), dropped, invented, duplicated, reordered)


def parts_balanced(parts: list[tuple[str, Tag | None]]) -> bool:
    """Do the paired tags among split ``parts`` open and close in order (XLIFF 1.2 and 2.1)?"""
    open_ids: list[str] = []
    for _, tag in parts:
        if tag is None or tag.kind == "x":
            continue
        if tag.kind == "g":
            open_ids.append(tag.id)
        elif not open_ids or open_ids.pop() != tag.id:
            return False
    return not open_ids
