"""HTML parsed as a browser parses it, into an lxml.html tree that knows its source positions.

The parse is Lexbor's (through selectolax), which follows the WHATWG tree-construction
algorithm: ``<picture><source><img>`` keeps the img a child of picture, unclosed ``<p>`` end at
the next block, stray table content is foster-parented before the table, misnested inline tags
are repaired by the adoption agency. Lexbor's tree is then copied into lxml.html elements, so
every rule keeps the lxml element interface (``get``, ``iter``, ``getparent``, ``cssselect``,
``text_content``). ``scripts/eval_html_parsers.py`` has the measurement behind the choice.

Kept as the old HTML4 parse had them, so rules and selectors do not change: tag and attribute
names lower-case (SVG's ``viewBox`` reads as ``viewbox``), no comments, no processing
instructions, no doctype. As in a browser with scripting on, ``<noscript>`` holds its content
as text (Lexbor parses as with scripting off, where ``<noscript><img></noscript>`` at the top
of a page would move the img into the body). A ``<template>``'s content is not part of the
document tree (as in the DOM, where it is a separate fragment).

Lexbor does not report source positions, so the start tags of the source are scanned once and
matched to the elements in document order (same tag name, a short look-ahead): elements the
parser made up (implied ``tbody``, a ``p`` for a stray ``</p>``, clones of formatting elements)
and content moved by foster parenting match no tag; they get the position of the next element
that did (where their content starts). :attr:`ParsedHtml.offsets` has the character offset (of
the ``<`` for matched elements), :meth:`ParsedHtml.position` line and column; both are computed
when first asked for. lxml's ``sourceline`` is not set.

Text has source positions too (:meth:`ParsedHtml.text_ranges`): the text runs of the source
(between tags, comments and declarations; the content of raw-text elements) are decoded as the
tokenizer decodes them (character references, CR LF) and matched, in document order, to the
text and tail of every element. A text of the tree may span several runs (a comment or a
dropped tag between them) or part of one (leading white space that stays in ``<head>``, the
newline a ``<pre>`` drops); text the parser moved or made up that matches no run has no range.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

import lxml.html
from lxml import etree
from selectolax.lexbor import LexborHTMLParser, LexborNode

HtmlElement = lxml.html.HtmlElement

_ELEMENT_FACTORY = lxml.html.HTMLParser().makeelement
# What lxml accepts in an element or attribute name; broken markup (``<a<div>``) is repaired.
_BAD_NAME_CHARS = re.compile(r"[^A-Za-z0-9_.\-:]")
_EMPTY = "<html><head></head><body></body></html>"
_XML_UNSAFE = {
    code: " " if code == 0x0C else "\ufffd"
    for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))
}
_LOOKAHEAD = 16
# Deepest nesting kept (the old libxml2 parse stopped at 255 ancestors and dropped the rest).
MAX_DEPTH = 256
# Lexbor's tree construction is quadratic in the depth of open elements (scope checks on each
# tag): 100,000 nested <div> take a minute. Start tags nested deeper than this in the source
# (counted naively: no real page comes near) are dropped before the parse; their text stays.
SOURCE_DEPTH_LIMIT = 2000
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
# Tags that never stay open under a tag of their own kind, or at all (void elements).
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen image "
    "p li dt dd tr td th option optgroup tbody thead tfoot colgroup caption rb rt rp rtc "
    "a form button".split()
)

# Where markup starts in the source: a comment, another declaration or an end tag (skipped), or
# a start tag (group 1). A "<" inside an attribute value may be taken for a tag; the
# look-ahead of the matching absorbs such rare extras.
_MARKUP = re.compile(r"<(?:!--|[!?/]|([A-Za-z][^\s/>]*))")
# Elements whose content is text up to their end tag (RAWTEXT, RCDATA, script data; noscript
# with scripting on).
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
)
_HAS_NOSCRIPT = re.compile(r"<noscript", re.I)
_TAG_NAME = re.compile(r"<([^\s/>]*)")
_END_TAG = re.compile(r"(?:\s|<!--.*?-->)*</([A-Za-z][^\s/>]*)", re.S)
# A template's content is not part of the tree: its tags and text are passed over in the source.
_TEMPLATE_TAG = re.compile(r"<(/?)template[\s/>]", re.I)

# The rest of a tag after its name, as the tokenizer reads it: a ">" ends it unless inside a
# quoted attribute value (quotes open a value only after "="; an unclosed one runs to the end).
TAG_REST = re.compile(r"""(?:[^>=]|=\s*"[^"]*(?:"|\Z)|=\s*'[^']*(?:'|\Z)|=)*>?""")


