"""XLIFF 2.1: lossless round trip, state mapping, safe parsing, and import checks against a job."""

from __future__ import annotations

import pytest
from lxml import etree

from a11y_service.db.errors import ImportMismatchError, VersionConflictError
from a11y_service.db.records import SegmentUpdate
from a11y_service.review.store import ReviewStore
from a11y_service.review.xliff_exchange import export_job, import_job
from tests.review.conftest import ready_job
from translators.review import SegmentState
from translators.xliff import (
    XLIFF_NS,
    XliffDocument,
    XliffError,
    XliffNote,
    XliffUnit,
    export_xliff,
    parse_xliff,
)

NS = {"x": XLIFF_NS}
TRICKY = XliffDocument(
    job_id="j1",
    source_lang="de",
    target_lang="en",
    original="html",
    units=(
        XliffUnit(
            id="s1",
            source="Klicken Sie <g1>hier</g1> für <x2/> & „mehr“ <3",
            target="Click <g1>here</g1> for <x2/> & more <3",
            state=SegmentState.EDITED,
            machine="Click <g1>here</g1> <x2/>",
            reviewer="Anna Müller",
            version=4,
            notes=(XliffNote("Bitte prüfen", "ben", "c7", "2026-01-02T03:04:05+00:00"),),
        ),
        XliffUnit(id="s2", source="  zwei  Leerzeichen ", target="", state=SegmentState.REJECTED),
        XliffUnit(
            id="s3", source="Nur <g1>offen", target="Only <g1>open", state=SegmentState.APPROVED
        ),
        XliffUnit(id="s4", source="Neu", target=None, state=SegmentState.NEEDS_REVIEW, version=1),
    ),
)


def test_round_trip_is_lossless() -> None:
    data = export_xliff(TRICKY)
    assert parse_xliff(data) == TRICKY
    assert export_xliff(parse_xliff(data)) == data


def test_export_is_xliff_2_1_with_mapped_states() -> None:
    root = etree.fromstring(export_xliff(TRICKY))
    assert root.get("version") == "2.1"
    assert (root.get("srcLang"), root.get("trgLang")) == ("de", "en")
    states = [
        (s.getparent().get("id"), s.get("state"), s.get("subState"))
        for s in root.iterfind(".//x:segment", NS)
    ]
    assert states == [
        ("s1", "translated", "a11y:edited"),
        ("s2", "initial", "a11y:rejected"),
        ("s3", "final", "a11y:approved"),
        ("s4", "initial", "a11y:needs_review"),
    ]
    source = root.find(".//x:unit[@id='s1']/x:segment/x:source", NS)
    assert [etree.QName(c).localname for c in source] == ["pc", "ph"]  # tags as inline codes


@pytest.mark.parametrize(
    ("state", "sub_state", "expected"),
    [
        ("final", None, SegmentState.APPROVED),
        ("reviewed", None, SegmentState.EDITED),
        ("translated", None, SegmentState.EDITED),
        ("initial", None, SegmentState.NEEDS_REVIEW),
        ("initial", "a11y:rejected", SegmentState.REJECTED),
        ("final", "a11y:needs_review", SegmentState.APPROVED),  # stale subState is ignored
        ("translated", "other:thing", SegmentState.EDITED),
    ],
)
def test_state_from_other_tools(state: str, sub_state: str | None, expected: SegmentState) -> None:
    root = etree.fromstring(export_xliff(TRICKY))
    segment = root.find(".//x:unit[@id='s1']/x:segment", NS)
    segment.set("state", state)
    segment.attrib.pop("subState")
    if sub_state:
        segment.set("subState", sub_state)
    assert parse_xliff(etree.tostring(root)).units[0].state == expected


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"<xliff", "xliff-syntax"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"/>',
            "xliff-doctype",
        ),
        (
            b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1">&xxe;</xliff>',
            "xliff-doctype",
        ),
        (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>', "xliff-version"),
        (
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"/>',
            "xliff-structure",
        ),
    ],
)
def test_unsafe_or_foreign_files_are_refused(data: bytes, kind: str) -> None:
    with pytest.raises(XliffError) as caught:
        parse_xliff(data)
    assert caught.value.kind == kind
    assert caught.value.message("de") != caught.value.message("en")


