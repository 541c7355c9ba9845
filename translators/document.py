"""A translated document: segments a person can review, and a template to rebuild the document.

Why a template with markers rather than a tree kept in memory: the review workflow stores a
document, people edit target segments over days, and the document is rebuilt later. Everything
needed for that is plain data (``to_dict`` / ``from_dict``): the source document with each
translatable unit replaced by a marker, and per segment its source, target and placeholders.
``render`` fills each marker with the (possibly human-edited) target after restoring the
placeholders, so markup, URLs, numbers and terms come back exactly as they were.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from translators import tags

if TYPE_CHECKING:
    from checkers.report import Finding

Format = Literal["html", "markdown", "plain"]
# How a segment's filled text goes into the template: HTML text, an HTML attribute, or verbatim.
Mode = Literal["html", "attr", "text"]
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "dv", "ku-arab", "sd"})


@dataclass(frozen=True, slots=True)
class Placeholder:
    """What a tag in a segment stands for.

    ``text`` is what the target gets: for ``x`` the protected content (for a glossary term its
    translation), for ``g`` the opening markup. ``source`` is the source-side content when it
    differs (the source term); ``close`` is the closing markup of a ``g`` pair. ``raw`` content is
    markup inserted verbatim; otherwise it is text (escaped in HTML).
    """

    id: str
    kind: str  # url, email, number, date, code, term, glossary, markup, tag
    text: str
    source: str = ""
    close: str = ""
    raw: bool = False

    @property
    def source_text(self) -> str:
        return self.source or self.text


@dataclass(slots=True)
class Segment:
    """One translatable unit: a sentence of a block (paragraph, heading, list item, cell), or
    of an alt/title attribute."""

    id: str
    context: str  # "p", "h2", "li", "img@alt", "a@title", "md:heading", "text", …
    source: str  # with <xN/> and <gN>…</gN>
    target: str = ""
    placeholders: dict[str, Placeholder] = field(default_factory=dict)
    mode: Mode = "text"
    pivot: str | None = None
    from_memory: bool = False
    repaired: list[str] = field(default_factory=list)  # placeholder ids restoration re-appended
    # What the reviewer is looking at (see ``context_kind``) and the block (paragraph, heading)
    # the sentence came from: sentences of one block share it.
    kind: str = "paragraph"
    block: str = ""

    def fill(self, target: str | None = None, side: Literal["target", "source"] = "target") -> str:
        """The segment as document content: tags replaced, text escaped for its mode."""
        text = self.source if side == "source" else (self.target if target is None else target)
        if side == "target":
            # Well-formed markup, but no silent re-appending of what a person left out: a
            # missing placeholder is a QA error that blocks publishing until someone decides.
            text = tags.repair(self.source, tags.canonical(text), append_dropped=False).text
        return fill(text, self.placeholders, self.mode, side)

    def plain(self, target: str | None = None, side: Literal["target", "source"] = "target") -> str:
        """Readable text without markup (for QA and length checks)."""
        text = self.source if side == "source" else (self.target if target is None else target)
        out = []
        for chunk, tag in tags.split_text(text):
            if tag is None:
                out.append(chunk)
            elif tag.kind == "x" and tag.id in self.placeholders:
                holder = self.placeholders[tag.id]
                content = holder.source_text if side == "source" else holder.text
                out.append("" if holder.raw else content)
        return " ".join("".join(out).split())


CONTEXT_KINDS: dict[str, str] = {
    "title": "title",
    "md:heading": "heading",
    "li": "list-item",
    "md:list-item": "list-item",
    "dt": "list-item",
    "dd": "list-item",
    "td": "table-cell",
    "th": "table-cell",
    "md:cell": "table-cell",
    "caption": "caption",
    "figcaption": "caption",
    "blockquote": "quote",
    "md:quote": "quote",
    "button": "label",
    "label": "label",
    "legend": "label",
    "option": "label",
    "summary": "label",
    "a": "link",
}


def context_kind(context: str, source: str, placeholders: Mapping[str, Placeholder]) -> str:
    """What a segment is on the page: title, heading, paragraph, list-item, table-cell,
    caption, quote, label, alt, link or attribute; shown to the reviewer as its context."""
    if "@" in context:
        element, attribute = context.split("@", 1)
        if attribute == "alt":
            return "alt"
        return "link" if element == "a" else "attribute"
    if context in ("title", "md:heading") or (
        len(context) == 2 and context[0] == "h" and context[1] in "123456"
    ):
        return "heading" if context != "title" else "title"
    found = tags.scan(source.strip())
    if found and found[0].start == 0 and found[-1].end == len(source.strip()):
        holder = placeholders.get(found[0].id)
        if (
            found[0].kind == "g"
            and found[-1].kind == "/g"
            and found[-1].id == found[0].id
            and holder is not None
            and (holder.text.lower().startswith("<a ") or holder.text == "[")
        ):
            return "link"  # the whole sentence is one link (a menu entry, a "read more")
    return CONTEXT_KINDS.get(context, "paragraph")


def fill(text: str, placeholders: Mapping[str, Placeholder], mode: Mode, side: str) -> str:
    escape = _escaper(mode)
    out: list[str] = []
    for chunk, tag in tags.split_text(text):
        if tag is None:
            out.append(escape(chunk))
            continue
        holder = placeholders.get(tag.id)
        if holder is None:
            continue
        if tag.kind == "x":
            content = holder.source_text if side == "source" else holder.text
            out.append(content if holder.raw else escape(content))
        elif tag.kind == "g":
            out.append(holder.text)
        else:
            out.append(holder.close)
    return "".join(out)


def _escaper(mode: Mode):
    if mode == "html":
        return lambda s: html.escape(s, quote=False)
    if mode == "attr":
        return lambda s: html.escape(s, quote=True)
    return lambda s: s


@dataclass(slots=True)
class TranslatedDocument:
    format: Format
    source_lang: str
    target_lang: str
    template: str
    markers: dict[str, str]  # segment id -> marker in the template
    segments: list[Segment]
    pivot: str | None = None
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    def segment(self, segment_id: str) -> Segment:
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(segment_id)

    def render(self, targets: Mapping[str, str] | None = None) -> str:
        """Rebuild the document; ``targets`` (segment id -> text with tags) override the MT."""
        targets = targets or {}
        values: dict[str, str] = {}
        for seg in self.segments:
            values[seg.id] = seg.fill(targets.get(seg.id))
        return _substitute(self.template, self.markers, values)

    def check(self, targets: Mapping[str, str] | None = None, locale: str = "de") -> list[Finding]:
        """QA findings for the current (possibly edited) targets."""
        from translators.qa import check_document

        return check_document(self, targets, locale)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form for storage (findings are recomputed with :meth:`check`)."""
        data = {
            "format": self.format,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "template": self.template,
            "markers": dict(self.markers),
            "pivot": self.pivot,
            "stats": dict(self.stats),
            "segments": [],
        }
        for seg in self.segments:
            item = asdict(seg)
            item["placeholders"] = {k: asdict(v) for k, v in seg.placeholders.items()}
            data["segments"].append(item)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TranslatedDocument:
        segments = []
        for item in data["segments"]:
            values = dict(item)
            values["placeholders"] = {
                k: Placeholder(**v) for k, v in dict(item.get("placeholders", {})).items()
            }
            segments.append(Segment(**values))
        return cls(
            format=data["format"],
            source_lang=data["source_lang"],
            target_lang=data["target_lang"],
            template=data["template"],
            markers=dict(data["markers"]),
            segments=segments,
            pivot=data.get("pivot"),
            stats=dict(data.get("stats", {})),
        )


def _substitute(template: str, markers: Mapping[str, str], values: Mapping[str, str]) -> str:
    # Block segments first: a block's filled markup can contain an attribute segment's marker
    # (an inline <img alt="…"> inside a paragraph), which the second pass then fills.
    out = template
    for _round in range(2):
        for seg_id, marker in markers.items():
            if marker in out:
                out = out.replace(marker, values.get(seg_id, ""))
    return out
