"""Split HTML, Markdown and plain text into translatable segments and a template to rebuild them.

HTML is read from the tree a browser builds (:mod:`checkers.document.html`, with the source
ranges of every element and text) block by block (paragraphs, headings, list items, cells, …).
Inside a block, inline markup (``<a>``, ``<em>``, ``<strong>``, ``<span>``, …) becomes numbered
paired tags ``<gN>…</gN>`` that carry the original opening and closing markup as written in the
source, and content that must not be translated (``<code>``, ``<br>``, ``<img>``, elements with
``translate="no"`` or ``class="notranslate"``, comments) becomes a standalone ``<xN/>``;
attributes stay untouched except ``alt`` and ``title``, which become segments of their own.
``<script>``, ``<style>``, ``<pre>`` and ``<code>`` blocks are not translated. The template is the
source with each translated run replaced in place, so everything else (doctype, comments,
attributes, white space) comes back byte for byte; the output document gets ``lang`` (and
``dir="rtl"`` for right-to-left languages). Markdown is read by the one Markdown reader
(:mod:`checkers.document.markdown`: headings, list items, quotes, table cells, paragraphs; code
blocks, front matter, HTML blocks and link targets kept byte for byte), plain text by paragraph.

Known limits: ``translate="yes"`` inside a ``translate="no"`` subtree is not honoured; HTML blocks
inside Markdown are kept, not translated; hard-wrapped Markdown paragraphs come back as one line;
a run whose content the parser moved (stray text in a table, foster-parented before it) is kept
untranslated; a ``<template>``'s content is not part of the document and is not translated.
"""

from __future__ import annotations

import hashlib
import html
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from checkers.document.html import HtmlElement, parse_html
from checkers.document.markdown import read_markdown
from checkers.document.plain import read_plain
from checkers.text.source import detect_format
from translators import tags
from translators.document import (
    RTL_LANGUAGES,
    Format,
    Mode,
    Placeholder,
    Segment,
    context_kind,
)
from translators.errors import TranslationError
from translators.sentences import split_units

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"

INLINE_PAIRED = frozenset(
    "a abbr b bdi bdo big cite data del dfn em font i ins label mark q s small span strong sub "
    "sup time tt u button".split()
)
INLINE_ATOMIC = frozenset(
    "br wbr img input select textarea svg math object embed iframe video audio canvas picture "
    "meter progress output".split()
)
INLINE_CODE = frozenset("code kbd samp var".split())
NOT_TRANSLATED = frozenset("script style pre code noscript template svg math textarea".split())
TRANSLATED_ATTRIBUTES = ("alt", "title")
_LETTER = re.compile(r"[^\W\d_]")
_DOCUMENT = re.compile(r"<(!doctype|html[\s>])", re.IGNORECASE)


@dataclass(slots=True)
class Extracted:
    format: Format
    template: str
    markers: dict[str, str] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)


class SegmentBuilder:
    """Collects one segment's source text with its placeholder tags."""

    def __init__(self, mode: Mode) -> None:
        self.mode: Mode = mode
        self.parts: list[str] = []
        self.placeholders: dict[str, Placeholder] = {}

    def _next(self, letter: str) -> str:
        return f"{letter}{len(self.placeholders) + 1}"

    def text(self, text: str) -> None:
        # Text that looks like one of our tags would be taken for one: protect it.
        last = 0
        for match in tags.TAG_RE.finditer(text):
            self.parts.append(text[last : match.start()])
            self.x("literal", match.group(0))
            last = match.end()
        self.parts.append(text[last:])

    def x(self, kind: str, text: str, *, raw: bool = False, source: str = "") -> str:
        tag_id = self._next("x")
        self.placeholders[tag_id] = Placeholder(tag_id, kind, text, source=source, raw=raw)
        self.parts.append(f"<{tag_id}/>")
        return tag_id

    def open(self, kind: str, opening: str, closing: str) -> str:
        tag_id = self._next("g")
        self.placeholders[tag_id] = Placeholder(tag_id, kind, opening, close=closing, raw=True)
        self.parts.append(f"<{tag_id}>")
        return tag_id

    def close(self, tag_id: str) -> None:
        self.parts.append(f"</{tag_id}>")

    def source(self) -> str:
        return "".join(self.parts)


def has_text(source: str) -> bool:
    return bool(_LETTER.search(tags.strip_tags(source)))


def collapse(source: str) -> str:
    # Only ASCII white space: a no-break space ("10&nbsp;Euro") is meant and stays.
    return tags.map_text(source, lambda s: re.sub(r"[ \t\r\n\f]+", " ", s)).strip(" \t\r\n\f")


