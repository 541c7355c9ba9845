"""Site audits on one machine: the API (real SQLite, the web process's own huey consumer, a real
loopback site), the same JSON as ``a11y check``, ownership, resume and lease fencing."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from a11y_service.site_audits.runner import (
    AuditContext,
    build_run_report,
    check_config,
    run_site_audit,
)
from a11y_service.site_audits.store import LeaseLost, SiteAuditStore
from tests.accounts.helpers import bearer, new_org_key
from tests.ci.site import Site, serve
from tests.db_templates import migrated_sqlite_url

if TYPE_CHECKING:
    from checkers.text.engine import TextChecker

BASE = "/v1/site-audits"
ENGINES = ["static", "bitv"]


def _settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": migrated_sqlite_url(tmp_path / "audits.sqlite3"),
        "queue_url": f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        "queue_workers": 1,
        "allow_loopback": True,
        "site_audit_lease_seconds": 5.0,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


@pytest.fixture
def client(tmp_path: Path, checker: TextChecker) -> Iterator[TestClient]:
    app = create_app(_settings(tmp_path), checker=checker)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def org_a(client: TestClient, tmp_path: Path) -> dict[str, str]:
    """Headers with an editor key of one organisation (the schema exists once the app runs)."""
    return bearer(new_org_key(_settings(tmp_path).database_url, role="editor")[1])


@pytest.fixture
def org_b(client: TestClient, tmp_path: Path) -> dict[str, str]:
    return bearer(new_org_key(_settings(tmp_path).database_url, role="editor")[1])


def _wait_done(client: TestClient, location: str, headers: dict[str, str],
               seconds: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = client.get(location, headers=headers).json()
        if body["status"] in ("done", "failed"):
            return body
        time.sleep(0.1)
    raise AssertionError(f"audit not finished: {body}")


def _check_json(site: Site, max_pages: int, depth: int) -> dict[str, Any]:
    """What `a11y check --format json` says about the same site with the same settings."""
    from checkers.page.site.config import CheckConfig, CrawlSettings
    from checkers.page.site.runner import collect
    from ci.gate import decide
    from ci.reporters import render

    config = CheckConfig(
        urls=(site.base + "/",), crawl=CrawlSettings(enabled=True, max_depth=depth,
                                                    max_pages=max_pages),
        engines=frozenset(ENGINES), max_pages=max_pages, allow_loopback=True,
    )
    collected = collect(config, [], Path.cwd())
    result = decide(collected.reports, config, None, None, collected.limits, "de",
                    allow_empty=False)
    return json.loads(render("json", result))


def test_site_audit_runs_in_background_and_reports_like_a11y_check(
    client: TestClient, site: Site, org_a: dict[str, str]
) -> None:
    response = client.post(BASE, headers=org_a, json={
        "start_url": site.base + "/", "max_pages": 20, "max_depth": 2, "engines": ENGINES,
    })
    assert response.status_code == 202, response.text
    location = response.headers["location"]
    assert location == f"{BASE}/{response.json()['id']}"
    assert response.json()["status"] == "queued"
    status = _wait_done(client, location, org_a)
    assert status["status"] == "done", status
    assert status["pages_total"] == status["pages_done"] == 5  # /, kontakt, news, tief/1, tief/2
    report = client.get(location + "/report", headers=org_a)
    assert report.status_code == 200
    assert report.headers["content-type"].startswith("application/json")
    assert report.json() == _check_json(site, 20, 2)
    urls = [r["target"]["url"] for r in report.json()["reports"]]
    assert urls[0] == site.base + "/"
    assert status["summary"] == report.json()["summary"]
    # every page fetched once by the crawl (robots-disallowed /privat/ never)
    assert site.hits["/privat/geheim"] == 0


def test_other_organisations_audits_are_not_found(
    client: TestClient, site: Site, org_a: dict[str, str], org_b: dict[str, str], tmp_path: Path
) -> None:
    created = client.post(BASE, headers=org_a, json={
        "start_url": site.base + "/", "max_pages": 1, "max_depth": 0, "engines": ENGINES,
    }).json()
    for path in (f"{BASE}/{created['id']}", f"{BASE}/{created['id']}/report"):
        answer = client.get(path, headers=org_b)
        assert answer.status_code == 404
        assert answer.headers["content-type"].startswith("application/problem+json")
    assert client.get(BASE, headers=org_b).json()["items"] == []
    listed = client.get(BASE, headers=org_a).json()["items"]
    assert [item["id"] for item in listed] == [created["id"]]
    _wait_done(client, f"{BASE}/{created['id']}", org_a)
    # without a key: 401; a viewer may look but not start an audit
    assert client.get(BASE).status_code == 401
    assert client.post(BASE, json={"start_url": site.base + "/"}).status_code == 401
    viewer = bearer(new_org_key(_settings(tmp_path).database_url, role="viewer")[1])
    assert client.get(BASE, headers=viewer).status_code == 200
    assert client.post(BASE, headers=viewer, json={"start_url": site.base + "/"}
                       ).status_code == 403


@pytest.mark.parametrize(("body", "status"), [
    ({"start_url": "file:///etc/passwd"}, 422),
    ({"start_url": "ftp://example.org/"}, 422),
    ({"start_url": "https://"}, 422),
    ({"start_url": "https://example.org/", "sitemap_url": "file:///x.xml"}, 422),
    ({"start_url": "https://example.org/", "max_pages": 100_000}, 422),
    ({"start_url": "https://example.org/", "max_pages": 0}, 400),
    ({"start_url": "https://example.org/", "max_depth": 99}, 400),
    ({"start_url": "https://example.org/", "engines": ["nope"]}, 400),
    ({"start_url": "https://example.org/", "surprise": 1}, 400),
    ({}, 400),
])
def test_bad_input_is_a_problem_not_a_job(
    client: TestClient, body: dict[str, Any], status: int, org_a: dict[str, str]
) -> None:
    response = client.post(BASE, json=body, headers=org_a)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert client.get(BASE, headers=org_a).json()["items"] == []


def test_report_of_an_unfinished_audit_is_409(client: TestClient, tmp_path: Path) -> None:
    database = _settings(tmp_path).database_url
    org, key = new_org_key(database, role="viewer")
    store = SiteAuditStore.open(database)
    record = store.create(org_id=org.id, start_url="https://example.org/", sitemap_url=None,
                          max_pages=1, max_depth=0, engines=ENGINES)
    store.close()
    answer = client.get(f"{BASE}/{record.id}/report", headers=bearer(key))
    assert answer.status_code == 409
    assert answer.json()["kind"] == "job-state"
    assert client.get(f"{BASE}/{'x' * 500}", headers=bearer(key)).status_code == 404


def _store(tmp_path: Path) -> SiteAuditStore:
    return SiteAuditStore.open(migrated_sqlite_url(tmp_path / "store.sqlite3"))


def test_resume_audits_only_the_pages_not_stored_and_reports_all(
    tmp_path: Path, site: Site
) -> None:
    settings = _settings(tmp_path, site_audit_lease_seconds=0.3)
    store = _store(tmp_path)
    context = AuditContext(settings, store)
    record = store.create(org_id="a", start_url=site.base + "/", sitemap_url=None,
                          max_pages=20, max_depth=2, engines=ENGINES)
    stored: list[str] = []

    class Died(BaseException):  # what SIGKILL does to a worker, without killing pytest
        pass

    def die_after_two(url: str) -> None:
        stored.append(url)
        if len(stored) == 2:
            raise Died

    with pytest.raises(Died):
        run_site_audit(context, record.id, worker="dead", on_page=die_after_two)
    assert store.get(record.id).status == "running"
    assert store.get(record.id).pages_done >= 2
    assert run_site_audit(context, record.id, worker="early") == "skipped"  # lease still live
    time.sleep(0.4)
    hits_before = dict(site.hits)
    assert run_site_audit(context, record.id, worker="second") == "done"
    audit = store.get(record.id)
    assert audit.status == "done" and audit.attempts == 2
    assert audit.pages_done == audit.pages_total == 5
    for url in stored[:2]:  # pages stored by the dead worker were not fetched again
        path = url.removeprefix(site.base) or "/"
        assert site.hits[path] == hits_before.get(path, 0)
    assert site.hits["/sitemap.xml"] == 0 and hits_before.get("/robots.txt") == site.hits[
        "/robots.txt"]  # no second crawl
    report = json.loads(store.report(record.id))
    assert len(report["reports"]) == 5
    assert run_site_audit(context, record.id, worker="late") == "skipped"  # done stays done
    config = check_config(store.get(record.id), settings)
    assert json.loads(build_run_report(store, record.id, config, store.discovery(record.id)
                                       or {})) == report
    store.close()


def test_a_worker_that_lost_its_lease_cannot_write_or_finish(tmp_path: Path) -> None:
    store = _store(tmp_path)
    record = store.create(org_id="a", start_url="https://example.org/", sitemap_url=None,
                          max_pages=1, max_depth=0, engines=ENGINES)
    assert store.claim(record.id, "first", lease_seconds=0.05)
    assert not store.claim(record.id, "rival", lease_seconds=5)  # lease still live
    time.sleep(0.1)
    assert store.stale(queued_grace_seconds=60) == [record.id]
    assert store.claim(record.id, "second", lease_seconds=5)
    with pytest.raises(LeaseLost):
        store.save_page(record.id, "first", 5, url="https://example.org/", position=0,
                        report="{}")
    assert not store.heartbeat(record.id, "first", 5)
    assert not store.finish(record.id, "first", "{}")
    assert store.save_page(record.id, "second", 5, url="https://example.org/", position=0,
                           report="{}")
    assert not store.save_page(record.id, "second", 5, url="https://example.org/", position=0,
                               report="{}")  # stored once
    assert store.finish(record.id, "second", '{"summary": {}}')
    assert not store.finish(record.id, "second", "{}")  # done once
    assert store.get(record.id).status == "done"
    assert store.stale(queued_grace_seconds=60) == []
    store.close()


def test_worker_with_a_wrong_queue_url_says_so_and_exits_2(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    a11y = Path(sys.executable).with_name("a11y")
    env = {**os.environ, "A11Y_DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite3'}",
           "A11Y_QUEUE_URL": "ftp://queue.example.org/"}
    done = subprocess.run([str(a11y), "worker"], env=env, capture_output=True, text=True,
                          check=False,
                          timeout=60)
    assert done.returncode == 2
    assert "Der Worker startet nicht / the worker does not start" in done.stderr
    assert "Traceback" not in done.stderr
