"""The one Markdown reader: CommonMark block structure (markdown-it-py) with exact source offsets.

markdown-it gives every block its source lines but not its columns, so each leaf's content line
is located again in its source line (it is the line minus container markers and indentation).
A leaf is what a rule or a translator reads: a paragraph, heading, list item, quote or table cell,
as a list of per-line spans of the source (inline markup still inside) and whether each line
ends in a hard break. Code (fenced, indented), thematic breaks, comments and raw HTML blocks
(``<script>``, ``<pre>``, ``<style>``, ``<textarea>``, ``<!…>``, ``<?…>``) are not leaves; other
HTML blocks (``<div>`` …) are, so their text is still read (the inline reader drops the tags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt

__all__ = ["MarkdownDocument", "MdLeaf", "front_matter", "norm_label", "read_markdown"]

_NEWLINE = re.compile(r"\r\n?|\n")  # what markdown-it counts as a line break
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_FRONT_MATTER_LANG = re.compile(
    r"^lang(?:uage)?:[ \t]*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.M
)
_TASK = re.compile(r"\[[ xX]\][ \t]+")
_FOOTNOTE_DEF = re.compile(r"[\[\x01]\^[^\]\s]+\]:[ \t]*")
# "[^1]: Wort" would be a link reference definition (and vanish); masked to stay a paragraph.
_FOOTNOTE_LINE = re.compile(r"^([ \t]{0,3}(?:>[ \t]?)*[ \t]*)\[(?=\^[^\]\s]+\]:)", re.M)
# markdown-it ends a quote at "2. Mai" on the next line; CommonMark (an ordered list interrupts
# a paragraph only from 1) keeps it lazy text of the quote's paragraph. Masked to stay so.
_LAZY_ENUMERATION = re.compile(
    r"^([ ]{0,3}(?:>[ \t]?)+[ \t]*[\w*\[(\"'„»][^\n]*\n[ ]{0,3})(\d{1,9})[.)](?=[ \t])", re.M
)
_SKIPPED_HTML = re.compile(r"<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|[!?])", re.I)
_KIND_OF_CELL = {"th_open": "table-cell", "td_open": "table-cell"}


@dataclass(slots=True)
class MdLeaf:
    """One leaf block: ``segs`` are (start, end) source offsets, one per source line, without
    container markers and edge blanks; ``hards[i]``: line i ends in a two-space hard break."""

    kind: str  # paragraph, heading, list-item, quote, table-cell
    level: int = 0  # heading level
    line: int = 1  # 1-based source line of the first seg
    segs: list[tuple[int, int]] = field(default_factory=list)
    hards: list[bool] = field(default_factory=list)
    html: bool = False  # a raw HTML block (``<div>`` …): its text is read, its markup kept

    @property
    def span(self) -> tuple[int, int]:
        """Source offsets from the first char of the first line to the last of the last."""
        return self.segs[0][0], self.segs[-1][1]


@dataclass(frozen=True, slots=True)
class MarkdownDocument:
    source: str
    leaves: tuple[MdLeaf, ...]
    definitions: frozenset[str]  # normalised labels of link reference definitions
    body_start: int  # source offset after the front matter (and a BOM)
    lang: str | None  # ``lang:``/``language:`` of the front matter


def norm_label(label: str) -> str:
    """Link labels match case- and blank-insensitively (CommonMark)."""
    return " ".join(label.split()).casefold()


def front_matter(source: str) -> tuple[int, str | None]:
    """Offset where the Markdown body starts (after a BOM and YAML front matter) and its lang."""
    start = 1 if source.startswith("\ufeff") else 0
    if not source.startswith("---", start) or source[start + 3 : start + 4] not in ("\n", "\r"):
        return start, None
    close = _FRONT_MATTER_END.search(source, source.find("\n", start) + 1)
    if close is None:
        return start, None
    lang = _FRONT_MATTER_LANG.search(source, start, close.start())
    return close.end(), lang.group(1) if lang else None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # "commonmark" plus GFM tables; only the block structure is read here (the inline content
    # is read by the callers, with its offsets), so markdown-it's inline pass is switched off.
    return MarkdownIt("commonmark", {"html": True}).enable("table").disable(["inline", "text_join"])


def read_markdown(source: str) -> MarkdownDocument:
    """Leaves of ``source`` in document order; never raises on malformed Markdown."""
    start, lang = front_matter(source)
    body = _FOOTNOTE_LINE.sub("\\1\x01", source[start:])  # same length: offsets hold
    body = _LAZY_ENUMERATION.sub(_keep_lazy, body)
    env: dict = {}
    tokens = _parser().parse(body, env)
    starts = [0, *(m.end() for m in _NEWLINE.finditer(body))]
    ends = [m.start() for m in _NEWLINE.finditer(body)] + [len(body)]
    first_line = source.count("\n", 0, start)  # front matter lines before line 0 of ``body``
    reader = _LeafReader(body, start, starts, ends, first_line)
    quotes = items = 0
    item_first = False
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quotes += 1
        elif kind == "blockquote_close":
            quotes -= 1
        elif kind == "list_item_open":
            items += 1
            item_first = True
        elif kind == "list_item_close":
            items -= 1
        elif kind == "heading_open":
            reader.pending = ("heading", int(token.tag[1]), False)
        elif kind in _KIND_OF_CELL:
            reader.pending = ("table-cell", 0, False)
        elif kind == "paragraph_open":
            para = "quote" if quotes else "list-item" if items else "paragraph"
            reader.pending = (para, 0, bool(items and item_first))
        elif kind == "inline" and token.map is not None:
            reader.inline(token.content, token.map)
        elif (
            kind == "html_block"
            and token.map is not None
            and not _SKIPPED_HTML.match(token.content.lstrip())
        ):
            para = "quote" if quotes else "list-item" if items else "paragraph"
            reader.pending = (para, 0, False)
            reader.html(token.map)
        if kind not in ("list_item_open", "bullet_list_open", "ordered_list_open"):
            item_first = item_first and kind in ("paragraph_open",)
    definitions = frozenset(norm_label(label) for label in env.get("references", {}))
    return MarkdownDocument(source, tuple(reader.leaves), definitions, start, lang)


def _keep_lazy(match: re.Match[str]) -> str:
    if int(match.group(2)) == 1:
        return match.group(0)  # "1." may interrupt a paragraph: a list
    return match.group(1) + match.group(2) + "\x02"  # same length: offsets hold


class _LeafReader:
    """Locates each leaf's content lines in the source."""

    def __init__(
        self, body: str, base: int, starts: list[int], ends: list[int], first_line: int
    ) -> None:
        self.body = body
        self.base = base
        self.starts = starts
        self.ends = ends
        self.first_line = first_line
        self.leaves: list[MdLeaf] = []
        self.pending: tuple[str, int, bool] = ("paragraph", 0, False)
        self.row = -1  # table row of the last cell and the column where it ended
        self.cursor = 0

    def inline(self, content: str, lines: list[int]) -> None:
        kind, level, item_first = self.pending
        leaf = MdLeaf(kind, level, self.first_line + lines[0] + 1)
        body = self.body
        if kind == "table-cell":
            row = lines[0]
            if row != self.row:
                self.row, self.cursor = row, self.starts[row]
            text = content.strip()
            # markdown-it unescapes "\\|" in a cell: the pipe may be escaped in the source.
            pattern = re.escape(text).replace(r"\|", r"\\?\|")
            found = re.compile(pattern).search(body, self.cursor, self.ends[row]) if text else None
            if found is not None:
                self.cursor = found.end()
                self._add(leaf, found.start(), found.end(), hard=False)
                self.leaves.append(leaf)
            return
        parts = content.split("\n")
        # A setext underline is part of the heading's map but not of its content.
        for offset, part in enumerate(parts):
            row = lines[0] + offset
            if row >= len(self.starts):
                break
            text = part.strip(" \t")
            if not text:
                continue
            line_start, line_end = self.starts[row], self.ends[row]
            stripped_end = line_start + len(body[line_start:line_end].rstrip(" \t"))
            at = body.rfind(text, line_start, stripped_end)
            if at < 0:
                continue
            # A heading ends before its closing "##"; other leaves run to the end of the line.
            end = at + len(text) if kind == "heading" else stripped_end
            if offset == 0 and item_first and (task := _TASK.match(body, at, end)):
                at = task.end()
            if offset == 0 and (note := _FOOTNOTE_DEF.match(body, at, end)):
                at = note.end()  # a footnote definition is read as its text
            # Two spaces before the line break: a hard break (also inside a setext heading).
            hard = line_end - stripped_end >= 2 and body.startswith("  ", stripped_end)
            self._add(leaf, at, end, hard=hard)
        if leaf.segs:
            self.leaves.append(leaf)

    def html(self, lines: list[int]) -> None:
        kind, level, _ = self.pending
        leaf = MdLeaf(kind, level, self.first_line + lines[0] + 1, html=True)
        body = self.body
        for row in range(lines[0], min(lines[1], len(self.starts))):
            line_start, line_end = self.starts[row], self.ends[row]
            text = body[line_start:line_end]
            at = line_start + len(text) - len(text.lstrip())
            # Container markers ("> ", list indent) sit before the tag; keep from the first "<"
            # of the first line and from the first non-blank char elsewhere.
            if row == lines[0] and (tag := body.find("<", at, line_end)) >= 0:
                at = tag
            stop = line_start + len(text.rstrip(" \t"))
            if at < stop:
                self._add(leaf, at, stop, hard=False)
        if leaf.segs:
            self.leaves.append(leaf)

    def _add(self, leaf: MdLeaf, start: int, end: int, *, hard: bool) -> None:
        leaf.segs.append((self.base + start, self.base + end))
        leaf.hards.append(hard)