class _Collector:
    """Numbers segments, gives them stable ids and markers; cuts blocks into sentences."""

    def __init__(self, fmt: Format, lang: str | None = None) -> None:
        self.result = Extracted(fmt, "")
        self._seen: dict[str, int] = {}
        self.lang = lang  # None: one segment per block

    def _id(self, context: str, source: str) -> str:
        digest = hashlib.sha1(f"{context}\x1f{source}".encode()).hexdigest()[:10]
        count = self._seen.get(digest, 0) + 1
        self._seen[digest] = count
        return f"s{digest}" if count == 1 else f"s{digest}-{count}"

    def add(self, context: str, source: str, builder: SegmentBuilder) -> str:
        """Segments for one block; returns what goes into the template in its place."""
        prefix, units = ("", [(source, "")])
        if self.lang is not None:
            prefix, units = split_units(source, self.lang)
        block = self._id(f"block:{context}", source) if len(units) > 1 else ""
        out = [prefix]
        for sentence, separator in units:
            used = {t.id for t in tags.scan(sentence)}
            holders = {k: v for k, v in builder.placeholders.items() if k in used}
            seg_id = self._id(context, sentence)
            marker = f"{MARK_OPEN}{len(self.result.markers)}{MARK_CLOSE}"
            self.result.markers[seg_id] = marker
            self.result.segments.append(
                Segment(seg_id, context, sentence, placeholders=holders, mode=builder.mode,
                        kind=context_kind(context, sentence, holders), block=block or seg_id)
            )
            out += [marker, separator]
        return "".join(out)


def extract(
    content: str,
    fmt: Format | Literal["auto"],
    source_lang: str,
    target_lang: str,
    *,
    sentences: bool = True,
) -> Extracted:
    """Segments and template of ``content``; ``fmt="auto"`` detects the format.

    ``sentences``: one segment per sentence (what reviewers check), else one per block.
    """
    lang = source_lang if sentences else None
    if fmt == "auto":
        fmt = detect_format(content)
    if MARK_OPEN in content or MARK_CLOSE in content:
        raise TranslationError(
            "bad-input",
            "Der Text enthält die Sonderzeichen U+E000/U+E001; sie werden intern gebraucht.",
            "The text contains the characters U+E000/U+E001, which are reserved internally.",
        )
    if fmt == "html":
        return _HtmlExtractor(source_lang, target_lang, lang).run(content)
    if fmt == "markdown":
        return extract_markdown(content, lang)
    return extract_plain(content, lang)


# --- HTML -----------------------------------------------------------------------------------


def _no_translate(node: HtmlElement) -> bool:
    if (node.get("translate") or "").strip().lower() == "no":
        return True
    return "notranslate" in (node.get("class") or "").split()


def _is_inline(node: HtmlElement) -> bool:
    tag = node.tag
    if tag in INLINE_ATOMIC or tag in INLINE_CODE:
        return True
    if tag not in INLINE_PAIRED:
        return False
    return all(d.tag in _INLINE for d in node.iterdescendants())


