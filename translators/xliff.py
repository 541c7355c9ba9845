"""XLIFF 2.1 export and import of a review job, so translators can work in their own CAT tools.

Why this shape:
- one ``<unit>`` per segment, unit id = segment id (stable within a job), so an edited file maps
  back without guessing;
- XLIFF has four states (initial, translated, reviewed, final); ours are four different ones, so
  the core ``state`` carries the nearest XLIFF meaning and ``subState="a11y:<our state>"`` keeps
  ours exactly. A tool that changes ``state`` but leaves a stale ``subState`` (the spec says it
  must update or drop it) is caught: a ``subState`` that does not fit ``state`` is ignored;
- the machine suggestion travels as a Translation Candidates match (``mtc:match type="mt"``),
  comments as ``<note category="comment">``, reviewer and row version as attributes in our own
  namespace, so export → import → export loses nothing;
- placeholder tags of the engine (``<x1/>``, ``<g2>…</g2>``, see ``translators.tags``) become
  XLIFF inline codes (``<ph id="x1"/>``, ``<pc id="g2">…</pc>``; ``<sc>``/``<ec>`` when a target's
  pairs are broken), so CAT tools protect them, and turn back into the same tags on import;
- parsing never resolves entities, never loads a DTD or anything from the network, and refuses a
  DOCTYPE outright (billion-laughs, XXE).

This module is pure: it knows nothing of databases or HTTP. Checking a file against a job
(wrong job, unknown ids, changed source) happens where the job lives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import ClassVar

from lxml import etree

from a11y_core.errors import BilingualError
from translators import tags
from translators.review import SegmentState

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
MTC_NS = "urn:oasis:names:tc:xliff:matches:2.0"
A11Y_NS = "urn:a11y:xliff:review:1"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {None: XLIFF_NS, "mtc": MTC_NS, "a11y": A11Y_NS}
SUB_STATE_PREFIX = "a11y:"

# Our state → the XLIFF 2 core state that means the closest thing.
TO_XLIFF_STATE: dict[SegmentState, str] = {
    SegmentState.NEEDS_REVIEW: "initial",
    SegmentState.REJECTED: "initial",
    SegmentState.EDITED: "translated",
    SegmentState.APPROVED: "final",
}
# Without (a fitting) subState. Only "final" approves: a tool's "reviewed" is a person's
# check, not the sign-off that publishing needs, so it stays "edited" and gets approved here.
FROM_XLIFF_STATE: dict[str, SegmentState] = {
    "initial": SegmentState.NEEDS_REVIEW,
    "translated": SegmentState.EDITED,
    "reviewed": SegmentState.EDITED,
    "final": SegmentState.APPROVED,
}


# Characters XML 1.0 cannot carry at all (not even as &#...;): most C0 controls, lone
# surrogates, U+FFFE/U+FFFF. lxml refuses them with a ValueError.
XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def first_xml_invalid(text: str) -> str | None:
    """The first character XML cannot carry, or None."""
    found = XML_INVALID.search(text)
    return found.group() if found else None


def xml_safe(text: str) -> str:
    """``text`` with XML-invalid characters replaced by U+FFFD, so an export never fails."""
    return XML_INVALID.sub("\ufffd", text)


def _opt_safe(text: str | None) -> str | None:
    return None if text is None else xml_safe(text)


def _safe_unit(unit: XliffUnit) -> XliffUnit:
    return replace(
        unit,
        id=xml_safe(unit.id),
        source=xml_safe(unit.source),
        target=_opt_safe(unit.target),
        machine=_opt_safe(unit.machine),
        reviewer=_opt_safe(unit.reviewer),
        notes=tuple(
            XliffNote(
                text=xml_safe(n.text),
                author=_opt_safe(n.author),
                id=_opt_safe(n.id),
                created=_opt_safe(n.created),
            )
            for n in unit.notes
        ),
        display={xml_safe(k): xml_safe(v) for k, v in unit.display.items()},
    )


class XliffError(BilingualError, ValueError):
    """A file that cannot be read as our XLIFF 2; carries a German and an English message."""

    status = 422
    title: ClassVar[str | None] = "Ungültige XLIFF-Datei / Invalid XLIFF file"


@dataclass(frozen=True, slots=True)
class XliffNote:
    text: str
    author: str | None = None
    id: str | None = None  # our comment id; None for a note a translator added in their tool
    created: str | None = None  # ISO 8601


@dataclass(frozen=True, slots=True)
class XliffUnit:
    id: str
    source: str
    target: str | None
    state: SegmentState
    machine: str | None = None
    reviewer: str | None = None
    version: int | None = None
    notes: tuple[XliffNote, ...] = ()
    # Placeholder id -> what it stands for; shown to translators as ``disp``, not read back.
    display: dict[str, str] = field(default_factory=dict)
    # On import: the file's core XLIFF state when no (fitting) subState decided ``state``. Core
    # states are coarser than ours (needs_review and rejected are both "initial"), so the
    # importer keeps a stored state that maps to this same core state.
    core_state: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class XliffDocument:
    job_id: str
    source_lang: str
    target_lang: str
    units: tuple[XliffUnit, ...] = field(default_factory=tuple)
    original: str | None = None  # the document format, e.g. "html"


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def export_xliff(doc: XliffDocument) -> bytes:
    """Serialize a job as an XLIFF 2.1 document (UTF-8, with XML declaration).

    Text XML cannot carry (control characters stored before input was checked) is written as
    U+FFFD instead of failing the export.
    """
    doc = replace(
        doc,
        job_id=xml_safe(doc.job_id),
        source_lang=xml_safe(doc.source_lang),
        target_lang=xml_safe(doc.target_lang),
        original=_opt_safe(doc.original),
        units=tuple(_safe_unit(u) for u in doc.units),
    )
    root = etree.Element(_q(XLIFF_NS, "xliff"), nsmap=NSMAP)  # type: ignore[arg-type]
    root.set("version", "2.1")
    root.set("srcLang", doc.source_lang)
    root.set("trgLang", doc.target_lang)
    file_el = etree.SubElement(root, _q(XLIFF_NS, "file"))
    file_el.set("id", f"job-{doc.job_id}")
    if doc.original:
        file_el.set("original", doc.original)
    file_el.set(_q(A11Y_NS, "job"), doc.job_id)
    # Segments are text; spaces at the edges matter when the document is rebuilt.
    file_el.set(_q(XML_NS, "space"), "preserve")
    for unit in doc.units:
        _export_unit(file_el, unit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _export_unit(parent: etree._Element, unit: XliffUnit) -> None:
    unit_el = etree.SubElement(parent, _q(XLIFF_NS, "unit"))
    unit_el.set("id", unit.id)
    if unit.version is not None:
        unit_el.set(_q(A11Y_NS, "version"), str(unit.version))
    if unit.reviewer:
        unit_el.set(_q(A11Y_NS, "reviewer"), unit.reviewer)
    seg_id = f"{unit.id}-seg"
    # Module elements come first in a unit (core schema: ##other, notes, originalData, segment).
    if unit.machine is not None:
        matches = etree.SubElement(unit_el, _q(MTC_NS, "matches"))
        match = etree.SubElement(matches, _q(MTC_NS, "match"))
        match.set("ref", f"#{seg_id}")
        match.set("type", "mt")
        match.set("origin", "a11y")
        _set_content(etree.SubElement(match, _q(XLIFF_NS, "source")), unit.source, unit.display)
        _set_content(etree.SubElement(match, _q(XLIFF_NS, "target")), unit.machine, unit.display)
    if unit.notes:
        notes = etree.SubElement(unit_el, _q(XLIFF_NS, "notes"))
        for note in unit.notes:
            note_el = etree.SubElement(notes, _q(XLIFF_NS, "note"))
            note_el.set("category", "comment")
            if note.id is not None:
                note_el.set("id", note.id)
            if note.author:
                note_el.set(_q(A11Y_NS, "author"), note.author)
            if note.created:
                note_el.set(_q(A11Y_NS, "created"), note.created)
            note_el.text = note.text
    segment = etree.SubElement(unit_el, _q(XLIFF_NS, "segment"))
    segment.set("id", seg_id)
    segment.set("state", TO_XLIFF_STATE[unit.state])
    segment.set("subState", SUB_STATE_PREFIX + unit.state.value)
    _set_content(etree.SubElement(segment, _q(XLIFF_NS, "source")), unit.source, unit.display)
    if unit.target is not None:
        _set_content(etree.SubElement(segment, _q(XLIFF_NS, "target")), unit.target, unit.display)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xliff(data: bytes | str) -> XliffDocument:
    """Read an XLIFF 2.0/2.1 file written by ``export_xliff`` (possibly edited in another tool)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        tree = etree.fromstring(raw, _parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        raise XliffError(
            "xliff-syntax",
            f"Die Datei ist kein gültiges XML: {exc}",
            f"The file is not well-formed XML: {exc}",
        ) from exc
    if tree.docinfo.doctype:
        raise XliffError(
            "xliff-doctype",
            "XLIFF-Dateien mit DOCTYPE werden nicht angenommen (Sicherheit).",
            "XLIFF files with a DOCTYPE are refused (security).",
        )
    root = tree.getroot()
    if root.tag != _q(XLIFF_NS, "xliff") or not str(root.get("version", "")).startswith("2."):
        raise XliffError(
            "xliff-version",
            "Erwartet wird XLIFF 2.0 oder 2.1 (Namensraum urn:oasis:names:tc:xliff:document:2.0).",
            "Expected XLIFF 2.0 or 2.1 (namespace urn:oasis:names:tc:xliff:document:2.0).",
        )
    files = root.findall(_q(XLIFF_NS, "file"))
    if len(files) != 1:
        raise XliffError(
            "xliff-structure",
            "Die Datei muss genau ein <file>-Element haben (ein Auftrag je Datei).",
            "The file must contain exactly one <file> element (one job per file).",
        )
    file_el = files[0]
    job_id = file_el.get(_q(A11Y_NS, "job")) or _strip_prefix(file_el.get("id", ""), "job-")
    units = tuple(_parse_unit(u) for u in file_el.iter(_q(XLIFF_NS, "unit")))
    seen: set[str] = set()
    for unit in units:
        if unit.id in seen:
            raise XliffError(
                "xliff-duplicate",
                f"Die Einheit {unit.id!r} kommt mehrfach vor.",
                f"Unit {unit.id!r} occurs more than once.",
            )
        seen.add(unit.id)
    return XliffDocument(
        job_id=job_id,
        source_lang=root.get("srcLang", ""),
        target_lang=root.get("trgLang", ""),
        units=units,
        original=file_el.get("original"),
    )


def _strip_prefix(value: str, prefix: str) -> str:
    return value[len(prefix) :] if value.startswith(prefix) else value


def _set_content(el: etree._Element, text: str, display: dict[str, str]) -> None:
    """Write segment text into ``el``, placeholder tags as XLIFF inline codes."""
    parts = tags.split_text(text)
    if not any(tag for _, tag in parts):
        el.text = text
        return
    paired = tags.parts_balanced(parts)
    stack = [el]
    last: etree._Element | None = None  # the element whose tail takes the next text

    def add_text(chunk: str) -> None:
        if last is None:
            stack[-1].text = (stack[-1].text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk

    for chunk, tag in parts:
        if tag is None:
            add_text(chunk)
        elif tag.kind == "x":
            last = etree.SubElement(stack[-1], _q(XLIFF_NS, "ph"), id=tag.id)
            if tag.id in display:
                last.set("disp", display[tag.id])
        elif paired and tag.kind == "g":
            stack.append(etree.SubElement(stack[-1], _q(XLIFF_NS, "pc"), id=tag.id))
            last = None
        elif paired:
            last = stack.pop()
        elif tag.kind == "g":
            last = etree.SubElement(stack[-1], _q(XLIFF_NS, "sc"), id=tag.id, isolated="yes")
        else:
            last = etree.SubElement(stack[-1], _q(XLIFF_NS, "ec"), id=tag.id, isolated="yes")


def _text(el: etree._Element | None, unit_id: str) -> str | None:
    """Segment text from ``el``, inline codes back to placeholder tags."""
    if el is None:
        return None
    out = [el.text or ""]
    for child in el:
        out.append(_inline(child, unit_id))
        out.append(child.tail or "")
    return "".join(out)


def _inline(el: etree._Element, unit_id: str) -> str:
    if not isinstance(el.tag, str):
        return ""  # an XML comment or processing instruction a tool left in the text
    qname = etree.QName(el)
    name = qname.localname if qname.namespace == XLIFF_NS else ""
    code_id = el.get("id") or el.get("startRef") or ""
    if name == "ph" and code_id:
        return tags.render_tag("x", code_id)
    if name == "pc" and code_id:
        inner = _text(el, unit_id) or ""
        return tags.render_tag("g", code_id) + inner + tags.render_tag("/g", code_id)
    if name == "sc" and code_id:
        return tags.render_tag("g", code_id)
    if name == "ec" and code_id:
        return tags.render_tag("/g", code_id)
    raise XliffError(
        "xliff-inline",
        f"Einheit {unit_id!r}: unbekanntes eingebettetes Element <{qname.localname}>; erlaubt "
        "sind ph, pc, sc, ec.",
        f"Unit {unit_id!r}: unsupported inline element <{qname.localname}>; allowed are ph, pc, "
        "sc, ec.",
    )


def _parse_unit(unit_el: etree._Element) -> XliffUnit:
    unit_id = unit_el.get("id")
    if not unit_id:
        raise XliffError(
            "xliff-structure", "Eine <unit> hat keine id.", "A <unit> has no id attribute."
        )
    segments = unit_el.findall(_q(XLIFF_NS, "segment"))
    if len(segments) != 1:
        raise XliffError(
            "xliff-segmentation",
            f"Einheit {unit_id!r}: genau ein <segment> erwartet (Segmente nicht teilen oder "
            "zusammenführen).",
            f"Unit {unit_id!r}: exactly one <segment> expected (do not split or join segments).",
        )
    segment = segments[0]
    source = _text(segment.find(_q(XLIFF_NS, "source")), unit_id)
    if source is None:
        raise XliffError(
            "xliff-structure",
            f"Einheit {unit_id!r}: <source> fehlt.",
            f"Unit {unit_id!r}: <source> is missing.",
        )
    target = _text(segment.find(_q(XLIFF_NS, "target")), unit_id)
    state, core_state = _state(
        segment.get("state"), segment.get("subState"), unit_id, target
    )
    machine = None
    for match in unit_el.iter(_q(MTC_NS, "match")):
        if match.get("type") == "mt" and match.get("origin") == "a11y":
            machine = _text(match.find(_q(XLIFF_NS, "target")), unit_id)
    version_attr = unit_el.get(_q(A11Y_NS, "version"))
    try:
        version = int(version_attr) if version_attr is not None else None
    except ValueError as exc:
        raise XliffError(
            "xliff-structure",
            f"Einheit {unit_id!r}: a11y:version ist keine Zahl.",
            f"Unit {unit_id!r}: a11y:version is not a number.",
        ) from exc
    notes = tuple(
        XliffNote(
            text=n.text or "",
            author=n.get(_q(A11Y_NS, "author")),
            id=n.get("id"),
            created=n.get(_q(A11Y_NS, "created")),
        )
        for n in unit_el.iterfind(f"{_q(XLIFF_NS, 'notes')}/{_q(XLIFF_NS, 'note')}")
    )
    return XliffUnit(
        id=unit_id,
        source=source,
        target=target,
        state=state,
        machine=machine,
        reviewer=unit_el.get(_q(A11Y_NS, "reviewer")),
        version=version,
        notes=notes,
        core_state=core_state,
    )


def _state(
    xliff_state: str | None, sub_state: str | None, unit_id: str, target: str | None
) -> tuple[SegmentState, str | None]:
    """Our state, and the core state when no fitting ``subState`` decided it (else None)."""
    core = xliff_state or ("translated" if target else "initial")
    if core not in FROM_XLIFF_STATE:
        raise XliffError(
            "xliff-state",
            f"Einheit {unit_id!r}: unbekannter Status {core!r} (initial, translated, reviewed, "
            "final).",
            f"Unit {unit_id!r}: unknown state {core!r} (initial, translated, reviewed, final).",
        )
    if sub_state and sub_state.startswith(SUB_STATE_PREFIX):
        try:
            ours = SegmentState(sub_state[len(SUB_STATE_PREFIX) :])
        except ValueError:
            ours = None
        # A subState that does not fit the core state is stale: the tool changed state only.
        if ours is not None and TO_XLIFF_STATE[ours] == core:
            return ours, None
    return FROM_XLIFF_STATE[core], core