def _edit(data: bytes, unit_id: str, target: str | None = None, state: str | None = None) -> bytes:
    root = etree.fromstring(data)
    segment = root.find(f".//x:unit[@id='{unit_id}']/x:segment", NS)
    if target is not None:
        segment.find("x:target", NS).text = target
    if state is not None:
        segment.set("state", state)
        segment.attrib.pop("subState", None)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _units(data: bytes) -> dict[str, bytes]:
    root = etree.fromstring(data)
    return {u.get("id"): etree.tostring(u) for u in root.iterfind(".//x:unit", NS)}


def test_export_edit_import_export_changes_only_the_edits(store: ReviewStore) -> None:
    job_id = ready_job(store)
    store.add_comment(job_id, "s2", "anna", "Ton passt?")
    before = export_job(store, job_id)
    edited = _edit(before, "s1", target="The request is being checked.", state="final")
    # A translator's own note, written in their tool.
    root = etree.fromstring(edited)
    unit = root.find(".//x:unit[@id='s3']", NS)
    notes = etree.Element(f"{{{XLIFF_NS}}}notes")
    etree.SubElement(notes, f"{{{XLIFF_NS}}}note").text = "Link text ok"
    unit.insert(1, notes)
    result = import_job(store, job_id, etree.tostring(root), reviewer="cat")
    assert result.updated == ["s1"] and result.unchanged == 2 and result.comments_added == 1
    after = export_job(store, job_id)
    old_units, new_units = _units(before), _units(after)
    assert old_units["s2"] == new_units["s2"]  # untouched units are byte-identical
    s1 = parse_xliff(after).units[0]
    assert (s1.target, s1.state, s1.reviewer, s1.version) == (
        "The request is being checked.",
        SegmentState.APPROVED,
        "cat",
        2,
    )
    assert parse_xliff(after).units[2].notes[0].text == "Link text ok"
    assert [h.action for h in store.history(job_id, "s1")] == ["machine", "import"]
    # Importing the new export again changes nothing.
    again = import_job(store, job_id, after, reviewer="cat")
    assert again.updated == [] and again.comments_added == 0


def test_import_refuses_files_of_another_job(store: ReviewStore) -> None:
    job_id = ready_job(store)
    other_id = ready_job(store)
    data = export_job(store, other_id)
    with pytest.raises(ImportMismatchError, match="belongs to job"):
        import_job(store, job_id, data, reviewer="a")


def test_import_refuses_unknown_ids_and_changed_sources(store: ReviewStore) -> None:
    job_id = ready_job(store)
    data = export_job(store, job_id)
    root = etree.fromstring(data)
    root.find(".//x:unit[@id='s2']", NS).set("id", "s99")
    with pytest.raises(ImportMismatchError) as caught:
        import_job(store, job_id, etree.tostring(root), reviewer="a")
    assert caught.value.extra["unknown_ids"] == ["s99"]
    root = etree.fromstring(data)
    root.find(".//x:unit[@id='s2']/x:segment/x:source", NS).text = "Bitte schreiben Sie."
    with pytest.raises(ImportMismatchError) as caught:
        import_job(store, job_id, etree.tostring(root), reviewer="a")
    assert caught.value.extra["changed_source_ids"] == ["s2"]
    assert "Ausgangstext" in caught.value.message("de")
    assert all(s.version == 1 for s in store.segments(job_id))


