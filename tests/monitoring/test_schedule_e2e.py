"""A site registered through the API, audited twice by the schedule on the real queue (the web
process's huey consumer, real SQLite, a real loopback site), a barrier fixed in between: the
history shows it fixed, and the chart and the table on the history page agree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from litestar.testing import TestClient

from a11y_service.app import create_app
from a11y_service.monitoring.jobs import MonitorContext, tick
from tests.ci.site import BAD, GOOD, Site, page, serve
from tests.monitoring.helpers import monitor_settings, new_org, wait_for

pytestmark = pytest.mark.slow


@pytest.fixture
def site() -> Iterator[Site]:
    running = Site()
    running.pages = {
        "/": page("Startseite", GOOD + '<p><a href="/kontakt">Kontakt</a> '
                  '<a href="/news">Neues</a></p>'),
        "/kontakt": page("Kontakt", BAD),
        "/news": page("Neues", BAD.replace("haus.png", "neu.png")),
    }
    with serve(running) as served:
        yield served


@pytest.fixture
def client(tmp_path: Path, checker, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("A11Y_MONITOR_SCHEDULER", "0")  # the test drives the tick itself
    monkeypatch.setenv("A11Y_MONITOR_ENGINES", "static,bitv,text")
    settings = monitor_settings(tmp_path, queue_workers=1)
    app = create_app(settings, checker=checker)
    with TestClient(app) as test_client:
        _, key = new_org(settings.database_url, "Stadt Beispiel")
        test_client.headers["Authorization"] = f"Bearer {key}"
        yield test_client


def _finished(context: MonitorContext, site_id: str, count: int) -> bool:
    audits = context.store.audits(site_id, None)
    return len(audits) == count and all(
        context.audits.get(a.site_audit_id).status in ("done", "failed") for a in audits)


def test_two_scheduled_audits_show_a_fixed_barrier(client: TestClient, site: Site) -> None:
    created = client.post("/v1/sites", json={
        "name": "Stadt Beispiel", "start_url": site.base + "/", "max_pages": 5,
        "max_depth": 1, "schedule": "daily"})
    assert created.status_code == 201, created.text
    site_id = created.json()["id"]
    context: MonitorContext = client.app.state.monitor
    anchor = context.store.site(site_id, None).next_run_at
    assert anchor is not None

    assert len(tick(context, anchor)) == 1
    assert tick(context, anchor) == []  # the same slot is not taken twice
    wait_for(lambda: _finished(context, site_id, 1), what="first audit")
    first = client.get(f"/v1/sites/{site_id}/audits").json()["items"]
    assert [a["status"] for a in first] == ["done"]
    assert first[0]["errors"] >= 2 and first[0]["new_findings"] >= 2
    assert first[0]["fixed_findings"] == 0
    open_before = client.get(f"/v1/sites/{site_id}/findings", params={"status": "open"}).json()
    assert any(f["target"] == "/kontakt" and f["rule_id"] for f in open_before["items"])

    site.pages["/kontakt"] = page("Kontakt", GOOD)  # the barrier is fixed
    later = anchor + timedelta(days=1, minutes=1)
    assert len(tick(context, later)) == 1
    wait_for(lambda: _finished(context, site_id, 2), what="second audit")
    history = client.get(f"/v1/sites/{site_id}/audits").json()["items"]
    assert [a["trigger"] for a in history] == ["schedule", "schedule"]
    second = history[1]
    assert second["status"] == "done"
    fixed_rules = list(client.get(f"/v1/sites/{site_id}/findings",
                                          params={"status": "fixed"}).json()["items"])
    assert {f["target"] for f in fixed_rules} == {"/kontakt"}
    assert second["fixed_findings"] == len(fixed_rules) >= 1
    assert second["new_findings"] == 0
    assert second["open_findings"] == first[0]["open_findings"] - len(fixed_rules)
    assert second["errors"] < first[0]["errors"]
    assert second["text_scores"], "the text engine rated the pages"
    assert set(second["duties"]) == {"statement", "leichte_sprache", "dgs"}

    html = client.get(f"/websites/{site_id}").text
    rows = re.findall(r'<tr data-audit="[0-9a-f]+">(.*?)</tr>', html, re.S)
    assert len(rows) == 2
    fixed_cells = [re.search(r"data-fixed>(\d+)<", row).group(1) for row in rows]
    assert fixed_cells == ["0", str(second["fixed_findings"])]
    # The severity chart and its table: the same numbers, audit by audit.
    svg = re.search(r'<svg class="chart"[^>]*aria-labelledby="schwere-titel.*?</svg>', html,
                    re.S).group(0)
    table = re.search(r'id="schwere-tabelle">(.*?)</table>', html, re.S).group(1)
    for name in ("Fehler", "Warnungen", "Hinweise"):
        drawn = re.findall(rf'data-series="{name}" data-value="([\d.]+)"', svg)
        listed = re.findall(rf'data-series="{name}">([\d.]+)<', table)
        assert drawn == listed, name
    errors_drawn = re.findall(r'data-series="Fehler" data-value="(\d+)"', svg)
    assert errors_drawn == [str(first[0]["errors"]), str(second["errors"])]
    assert "<title id=\"schwere-titel\">" in html and "<desc id=\"schwere-beschreibung\">" in html


def test_periodic_task_runs_through_the_queue(client: TestClient, site: Site) -> None:
    """The scheduler enqueues the periodic tick; the app's huey consumer runs it; the tick
    starts the due audit; the consumer runs that too; the next tick takes it in."""
    from a11y_service.monitoring.wiring import PeriodicScheduler

    created = client.post("/v1/sites", json={
        "name": "Periodisch", "start_url": site.base + "/", "max_pages": 2, "max_depth": 0,
        "schedule": "weekly"}).json()
    context: MonitorContext = client.app.state.monitor
    scheduler = PeriodicScheduler(client.app.state.job_queue.huey)
    assert scheduler.enqueue_due(datetime(2026, 5, 4, 10, 17)) == 1
    wait_for(lambda: context.store.audits(created["id"], None), what="tick run by the queue")
    wait_for(lambda: _finished(context, created["id"], 1), what="scheduled audit")
    assert scheduler.enqueue_due(datetime(2026, 5, 4, 10, 18)) == 1
    audits = wait_for(lambda: [a for a in context.store.audits(created["id"], None)
                               if a.status == "done"], what="audit taken in by the next tick")
    assert audits[0].trigger == "schedule" and audits[0].pages == 1
    assert len(context.store.audits(created["id"], None)) == 1  # weekly: nothing new yet