_INLINE = INLINE_PAIRED | INLINE_ATOMIC | INLINE_CODE
_ATTRIBUTE = re.compile(r"""\s*([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")
_START_TAG = re.compile(r"<[A-Za-z]")
_BLANKS = " \t\r\n\f"
_DOCTYPE_END = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype[^>]*>)?", re.I)


class _Irregular(Exception):
    """A run whose pieces are not in source order (content the parser moved): kept as is."""


class _HtmlExtractor:
    """Segments from the tree a browser builds (:mod:`checkers.document.html`); the template
    is the source itself with each translated run, attribute value and ``lang`` replaced in
    place, so everything not translated (comments, doctype, attributes, white space, entity
    spelling) comes back byte for byte."""

    def __init__(self, source_lang: str, target_lang: str, lang: str | None = None) -> None:
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.collector = _Collector("html", lang)
        self.edits: dict[int, tuple[int, str]] = {}  # source start -> (end, replacement)
        self.edit_starts: list[int] = []  # the keys of ``edits``, sorted
        self.src = ""
        self.fragment = False  # no <html>/doctype: top-level text has the context "div"
        self.attributed: set[HtmlElement] = set()  # elements whose attributes were read
        self.starts: frozenset[int] = frozenset()  # source offsets of the tree's start tags

    def run(self, content: str) -> Extracted:
        result = self.collector.result
        if not content.strip():
            result.template = content
            return result
        self.src = content
        self.parsed = parse_html(content)
        root = self.parsed.root
        self.fragment = not _DOCUMENT.search(content[:4000])
        # Start tags of the elements a run must not swallow (a stray <html> or <body> tag only
        # adds attributes to the one that exists).
        self.starts = frozenset(
            offset for element, offset in self.parsed.offsets.items()
            if element.tag not in ("html", "head", "body")
        )
        self._walk(root)
        if self.parsed.start_tag(root) is not None or self.fragment:
            targets = [root] if self.parsed.start_tag(root) else [
                child for body in root.iterchildren("body") for child in body
            ]
            for element in targets:
                self._set_direction(element)
        else:  # a document without an <html> tag: one is added after the doctype
            at = _DOCTYPE_END.match(content)
            where = at.end() if at else 0
            rtl = ' dir="rtl"' if self.target_lang.split("-")[0] in RTL_LANGUAGES else ""
            self._edit(where, where, f'<html lang="{self.target_lang}"{rtl}>')
        result.template = self._apply(0, len(content))
        return result

    # -- source edits

    def _edit(self, start: int, end: int, text: str) -> None:
        if start not in self.edits:
            insort(self.edit_starts, start)
        self.edits[start] = (end, text)

    def _apply(self, start: int, end: int) -> str:
        """``src[start:end]`` with the edits inside it applied; an edit inside another one (an
        attribute of an inline element inside a translated run) is part of that one."""
        out: list[str] = []
        pos = start
        keys = self.edit_starts
        for at in keys[bisect_left(keys, start) : bisect_right(keys, end)]:
            stop, text = self.edits[at]
            if at < pos or stop > end:
                continue
            out += [self.src[pos:at], text]
            pos = stop
        out.append(self.src[pos:end])
        return "".join(out)

    def _set_attribute(self, node: HtmlElement, name: str, value: str | None) -> None:
        """Set (``value``) or remove (None) an attribute inside the node's own start tag."""
        span = self.parsed.start_tag(node)
        if span is None:
            return
        start, end = span
        name_end = start + 1 + len(node.tag)
        for m in _ATTRIBUTE.finditer(self.src, name_end, end):
            if m.group(1).lower() == name:
                text = "" if value is None else f' {name}="{value}"'
                self._edit(m.start(), m.end(), text)
                return
        if value is not None:
            close = end - 1 if self.src[end - 1 : end] == ">" else end
            if self.src[close - 1 : close] == "/":
                close -= 1
            before = self.edits.get(close, (close, ""))[1]  # "lang" and "dir" both go here
            self._edit(close, close, f'{before} {name}="{value}"')

    def _set_direction(self, element: HtmlElement) -> None:
        self._set_attribute(element, "lang", self.target_lang)
        if self.target_lang.split("-")[0] in RTL_LANGUAGES:
            self._set_attribute(element, "dir", "rtl")
        elif (element.get("dir") or "").lower() == "rtl":
            self._set_attribute(element, "dir", None)

    # -- the walk

    def _attributes(self, node: HtmlElement) -> None:
        if node in self.attributed:
            return
        self.attributed.add(node)
        if (node.get("lang") or "").split("-")[0] == self.source_lang:
            self._set_attribute(node, "lang", self.target_lang)
        for name in TRANSLATED_ATTRIBUTES:
            value = node.get(name)
            if value and has_text(value):
                builder = SegmentBuilder("attr")
                builder.text(" ".join(value.split()))
                marker = self.collector.add(f"{node.tag}@{name}", builder.source(), builder)
                self._set_attribute(node, name, marker)

    def _attributes_deep(self, node: HtmlElement) -> None:
        if _no_translate(node):
            return
        self._attributes(node)
        if node.tag not in NOT_TRANSLATED:
            for child in node:
                self._attributes_deep(child)

    def _walk(self, element: HtmlElement) -> None:
        if _no_translate(element):
            return
        self._attributes(element)
        if element.tag in NOT_TRANSLATED:
            return
        slot: HtmlElement | None = None  # None: the run starts in element.text
        run: list[HtmlElement] = []
        for child in list(element):
            if _is_inline(child):
                run.append(child)
                continue
            self._flush(element, slot, run)
            self._walk(child)
            slot, run = child, []
        self._flush(element, slot, run)

    def _flush(
        self, element: HtmlElement, slot: HtmlElement | None, run: list[HtmlElement]
    ) -> None:
        if slot is None:
            lead = self.parsed.text_ranges(element)
        else:
            lead = self.parsed.text_ranges(slot, True)
        lead_text = element.text if slot is None else slot.tail
        if not run and not (lead_text and has_text(lead_text)):
            return
        reader = _RunReader(self, SegmentBuilder("html"))
        try:
            reader.texts(lead_text, lead)
            for node in run:
                reader.inline(node)
                reader.texts(node.tail, self.parsed.text_ranges(node, True))
        except _Irregular:
            for node in run:
                self._attributes_deep(node)
            return
        source = reader.builder.source()
        if reader.first < 0 or not has_text(source):
            for node in run:
                self._attributes_deep(node)
            return
        stripped = collapse(source)
        # White space at the edges of the run stays in the template (where it was).
        span = self.src[reader.first : reader.last]
        lead_blank = tail_blank = ""
        if source[:1] in _BLANKS:
            lead_blank = span[: len(span) - len(span.lstrip(_BLANKS))]
        if source[-1:] in _BLANKS:
            tail_blank = span[len(span.rstrip(_BLANKS)) :]
        context = "div" if element.tag == "body" and self.fragment else element.tag
        marker = self.collector.add(context, stripped, reader.builder)
        start, end = reader.first + len(lead_blank), reader.last - len(tail_blank)
        self._edit(start, end, marker)


class _RunReader:
    """Builds one run's segment from the source between its first and last piece: text,
    inline tags as paired placeholders holding their source markup, atomic and untranslated
    inline content (and comments) as standalone placeholders holding their source."""

    def __init__(self, owner: _HtmlExtractor, builder: SegmentBuilder) -> None:
        self.owner = owner
        self.src = owner.src
        self.parsed = owner.parsed
        self.builder = builder
        self.first = -1  # source span of the run so far
        self.last = -1

    def _reach(self, start: int, end: int) -> None:
        """The run continues at ``start``: markup the tree dropped (a comment) in between
        travels as a placeholder; a piece before the last one means moved content."""
        if self.first < 0:
            self.first = start
        elif start < self.last:
            raise _Irregular
        elif start > self.last:
            gap = self.src[self.last : start]
            if any(self.last + m.start() in self.owner.starts for m in _START_TAG.finditer(gap)):
                raise _Irregular  # an element of the tree lies between: content was moved
            self.builder.x("markup", gap, raw=True)
        self.last = end

    def texts(self, text: str | None, ranges: list[tuple[int, int]]) -> None:
        if not text:
            return
        if not ranges or sum(len(html.unescape(self.src[s:e])) for s, e in ranges) < len(text):
            raise _Irregular  # text the parser made up or moved from elsewhere
        for start, end in ranges:
            self._reach(start, end)
            self.builder.text(_decode(self.src[start:end]))

    def _extent(self, node: HtmlElement) -> tuple[int, int]:
        """Source span of a whole element (start tag to end tag, or where its content ends)."""
        span = self.parsed.start_tag(node)
        if span is None:
            raise _Irregular
        end = span[1]
        if node.text:
            end = max(end, *(e for _, e in self.parsed.text_ranges(node)), end)
        for child in node:
            end = max(end, self._extent(child)[1])
            if child.tail:
                end = max(end, *(e for _, e in self.parsed.text_ranges(child, True)), end)
        close = self.parsed.end_tag(node, end)
        return span[0], close[1] if close else end

    def inline(self, node: HtmlElement) -> None:
        tag = node.tag
        if _no_translate(node) or tag in INLINE_CODE or tag in INLINE_ATOMIC:
            start, end = self._extent(node)
            self._reach(start, end)
            if not _no_translate(node) and tag in INLINE_ATOMIC:
                self.owner._attributes_deep(node)
            kind = "code" if tag in INLINE_CODE and not _no_translate(node) else "markup"
            self.builder.x(kind, self.owner._apply(start, end), raw=True)
            return
        span = self.parsed.start_tag(node)
        opening = ""  # a clone the parser made of misnested formatting: no markup of its own
        if span is not None:
            self.owner._attributes(node)
            self._reach(*span)
            opening = self.owner._apply(*span)
        tag_id = self.builder.open("tag", opening, "")
        self.texts(node.text, self.parsed.text_ranges(node))
        for child in node:
            self.inline(child)
            self.texts(child.tail, self.parsed.text_ranges(child, True))
        close = self.parsed.end_tag(node, self.last)
        closing = ""  # no end tag in the source (implied): none is added
        if close is not None:
            # A comment between the content and the end tag travels with the end tag.
            closing = self.src[self.last : close[1]]
            self._reach(self.last, close[1])
        holder = self.builder.placeholders[tag_id]
        self.builder.placeholders[tag_id] = replace(holder, close=closing)
        self.builder.close(tag_id)


def _decode(raw: str) -> str:
    return html.unescape(raw.replace("\r\n", "\n").replace("\r", "\n"))


# --- Markdown -------------------------------------------------------------------------------

_MD_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?:.+?)(?P=ticks))"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\](?P<imgtarget>\([^)\s]*(?:\s+\"[^\"]*\")?\)))"
    r"|(?P<link>\[(?P<label>[^\]]+)\](?P<target>\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\]))"
    r"|(?P<autolink><(?:https?://[^>\s]+|[^@\s>]+@[^>\s]+)>)"
    r"|(?P<html></?[A-Za-z][^>]*>)"
    r"|(?P<strong>(?P<smark>\*\*|__)(?P<stext>\S(?:.*?\S)?)(?P=smark))"
    r"|(?P<em>(?P<emark>\*|(?<!\w)_)(?P<etext>[^\s*_](?:[^*]*?[^\s*_])?)(?P=emark))"
    r"|(?P<escape>\\[\\`*_{}\[\]()#+\-.!|<>])"
)