def _template_end(source: str, start: int) -> int:
    """Where the content of the template whose start tag ends at ``start`` ends (nesting
    counted): the offset of its end tag, or the end of the source."""
    depth = 1
    for match in _TEMPLATE_TAG.finditer(source, start):
        depth += -1 if match.group(1) else 1
        if not depth:
            return match.start()
    return len(source)


def _raw_text_end(source: str, name: str, start: int) -> int:
    """Where the content of a raw-text element (script, style, title, ...) that starts at
    ``start`` ends: at its end tag, or the end of the source."""
    close = re.compile(rf"</{re.escape(name)}[\s/>]", re.I).search(source, start)
    return close.start() if close else len(source)


class ParsedHtml:
    """The parsed tree and, computed when first asked (URL audits never need them), the source
    positions of its elements."""

    __slots__ = ("_lines", "_offsets", "_own", "_texts", "root", "source")

    def __init__(self, root: HtmlElement, source: str) -> None:
        self.root = root  # the <html> element; head and body always exist
        self.source = source
        self._offsets: dict[HtmlElement, int] | None = None
        self._own: set[HtmlElement] = set()  # elements matched to a start tag of their own
        self._lines: _LineIndex | None = None
        self._texts: dict[tuple[HtmlElement, bool], list[tuple[int, int]]] | None = None

    def text_ranges(self, element: HtmlElement, tail: bool = False) -> list[tuple[int, int]]:
        """Source ranges (start, end) the ``text`` (or ``tail``) of ``element`` was read from,
        in order; the source of a range holds the raw text (references not decoded)."""
        if self._texts is None:
            self._texts = _TextMatcher(self.source).match(self.root)
        return self._texts.get((element, tail), [])

    @property
    def offsets(self) -> dict[HtmlElement, int]:
        """Source offset of every element: its start tag's "<", or for an implied element
        where its content starts."""
        if self._offsets is None:
            self._offsets = {}
            matcher = _Matcher(_start_tags(self.source), self._offsets)
            for element in self.root.iter():
                if isinstance(element.tag, str):
                    matcher.match(element, element.tag)
            self._own = set(self._offsets)
            _place_implied(self.root, self._offsets)
        return self._offsets

    def start_tag(self, element: HtmlElement) -> tuple[int, int] | None:
        """Source span of the element's own start tag (None: the parser made the element up,
        or renamed it, as ``<image>`` to ``img``)."""
        offset = self.offsets.get(element)
        if offset is None or element not in self._own:
            return None
        name = _TAG_NAME.match(self.source, offset)
        if name is None or name.group(1).lower() != element.tag:
            return None
        rest = TAG_REST.match(self.source, name.end())
        return offset, rest.end() if rest else name.end()

    def end_tag(self, element: HtmlElement, after: int) -> tuple[int, int] | None:
        """Source span of the element's end tag when it follows ``after`` (the end of its
        content), with only white space and comments between; None: the end was implied."""
        found = _END_TAG.match(self.source, after)
        if found is None or found.group(1).lower() != element.tag:
            return None
        rest = TAG_REST.match(self.source, found.end())
        return found.end(1) - len(found.group(1)) - 2, rest.end() if rest else found.end()

    def position(self, element: HtmlElement) -> tuple[int, int] | None:
        """1-based line and column of an element in the source (None: not in this tree)."""
        offset = self.offsets.get(element)
        if offset is None:
            return None
        if self._lines is None:
            self._lines = _LineIndex(self.source)
        return self._lines.line_col(offset)


