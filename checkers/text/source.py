"""Turn submitted text (plain, Markdown or HTML) into analysable text with an exact offset map.

Rules only ever see ``Extracted.text`` (no markup) and report offsets into it;
:meth:`Extracted.to_source` maps those offsets back to the submitted source, so a finding points
at the original characters (a decoded ``&amp;`` covers the whole entity).

Blocks are joined by ``"\\n\\n"``: a block boundary is always a hard sentence boundary, while a
soft line break inside a Markdown paragraph becomes a single space.
"""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from lxml import etree

from checkers.document.markdown import MdLeaf, norm_label, read_markdown
from checkers.document.plain import read_plain

if TYPE_CHECKING:
    from checkers.document.html import HtmlElement
    from checkers.page.dom import Page

Format = Literal["plain", "markdown", "html"]

__all__ = ["Block", "Extracted", "Format", "detect_format", "extract"]


@dataclass(frozen=True, slots=True)
class Block:
    start: int  # offsets into Extracted.text
    end: int
    kind: str
    level: int = 0  # heading level
    lang: str | None = None  # effective (inherited) lang of the block
    selector: str | None = None  # HTML only: a CSS selector unique in the document
    line: int = 1  # 1-based source line where the block starts


@dataclass(frozen=True, slots=True)
class Extracted:
    source: str
    format: Format
    text: str
    blocks: tuple[Block, ...]
    foreign_spans: tuple[tuple[int, int, str], ...] = ()
    doc_lang: str | None = None
    # Inline code (Markdown `code`, HTML <code>/<kbd>/<samp>) as text spans: kept as text, but
    # rules may want to leave it alone.
    code_spans: tuple[tuple[int, int], ...] = ()
    # Source offset of every text char (None: identity, plain text).
    _map: array[int] | None = field(default=None, repr=False, compare=False)
    # Source end of text chars whose source is not exactly one char wide (entities, escapes,
    # synthetic separators of width 0); everything else ends at map[i] + 1.
    _wide: dict[int, int] = field(default_factory=dict, repr=False, compare=False)
    _lines: list[int] = field(default_factory=list, repr=False, compare=False)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Text offsets -> source offsets (end exclusive)."""
        size = len(self.text)
        start = min(max(start, 0), size)
        end = min(max(end, start), size)
        if self._map is None:
            return start, end
        if not size:
            return 0, 0
        if start == size:
            last = self._source_end(size - 1)
            return last, last
        begin = self._map[start]
        if end == start:
            return begin, begin
        return begin, max(begin, self._source_end(end - 1))

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (in str characters) of a source offset."""
        lines = self._lines or _line_starts(self.source)
        offset = min(max(source_offset, 0), len(self.source))
        index = bisect_right(lines, offset) - 1
        return index + 1, offset - lines[index] + 1

    def _source_end(self, index: int) -> int:
        assert self._map is not None
        return self._wide.get(index, self._map[index] + 1)


def _line_starts(source: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", source))]


def _primary(lang: str | None) -> str | None:
    """Primary language subtag: "de-CH" and "de" are the same language."""
    return lang.replace("_", "-").split("-", 1)[0].strip().lower() or None if lang else None


# --------------------------------------------------------------------------- format sniffing

_SNIFF = 65536
_HTML_DOC = re.compile(
    r"\A[\s\ufeff]*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml)", re.I
)
_HTML_BLOCK = re.compile(
    r"<(?:p|h[1-6]|div|ul|ol|li|dl|dt|dd|table|tr|td|th|section|article|main|header|footer|nav"
    r"|aside|blockquote|figure|form|title)[\s>]",
    re.I,
)
_HTML_TAG = re.compile(r"</[A-Za-z][A-Za-z0-9]*\s*>|<(?:br|img|input|hr)\b[^<>]*>", re.I)
_MD_STRONG = re.compile(
    r"^#{1,6}[ \t]+\S|^(?:```|~~~)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\s][^*\n]*\*\*|__[^_\s][^_\n]*__"
    r"|^\|?[ \t]*:?-{3,}:?[ \t]*\||^\S[^\n]*\n(?:={3,}|-{3,})[ \t]*$|^>[ \t]",
    re.M,
)
_MD_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}\.)[ \t]+\S", re.M)


