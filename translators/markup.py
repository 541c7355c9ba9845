"""Split HTML, Markdown and plain text into translatable segments and a template to rebuild them.

HTML is read with lxml block by block (paragraphs, headings, list items, cells, …). Inside a
block, inline markup (``<a>``, ``<em>``, ``<strong>``, ``<span>``, …) becomes numbered paired tags
``<gN>…</gN>`` that carry the original opening and closing markup, and content that must not be
translated (``<code>``, ``<br>``, ``<img>``, elements with ``translate="no"`` or
``class="notranslate"``) becomes a standalone ``<xN/>``; attributes stay untouched except ``alt``
and ``title``, which become segments of their own. ``<script>``, ``<style>``, ``<pre>`` and
``<code>`` blocks are not translated. The output document gets ``lang`` (and ``dir="rtl"`` for
right-to-left languages). Markdown is read by the one Markdown reader
(:mod:`checkers.document.markdown`: headings, list items, quotes, table cells, paragraphs; code
blocks, front matter, HTML blocks and link targets kept byte for byte), plain text by paragraph.

Known limits: ``translate="yes"`` inside a ``translate="no"`` subtree is not honoured; HTML blocks
inside Markdown are kept, not translated; hard-wrapped Markdown paragraphs come back as one line.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import lxml.html
from lxml import etree

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
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
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


def _is_element(node: object) -> bool:
    return isinstance(getattr(node, "tag", None), str)


def _tag(node: etree._Element) -> str:
    return node.tag.lower() if _is_element(node) else ""


def _no_translate(node: etree._Element) -> bool:
    if not _is_element(node):
        return False
    if (node.get("translate") or "").strip().lower() == "no":
        return True
    return "notranslate" in (node.get("class") or "").split()


def _is_inline(node: etree._Element) -> bool:
    if not _is_element(node):
        return True  # comments and processing instructions travel with their run
    tag = _tag(node)
    if tag in INLINE_ATOMIC or tag in INLINE_CODE:
        return True
    if tag not in INLINE_PAIRED:
        return False
    return all(
        not _is_element(d) or _tag(d) in INLINE_PAIRED | INLINE_ATOMIC | INLINE_CODE
        for d in node.iterdescendants()
    )


def _start_tag(node: etree._Element) -> str:
    attributes = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in node.attrib.items())
    return f"<{node.tag}{attributes}>"


def _outer(node: etree._Element) -> str:
    return lxml.html.tostring(node, encoding="unicode", with_tail=False)


class _HtmlExtractor:
    def __init__(self, source_lang: str, target_lang: str, lang: str | None = None) -> None:
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.collector = _Collector("html", lang)

    def run(self, content: str) -> Extracted:
        result = self.collector.result
        if not content.strip():
            result.template = content
            return result
        content = _XML_DECL.sub("", content, count=1)
        if _DOCUMENT.search(content[:4000]):
            root = lxml.html.document_fromstring(content)
            doctype = root.getroottree().docinfo.doctype
            self._walk(root)
            self._set_direction(root)
            result.template = lxml.html.tostring(
                root, encoding="unicode", doctype=doctype or None, method="html"
            )
            if content.endswith("\n") and not result.template.endswith("\n"):
                result.template += "\n"
            return result
        wrapper = lxml.html.fragment_fromstring(content, create_parent="div")
        self._walk(wrapper)
        for child in wrapper:
            if _is_element(child):
                self._set_direction(child)
        head = html.escape(wrapper.text or "", quote=False)
        result.template = head + "".join(
            lxml.html.tostring(child, encoding="unicode") for child in wrapper
        )
        return result

    def _set_direction(self, element: etree._Element) -> None:
        element.set("lang", self.target_lang)
        if self.target_lang.split("-")[0] in RTL_LANGUAGES:
            element.set("dir", "rtl")
        elif (element.get("dir") or "").lower() == "rtl":
            del element.attrib["dir"]

    def _attributes(self, node: etree._Element) -> None:
        if (node.get("lang") or "").split("-")[0] == self.source_lang:
            node.set("lang", self.target_lang)
        for name in TRANSLATED_ATTRIBUTES:
            value = node.get(name)
            if value and has_text(value):
                builder = SegmentBuilder("attr")
                builder.text(" ".join(value.split()))
                marker = self.collector.add(f"{_tag(node)}@{name}", builder.source(), builder)
                node.set(name, marker)

    def _attributes_deep(self, node: etree._Element) -> None:
        if not _is_element(node) or _no_translate(node):
            return
        self._attributes(node)
        if _tag(node) not in NOT_TRANSLATED:
            for child in node:
                self._attributes_deep(child)

    def _walk(self, element: etree._Element) -> None:
        if not _is_element(element) or _no_translate(element):
            return
        self._attributes(element)
        if _tag(element) in NOT_TRANSLATED:
            return
        slot: etree._Element | None = None  # None: the run starts in element.text
        run: list[etree._Element] = []
        for child in list(element):
            if _is_inline(child):
                run.append(child)
                continue
            self._flush(element, slot, run)
            self._walk(child)
            slot, run = child, []
        self._flush(element, slot, run)

    def _flush(
        self, element: etree._Element, slot: etree._Element | None, run: list[etree._Element]
    ) -> None:
        lead = (element.text if slot is None else slot.tail) or ""
        builder = SegmentBuilder("html")
        builder.text(lead)
        for node in run:
            self._inline(node, builder)
            builder.text(node.tail or "")
        source = builder.source()
        if not has_text(source):
            for node in run:
                self._attributes_deep(node)
            return
        stripped = collapse(source)
        head = source[: len(source) - len(source.lstrip())]
        tail = source[len(source.rstrip()) :]
        marker = self.collector.add(_tag(element), stripped, builder)
        for node in run:
            element.remove(node)  # lxml removes the tail text with the element
        text = head + marker + tail
        if slot is None:
            element.text = text
        else:
            slot.tail = text

    def _inline(self, node: etree._Element, builder: SegmentBuilder) -> None:
        if not _is_element(node):
            builder.x("markup", _outer(node), raw=True)
            return
        tag = _tag(node)
        if _no_translate(node):
            builder.x("markup", _outer(node), raw=True)
            return
        if tag in INLINE_CODE:
            builder.x("code", _outer(node), raw=True)
            return
        if tag in INLINE_ATOMIC:
            self._attributes_deep(node)
            builder.x("markup", _outer(node), raw=True)
            return
        self._attributes(node)
        tag_id = builder.open("tag", _start_tag(node), f"</{node.tag}>")
        builder.text(node.text or "")
        for child in node:
            self._inline(child, builder)
            builder.text(child.tail or "")
        builder.close(tag_id)


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
