"""Nothing broken gets published: sentence segments with their context, QA re-run on every
change, export refused (409, listing the segments) while an approved target has a QA error,
unless an editor overrides it with a reason that the history keeps (who, when, why)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from litestar.testing import TestClient

from a11y_service.accounts.store import AccountStore
from a11y_service.app import create_app
from a11y_service.db.errors import InvalidUpdateError, QaBlockedError
from a11y_service.db.records import SegmentUpdate
from a11y_service.review.jobs import render_document, run_job
from a11y_service.review.store import ReviewStore
from tests.accounts.helpers import authorize, bearer
from tests.review.doubles import ShoutingTranslator
from tests.review.test_api import KEY_ACTOR, _settings

if TYPE_CHECKING:
    from checkers.text.engine import TextChecker

PAGE = (
    "<html><head><title>Bürgeramt Nord</title></head><body>"
    "<h1>Gebühren</h1>"
    "<p>Der Ausweis kostet 25 Euro. Mehr dazu <a href='/gebuehren'>auf dieser Seite</a>.</p>"
    "<img src='a.png' alt='Ein Foto vom Amt.'>"
    "</body></html>"
)
BASE = "/v1/translations"


def _job(store: ReviewStore) -> str:
    job = store.create_job(content=PAGE, fmt="html", source="de", target="en")
    translator = ShoutingTranslator()
    assert run_job(store, lambda: translator, job.id).status == "review"
    return job.id


def _by_source(store: ReviewStore, job_id: str, start: str) -> Any:
    return next(s for s in store.segments(job_id) if s.source.startswith(start))


def _approve_all(store: ReviewStore, job_id: str) -> None:
    for seg in store.segments(job_id):
        if seg.state != "approved":
            store.update_segment(
                job_id, seg.id, SegmentUpdate(version=seg.version, reviewer="anna",
                                              state="approved")
            )


def test_segments_are_sentences_with_their_context_kind(store: ReviewStore) -> None:
    job_id = _job(store)
    segments = store.segments(job_id)
    sources = [s.source for s in segments]
    assert sources == [
        "Bürgeramt Nord",
        "Gebühren",
        "Der Ausweis kostet 25 Euro.",
        "Mehr dazu <g1>auf dieser Seite</g1>.",
        "Ein Foto vom Amt.",
    ]
    assert [s.kind for s in segments] == ["title", "heading", "paragraph", "paragraph", "alt"]
    # The two sentences of one paragraph share their block.
    assert segments[2].block == segments[3].block != segments[1].block
    # The double only upper-cases: QA calls that "untranslated" (a warning), nothing worse.
    assert {f["rule_id"] for s in segments for f in s.findings} == {"translation.untranslated"}
    assert store.get_job(job_id).qa_errors == 0


def test_findings_follow_every_edit_and_the_job_follows_its_segments(
    store: ReviewStore,
) -> None:
    job_id = _job(store)
    price = _by_source(store, job_id, "Der Ausweis")
    edited = store.update_segment(
        job_id, price.id,
        SegmentUpdate(version=price.version, reviewer="anna", target="The ID card costs euros."),
    )
    assert [f["rule_id"] for f in edited.findings] == ["translation.number-mismatch"]
    assert edited.findings[0]["severity"] == "error"
    job = store.get_job(job_id)
    assert job.qa_errors == 1 and job.review_state == "in_review"
    errors = [f["rule_id"] for f in job.findings if f["severity"] == "error"]
    assert errors == ["translation.number-mismatch"]
    assert store.segment(job_id, price.id).findings == edited.findings  # stored, not only sent
    fixed = store.update_segment(
        job_id, price.id,
        SegmentUpdate(version=edited.version, reviewer="anna", target="The ID costs 25 euros."),
    )
    assert fixed.findings == []
    job = store.get_job(job_id)
    assert job.qa_errors == 0
    assert not [f for f in job.findings if f["severity"] == "error"]
    assert len(job.findings) == 3  # the other segments' warnings, not the fixed one's


def test_approved_target_that_drops_a_number_or_link_cannot_be_published(
    store: ReviewStore,
) -> None:
    job_id = _job(store)
    price = _by_source(store, job_id, "Der Ausweis")
    link = _by_source(store, job_id, "Mehr dazu")
    store.update_segment(job_id, price.id, SegmentUpdate(
        version=price.version, reviewer="anna", state="approved", target="It costs euros."))
    store.update_segment(job_id, link.id, SegmentUpdate(
        version=link.version, reviewer="anna", state="approved", target="More on this page."))
    _approve_all(store, job_id)
    job = store.get_job(job_id)
    assert job.review_state == "blocked" and not job.publishable
    assert job.blocking == [price.id, link.id]
    with pytest.raises(QaBlockedError) as caught:
        store.publishable_segments(job_id)
    listed = caught.value.extra["segments"]
    assert [s["id"] for s in listed] == [price.id, link.id]
    assert {f["rule_id"] for s in listed for f in s["findings"]} == {
        "translation.number-mismatch", "translation.placeholder-mismatch"
    }


def test_override_is_recorded_and_holds_only_for_that_version(store: ReviewStore) -> None:
    job_id = _job(store)
    link = _by_source(store, job_id, "Mehr dazu")
    store.update_segment(job_id, link.id, SegmentUpdate(
        version=link.version, reviewer="anna", state="approved", target="More on this page."))
    _approve_all(store, job_id)
    with pytest.raises(InvalidUpdateError):
        store.record_override(job_id, "eva", "kurz")  # a reason, not a shrug
    entries = store.record_override(job_id, "eva", "Link folgt in der nächsten Fassung.")
    assert [(e.segment_id, e.action, e.reviewer, e.comment) for e in entries] == [
        (link.id, "override", "eva", "Link folgt in der nächsten Fassung.")
    ]
    assert entries[0].created_at is not None
    assert store.history(job_id, link.id)[-1].action == "override"
    assert store.get_job(job_id).review_state == "ready"
    segments = store.publishable_segments(job_id)
    # Published as approved: the dropped link is not appended behind anyone's back.
    translator = ShoutingTranslator()
    html = render_document(store, lambda: translator, store.get_job(job_id),
                           {s.id: s.target for s in segments})
    assert "More on this page." in html and "/gebuehren" not in html
    # A later edit is a new decision: the override no longer covers it.
    current = store.segment(job_id, link.id)
    store.update_segment(job_id, link.id, SegmentUpdate(
        version=current.version, reviewer="anna", state="approved", target="More here."))
    with pytest.raises(QaBlockedError):
        store.publishable_segments(job_id)
    # Nothing blocking: an override is refused rather than recorded for nothing.
    current = store.segment(job_id, link.id)
    store.update_segment(job_id, link.id, SegmentUpdate(
        version=current.version, reviewer="anna", state="approved",
        target="More <g1>on this page</g1>."))
    with pytest.raises(InvalidUpdateError):
        store.record_override(job_id, "eva", "Nichts zu übergehen, trotzdem.")
    assert store.publishable_segments(job_id)


# --- over HTTP --------------------------------------------------------------------------------


@pytest.fixture
def client(tmp_path: Path, checker: TextChecker) -> Iterator[TestClient]:
    settings = _settings(tmp_path)
    app = create_app(settings, checker=checker, translator=ShoutingTranslator())
    with TestClient(app) as test_client:
        org = authorize(test_client, settings.database_url, role="editor")
        accounts = AccountStore.open(settings.database_url)
        try:
            # A second key of the same organisation that may only review.
            test_client.translator_key = accounts.create_key(  # type: ignore[attr-defined]
                org.id, "Übersetzungsbüro", role="translator"
            ).key
        finally:
            accounts.close()
        yield test_client


def test_from_outside_a_dropped_number_needs_a_recorded_override(client: TestClient) -> None:
    job = client.post(BASE, json={"content": PAGE, "format": "html", "source": "de",
                                  "target": "en"}).json()
    segments = client.get(f"{BASE}/{job['id']}/segments").json()
    assert [s["kind"] for s in segments] == ["title", "heading", "paragraph", "paragraph", "alt"]
    price = next(s for s in segments if "25" in s["source"])
    answer = client.patch(f"{BASE}/{job['id']}/segments/{price['id']}", json={
        "reviewer": "anna", "version": price["version"], "state": "approved",
        "target": "The ID card costs euros."})
    assert answer.status_code == 200
    assert [f["rule_id"] for f in answer.json()["findings"]] == ["translation.number-mismatch"]
    for seg in segments:
        if seg["id"] != price["id"]:
            client.patch(f"{BASE}/{job['id']}/segments/{seg['id']}", json={
                "reviewer": "anna", "version": seg["version"], "state": "approved"})
    state = client.get(f"{BASE}/{job['id']}").json()
    assert state["review_state"] == "blocked" and state["blocking"] == [price["id"]]
    refused = client.get(f"{BASE}/{job['id']}/export", params={"format": "html"})
    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["kind"] == "qa-blocked"
    assert [s["id"] for s in problem["errors"][0]["segments"]] == [price["id"]]
    short = client.post(f"{BASE}/{job['id']}/overrides", json={"reason": "ok"})
    assert short.status_code == 422
    # Only editors override: the organisation's translator key is refused, nothing recorded.
    translator = client.post(f"{BASE}/{job['id']}/overrides",
                             json={"reason": "Weil ich es will."},
                             headers=bearer(client.translator_key))  # type: ignore[attr-defined]
    assert translator.status_code == 403
    assert client.get(f"{BASE}/{job['id']}/overrides").json() == []
    recorded = client.post(f"{BASE}/{job['id']}/overrides",
                           json={"reviewer": "eva", "reason": "Preis steht im Bild daneben."})
    assert recorded.status_code == 201, recorded.text
    overrides = client.get(f"{BASE}/{job['id']}/overrides").json()
    assert [(o["segment_id"], o["reviewer"], o["comment"]) for o in overrides] == [
        (price["id"], KEY_ACTOR, "Preis steht im Bild daneben.")
    ]
    assert overrides[0]["action"] == "override" and overrides[0]["created_at"]
    exported = client.get(f"{BASE}/{job['id']}/export", params={"format": "html"})
    assert exported.status_code == 200 and "The ID card costs euros." in exported.text


def test_xliff_1_2_over_the_api(client: TestClient) -> None:
    job = client.post(BASE, json={"content": PAGE, "format": "html", "source": "de",
                                  "target": "en"}).json()
    one = client.get(f"{BASE}/{job['id']}/export", params={"format": "xliff", "version": "1.2"})
    assert one.status_code == 200 and b'version="1.2"' in one.content
    assert "xliff12" in one.headers["content-disposition"]
    edited = one.content.replace(b">GEB\xc3\x9cHREN<", b">Fees<")
    assert edited != one.content
    imported = client.post(f"{BASE}/{job['id']}/import", params={"reviewer": "carla"},
                           content=edited, headers={"content-type": "application/xliff+xml"})
    assert imported.status_code == 200, imported.text
    assert len(imported.json()["updated"]) == 1