def detect_format(source: str) -> Format:
    """Cheap sniffing of the first 64 KiB; never parses."""
    head = source[:_SNIFF]
    if _HTML_DOC.match(head):
        return "html"
    html_score = len(_HTML_BLOCK.findall(head))
    # A single list line is common in plain text; only a real list counts as a Markdown hint.
    md_score = len(_MD_STRONG.findall(head)) + len(_MD_LIST.findall(head)) // 2
    if html_score and html_score > md_score:
        return "html"
    if md_score:
        return "markdown"
    return "html" if _HTML_TAG.search(head) else "plain"


def extract(
    source: str, fmt: Format | Literal["auto"] = "auto", page: Page | None = None
) -> Extracted:
    """Analysable text, blocks and offset map for ``source``; never raises on malformed markup.
    HTML is read from ``page`` when it is the parse of ``source`` (else parsed here)."""
    if fmt == "auto":
        fmt = detect_format(source)
    lines = _line_starts(source)
    if fmt == "plain":
        return _extract_plain(source, lines)
    if fmt == "markdown":
        return _extract_markdown(source, lines)
    if fmt == "html":
        return _extract_html(source, lines, page)
    raise ValueError(f"unknown format {fmt!r}")


# --------------------------------------------------------------------------- output buffer

_INVISIBLE = "\u200b\ufeff"  # zero-width space, BOM: never wanted at a block edge
_EDGE_BLANKS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + _INVISIBLE
_BlockRow = tuple[int, int, str, int, "str | None", "HtmlElement | None"]


