"""/v1/translations over HTTP (Litestar TestClient, real SQLite, real huey consumer threads)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from litestar.testing import TestClient
from lxml import etree

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from tests.accounts.helpers import authorize
from tests.db_templates import migrated_sqlite_url
from tests.review.doubles import ShoutingTranslator
from translators.xliff import XLIFF_NS

if TYPE_CHECKING:
    from checkers.text.engine import TextChecker

PAGE = (
    "<html><head><title>Bürgeramt</title></head><body>"
    "<h1>Öffnungszeiten</h1>"
    "<p>Das Bürgeramt ist am Montag geschlossen.</p>"
    "<p>Mehr Infos <a href='/info'>hier</a>.</p>"
    "</body></html>"
)
BASE = "/v1/translations"
# What the history records for the test organisation's first key (``Principal.actor``).
KEY_ACTOR = "API-Schlüssel Erster Schlüssel / first key"


def _settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": migrated_sqlite_url(tmp_path / "api.sqlite3"),
        "queue_url": f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        "queue_workers": 1,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def translator() -> ShoutingTranslator:
    return ShoutingTranslator()


@pytest.fixture
def client(
    tmp_path: Path, checker: TextChecker, translator: ShoutingTranslator
) -> Iterator[TestClient]:
    settings = _settings(tmp_path)
    app = create_app(settings, checker=checker, translator=translator)
    with TestClient(app) as test_client:
        authorize(test_client, settings.database_url)
        yield test_client


def _create(client: TestClient, **extra: Any) -> dict[str, Any]:
    body = {"content": PAGE, "format": "html", "source": "de", "target": "en", **extra}
    response = client.post(BASE, json=body)
    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"{BASE}/{response.json()['id']}"
    return response.json()


def _segments(client: TestClient, job_id: str) -> list[dict[str, Any]]:
    response = client.get(f"{BASE}/{job_id}/segments")
    assert response.status_code == 200
    return response.json()


def _decide(client: TestClient, job_id: str, seg: dict[str, Any], **body: Any) -> Any:
    return client.patch(f"{BASE}/{job_id}/segments/{seg['id']}", json=body)


def test_create_translates_inline_and_opens_review(
    client: TestClient, translator: ShoutingTranslator
) -> None:
    job = _create(client)
    assert job["status"] == "review"
    assert job["states"]["needs_review"] == job["segments"] >= 4
    segments = _segments(client, job["id"])
    by_source = {s["source"]: s for s in segments}
    seg = by_source["Das Bürgeramt ist am Montag geschlossen."]
    assert seg["target"] == seg["machine"] == "DAS BÜRGERAMT IST AM MONTAG GESCHLOSSEN."
    assert seg["state"] == "needs_review" and seg["version"] == 1
    assert translator.calls == 1
    listed = client.get(BASE).json()
    assert job["id"] in [j["id"] for j in listed]


def test_decision_conflict_and_etag(client: TestClient) -> None:
    job = _create(client)
    seg = _segments(client, job["id"])[0]
    url = f"{BASE}/{job['id']}/segments/{seg['id']}"
    first = client.patch(url, json={"reviewer": "anna", "version": 1, "target": "Opening hours"})
    assert first.status_code == 200
    assert first.json()["state"] == "edited" and first.json()["version"] == 2
    assert first.headers["etag"] == '"2"'
    second = client.patch(url, json={"reviewer": "ben", "version": 1, "state": "approved"})
    assert second.status_code == 409
    assert second.headers["content-type"].startswith("application/problem+json")
    problem = second.json()
    assert problem["kind"] == "conflict"
    assert "Nichts wurde überschrieben" in problem["detail"]
    assert problem["errors"][0]["current"]["version"] == 2
    english = client.patch(
        url,
        json={"reviewer": "ben", "state": "approved"},
        headers={"If-Match": '"1"', "Accept-Language": "en"},
    )
    assert english.status_code == 409 and "Nothing was overwritten" in english.json()["detail"]
    ok = client.patch(
        url, json={"reviewer": "ben", "state": "approved"}, headers={"If-Match": '"2"'}
    )
    # The reviewer is who is signed in (here the organisation's key), never the body's field.
    assert ok.status_code == 200 and ok.json()["reviewer"] == KEY_ACTOR
    assert client.get(url).json()["target"] == "Opening hours"
    history = client.get(f"{url}/history").json()
    assert [(h["version"], h["state"], h["reviewer"]) for h in history] == [
        (1, "needs_review", None),
        (2, "edited", KEY_ACTOR),
        (3, "approved", KEY_ACTOR),
    ]


def test_comments_and_errors_are_problem_json(client: TestClient) -> None:
    job = _create(client)
    seg = _segments(client, job["id"])[1]
    url = f"{BASE}/{job['id']}/segments/{seg['id']}"
    added = client.post(f"{url}/comments", json={"author": "anna", "text": "Fachbegriff prüfen"})
    assert added.status_code == 201 and added.json()["author"] == KEY_ACTOR
    assert [c["text"] for c in client.get(f"{url}/comments").json()] == ["Fachbegriff prüfen"]
    for response, status, kind in [
        (client.get(f"{BASE}/nope"), 404, "not-found"),
        (client.get(f"{BASE}/{job['id']}/segments/nope"), 404, "not-found"),
        (client.patch(url, json={"reviewer": "a", "state": "approved"}), 422, "invalid-update"),
        (client.patch(url, json={"reviewer": "a", "state": "maybe", "version": 1}), 400, None),
        (client.post(BASE, json={"content": " ", "source": "de", "target": "en"}), 422, None),
        (client.post(BASE, json={"content": "x", "source": "de", "target": "de"}), 422, None),
        (
            client.post(BASE, json={"content": "x" * 200_001, "source": "de", "target": "en"}),
            413,
            "too-large",
        ),
    ]:
        assert response.status_code == status, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        if kind:
            assert response.json()["kind"] == kind


def test_publish_needs_every_segment_approved(client: TestClient) -> None:
    job = _create(client)
    segments = _segments(client, job["id"])
    blocked = client.get(f"{BASE}/{job['id']}/export", params={"format": "html"})
    assert blocked.status_code == 409
    assert blocked.json()["kind"] == "not-publishable"
    assert "freigegeben" in blocked.json()["detail"]
    assert "approved" in blocked.json()["title"]
    for seg in segments:
        body = {"reviewer": "anna", "version": seg["version"], "state": "approved"}
        if seg["source"].startswith("Das Bürgeramt"):
            body["target"] = "The citizens' office is closed on Monday."
        assert _decide(client, job["id"], seg, **body).status_code == 200
    assert client.get(f"{BASE}/{job['id']}").json()["publishable"] is True
    published = client.get(f"{BASE}/{job['id']}/export", params={"format": "html"})
    assert published.status_code == 200, published.text
    html = published.text
    assert "The citizens&#x27; office is closed on Monday." in html or (
        "The citizens' office is closed on Monday." in html
    )
    assert "ÖFFNUNGSZEITEN" in html
    assert "<a href='/info'>" in html or '<a href="/info">' in html
    wrong = client.get(f"{BASE}/{job['id']}/export", params={"format": "markdown"})
    assert wrong.status_code == 422


def test_xliff_export_edit_import_over_the_api(client: TestClient) -> None:
    job = _create(client)
    exported = client.get(f"{BASE}/{job['id']}/export", params={"format": "xliff"})
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("application/xliff+xml")
    root = etree.fromstring(exported.content)
    ns = {"x": XLIFF_NS}
    unit = root.find(".//x:unit", ns)
    segment = unit.find("x:segment", ns)
    segment.find("x:target", ns).text = "Opening hours"
    segment.set("state", "final")
    segment.attrib.pop("subState")
    edited = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    imported = client.post(
        f"{BASE}/{job['id']}/import",
        content=edited,
        params={"reviewer": "cat-tool"},
        headers={"content-type": "application/xliff+xml"},
    )
    assert imported.status_code == 200, imported.text
    assert imported.json()["updated"] == [unit.get("id")]
    seg = client.get(f"{BASE}/{job['id']}/segments/{unit.get('id')}").json()
    assert (seg["target"], seg["state"], seg["reviewer"]) == (
        "Opening hours",
        "approved",
        KEY_ACTOR,  # the principal, not the ?reviewer= of older clients
    )
    again = client.post(
        f"{BASE}/{job['id']}/import",
        content=edited,
        params={"reviewer": "cat-tool"},
        headers={"content-type": "application/xliff+xml"},
    )
    assert again.status_code == 200 and again.json()["updated"] == []  # nothing new
    segment.find("x:target", ns).text = "Opening times"
    stale = client.post(
        f"{BASE}/{job['id']}/import",
        content=etree.tostring(root),
        params={"reviewer": "cat-tool"},
        headers={"content-type": "application/xliff+xml"},
    )
    assert stale.status_code == 409 and stale.json()["kind"] == "conflict"
    broken = client.post(
        f"{BASE}/{job['id']}/import",
        content=b"<xliff",
        params={"reviewer": "x"},
        headers={"content-type": "application/xliff+xml"},
    )
    assert broken.status_code == 422 and broken.json()["kind"] == "xliff-syntax"


def _wait_for(client: TestClient, job_id: str, timeout: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"{BASE}/{job_id}").json()
        if job["status"] in ("review", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} still {job['status']} after {timeout}s")


def test_big_translation_goes_through_the_huey_queue(tmp_path: Path, checker: TextChecker) -> None:
    translator = ShoutingTranslator()
    settings = _settings(tmp_path, translate_inline_segments=3)
    paragraphs = "".join(f"<p>Absatz Nummer {i} ist hier.</p>" for i in range(12))
    with TestClient(create_app(settings, checker=checker, translator=translator)) as client:
        authorize(client, settings.database_url)
        response = client.post(BASE, json={"content": paragraphs, "source": "de", "target": "en"})
        assert response.status_code == 202, response.text
        assert response.json()["status"] == "queued"
        job = _wait_for(client, response.json()["id"])
        assert job["status"] == "review" and job["segments"] == 12
        small = client.post(BASE, json={"content": "<p>Kurz.</p>", "source": "de", "target": "en"})
        assert small.status_code == 201
    # The big one ran on a huey worker thread, not in the request.
    assert any(name.startswith("Worker") for name in translator.threads), translator.threads
    assert (tmp_path / "queue.sqlite3").exists()


class BrokenTranslator:
    def translate_document(self, *args: Any, **kwargs: Any) -> Any:
        from translators.errors import TranslationError

        raise TranslationError("model-missing", "Kein Modell de→xx.", "No model de→xx.")


def test_a_failed_translation_is_stored_and_reported(tmp_path: Path, checker: TextChecker) -> None:
    settings = _settings(tmp_path)
    app = create_app(settings, checker=checker, translator=BrokenTranslator())
    with TestClient(app) as client:
        authorize(client, settings.database_url)
        inline = client.post(
            BASE, json={"content": "<p>Hallo.</p>", "source": "de", "target": "xx"}
        )
        assert inline.status_code == 422
        assert inline.json()["kind"] == "translation-failed"
        assert "Kein Modell" in inline.json()["detail"]
        job_id = inline.json()["errors"][0]["job_id"]
        assert client.get(f"{BASE}/{job_id}").json()["status"] == "failed"
        queued = client.post(
            BASE,
            json={"content": "<p>Hallo.</p>", "source": "de", "target": "xx", "mode": "queue"},
        )
        assert queued.status_code == 202
        job = _wait_for(client, queued.json()["id"])
        assert job["status"] == "failed" and "Kein Modell" in job["error"]


def test_openapi_lists_the_review_endpoints(client: TestClient) -> None:
    schema = client.get("/schema/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in (
        "/v1/translations",
        "/v1/translations/{job_id}/segments/{segment_id}",
        "/v1/translations/{job_id}/segments/{segment_id}/history",
        "/v1/translations/{job_id}/export",
        "/v1/translations/{job_id}/import",
    ):
        assert path in paths, sorted(paths)


def test_qa_findings_follow_the_reviewed_targets(client: TestClient) -> None:
    job = _create(client)
    link = next(s for s in _segments(client, job["id"]) if "<g1>" in s["source"])
    assert client.get(f"{BASE}/{job['id']}/qa").status_code == 200
    # The reviewer drops the link markup: QA must now say so.
    dropped = _decide(client, job["id"], link, reviewer="a", version=1, target="More info here.")
    assert dropped.status_code == 200
    findings = client.get(f"{BASE}/{job['id']}/qa").json()
    assert findings, "a lost link should be a QA finding"
    assert all(f["engine"] == "translation" for f in findings)
    assert client.get(f"{BASE}/nope/qa").status_code == 404


@pytest.mark.parametrize("code", ["x" * 17, "de/../x", "DE", "d"])
def test_create_refuses_bad_language_codes(client: TestClient, code: str) -> None:
    """Regression: unchecked codes reached the database (VARCHAR(16) on PostgreSQL: 500)."""
    for field in ("source", "target"):
        body = {"content": PAGE, "format": "html", "source": "de", "target": "en", field: code}
        response = client.post(BASE, json=body)
        assert response.status_code == 400, response.text
        assert response.headers["content-type"].startswith("application/problem+json")


def test_xml_invalid_characters_are_refused_with_a_clear_problem(client: TestClient) -> None:
    """Regression: \\x01 in content, a target or a comment made every XLIFF export a 500."""
    response = client.post(
        BASE, json={"content": "<p>Hal\x01lo Welt.</p>", "source": "de", "target": "en"}
    )
    assert response.status_code == 422, response.text
    assert "U+0001" in response.text
    job = _create(client)
    seg = _segments(client, job["id"])[0]
    response = _decide(client, job["id"], seg, reviewer="anna", version=1, target="x\x01")
    assert response.status_code == 422 and "U+0001" in response.text
    response = _decide(client, job["id"], seg, reviewer="anna", version=1, state="approved",
                       comment="c\x02")
    assert response.status_code == 422 and "U+0002" in response.text
    response = client.post(
        f"{BASE}/{job['id']}/segments/{seg['id']}/comments", json={"author": "a", "text": "\x03"}
    )
    assert response.status_code == 422 and "U+0003" in response.text
    response = _decide(client, job["id"], seg, reviewer="anna", version=1, target="x" * 20_001)
    assert response.status_code == 413, response.text
    response = client.post(
        f"{BASE}/{job['id']}/segments/{seg['id']}/comments",
        json={"author": "a", "text": "x" * 5_001},
    )
    assert response.status_code == 413, response.text
    export = client.get(f"{BASE}/{job['id']}/export")
    assert export.status_code == 200


@pytest.mark.parametrize(
    ("glossary", "needle"),
    [
        ({" ": "x"}, "empty term"),
        ({"": None}, "empty term"),
        ({f"t{i}": None for i in range(501)}, "more than 500"),
        ({"x" * 201: None}, "longer than 200"),
        ({"Amt": "y" * 201}, "longer than 200"),
        ({"Amt\x01": None}, "U+0001"),
    ],
)
def test_create_refuses_bad_glossaries(
    client: TestClient, glossary: dict[str, Any], needle: str
) -> None:
    """Regression: an empty glossary key matched everywhere; size and length were unlimited."""
    body = {"content": PAGE, "source": "de", "target": "en", "glossary": glossary}
    response = client.post(BASE, json=body, headers={"Accept-Language": "en"})
    assert response.status_code == 422, response.text
    assert needle in response.text


def test_glossary_terms_are_stripped() -> None:
    from a11y_service.review.jobs import normalize_glossary, translate_options

    cleaned = normalize_glossary({" Amt ": " office ", "Name": "  "})
    assert cleaned == {"Amt": "office", "Name": None}
    assert normalize_glossary({}) is None
    # blank keys stored before requests were checked are skipped, not turned into terms
    assert translate_options({" ": "x", "": None}) == {}
    options = translate_options({" Amt ": "office", "": "x"})
    assert [t.source for t in options["terminology"].terms] == ["Amt"]


def test_enqueue_failure_fails_the_job_and_answers_503(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: the job was saved as "queued", the enqueue error gave a 500 and the job
    stayed queued for ever."""
    queue = client.app.state.job_queue

    def broken(job_id: str) -> None:
        raise ConnectionError("redis down")

    monkeypatch.setattr(queue, "enqueue", broken)
    response = client.post(
        BASE, json={"content": PAGE, "source": "de", "target": "en", "mode": "queue"}
    )
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["kind"] == "queue-unavailable"
    job_id = problem["errors"][0]["job_id"]
    job = client.get(f"{BASE}/{job_id}").json()
    assert job["status"] == "failed" and "queue" in job["error"]
