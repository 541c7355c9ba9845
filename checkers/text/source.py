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
from html.parser import HTMLParser
from typing import Literal

from checkers.document.markdown import MdLeaf, norm_label, read_markdown
from checkers.document.plain import read_plain

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


def extract(source: str, fmt: Format | Literal["auto"] = "auto") -> Extracted:
    """Analysable text, blocks and offset map for ``source``; never raises on malformed markup."""
    if fmt == "auto":
        fmt = detect_format(source)
    lines = _line_starts(source)
    if fmt == "plain":
        return _extract_plain(source, lines)
    if fmt == "markdown":
        return _extract_markdown(source, lines)
    if fmt == "html":
        return _extract_html(source, lines)
    raise ValueError(f"unknown format {fmt!r}")


# --------------------------------------------------------------------------- output buffer

_INVISIBLE = "\u200b\ufeff"  # zero-width space, BOM: never wanted at a block edge
_EDGE_BLANKS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + _INVISIBLE
_BlockRow = tuple[int, int, str, int, "str | None", "_Node | None"]


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

    def end_block(self, kind: str, level: int, lang: str | None, node: _Node | None) -> None:
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
        selector: Callable[[_Node], str | None] | None = None,
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


_VOID = _words("area base br col embed hr img input keygen link meta param source track wbr")
_SKIP = _words(
    "script style template noscript svg math pre iframe object canvas audio video textarea "
    "datalist rp rt"
)
_HEAD_TAGS = _words("title meta link base style script noscript template")
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
_CLOSES_P = _words(
    "address article aside blockquote details dialog div dl fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul li dd dt "
    "search center"
)
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
# Browsers cap the tree depth too (Blink: 512); deeper elements become siblings.
_MAX_DEPTH = 512
_MAX_SELECTOR_DEPTH = 128
_COMMENT_OR_RAW = re.compile(r"<!--|<(script|style)\b", re.I)
_RAW_CLOSE = {tag: re.compile(f"</{tag}", re.I) for tag in ("script", "style")}
_TAG_NAME = re.compile(r"<[^\s/>]*")
_CSS_IDENT = re.compile(r"-?[^\W\d][\w-]*")


class _Node:
    """One element of the (approximated) DOM, kept only for selectors."""

    __slots__ = ("counts", "depth", "ident", "nth", "offset", "parent", "sel", "tag")

    def __init__(
        self, tag: str, ident: str | None, parent: _Node | None, offset: int = -1
    ) -> None:
        self.tag = tag
        self.ident = ident
        self.parent = parent
        self.offset = offset  # source offset of the start tag's "<" (-1: made up)
        self.counts: dict[str, int] | None = None
        self.sel: str | None = None
        self.nth = 1
        self.depth = parent.depth + 1 if parent is not None else 0
        if parent is not None:
            if parent.counts is None:
                parent.counts = {}
            self.nth = parent.counts[tag] = parent.counts.get(tag, 0) + 1


class _Selectors:
    """``body > main > p:nth-of-type(3)``, shortened at the nearest ancestor with a unique id."""

    def __init__(self, ids: dict[str, int]) -> None:
        self.ids = ids

    def __call__(self, node: _Node) -> str | None:
        if node.depth > _MAX_SELECTOR_DEPTH:
            return None  # absurdly deep markup: selectors would grow quadratically
        chain: list[_Node] = []
        cur = node
        while cur.sel is None:
            ident = cur.ident
            if cur.parent is None:
                cur.sel = cur.tag
            elif ident and self.ids.get(ident) == 1 and _CSS_IDENT.fullmatch(ident):
                cur.sel = f"#{ident}"
            else:
                chain.append(cur)
                cur = cur.parent
        sel = cur.sel
        for item in reversed(chain):
            assert item.parent is not None and item.parent.counts is not None
            part = item.tag
            if item.parent.counts[item.tag] > 1:
                part = f"{part}:nth-of-type({item.nth})"
            sel = item.sel = f"{sel} > {part}"
        return sel