def test_import_of_a_stale_file_is_a_conflict_and_writes_nothing(store: ReviewStore) -> None:
    job_id = ready_job(store)
    data = export_job(store, job_id)
    store.update_segment(job_id, "s1", SegmentUpdate(version=1, reviewer="web", state="approved"))
    edited = _edit(_edit(data, "s1", target="Stale"), "s2", target="Fresh", state="final")
    with pytest.raises(VersionConflictError) as caught:
        import_job(store, job_id, edited, reviewer="cat")
    assert caught.value.extra["stale_ids"] == ["s1"]
    assert store.segment(job_id, "s1").target == "The application is checked."
    assert store.segment(job_id, "s2").state == "needs_review"


def test_export_never_fails_on_xml_invalid_characters(store: ReviewStore) -> None:
    """Regression: a control character stored earlier made every export raise ValueError."""
    from sqlalchemy import update

    from a11y_service.db.models import Comment, Segment

    job_id = ready_job(store)
    store.add_comment(job_id, "s1", "anna", "fine")
    with store.engine.begin() as conn:
        conn.execute(
            update(Segment).where(Segment.id == "s1").values(target="A\x01B", machine="M\x02")
        )
        conn.execute(update(Comment).values(text="C\x03"))
    data = export_job(store, job_id)
    assert b"\x01" not in data and "A\ufffdB".encode() in data and "C\ufffd".encode() in data
    doc = parse_xliff(data)
    assert {u.id: u.target for u in doc.units}["s1"] == "A\ufffdB"


def _with_tool_note(data: bytes, unit_id: str, text: str) -> bytes:
    root = etree.fromstring(data)
    unit = root.find(f".//x:unit[@id='{unit_id}']", NS)
    notes = unit.find("x:notes", NS)
    if notes is None:
        notes = etree.Element(f"{{{XLIFF_NS}}}notes")
        unit.insert(0, notes)
    etree.SubElement(notes, f"{{{XLIFF_NS}}}note").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_importing_the_same_file_twice_does_not_duplicate_tool_notes(store: ReviewStore) -> None:
    """Regression: id-less notes were added as new comments on every import of the file."""
    job_id = ready_job(store)
    edited = _with_tool_note(
        _with_tool_note(export_job(store, job_id), "s3", "Link text ok"), "s3", "Link text ok"
    )
    first = import_job(store, job_id, edited, reviewer="cat")
    assert first.comments_added == 1  # the same note twice in one file counts once
    second = import_job(store, job_id, edited, reviewer="cat")
    assert second.comments_added == 0
    assert [c.text for c in store.comments(job_id, "s3")] == ["Link text ok"]
    # the same text by someone else is a different comment
    third = import_job(store, job_id, edited, reviewer="dora")
    assert third.comments_added == 1


def test_core_state_without_sub_state_keeps_a_rejected_segment(store: ReviewStore) -> None:
    """Regression: rejected and needs_review both export as "initial"; a tool that drops the
    subState turned a rejected segment back into needs_review on import."""
    job_id = ready_job(store)
    store.update_segment(job_id, "s1", SegmentUpdate(version=1, reviewer="web", state="rejected"))
    data = _edit(export_job(store, job_id), "s1", state="initial")  # subState dropped
    unit = parse_xliff(data).units[0]
    assert unit.state == SegmentState.NEEDS_REVIEW and unit.core_state == "initial"
    result = import_job(store, job_id, data, reviewer="cat")
    assert result.updated == []
    assert store.segment(job_id, "s1").state == "rejected"
    # a changed text is still an edit
    data = _edit(export_job(store, job_id), "s1", target="New text", state="initial")
    import_job(store, job_id, data, reviewer="cat")
    assert (store.segment(job_id, "s1").state, store.segment(job_id, "s1").target) == (
        "edited",
        "New text",
    )
    # a different core state still decides
    data = _edit(export_job(store, job_id), "s1", state="final")
    import_job(store, job_id, data, reviewer="cat")
    assert store.segment(job_id, "s1").state == "approved"