def markdown_inline(text: str, builder: SegmentBuilder) -> None:
    last = 0
    for match in _MD_INLINE.finditer(text):
        builder.text(text[last : match.start()])
        last = match.end()
        kind = match.lastgroup
        if match.group("code"):
            builder.x("code", match.group(0), raw=True)
        elif match.group("image"):
            tag_id = builder.open("markup", "![", "]" + match.group("imgtarget"))
            builder.text(match.group("alt"))
            builder.close(tag_id)
        elif match.group("link"):
            tag_id = builder.open("markup", "[", "]" + match.group("target"))
            markdown_inline(match.group("label"), builder)
            builder.close(tag_id)
        elif match.group("autolink") or match.group("html") or match.group("escape"):
            builder.x("markup", match.group(0), raw=True)
        elif match.group("strong"):
            mark = match.group("smark")
            tag_id = builder.open("markup", mark, mark)
            markdown_inline(match.group("stext"), builder)
            builder.close(tag_id)
        elif match.group("em"):
            mark = match.group("emark")
            tag_id = builder.open("markup", mark, mark)
            markdown_inline(match.group("etext"), builder)
            builder.close(tag_id)
        else:  # pragma: no cover - every alternative is handled above
            builder.text(match.group(0) if kind else "")
    builder.text(text[last:])