class _BrowserSelectors:
    """Selectors of the browser's tree, by the function the page audit uses
    (:meth:`checkers.page.dom.Page.selector` over :mod:`checkers.document.html`): a block's
    element is the one the browser built from the same start tag. The source is parsed there
    only when a block asks; a tag the browser dropped falls back to this parser's tree."""

    def __init__(self, source: str, fallback: _Selectors) -> None:
        self.source = source
        self.fallback = fallback
        self._elements: dict[int, object] | None = None
        self._select: Callable[[object], str] | None = None

    def __call__(self, node: _Node) -> str | None:
        if node.depth > _MAX_SELECTOR_DEPTH:
            return None
        if self._elements is None:
            self._parse()
        element = self._elements.get(node.offset) if node.offset >= 0 else None
        if element is not None and self._select is not None:
            return self._select(element)
        selector = self.fallback(node)
        return f"html > {selector}" if selector else selector

    def _parse(self) -> None:
        from checkers.page.dom import Page  # the page audit imports this module

        elements: dict[int, object] = {}
        self._elements = elements
        try:
            page = Page(self.source)
        except ValueError:  # markup lxml cannot hold: this parser's selectors stay
            return
        for element, offset in page.offsets.items():  # start-tag matches first, in order
            tag = _TAG_NAME.match(self.source, offset)
            if tag is not None and tag.group(0)[1:].lower() == element.tag:
                elements.setdefault(offset, element)
        self._select = page.selector  # type: ignore[assignment]


class _El:
    __slots__ = ("code", "foreign", "kind", "lang", "level", "node", "skip", "tag")

    def __init__(
        self, tag: str, node: _Node | None, kind: str | None = None, *, level: int = 0,
        lang: str | None = None, skip: bool = False,
    ) -> None:
        self.tag = tag
        self.node = node
        self.kind = kind
        self.level = level
        self.lang = lang
        self.skip = skip  # this element starts a skipped subtree
        self.foreign = -1  # text offset where a foreign-language span starts
        self.code = -1


