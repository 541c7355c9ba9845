"""The one plain-text reader: paragraphs (runs of non-blank lines) and the blocks inside them.

A line is blank when it holds only white space (any Unicode space, also a no-break space and
the ``\\r`` of CRLF). A paragraph runs from its first to its last non-blank character; a BOM is
never part of it. Inside a paragraph a bullet (``-``, ``*``, ``•`` …) starts a list item; an
enumeration (``1.``, ``2)``, ``a)``) only when it opens the paragraph or follows a list item, so
"bis zum\\n2. Mai" stays one sentence. The text check reads the blocks, translation the
paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PlainBlock", "PlainDocument", "read_plain"]

_BULLET = re.compile(r"[ \t]*[-*•–·▪][ \t]+(?=\S)")
_ENUM = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[A-Za-z]\))[ \t]+(?=\S)")
_NEWLINE = re.compile("\n")


@dataclass(frozen=True, slots=True)
class PlainBlock:
    start: int  # source offsets, edge blanks and the bullet excluded
    end: int
    kind: str  # paragraph, list-item
    line: int  # 1-based source line where the block starts
    paragraph: int  # index into PlainDocument.paragraphs


@dataclass(frozen=True, slots=True)
class PlainDocument:
    source: str
    blocks: tuple[PlainBlock, ...]
    paragraphs: tuple[tuple[int, int], ...]  # source spans of blank-line separated paragraphs


def read_plain(source: str, line_starts: list[int] | None = None) -> PlainDocument:
    """Blocks and paragraphs of ``source`` in one pass over its lines; never raises."""
    lines = line_starts or [0, *(m.end() for m in _NEWLINE.finditer(source))]
    blocks: list[PlainBlock] = []
    paragraphs: list[tuple[int, int]] = []
    cur: list = []  # [start, end, kind, line] of the open block
    para: list[int] = []  # [start, end] of the open paragraph
    size = len(source)

    def close_block() -> None:
        if cur:
            blocks.append(PlainBlock(cur[0], cur[1], cur[2], cur[3], len(paragraphs)))
            cur.clear()

    def close_paragraph() -> None:
        close_block()
        if para:
            paragraphs.append((para[0], para[1]))
            para.clear()

    for number, line_start in enumerate(lines, 1):
        end = lines[number] - 1 if number < len(lines) else size
        start = 1 if number == 1 and source.startswith("\ufeff") else line_start
        content = source[start:end]
        if not content.strip():
            close_paragraph()
            continue
        first = start + len(content) - len(content.lstrip())
        last = start + len(content.rstrip())
        if para:
            para[1] = last
        else:
            para.extend((first, last))
        item = _BULLET.match(source, start, end)
        if item is None and (not cur or cur[2] == "list-item"):
            item = _ENUM.match(source, start, end)
        if item is not None:
            close_block()
            cur.extend((item.end(), last, "list-item", number))
        elif cur:
            cur[1] = last
        else:
            cur.extend((first, last, "paragraph", number))
    close_paragraph()
    return PlainDocument(source, tuple(blocks), tuple(paragraphs))