def parse_html(source: str) -> ParsedHtml:
    """Parse ``source`` as a browser does."""
    source = source or ""
    # lxml cannot hold NUL and the other C0 controls XML forbids: NUL is a parse error a
    # browser replaces too, a form feed is HTML white space (a space here), the rest would
    # fail the whole page. One char for one char: source offsets stay.
    text = (source or _EMPTY).translate(_XML_UNSAFE)
    if text.startswith("\ufeff"):  # a browser drops the BOM when it decodes the bytes
        text = " " + text[1:]
    # noscript content is cut out before the parse and put back as the element's text.
    noscripts: list[str] = []
    if _HAS_NOSCRIPT.search(text):
        spans: list[tuple[int, int]] = []
        _start_tags(text, spans)
        noscripts = [text[start:end] for start, end in spans]
        kept = [0, *(offset for span in spans for offset in span), len(text)]
        text = "".join(text[kept[i] : kept[i + 1]] for i in range(0, len(kept), 2))
    if text.count("<") > SOURCE_DEPTH_LIMIT:
        text = _limit_depth(text)
    tree = LexborHTMLParser(text)
    top = tree.root
    if top is None:  # pragma: no cover - Lexbor always builds html/head/body
        return parse_html(_EMPTY)
    root = _ELEMENT_FACTORY("html", _attributes(top))
    etree.ElementTree(root)
    _copy(top, root, iter(noscripts))
    return ParsedHtml(root, source)


def _limit_depth(text: str) -> str:
    """``text`` without the start tags nested deeper than :data:`SOURCE_DEPTH_LIMIT`."""
    open_tags: list[str] = []
    cut: list[int] = []
    for match in _ANY_TAG.finditer(text):
        name = match.group(2).lower()
        if name in _NOT_NESTING:
            continue
        if match.group(1):  # an end tag closes the nearest open element of its name
            for index in range(len(open_tags) - 1, max(-1, len(open_tags) - 9), -1):
                if open_tags[index] == name:
                    del open_tags[index:]
                    break
        elif len(open_tags) < SOURCE_DEPTH_LIMIT:
            open_tags.append(name)
        else:
            end = text.find(">", match.end())
            cut += (match.start(), len(text) if end < 0 else end + 1)
    if not cut:
        return text
    kept = [0, *cut, len(text)]
    return "".join(text[kept[i] : kept[i + 1]] for i in range(0, len(kept), 2))


def _start_tags(
    source: str, noscripts: list[tuple[int, int]] | None = None
) -> list[tuple[str, int]]:
    """(tag name, offset) of every start tag, in source order, outside comments and raw text.
    ``noscripts`` collects the (start, end) of each noscript element's content."""
    found: list[tuple[str, int]] = []
    skip_to = 0
    for match in _MARKUP.finditer(source):
        start = match.start()
        if start < skip_to:
            continue
        tag = match.group(1)
        if tag is None:
            if source.startswith("<!--", start):
                end = source.find("-->", start + 4)
                skip_to = len(source) if end < 0 else end + 3
            continue
        tag = tag.lower()
        found.append((tag, start))
        if tag == "template":
            content = TAG_REST.match(source, match.end())
            skip_to = _template_end(source, content.end() if content else match.end())
        elif tag in _RAW_TEXT:
            content = TAG_REST.match(source, match.end())
            content_start = content.end() if content else match.end()
            skip_to = _raw_text_end(source, tag, content_start)
            if tag == "noscript" and noscripts is not None:
                noscripts.append((content_start, skip_to))
    return found


class _LineIndex:
    def __init__(self, source: str) -> None:
        self._starts = [0, *(m.end() for m in re.finditer("\n", source))]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