class _Out:
    """Accumulates text, its source map and blocks; handles separators and space collapsing."""

    __slots__ = (
        "_bstart", "_nl", "_sp", "_space", "_space_end", "blocks", "code", "foreign", "map", "n",
        "parts", "wide",
    )

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.map = array("i")
        self.wide: dict[int, int] = {}
        self.n = 0
        self.blocks: list[_BlockRow] = []
        self.foreign: list[tuple[int, int, str]] = []
        self.code: list[tuple[int, int]] = []
        self._bstart = -1  # text offset where the open block's content starts; -1: none yet
        self._space = -1  # source offset of a pending collapsible space; -1: none
        self._space_end = 0
        self._nl = False  # last char is a line break (no collapsed space after it)
        self._sp = False  # last char is a space

    def _end_of_last(self) -> int:
        index = self.n - 1
        return self.wide.get(index, self.map[index] + 1)

    def _put(self, chars: str, start: int, end: int) -> None:
        self.parts.append(chars)
        for _ in chars:
            self.map.append(start)
            if end - start != 1:
                self.wide[self.n] = end
            self.n += 1
        self._nl = chars.endswith("\n")
        self._sp = chars.endswith(" ")

    def _open(self) -> None:
        """Called before content: starts the block (with separator) or emits a pending space."""
        if self._bstart < 0:
            if self.n:
                pos = self._end_of_last()
                self._put("\n\n", pos, pos)
            self._bstart = self.n
        elif self._space >= 0 and not self._nl and not self._sp:
            self._put(" ", self._space, self._space_end)
        self._space = -1

    def run(self, src: str, start: int, end: int) -> None:
        """Copy ``src[start:end]`` verbatim, except whitespace at a block start (also &nbsp;)
        and a space after a space (removed Markdown markup must not leave a gap behind)."""
        if self._bstart < 0:
            while start < end and (src[start].isspace() or src[start] in _INVISIBLE):
                start += 1
        elif self._sp:
            while start < end and src[start] == " ":
                start += 1
        if start < end:
            self._open()
            self.parts.append(src[start:end])
            self.map.extend(range(start, end))
            self.n += end - start
            self._nl = False
            self._sp = src[end - 1] == " "

    def char(self, chars: str, start: int, end: int) -> None:
        """Decoded chars standing for ``src[start:end]`` (an entity, an escape)."""
        if chars and (self._bstart >= 0 or chars.strip(_EDGE_BLANKS)):
            self._open()
            self._put(chars, start, end)

    def space(self, pos: int, width: int = 1) -> None:
        """A collapsible space; only materialises between two pieces of content."""
        if self._bstart >= 0 and self._space < 0:
            self._space = pos
            self._space_end = pos + width

    def soft(self) -> None:
        """A soft line break: a space of width 0 right after the previous char."""
        if self._bstart >= 0:
            self.space(self._end_of_last(), 0)

    def hard(self, start: int = -1, end: int = -1) -> None:
        """A hard line break (``<br>``, Markdown two-space break)."""
        if self._bstart < 0 or self._nl:
            return  # "<br><br>" gives one "\n": "\n\n" is reserved for block boundaries
        if self._sp and self.n > self._bstart:
            self._truncate(self.n - 1)  # "Text \" + newline: no space before the break
        if start < 0:
            start = end = self._end_of_last()
        self._space = -1
        self._put("\n", start, end)

    def end_block(self, kind: str, level: int, lang: str | None, node: HtmlElement | None) -> None:
        if self._bstart >= 0:
            self._trim()
            if self.n > self._bstart:
                self.blocks.append((self._bstart, self.n, kind, level, lang, node))
        self._bstart = -1
        self._space = -1
        self._nl = False

    def _trim(self) -> None:
        cut = 0
        for part in reversed(self.parts):
            kept = len(part.rstrip(_EDGE_BLANKS))
            cut += len(part) - kept
            if kept:
                break
        keep = max(self.n - cut, self._bstart)
        if keep == self._bstart and keep:
            keep -= 2  # an empty block leaves no separator behind
        self._truncate(keep)

    def _truncate(self, keep: int) -> None:
        drop = self.n - keep
        while drop > 0:
            last = self.parts[-1]
            if len(last) <= drop:
                self.parts.pop()
                drop -= len(last)
            else:
                self.parts[-1] = last[:-drop]
                drop = 0
        for index in range(keep, self.n):
            self.wide.pop(index, None)
        del self.map[keep:]
        self.n = keep
        for spans in (self.code, self.foreign):  # spans that ended in the cut-off tail
            index = len(spans) - 1
            while index >= 0 and spans[index][1] > keep:
                spans[index] = (min(spans[index][0], keep), keep, *spans[index][2:])
                index -= 1

    def finish(
        self, source: str, fmt: Format, lines: list[int], doc_lang: str | None,
        selector: Callable[[HtmlElement], str | None] | None = None,
    ) -> Extracted:
        text = "".join(self.parts)
        blocks = tuple(
            Block(
                start, end, kind, level, lang,
                selector(node) if selector is not None and node is not None else None,
                bisect_right(lines, self.map[start]),
            )
            for start, end, kind, level, lang, node in self.blocks
        )
        foreign = tuple(
            (s, e, lang) for s, e, lang in (
                (*_strip_span(text, start, end), lang) for start, end, lang in self.foreign
            ) if s < e
        )
        code = tuple(
            span for span in (_strip_span(text, s, e) for s, e in self.code) if span[0] < span[1]
        )
        return Extracted(
            source, fmt, text, blocks, foreign, doc_lang, code, self.map, self.wide, lines
        )


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Spans are recorded around markup; drop separators/spaces that landed on their edges."""
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    return start, end


# --------------------------------------------------------------------------- plain text

def _extract_plain(source: str, lines: list[int]) -> Extracted:
    """Identity text; only blocks are computed (paragraphs and list items)."""
    blocks = tuple(
        Block(block.start, block.end, block.kind, line=block.line)
        for block in read_plain(source, lines).blocks
    )
    return Extracted(source, "plain", source, blocks, (), None, (), None, {}, lines)


# --------------------------------------------------------------------------- Markdown inline

_MD_SPECIAL = re.compile(r"[\\`*_~\[\]<&\n]|!\[")
_MD_MARKUP = re.compile(r"[\\`*_~\[\]<&]")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MD_RUN = re.compile(r"\*+|_+|~+")
_MD_BACKTICKS = re.compile(r"`+")
_MD_FOOTREF = re.compile(r"\[\^[^\]\s]+\]")
_MD_DEST = re.compile(
    r"\(\s*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
_MD_REF = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]")
_MD_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_MD_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)")

# Inline pieces: verbatim range, decoded chars, soft break, hard break, delimiter (literal unless
# matched), code start, code end.
_RUN, _CHARS, _SOFT, _HARD, _DELIM, _CODE_ON, _CODE_OFF = range(7)


@lru_cache(maxsize=4096)
def _unescape(raw: str) -> str:
    return html.unescape(raw)


def _is_punct(char: str) -> bool:
    return not char.isalnum() and not char.isspace()


class _MdInline:
    """Inline parser for one leaf: removes markup, keeps text, resolves emphasis and links."""

    def __init__(
        self, joined: str, hards: list[bool], starts: list[int], defs: frozenset[str]
    ) -> None:
        self.s = joined
        self.hards = hards
        self.starts = starts  # where each source line starts in ``joined``
        self.defs = defs
        self.pieces: list[tuple] = []
        self.removed: set[int] = set()
        self.groups: list[tuple[int, int]] = []  # image alt texts: piece ranges
        self.brackets: list[tuple[int, int, bool]] = []  # (piece index, offset, is image)
        self.delims: dict[str, list[int]] = {"*": [], "_": [], "~": []}
        self.no_closer: set[int] = set()  # backtick run lengths without a later closer
        self.no_comment_end = False

    def parse(self) -> None:
        s, pieces = self.s, self.pieces
        pos = 0
        while m := _MD_SPECIAL.search(s, pos):
            at = m.start()
            if at > pos:
                pieces.append((_RUN, pos, at))
            pos = self._special(at)
        if pos < len(s):
            pieces.append((_RUN, pos, len(s)))

    def _special(self, at: int) -> int:
        s, char = self.s, self.s[at]
        if char == "\n":
            line = bisect_right(self.starts, at) - 1
            self.pieces.append((_HARD,) if self.hards[line] else (_SOFT,))
            return at + 1
        if char == "\\":
            return self._escape(at)
        if char == "`":
            return self._code(at)
        if char in "*_~":
            return self._delim(at)
        if char == "[":
            if m := _MD_FOOTREF.match(s, at):
                return m.end()
            self.brackets.append((len(self.pieces), at, False))
            self.pieces.append((_DELIM, at, at + 1))
            return at + 1
        if char == "!":
            self.brackets.append((len(self.pieces), at, True))
            self.pieces.append((_DELIM, at, at + 2))
            return at + 2
        if char == "]":
            return self._close_bracket(at)
        if char == "<":
            return self._angle(at)
        m = _ENTITY.match(s, at)  # "&"
        end = m.end() if m else at + 1
        decoded = _unescape(s[at:end])
        self.pieces.append((_RUN, at, end) if decoded == s[at:end] else (_CHARS, decoded, at, end))
        return end

    def _escape(self, at: int) -> int:
        nxt = self.s[at + 1 : at + 2]
        if nxt == "\n":
            self.pieces.append((_HARD,))
            return at + 2
        if nxt and nxt in _ASCII_PUNCT:
            self.pieces.append((_CHARS, nxt, at, at + 2))
            return at + 2
        self.pieces.append((_RUN, at, at + 1))
        return at + 1

    def _code(self, at: int) -> int:
        s = self.s
        run = _MD_BACKTICKS.match(s, at)
        assert run is not None
        width = run.end() - at
        closer = None
        if width not in self.no_closer:
            closer = re.compile(f"(?<!`)`{{{width}}}(?!`)").search(s, run.end())
            if closer is None:
                self.no_closer.add(width)
        if closer is None:
            self.pieces.append((_RUN, at, run.end()))
            return run.end()
        start, end = run.end(), closer.start()
        body = s[start:end]
        if len(body) > 2 and body[0] in " \n" and body[-1] in " \n" and body.strip():
            start, end = start + 1, end - 1
        self.pieces.append((_CODE_ON,))
        pos = start
        while (nl := s.find("\n", pos, end)) >= 0:
            self.pieces.extend(((_RUN, pos, nl), (_SOFT,)))
            pos = nl + 1
        self.pieces.extend(((_RUN, pos, end), (_CODE_OFF,)))
        return closer.end()

    def _delim(self, at: int) -> int:
        s = self.s
        run = _MD_RUN.match(s, at)
        assert run is not None
        end, char = run.end(), s[at]
        before = s[at - 1] if at else " "
        after = s[end] if end < len(s) else " "
        left = not after.isspace() and (
            not _is_punct(after) or before.isspace() or _is_punct(before)
        )
        right = not before.isspace() and (
            not _is_punct(before) or after.isspace() or _is_punct(after)
        )
        if char == "_":
            can_open = left and (not right or _is_punct(before))
            can_close = right and (not left or _is_punct(after))
        elif char == "*" and end - at == 1 and before.isalnum() and after.isalnum():
            can_open = can_close = False  # German gender star: "Lehrer*innen" is text
        elif char == "~" and end - at > 2:
            can_open = can_close = False
        else:
            can_open, can_close = left, right
        index = len(self.pieces)
        self.pieces.append((_DELIM, at, end))
        stack = self.delims[char]
        if can_close and stack:
            self.removed.update((stack.pop(), index))
        elif can_open:
            stack.append(index)
        return end

    def _close_bracket(self, at: int) -> int:
        s = self.s
        if not self.brackets:
            self.pieces.append((_RUN, at, at + 1))
            return at + 1
        opener, offset, image = self.brackets.pop()
        label_start = offset + (2 if image else 1)
        end = -1
        follow = s[at + 1 : at + 2]
        target = _MD_DEST if follow == "(" else _MD_REF if follow == "[" else None
        if target is not None and (m := target.match(s, at + 1)):
            end = m.end()
        elif norm_label(s[label_start:at]) in self.defs:
            end = at + 1
        if end < 0:
            self.pieces.append((_RUN, at, at + 1))
            return at + 1
        self.removed.add(opener)
        if image:
            self.groups.append((opener + 1, len(self.pieces)))
        return end

    def _angle(self, at: int) -> int:
        s = self.s
        if s.startswith("<!--", at):
            close = -1 if self.no_comment_end else s.find("-->", at + 4)
            if close >= 0:
                return close + 3
            self.no_comment_end = True
        elif m := _MD_AUTOLINK.match(s, at):
            self.pieces.append((_RUN, at + 1, m.end() - 1))
            return m.end()
        elif m := _MD_TAG.match(s, at):
            if m.group(1).lower() == "br":
                self.pieces.append((_HARD,))
            return m.end()
        self.pieces.append((_RUN, at, at + 1))
        return at + 1


def _extract_markdown(source: str, lines: list[int]) -> Extracted:
    document = read_markdown(source)
    out = _Out()
    for leaf in document.leaves:
        _emit_leaf(out, source, leaf, document.definitions, document.lang)
    return out.finish(source, "markdown", lines, document.lang)


def _emit_leaf(
    out: _Out, src: str, leaf: MdLeaf, defs: frozenset[str], lang: str | None
) -> None:
    segs = leaf.segs
    starts, pieces_src, pos = [], [], 0
    for seg_start, seg_end in segs:
        starts.append(pos)
        pieces_src.append(src[seg_start:seg_end])
        pos += seg_end - seg_start + 1
    joined = "\n".join(pieces_src)
    if not _MD_MARKUP.search(joined):  # fast path: plain prose
        for index, (seg_start, seg_end) in enumerate(segs):
            if index:
                out.hard() if leaf.hards[index - 1] else out.soft()
            out.run(src, seg_start, seg_end)
        out.end_block(leaf.kind, leaf.level, lang, None)
        return
    inline = _MdInline(joined, leaf.hards, starts, defs)
    inline.parse()
    hidden = bytearray(len(inline.pieces))
    for first, stop in inline.groups:
        hidden[first:stop] = b"\x01" * (stop - first)
    _emit_pieces(out, src, inline, segs, starts, indices=range(len(inline.pieces)), hidden=hidden)
    out.end_block(leaf.kind, leaf.level, lang, None)
    for first, stop in inline.groups:
        _emit_pieces(out, src, inline, segs, starts, indices=range(first, stop))
        out.end_block("alt", 0, lang, None)


def _emit_pieces(
    out: _Out, src: str, inline: _MdInline, segs: list[tuple[int, int]], starts: list[int],
    *, indices: range, hidden: bytearray | None = None,
) -> None:
    def to_src(offset: int) -> int:
        line = bisect_right(starts, offset) - 1
        return segs[line][0] + offset - starts[line]

    code_start = -1
    pieces, removed = inline.pieces, inline.removed
    for index in indices:
        if hidden is not None and hidden[index]:
            continue
        piece = pieces[index]
        kind = piece[0]
        if kind == _RUN or (kind == _DELIM and index not in removed):
            begin = to_src(piece[1])
            out.run(src, begin, begin + piece[2] - piece[1])
        elif kind == _CHARS:
            begin = to_src(piece[2])
            out.char(piece[1], begin, begin + piece[3] - piece[2])
        elif kind == _SOFT:
            out.soft()
        elif kind == _HARD:
            out.hard()
        elif kind == _CODE_ON:
            code_start = out.n
        elif kind == _CODE_OFF and code_start >= 0:
            out.code.append((code_start, out.n))


# --------------------------------------------------------------------------- HTML

def _words(names: str) -> frozenset[str]:
    return frozenset(names.split())


_SKIP = _words(
    "script style template noscript svg math pre iframe object canvas audio video textarea "
    "datalist rp rt"
)
_HEADINGS = _words("h1 h2 h3 h4 h5 h6")
_CONTAINERS = _words(
    "div section article main header footer nav aside form fieldset figure details address "
    "dl ul ol menu table thead tbody tfoot tr hgroup search dialog center optgroup select"
)
_BLOCK_KIND = {
    "p": "paragraph", "li": "list-item", "dt": "list-item", "dd": "list-item",
    "td": "table-cell", "th": "table-cell", "caption": "caption", "figcaption": "caption",
    "blockquote": "quote", "label": "label", "button": "button", "summary": "summary",
    "legend": "legend", "option": "option", "title": "title",
    **dict.fromkeys(_HEADINGS, "heading"),
    **dict.fromkeys(_CONTAINERS, "paragraph"),
}
# A <p>/<div> inside these takes their kind: a paragraph in a list item is list-item text.
_INHERITED_KIND = frozenset(("list-item", "table-cell", "quote", "caption"))
_CODE_TAGS = frozenset(("code", "kbd", "samp"))
_ALT_TAGS = frozenset(("img", "area"))
_HTML_TEXT = re.compile(
    r"([^\t\n\r\f &]+(?: [^\t\n\r\f &]+)*)"  # words joined by single spaces: verbatim
    r"|([\t\n\r\f ]+)"  # collapsible whitespace
    r"|(&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?))"
    r"|&"
)
_HTML_WS = frozenset(" \t\n\r\f")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MAX_SELECTOR_DEPTH = 128


class _El:
    """An open element of the walk: what its text and its children inherit."""

    __slots__ = ("code", "foreign", "kind", "lang", "level", "node", "skip")

    def __init__(
        self, node: HtmlElement, kind: str | None, lang: str | None, *, level: int = 0,
        skip: bool = False,
    ) -> None:
        self.node = node
        self.kind = kind
        self.level = level
        self.lang = lang
        self.skip = skip  # this element starts a skipped subtree
        self.foreign = -1  # text offset where a foreign-language span starts
        self.code = -1


def _own_lang(el: HtmlElement) -> str | bool | None:
    """The element's ``lang`` (else ``xml:lang``); empty means unknown (None); False: none."""
    value = el.get("lang")
    if value is None:
        value = el.get("xml:lang")
    if value is None:
        return False
    return value.strip() or None


