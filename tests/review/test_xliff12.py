"""XLIFF 1.2 besides 2.1: lossless round trip, state mapping, safe parsing, import into a job."""

from __future__ import annotations

import pytest
from lxml import etree

from a11y_service.review.store import ReviewStore
from a11y_service.review.xliff_exchange import export_job, import_job
from tests.review.conftest import ready_job
from tests.review.test_xliff import TRICKY
from translators.review import SegmentState
from translators.xliff import XliffError, parse_xliff
from translators.xliff12 import XLIFF12_NS, export_xliff12, parse_any_xliff, parse_xliff12

NS = {"x": XLIFF12_NS}


def test_round_trip_is_lossless() -> None:
    data = export_xliff12(TRICKY)
    parsed = parse_xliff12(data)
    assert parsed.units == TRICKY.units
    assert (parsed.job_id, parsed.source_lang, parsed.target_lang, parsed.original) == (
        "j1", "de", "en", "html"
    )
    assert export_xliff12(parsed) == data
    assert parse_any_xliff(data).units == TRICKY.units


def test_export_is_xliff_1_2_with_inline_codes_and_states() -> None:
    root = etree.fromstring(export_xliff12(TRICKY))
    assert root.tag == f"{{{XLIFF12_NS}}}xliff" and root.get("version") == "1.2"
    file_el = root.find("x:file", NS)
    assert (file_el.get("source-language"), file_el.get("target-language")) == ("de", "en")
    units = root.findall(".//x:trans-unit", NS)
    assert [u.get("id") for u in units] == ["s1", "s2", "s3", "s4"]
    states = [u.find("x:target", NS).get("state") if u.find("x:target", NS) is not None else None
              for u in units]
    assert states == ["translated", "needs-translation", "final", None]
    first = units[0].find("x:source", NS)
    assert first.find("x:g", NS).get("id") == "g1"
    assert first.find("x:x", NS).get("id") == "x2"
    # A broken pair in a target becomes bx (1.2's isolated start code).
    assert units[2].find("x:target/x:bx", NS).get("rid") == "g1"
    alt = units[0].find("x:alt-trans", NS)
    assert alt.get("origin") == "a11y" and "here" in "".join(alt.itertext())
    assert units[0].find("x:note", NS).get("from") == "ben"


@pytest.mark.parametrize(
    ("state", "ours", "expected"),
    [
        ("final", None, SegmentState.APPROVED),
        ("signed-off", None, SegmentState.APPROVED),
        ("translated", None, SegmentState.EDITED),
        ("needs-review-translation", None, SegmentState.NEEDS_REVIEW),
        ("new", None, SegmentState.NEEDS_REVIEW),
        ("needs-translation", "rejected", SegmentState.REJECTED),
        # A stale a11y:state (the tool changed only state) is ignored.
        ("final", "needs_review", SegmentState.APPROVED),
    ],
)
def test_state_from_other_tools(state: str, ours: str | None, expected: SegmentState) -> None:
    extra = f' a11y:state="{ours}"' if ours else ""
    data = (
        f'<xliff version="1.2" xmlns="{XLIFF12_NS}" xmlns:a11y="urn:a11y:xliff:review:1">'
        '<file original="job-j1" source-language="de" target-language="en" datatype="html">'
        f'<body><trans-unit id="s1"><source>Hallo</source><target state="{state}"{extra}>Hi'
        "</target></trans-unit></body></file></xliff>"
    ).encode()
    doc = parse_xliff12(data)
    assert doc.job_id == "j1"
    assert doc.units[0].state == expected


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'<!DOCTYPE x [<!ENTITY a "b">]><xliff version="1.2" xmlns="'
         + XLIFF12_NS.encode() + b'"/>', "xliff-doctype"),
        (b'<xliff version="1.1" xmlns="' + XLIFF12_NS.encode() + b'"/>', "xliff-version"),
        (b"<xliff", "xliff-syntax"),
        (b'<xliff version="1.2" xmlns="' + XLIFF12_NS.encode() + b'"><file source-language="de">'
         b'<body><trans-unit id="a"><source>x <bpt id="1">b</bpt></source></trans-unit></body>'
         b"</file></xliff>", "xliff-inline"),
    ],
)
def test_unsafe_or_foreign_files_are_refused(data: bytes, kind: str) -> None:
    with pytest.raises(XliffError) as caught:
        parse_any_xliff(data)
    assert caught.value.kind == kind


def test_a_1_2_file_edited_in_a_tool_imports_into_the_job(store: ReviewStore) -> None:
    job_id = ready_job(store)
    data = export_job(store, job_id, "1.2")
    root = etree.fromstring(data)
    unit = root.find(".//x:trans-unit[@id='s2']", NS)
    target = unit.find("x:target", NS)
    target.text = "Please call us."
    # A 1.2 tool marks it final and leaves our a11y:state behind: final decides.
    target.set("state", "final")
    result = import_job(store, job_id, etree.tostring(root), "carla")
    assert result.updated == ["s2"]
    seg = store.segment(job_id, "s2")
    assert (seg.target, seg.state, seg.reviewer) == ("Please call us.", "approved", "carla")
    # 1.2 export → import → 2.1 export: the same content as a 2.1 round trip.
    two = parse_xliff(export_job(store, job_id))
    one = parse_xliff12(export_job(store, job_id, "1.2"))
    assert one.units == two.units


def test_the_same_1_2_file_twice_changes_nothing(store: ReviewStore) -> None:
    job_id = ready_job(store)
    data = export_job(store, job_id, "1.2")
    assert import_job(store, job_id, data, "dora").updated == []
    assert [s.version for s in store.segments(job_id)] == [1, 1, 1]