class _Matcher:
    """Pairs elements, in document order, with the source's start tags of the same name. Tags
    passed over (the table whose stray content the parser moved before it) stay pending for a
    while, so the elements after the moved content still find theirs."""

    def __init__(self, tags: list[tuple[str, int]], offsets: dict[HtmlElement, int]) -> None:
        self.tags = tags
        self.cursor = 0
        self.pending: list[int] = []
        self.offsets = offsets

    def match(self, element: HtmlElement, tag: str) -> None:
        tags = self.tags
        for at, index in enumerate(self.pending):
            if tags[index][0] == tag:
                del self.pending[: at + 1]
                self._found(element, index)
                return
        end = min(self.cursor + _LOOKAHEAD, len(tags))
        for index in range(self.cursor, end):
            if tags[index][0] == tag:
                if index > self.cursor:
                    self.pending = [*self.pending, *range(self.cursor, index)][-_LOOKAHEAD:]
                self.cursor = index + 1
                self._found(element, index)
                return

    def _found(self, element: HtmlElement, index: int) -> None:
        self.offsets[element] = self.tags[index][1]


def _place_implied(root: HtmlElement, offsets: dict[HtmlElement, int]) -> None:
    """Elements without a start tag of their own (implied html, head, body, tbody; clones) get
    the position where their content starts: the next element in document order that has one
    (or the previous one at the end)."""
    waiting: list[HtmlElement] = []
    last = 0
    for element in root.iter():
        offset = offsets.get(element)
        if offset is None:
            waiting.append(element)
            continue
        last = offset
        for implied in waiting:
            offsets[implied] = offset
        waiting.clear()
    for implied in waiting:
        offsets[implied] = last


def _copy(source: LexborNode, target: HtmlElement, noscripts: Iterator[str]) -> None:
    """Copy the children of ``source`` under ``target``, in document order (iteratively:
    pages nest deeply). Below :data:`MAX_DEPTH` elements are added as siblings, as Chromium's
    parser does at its own limit: the rules walk the tree recursively."""
    # (next node to copy, the element it goes into, its depth, that element's last child so
    # far: known when we come back from a descent, looked up after a flattened one)
    Entry = tuple[LexborNode | None, HtmlElement, int, HtmlElement | None, bool]
    stack: list[Entry] = [(source.child, target, 1, None, False)]
    while stack:
        node, parent, depth, last, look_up = stack.pop()
        if look_up:  # parent[-1] is cheap, len(parent) counts every child
            try:
                last = parent[-1]
            except IndexError:
                last = None
        while node is not None:
            tag = node.tag
            if tag == "-text":
                text = node.text_content or ""
                if last is None:
                    parent.text = (parent.text or "") + text
                else:
                    last.tail = (last.tail or "") + text
            elif tag and tag[0] not in "-_!":
                name = tag.lower()
                child = _element(parent, name, node)
                last = child
                if name == "noscript":
                    child.text = next(noscripts, None) or None
                if name != "template" and node.child is not None:
                    # Descend now; the rest of this sibling run continues afterwards.
                    if depth < MAX_DEPTH:
                        stack.append((node.next, parent, depth, child, False))
                        stack.append((node.child, child, depth + 1, None, False))
                    else:
                        stack.append((node.next, parent, depth, None, True))
                        stack.append((node.child, parent, depth, child, False))
                    break
            node = node.next


def _element(parent: HtmlElement, name: str, node: LexborNode) -> HtmlElement:
    attributes = node.attributes
    if attributes:
        # Lexbor has dropped duplicates (the first wins) and lower-cased HTML names; SVG's
        # camel-case names are lower-cased here, as the old parse had them.
        attributes = {key.lower(): value or "" for key, value in attributes.items()}
    try:
        return etree.SubElement(parent, name, attributes)
    except ValueError:  # a name lxml cannot hold: repair it (broken markup)
        return _repaired(parent, name, attributes)