def _hides(el: HtmlElement) -> bool:
    if el.get("hidden") is not None:
        return True
    if (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = el.get("style")
    return bool(style and _DISPLAY_NONE.search(style))


class _HtmlWalk:
    """Walks the tree a browser builds (:mod:`checkers.document.html`) in document order; the
    text is read from the source ranges each tree text came from, so offsets are exact."""

    def __init__(self, source: str, page: Page) -> None:
        self.src = source
        self.page = page
        self.parsed = page.parsed
        self.out = _Out()
        self.stack: list[_El] = []
        self.owners: list[_El] = []  # block-level elements on the stack
        self.skip = 0
        lang = _own_lang(page.root)
        self.doc_lang = self.base_lang = lang if lang is not False else None
        self.body = next(page.root.iterchildren("body"), page.root)
        self.pending: list[tuple[int, int, str, str | None, HtmlElement]] = []

    def run(self, lines: list[int]) -> Extracted:
        body_lang = _own_lang(self.body)
        for event, el in etree.iterwalk(self.page.root, events=("start", "end")):
            if event == "start":
                if el is self.body and body_lang is not False:
                    self.base_lang = body_lang
                if el.tag not in ("html", "head", "body"):
                    self._start(el)
                if el.text and not self.skip:
                    self._emit_ranges(self.parsed.text_ranges(el))
            else:
                if el.tag not in ("html", "head", "body"):
                    self._end(el)
                if el.tail and not self.skip:
                    self._emit_ranges(self.parsed.text_ranges(el, True))
        self._close_block()
        return self.out.finish(self.src, "html", lines, self.doc_lang, self._selector)

    def _selector(self, el: HtmlElement) -> str | None:
        depth, node = 0, el.getparent()
        while node is not None and depth <= _MAX_SELECTOR_DEPTH:
            depth, node = depth + 1, node.getparent()
        return None if depth > _MAX_SELECTOR_DEPTH + 1 else self.page.selector(el)

    def _emit_ranges(self, ranges: list[tuple[int, int]]) -> None:
        for start, end in ranges:
            self._emit_text(start, end)

    def _emit_text(self, start: int, end: int) -> None:
        out, src = self.out, self.src
        for m in _HTML_TEXT.finditer(src, start, end):
            if m.lastindex == 1:
                out.run(src, m.start(), m.end())
            elif m.lastindex == 2:
                out.space(m.start())
            else:
                raw = m.group()
                decoded = _unescape(raw)
                if decoded == raw:
                    out.run(src, m.start(), m.end())
                elif decoded in _HTML_WS:
                    out.space(m.start(), m.end() - m.start())
                else:
                    out.char(decoded, m.start(), m.end())

    def _start(self, el: HtmlElement) -> None:
        tag = el.tag
        if not isinstance(tag, str) or self.skip:
            self._push(_El(el, None, None))
            return
        parent = self.stack[-1] if self.stack else None
        inherited = parent.lang if parent else self.base_lang
        lang = _own_lang(el)
        effective = inherited if lang is False else lang
        hidden = _hides(el)
        if tag in _VOID_TAGS:
            if not hidden:
                self._void(el, tag, effective)
            self._push(_El(el, None, effective))
            return
        skip = hidden or tag in _SKIP
        kind = None if skip else _BLOCK_KIND.get(tag)
        owner = self.owners[-1] if self.owners else None
        if kind == "paragraph" and owner is not None and owner.kind in _INHERITED_KIND:
            kind = owner.kind
        level = int(tag[1]) if tag in _HEADINGS else 0
        state = _El(el, kind, effective, level=level, skip=skip)
        if kind is not None:
            self._close_block()
        elif not skip:
            reference = self.doc_lang or (owner.lang if owner else self.base_lang)
            if lang is not False and lang and _primary(lang) != _primary(reference):
                state.foreign = self.out.n
            if tag in _CODE_TAGS:
                state.code = self.out.n
        self._push(state)

    def _void(self, el: HtmlElement, tag: str, lang: str | None) -> None:
        if tag == "br":
            span = self.parsed.start_tag(el)
            self.out.hard(*span) if span else self.out.hard()
            return
        if tag == "hr":
            self._close_block()
            return
        input_type = (el.get("type") or "").lower()
        if tag in _ALT_TAGS or (tag == "input" and input_type == "image"):
            self._defer(el, tag, "alt", "alt", lang)
        elif tag == "input" and input_type in ("submit", "button", "reset"):
            self._defer(el, tag, "value", "button", lang)

    def _defer(self, el: HtmlElement, tag: str, attr: str, kind: str, lang: str | None) -> None:
        """Alt texts become their own blocks after the block they sit in (no sentence split)."""
        span = self.parsed.start_tag(el)
        if span is None:
            return
        start, end = span
        for m in _ATTR.finditer(self.src, start + 1 + len(tag), end):
            if m.group(1).lower() == attr:
                group = next((g for g in (2, 3, 4) if m.group(g) is not None), 0)
                if group:
                    self.pending.append((m.start(group), m.end(group), kind, lang, el))
                return

    def _end(self, el: HtmlElement) -> None:
        state = self.stack.pop()
        if state.kind is not None:
            self._close_block()
            self.owners.pop()
        if state.skip:
            self.skip -= 1
        if state.foreign >= 0 and state.lang:
            self.out.foreign.append((state.foreign, self.out.n, state.lang))
        if state.code >= 0:
            self.out.code.append((state.code, self.out.n))

    def _push(self, state: _El) -> None:
        self.stack.append(state)
        if state.skip:
            self.skip += 1
        if state.kind is not None:
            self.owners.append(state)

    def _close_block(self) -> None:
        """End the block of the innermost block element, then emit the alt texts it held."""
        owner = self.owners[-1] if self.owners else None
        if owner is not None:
            self.out.end_block(owner.kind or "paragraph", owner.level, owner.lang, owner.node)
        else:
            self.out.end_block("paragraph", 0, self.base_lang, self.body)
        pending, self.pending = self.pending, []
        for start, end, kind, lang, node in pending:
            self._emit_text(start, end)
            self.out.end_block(kind, 0, lang, node)


_VOID_TAGS = _words("area base br col embed hr img input keygen link meta param source track wbr")


def _extract_html(source: str, lines: list[int], page: Page | None = None) -> Extracted:
    from checkers.page.dom import Page  # the page audit imports this module

    if page is None or page.html != source:
        page = Page(source)
    return _HtmlWalk(source, page).run(lines)