def _unit(collector: _Collector, context: str, text: str, inline: Callable) -> str | None:
    builder = SegmentBuilder("text")
    inline(text, builder)
    source = builder.source()
    if not has_text(source):
        return None
    return collector.add(context, collapse(source), builder)


_MD_CONTEXT = {
    "paragraph": "md:paragraph",
    "heading": "md:heading",
    "list-item": "md:list-item",
    "quote": "md:quote",
    "table-cell": "md:cell",
}


def extract_markdown(content: str, lang: str | None = None) -> Extracted:
    """Every leaf of the one Markdown reader becomes a unit; everything else stays byte for byte.

    A leaf's span (first to last line, container markers between them included) is replaced by
    its marker, so a hard-wrapped paragraph comes back as one line; front matter, code, link
    definitions, thematic breaks and HTML blocks are outside every span and kept.
    """
    collector = _Collector("markdown", lang)
    out: list[str] = []
    kept = 0
    for leaf in read_markdown(content).leaves:
        if leaf.html:
            continue
        start, end = leaf.span
        text = " ".join(content[s:e] for s, e in leaf.segs)
        marker = _unit(collector, _MD_CONTEXT[leaf.kind], text, markdown_inline)
        if marker is None:
            continue
        out += [content[kept:start], marker]
        kept = end
    out.append(content[kept:])
    collector.result.template = "".join(out)
    return collector.result


# --- plain text -----------------------------------------------------------------------------


def extract_plain(content: str, lang: str | None = None) -> Extracted:
    """One unit per paragraph of the one plain-text reader; every other byte stays."""
    collector = _Collector("plain", lang)
    out: list[str] = []
    kept = 0
    for start, end in read_plain(content).paragraphs:
        builder = SegmentBuilder("text")
        builder.text(content[start:end])
        source = builder.source()
        if not has_text(source):
            continue
        # Line breaks inside a paragraph are kept: lists and addresses keep their lines.
        normalized = "\n".join(" ".join(line.split()) for line in source.splitlines())
        out += [content[kept:start], collector.add("text", normalized, builder)]
        kept = end
    out.append(content[kept:])
    collector.result.template = "".join(out)
    return collector.result