def _repaired(parent: HtmlElement, name: str, attributes: dict[str, str]) -> HtmlElement:
    try:
        child = etree.SubElement(parent, name)
    except ValueError:
        child = etree.SubElement(parent, _safe_name(name) or "unknown")
    for key, value in attributes.items():
        try:
            child.set(key, value)
        except ValueError:
            cleaned = _safe_name(key)
            if cleaned and cleaned not in child.attrib:
                child.set(cleaned, value)
    return child


def _safe_name(name: str) -> str:
    return _BAD_NAME_CHARS.sub("_", name).lstrip("-.0123456789")


def _attributes(node: LexborNode) -> dict[str, str]:
    return {key.lower(): value or "" for key, value in node.attributes.items()}


# ----------------------------------------------------------------------------- text positions

# Where the tokenizer leaves the data state: a comment, a declaration or processing instruction
# (bogus comment), an end tag, a start tag (group 1: its name).
_TEXT_BREAK = re.compile(r"<(?:!--|[!?]|/[A-Za-z]|/>|([A-Za-z][^\s/>]*))")
_COMMENT_END = re.compile(r"--!?>")
_TO_GT = re.compile(r"[^>]*>?")
# Raw text whose character references are decoded (RCDATA).
_RCDATA = frozenset({"title", "textarea"})
_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)|\r\n?"
)
_BLANKS = " \t\n\r\f"  # ASCII white space, what the tree builder treats as such
_LINE_BREAK = re.compile(r"\r\n?")
_SEARCH_AHEAD = 32  # runs looked at when a text of the tree does not continue the last match


@lru_cache(maxsize=4096)
def _decode(raw: str) -> str:
    return "\n" if raw[0] == "\r" else html.unescape(raw)


class _Run:
    """One text run of the source: its decoded text and where each decoded char starts."""

    __slots__ = ("_pattern", "_starts", "end", "source", "start", "text")

    def __init__(self, source: str, start: int, end: int, raw: bool) -> None:
        self.source, self.start, self.end = source, start, end
        chunk = source[start:end]
        # Raw text decodes no references, but its line breaks are normalised like all input.
        self._pattern = _LINE_BREAK if raw else _REFERENCE
        self._starts: list[int] | None = None
        if "\r" not in chunk and (raw or "&" not in chunk):
            self.text = chunk
        else:
            self.text = self._pattern.sub(lambda m: _decode(m.group()), chunk)

    def at(self, index: int) -> int:
        """Source offset of decoded char ``index`` (``len(text)``: the run's end)."""
        if index <= 0:
            return self.start
        if index >= len(self.text):
            return self.end
        if len(self.text) == self.end - self.start:
            return self.start + index
        if self._starts is None:
            starts: list[int] = []
            pos = self.start
            for match in self._pattern.finditer(self.source, self.start, self.end):
                starts.extend(range(pos, match.start()))
                starts.extend([match.start()] * len(_decode(match.group())))
                pos = match.end()
            starts.extend(range(pos, self.end))
            self._starts = starts
        return self._starts[index]


def _text_runs(source: str) -> list[_Run]:
    """The text runs of ``source`` in order (a leading BOM is not text). White space before
    the first element other than ``<html>`` is not text either (the parser drops it before it
    has a head)."""
    runs: list[_Run] = []
    opened = False  # a start tag other than <html>, or text, was seen
    pos = 1 if source.startswith("\ufeff") else 0
    size = len(source)
    while pos < size:
        match = _TEXT_BREAK.search(source, pos)
        start = size if match is None else match.start()
        if start > pos and (opened or source[pos:start].strip(_BLANKS)):
            runs.append(_Run(source, pos, start, False))
            opened = True
        if match is None:
            break
        tag = match.group(1)
        if source.startswith("<!--", start):
            if source.startswith(("<!-->", "<!--->"), start):
                pos = source.find(">", start + 4) + 1
                continue
            end = _COMMENT_END.search(source, start + 4)
            pos = size if end is None else end.end()
            continue
        if tag is None:  # end tag, "</>", bogus comment: up to the next ">"
            pos = _TO_GT.match(source, start + 1).end()  # type: ignore[union-attr]
            continue
        rest = TAG_REST.match(source, match.end())
        pos = rest.end() if rest else match.end()
        name = tag.lower()
        opened = opened or name != "html"
        if name == "template":
            pos = _template_end(source, pos)
        elif name in _RAW_TEXT and source[pos - 1 : pos] == ">":
            end = _raw_text_end(source, name, pos)
            if end > pos:
                runs.append(_Run(source, pos, end, name not in _RCDATA))
            pos = end
    return runs