class _HtmlExtractor(HTMLParser):
    """Streams html.parser events; text itself is decoded from the source between events."""

    def __init__(self, source: str, lines: list[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.src = source
        self.lines = lines
        self.out = _Out()
        self.stack: list[_El] = []
        self.owners: list[_El] = []  # block-level elements on the stack
        self.open: dict[str, int] = {}
        self.skip = 0
        self.text_from = -1
        self.in_head = False
        self.doc_lang: str | None = None
        self.base_lang: str | None = None
        self.html_seen = False
        self.body = _Node("body", None, None)
        self.head = _Node("head", None, None)
        self.ids: dict[str, int] = {}
        self.pending: list[tuple[int, int, str, str | None, _Node | None]] = []

    def run(self) -> Extracted:
        # The parser gets a same-length copy without "&": entities are decoded from the source
        # (exact spans), and html.parser's charref quirks (which can swallow the rest of the
        # document as text) cannot trigger.
        feed = self.src.replace("&", "\x01")
        if feed.startswith("\ufeff"):
            feed = " " + feed[1:]
        # No markup can complete after the last ">"; html.parser would rescan to the end of
        # the input from every "<" there (quadratic), so those become plain text up front.
        last = feed.rfind(">") + 1
        if "<" in feed[last:]:
            feed = feed[:last] + feed[last:].replace("<", "\x02")
        end = _unclosed_comment(feed)  # browsers comment out the rest; html.parser would not
        try:
            self.feed(feed[:end])
            self.close()
        except Exception:
            self.rawdata = ""
        self._flush_text(end)
        while self.stack:
            self._pop()
        self._close_block()
        selectors = _BrowserSelectors(self.src, _Selectors(self.ids))
        return self.out.finish(self.src, "html", self.lines, self.doc_lang, selectors)

    # -- positions and text

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_data(self, data: str) -> None:
        if self.text_from < 0:
            self.text_from = self._pos()

    def _flush_text(self, end: int | None = None) -> None:
        start = self.text_from
        self.text_from = -1
        if start < 0 or self.skip:
            return
        if end is None:
            end = self._pos()
        if start == 0 and self.src.startswith("\ufeff"):
            start = 1
        if self.in_head and not (self.owners and self.owners[-1].tag == "title"):
            if not self.src[start:end].strip(" \t\n\r\f"):
                return
            self.in_head = False  # text in <head> implies <body>
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

    # -- events that are not text end the current text run

    def handle_comment(self, data: str) -> None:
        self._flush_text()

    def handle_decl(self, decl: str) -> None:
        self._flush_text()

    def handle_pi(self, data: str) -> None:
        self._flush_text()

    def unknown_decl(self, data: str) -> None:
        self._flush_text()

    def parse_html_declaration(self, i: int) -> int:
        try:
            return super().parse_html_declaration(i)
        except AssertionError:  # "<![foo[": html.parser gives up; treat as a bogus comment
            self._flush_text()
            close = self.rawdata.find(">", i + 2)
            return len(self.rawdata) if close < 0 else close + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pos = self._pos()
        self._flush_text(pos)
        lang: str | bool | None = False  # False: no lang attribute
        ident = None
        hidden = False
        for name, value in attrs:
            if name == "lang" or (name == "xml:lang" and lang is False):
                lang = (value or "").replace("\x01", "&").strip() or None
            elif name == "id" and value:
                ident = _unescape(value.replace("\x01", "&")) if "\x01" in value else value
                self.ids[ident] = self.ids.get(ident, 0) + 1
            elif name == "hidden":
                hidden = True
            elif name == "aria-hidden":
                hidden = hidden or (value or "").strip().lower() == "true"
            elif name == "style" and value:
                hidden = hidden or bool(_DISPLAY_NONE.search(value))
        if self._document_tag(tag, lang):
            return
        if self.in_head and tag not in _HEAD_TAGS:
            self.in_head = False
        if self.skip:
            if tag not in _VOID:
                self._push(_El(tag, None))
            return
        self._auto_close(tag)
        if len(self.stack) >= _MAX_DEPTH and tag not in _VOID:
            self._pop()
        parent = self.stack[-1] if self.stack else None
        inherited = parent.lang if parent else self.base_lang
        if tag == "title":
            parent_node = self.head
        elif parent is not None and parent.node is not None:
            parent_node = parent.node
        else:
            parent_node = self.head if self.in_head else self.body
        node = _Node(tag, ident, parent_node, pos)
        if tag in _VOID:
            if not hidden:
                self._void(tag, attrs, pos, node, inherited if lang is False else lang)
            return
        self._open_element(tag, node, inherited, lang, hidden)

    def _document_tag(self, tag: str, lang: str | bool | None) -> bool:
        """<html>, <head>, <body> only set state: the selector root is always body."""
        if tag == "html":
            if not self.html_seen and lang is not False:
                self.doc_lang = self.base_lang = lang or None
            self.html_seen = True
        elif tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
            if lang is not False:
                self.base_lang = lang or None
        else:
            return False
        return True

    def _open_element(
        self, tag: str, node: _Node, inherited: str | None, lang: str | bool | None,
        hidden: bool,
    ) -> None:
        skip = hidden or tag in _SKIP
        kind = None if skip else _BLOCK_KIND.get(tag)
        owner = self.owners[-1] if self.owners else None
        if kind == "paragraph" and owner is not None and owner.kind in _INHERITED_KIND:
            kind = owner.kind
        effective = inherited if lang is False else lang
        level = int(tag[1]) if tag in _HEADINGS else 0
        el = _El(tag, node, kind, level=level, lang=effective, skip=skip)
        if kind is not None:
            self._close_block()
        elif not skip:
            reference = self.doc_lang or (owner.lang if owner else self.base_lang)
            if lang is not False and lang and _primary(lang) != _primary(reference):
                el.foreign = self.out.n
            if tag in _CODE_TAGS:
                el.code = self.out.n
        self._push(el)

    def _void(
        self, tag: str, attrs: list[tuple[str, str | None]], pos: int, node: _Node,
        lang: str | None,
    ) -> None:
        if tag == "br":
            self.out.hard(pos, pos + len(self.get_starttag_text() or "<br>"))
            return
        if tag == "hr":
            self._close_block()
            return
        input_type = (dict(attrs).get("type") or "").lower()
        if tag in _ALT_TAGS or (tag == "input" and input_type == "image"):
            self._defer(pos, "alt", "alt", lang, node)
        elif tag == "input" and input_type in ("submit", "button", "reset"):
            self._defer(pos, "value", "button", lang, node)

    def _defer(self, pos: int, attr: str, kind: str, lang: str | None, node: _Node) -> None:
        """Alt texts become their own blocks after the block they sit in (no sentence split)."""
        raw = self.get_starttag_text() or ""
        name = _TAG_NAME.match(raw)
        name_end = pos + (name.end() if name else 0)
        for m in _ATTR.finditer(self.src, name_end, pos + len(raw)):
            if m.group(1).lower() == attr:
                group = next((g for g in (2, 3, 4) if m.group(g) is not None), 0)
                if group:
                    self.pending.append((m.start(group), m.end(group), kind, lang, node))
                return

    def _auto_close(self, tag: str) -> None:
        """The implied end tags browsers insert (``<p>a<p>b``, ``<li>a<li>b``, ...)."""
        if tag in _CLOSES_P and self.open.get("p"):
            self._close_nearest(("p",), ())
        if tag == "li":
            self._close_nearest(("li",), ("ul", "ol", "menu"))
        elif tag in ("dt", "dd"):
            self._close_nearest(("dt", "dd"), ("dl",))
        elif tag in ("td", "th"):
            self._close_nearest(("td", "th"), ("tr", "table"), blocks_fence=False)
        elif tag == "tr":
            self._close_nearest(("tr",), ("table", "thead", "tbody", "tfoot"), blocks_fence=False)
        elif tag in ("thead", "tbody", "tfoot"):
            self._close_nearest(("thead", "tbody", "tfoot"), ("table",), blocks_fence=False)
        elif tag in ("option", "optgroup"):
            targets = ("option",) if tag == "option" else ("option", "optgroup")
            self._close_nearest(targets, ("select", "datalist"), blocks_fence=False)
        elif tag in _HEADINGS and self.stack and self.stack[-1].tag in _HEADINGS:
            self._pop()
        elif tag == "a":
            self._close_nearest(("a",), ())

    def _close_nearest(
        self, targets: tuple[str, ...], fences: tuple[str, ...], blocks_fence: bool = True
    ) -> None:
        """Pop up to the nearest open target unless a fence (or a skip root) is nearer.

        With ``blocks_fence`` any block element except div/p/address is a fence as well.
        """
        if not any(self.open.get(tag) for tag in targets):
            return
        for depth, el in enumerate(reversed(self.stack)):
            if el.tag in targets:
                for _ in range(depth + 1):
                    self._pop()
                return
            if depth >= 64 or el.tag in fences or el.skip:
                return
            if blocks_fence and el.kind is not None and el.tag not in ("div", "p", "address"):
                return

    def handle_endtag(self, tag: str) -> None:
        pos = self._pos()
        self._flush_text(pos)
        if tag in ("html", "body"):
            return
        if tag == "head":
            self.in_head = False
            return
        if tag == "br":  # browsers treat </br> as <br>
            if not self.skip:
                self.out.hard(pos, pos + 5)
            return
        if not self.open.get(tag):
            if tag == "p":  # a stray </p> is an empty paragraph for browsers: a block break
                self._close_block()
            return
        while self.stack:
            if self._pop().tag == tag:
                return

    def _push(self, el: _El) -> None:
        self.stack.append(el)
        self.open[el.tag] = self.open.get(el.tag, 0) + 1
        if el.skip:
            self.skip += 1
        if el.kind is not None:
            self.owners.append(el)

    def _pop(self) -> _El:
        el = self.stack.pop()
        self.open[el.tag] -= 1
        if el.kind is not None:
            self._close_block()
            self.owners.pop()
        if el.skip:
            self.skip -= 1
        if el.foreign >= 0 and el.lang:
            self.out.foreign.append((el.foreign, self.out.n, el.lang))
        if el.code >= 0:
            self.out.code.append((el.code, self.out.n))
        return el

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


def _unclosed_comment(source: str) -> int:
    """Where an unterminated ``<!--`` starts (the length of ``source`` if there is none).

    Script and style bodies are raw text: a "<!--" inside them opens no comment.
    """
    pos = 0
    while m := _COMMENT_OR_RAW.search(source, pos):
        if m.group(1):
            close = _RAW_CLOSE[m.group(1).lower()].search(source, m.end())
            if close is None:
                return len(source)
            pos = close.end()
        else:
            close_at = source.find("-->", m.start() + 2)  # "<!-->" is a complete comment
            if close_at < 0:
                return m.start()
            pos = close_at + 3
    return len(source)


def _extract_html(source: str, lines: list[int]) -> Extracted:
    return _HtmlExtractor(source, lines).run()
