"""XLIFF 1.2 export and import, besides 2.1: many translation tools still speak only 1.2.

Same model as ``translators.xliff`` (an ``XliffDocument`` of ``XliffUnit``s), so the service
checks and applies a 1.2 file exactly like a 2.1 file. The mapping:

- one ``<trans-unit>`` per segment, ``id`` = segment id; ``<source>``/``<target>`` with the
  engine's tags as 1.2 inline elements of the same names (``<x id="x1"/>``,
  ``<g id="g2">…</g>``; ``<bx/>``/``<ex/>`` when a target's pairs are broken);
- our state exactly in ``a11y:state`` on ``<target>``, the nearest 1.2 state in ``state``
  (needs_review → needs-review-translation, rejected → needs-translation, edited → translated,
  approved → final). As in 2.1, an ``a11y:state`` that does not fit ``state`` is stale (the tool
  changed ``state`` only) and ``state`` decides; only ``final`` and ``signed-off`` approve;
- the machine suggestion as ``<alt-trans origin="a11y" alttranstype="proposal">``, comments as
  ``<note from="…">``, reviewer and row version as ``a11y:`` attributes on the trans-unit.

Parsing refuses a DOCTYPE and never resolves entities or loads anything (shared parser).
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from translators import tags
from translators.review import SegmentState
from translators.xliff import (
    A11Y_NS,
    XML_NS,
    XliffDocument,
    XliffError,
    XliffNote,
    XliffUnit,
    _opt_safe,
    _parser,
    _safe_unit,
    parse_xliff,
    xml_safe,
)

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
NSMAP12 = {None: XLIFF12_NS, "a11y": A11Y_NS}
MT_ORIGIN = "a11y"

TO_XLIFF12_STATE: dict[SegmentState, str] = {
    SegmentState.NEEDS_REVIEW: "needs-review-translation",
    SegmentState.REJECTED: "needs-translation",
    SegmentState.EDITED: "translated",
    SegmentState.APPROVED: "final",
}
FROM_XLIFF12_STATE: dict[str, SegmentState] = {
    "new": SegmentState.NEEDS_REVIEW,
    "needs-translation": SegmentState.REJECTED,
    "needs-adaptation": SegmentState.NEEDS_REVIEW,
    "needs-l10n": SegmentState.NEEDS_REVIEW,
    "needs-review-translation": SegmentState.NEEDS_REVIEW,
    "needs-review-adaptation": SegmentState.NEEDS_REVIEW,
    "needs-review-l10n": SegmentState.NEEDS_REVIEW,
    "translated": SegmentState.EDITED,
    "final": SegmentState.APPROVED,
    "signed-off": SegmentState.APPROVED,
}


def _q(tag: str) -> str:
    return f"{{{XLIFF12_NS}}}{tag}"


def _a(tag: str) -> str:
    return f"{{{A11Y_NS}}}{tag}"


def export_xliff12(doc: XliffDocument) -> bytes:
    """Serialize a job as an XLIFF 1.2 document (UTF-8, with XML declaration)."""
    doc = replace(
        doc,
        job_id=xml_safe(doc.job_id),
        source_lang=xml_safe(doc.source_lang),
        target_lang=xml_safe(doc.target_lang),
        original=_opt_safe(doc.original),
        units=tuple(_safe_unit(u) for u in doc.units),
    )
    root = etree.Element(_q("xliff"), nsmap=NSMAP12)  # type: ignore[arg-type]
    root.set("version", "1.2")
    file_el = etree.SubElement(root, _q("file"))
    file_el.set("original", f"job-{doc.job_id}")
    file_el.set("source-language", doc.source_lang)
    file_el.set("target-language", doc.target_lang)
    file_el.set("datatype", {"html": "html", "markdown": "x-markdown"}.get(
        doc.original or "", "plaintext"))
    file_el.set(_a("job"), doc.job_id)
    if doc.original:
        file_el.set(_a("format"), doc.original)
    body = etree.SubElement(file_el, _q("body"))
    for unit in doc.units:
        _export_unit(body, unit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _export_unit(body: etree._Element, unit: XliffUnit) -> None:
    unit_el = etree.SubElement(body, _q("trans-unit"))
    unit_el.set("id", unit.id)
    unit_el.set(_q_xml("space"), "preserve")
    if unit.version is not None:
        unit_el.set(_a("version"), str(unit.version))
    if unit.reviewer:
        unit_el.set(_a("reviewer"), unit.reviewer)
    if unit.state == SegmentState.APPROVED:
        unit_el.set("approved", "yes")
    _set_content(etree.SubElement(unit_el, _q("source")), unit.source, unit.display)
    if unit.target is not None:
        target = etree.SubElement(unit_el, _q("target"))
        target.set("state", TO_XLIFF12_STATE[unit.state])
        target.set(_a("state"), unit.state.value)
        _set_content(target, unit.target, unit.display)
    if unit.machine is not None:
        alt = etree.SubElement(unit_el, _q("alt-trans"))
        alt.set("origin", MT_ORIGIN)
        alt.set("alttranstype", "proposal")
        _set_content(etree.SubElement(alt, _q("target")), unit.machine, unit.display)
    for note in unit.notes:
        note_el = etree.SubElement(unit_el, _q("note"))
        if note.author:
            note_el.set("from", note.author)
        if note.id is not None:
            note_el.set(_a("id"), note.id)
        if note.created:
            note_el.set(_a("created"), note.created)
        note_el.text = note.text


def _q_xml(name: str) -> str:
    return f"{{{XML_NS}}}{name}"


def _set_content(el: etree._Element, text: str, display: dict[str, str]) -> None:
    parts = tags.split_text(text)
    if not any(tag for _, tag in parts):
        el.text = text
        return
    paired = tags.parts_balanced(parts)
    stack = [el]
    last: etree._Element | None = None

    def add_text(chunk: str) -> None:
        if last is None:
            stack[-1].text = (stack[-1].text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk

    for chunk, tag in parts:
        if tag is None:
            add_text(chunk)
        elif tag.kind == "x":
            last = etree.SubElement(stack[-1], _q("x"), id=tag.id)
            if tag.id in display:
                last.set("equiv-text", display[tag.id])
        elif paired and tag.kind == "g":
            stack.append(etree.SubElement(stack[-1], _q("g"), id=tag.id))
            last = None
        elif paired:
            last = stack.pop()
        elif tag.kind == "g":
            last = etree.SubElement(stack[-1], _q("bx"), id=tag.id, rid=tag.id)
        else:
            last = etree.SubElement(stack[-1], _q("ex"), id=f"/{tag.id}", rid=tag.id)


def _text(el: etree._Element | None, unit_id: str) -> str | None:
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
    name = qname.localname if qname.namespace == XLIFF12_NS else ""
    if name == "x" and el.get("id"):
        return tags.render_tag("x", el.get("id", ""))
    if name == "g" and el.get("id"):
        code_id = el.get("id", "")
        inner = _text(el, unit_id) or ""
        return tags.render_tag("g", code_id) + inner + tags.render_tag("/g", code_id)
    if name == "bx" and (el.get("rid") or el.get("id")):
        return tags.render_tag("g", el.get("rid") or el.get("id", ""))
    if name == "ex" and el.get("rid"):
        return tags.render_tag("/g", el.get("rid", ""))
    if name == "mrk":
        return _text(el, unit_id) or ""  # a tool's markers (terms, comments): text only
    raise XliffError(
        "xliff-inline",
        f"Einheit {unit_id!r}: unbekanntes eingebettetes Element <{qname.localname}>; erlaubt "
        "sind x, g, bx, ex, mrk.",
        f"Unit {unit_id!r}: unsupported inline element <{qname.localname}>; allowed are x, g, "
        "bx, ex, mrk.",
    )


def _state(target_el: etree._Element | None, target: str | None, unit_id: str,
           approved: bool) -> tuple[SegmentState, str | None]:
    core = target_el.get("state") if target_el is not None else None
    if core is None:
        core = "final" if approved else ("translated" if target else "new")
    if core.startswith("x-") or core not in FROM_XLIFF12_STATE:
        raise XliffError(
            "xliff-state",
            f"Einheit {unit_id!r}: unbekannter Status {core!r}.",
            f"Unit {unit_id!r}: unknown state {core!r}.",
        )
    ours_raw = target_el.get(_a("state")) if target_el is not None else None
    if ours_raw:
        try:
            ours: SegmentState | None = SegmentState(ours_raw)
        except ValueError:
            ours = None
        # Fits only if it maps to the same 1.2 state: else the tool changed ``state`` alone.
        if ours is not None and TO_XLIFF12_STATE[ours] == core:
            return ours, None
    # The core state in 2.x terms, so the importer's "same coarse state keeps the stored one"
    # rule works for both versions.
    state = FROM_XLIFF12_STATE[core]
    return state, CORE_AS_2[state]


# What the importer compares with ``translators.xliff.TO_XLIFF_STATE`` of the stored state.
CORE_AS_2 = {
    SegmentState.NEEDS_REVIEW: "initial",
    SegmentState.REJECTED: "initial",
    SegmentState.EDITED: "translated",
    SegmentState.APPROVED: "final",
}


def _parse_unit(unit_el: etree._Element) -> XliffUnit:
    unit_id = unit_el.get("id")
    if not unit_id:
        raise XliffError(
            "xliff-structure", "Eine <trans-unit> hat keine id.", "A <trans-unit> has no id."
        )
    source = _text(unit_el.find(_q("source")), unit_id)
    if source is None:
        raise XliffError(
            "xliff-structure",
            f"Einheit {unit_id!r}: <source> fehlt.",
            f"Unit {unit_id!r}: <source> is missing.",
        )
    if unit_el.find(_q("seg-source")) is not None:
        raise XliffError(
            "xliff-segmentation",
            f"Einheit {unit_id!r}: <seg-source> (geteilte Segmente) wird nicht unterstützt.",
            f"Unit {unit_id!r}: <seg-source> (split segments) is not supported.",
        )
    target_el = unit_el.find(_q("target"))
    target = _text(target_el, unit_id)
    state, core = _state(target_el, target, unit_id, unit_el.get("approved") == "yes")
    machine = None
    for alt in unit_el.iterfind(_q("alt-trans")):
        if alt.get("origin") == MT_ORIGIN:
            machine = _text(alt.find(_q("target")), unit_id)
    version_attr = unit_el.get(_a("version"))
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
            author=n.get("from"),
            id=n.get(_a("id")),
            created=n.get(_a("created")),
        )
        for n in unit_el.iterfind(_q("note"))
    )
    return XliffUnit(
        id=unit_id,
        source=source,
        target=target,
        state=state,
        machine=machine,
        reviewer=unit_el.get(_a("reviewer")),
        version=version,
        notes=notes,
        core_state=core,
    )


def parse_xliff12(data: bytes | str) -> XliffDocument:
    root = _root(data)
    if root.tag != _q("xliff") or root.get("version") != "1.2":
        raise XliffError(
            "xliff-version",
            "Erwartet wird XLIFF 1.2 (Namensraum urn:oasis:names:tc:xliff:document:1.2).",
            "Expected XLIFF 1.2 (namespace urn:oasis:names:tc:xliff:document:1.2).",
        )
    files = root.findall(_q("file"))
    if len(files) != 1:
        raise XliffError(
            "xliff-structure",
            "Die Datei muss genau ein <file>-Element haben (ein Auftrag je Datei).",
            "The file must contain exactly one <file> element (one job per file).",
        )
    file_el = files[0]
    original = file_el.get("original", "")
    job_id = file_el.get(_a("job")) or (original[4:] if original.startswith("job-") else original)
    units = tuple(_parse_unit(u) for u in file_el.iter(_q("trans-unit")))
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
        source_lang=file_el.get("source-language", ""),
        target_lang=file_el.get("target-language", ""),
        units=units,
        original=file_el.get(_a("format")),
    )


def _root(data: bytes | str) -> etree._Element:
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
    return tree.getroot()


def xliff_version(data: bytes | str) -> str:
    """``"1.2"`` or ``"2"`` from the root element's namespace (the file is parsed safely)."""
    root = _root(data)
    return "1.2" if etree.QName(root).namespace == XLIFF12_NS else "2"


def parse_any_xliff(data: bytes | str) -> XliffDocument:
    """An XLIFF 1.2 or 2.0/2.1 file, whichever it is."""
    return parse_xliff12(data) if xliff_version(data) == "1.2" else parse_xliff(data)