class _TextMatcher:
    """Pairs the texts of the tree, in document order, with the source's text runs."""

    def __init__(self, source: str) -> None:
        text = (source or "").translate(_XML_UNSAFE)
        self.runs = _text_runs(text)
        self.run = 0  # the run where the next text continues
        self.offset = 0  # decoded chars of that run already matched
        # Runs passed over when a text continued further on: content the parser moved after
        # (a table's cells, when stray content was foster-parented before the table).
        self.pending: list[int] = []

    def match(self, root: HtmlElement) -> dict[tuple[HtmlElement, bool], list[tuple[int, int]]]:
        found: dict[tuple[HtmlElement, bool], list[tuple[int, int]]] = {}
        for event, element in etree.iterwalk(root, events=("start", "end")):
            piece = element.text if event == "start" else element.tail
            if piece:
                ranges = self._ranges(piece)
                if ranges:
                    found[(element, event == "end")] = ranges
        return found

    def _ranges(self, piece: str) -> list[tuple[int, int]]:
        moved = self._from_pending(piece)
        if moved is not None:
            return [moved]
        ranges: list[tuple[int, int]] = []
        pos = 0
        runs = self.runs
        while pos < len(piece) and self.run < len(runs):
            run = runs[self.run]
            rest = len(run.text) - self.offset
            if rest <= 0:
                self.run, self.offset = self.run + 1, 0
                continue
            want = min(rest, len(piece) - pos)
            if run.text.startswith(piece[pos : pos + want], self.offset):
                start = run.at(self.offset)
                self.offset += want
                end = run.at(self.offset)
                if ranges and ranges[-1][1] == start:
                    ranges[-1] = (ranges[-1][0], end)
                else:
                    ranges.append((start, end))
                pos += want
            elif run.text[self.offset].isspace():  # white space the parser dropped
                self.offset += 1
            elif not self._skip_to(piece[pos:]):
                break
        return ranges

    def _from_pending(self, piece: str) -> tuple[int, int] | None:
        """The range of a passed-over run that holds ``piece`` (whole or its start)."""
        if not self.pending or not piece.strip():
            return None
        if self.run < len(self.runs) and self.runs[self.run].text.startswith(
            piece[:16], self.offset
        ):
            return None  # the text continues where the last one ended
        for at, index in enumerate(self.pending):
            run = self.runs[index]
            if run.text.startswith(piece) or piece.startswith(run.text):
                del self.pending[at]
                return run.at(0), run.at(min(len(piece), len(run.text)))
        return None

    def _skip_to(self, rest: str) -> bool:
        """Move to the next run (a few ahead) that starts with ``rest``'s first word: text
        the parser left out (a template's content) or moved."""
        words = rest.split(None, 1)
        if not words:
            return False
        head = words[0][:16]
        for index in range(self.run + 1, min(self.run + _SEARCH_AHEAD, len(self.runs))):
            at = self.runs[index].text.find(head)
            if at >= 0 and not self.runs[index].text[:at].strip():
                passed = [i for i in range(self.run + 1, index) if self.runs[i].text.strip()]
                if self.offset == 0 and self.runs[self.run].text.strip():
                    passed.insert(0, self.run)
                self.pending = [*self.pending, *passed][-_SEARCH_AHEAD:]
                lead = len(rest) - len(rest.lstrip())
                self.run, self.offset = index, max(0, at - lead)
                return True
        return False
