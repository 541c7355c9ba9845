"""The public observatory: published organisations only, the page, the JSON and the CSV agree,
the index as documented, fingerprint tracking of synthetic audits, ownership (404)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from a11y_service.app import create_app
from a11y_service.monitoring.figures import audit_figures, compute_index
from a11y_service.monitoring.store import MonitoringStore
from tests.monitoring.helpers import finding, monitor_settings, new_org, run_report

BASE = "https://amt.example"


def seed(store: MonitoringStore, org_id: str, name: str,
         runs: list[dict[str, Any]], start: datetime) -> str:
    site = store.create_site(org_id, name=name, start_url=BASE + "/", sitemap_url=None,
                             max_pages=10, max_depth=1, land="NW", body_kind="municipal",
                             schedule="monthly", now=start)
    for number, run in enumerate(runs):
        moment = start + timedelta(days=31 * number)
        audit = store.add_audit(site, org_id, f"{name[:8]}{number}{site.id}"[:32], "schedule",
                                moment, now=moment)
        assert store.ingest(audit.id, run, ["static", "bitv", "text"], now=moment) is not None
    return site.id


FIRST = run_report(BASE, {
    "/": [finding("bitv.easy-language-link", "error"), finding("axe.image-alt", "error",
                                                                ("1.1.1",))],
    "/kontakt": [finding("axe.label", "error", ("1.3.1", "4.1.2"), "<input id=a>"),
                 finding("axe.region", "warning")],
}, scores={"/": 70.0, "/kontakt": 30.0})
SECOND = run_report(BASE, {
    "/": [finding("bitv.easy-language-link", "error")],
    "/kontakt": [finding("axe.region", "warning")],
}, scores={"/": 72.0, "/kontakt": 50.0})


@pytest.fixture
def app_client(tmp_path: Path, checker) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    settings = monitor_settings(tmp_path)
    app = create_app(settings, checker=checker)
    with TestClient(app) as client:
        public, public_key = new_org(settings.database_url, "Stadt Offen", published=True)
        hidden, hidden_key = new_org(settings.database_url, "Gemeinde Geheim")
        store: MonitoringStore = app.state.monitor.store
        start = datetime(2026, 9, 1, tzinfo=UTC)
        site = seed(store, public.id, "Stadtportal", [FIRST, SECOND], start)
        hidden_site = seed(store, hidden.id, "Geheimportal", [FIRST], start)
        yield client, {"public": public, "hidden": hidden, "public_key": public_key,
                       "hidden_key": hidden_key, "site": site, "hidden_site": hidden_site}


def test_fingerprints_track_new_open_and_fixed(app_client) -> None:
    client, seeded = app_client
    store: MonitoringStore = client.app.state.monitor.store
    first, second = store.audits(seeded["site"], seeded["public"].id)
    assert (first.new_findings, first.fixed_findings, first.open_findings) == (4, 0, 4)
    assert (second.new_findings, second.fixed_findings, second.open_findings) == (0, 2, 2)
    fixed = store.findings(seeded["site"], seeded["public"].id, "fixed")
    assert sorted(f.rule_id for f in fixed) == ["axe.image-alt", "axe.label"]
    assert all(f.fixed_audit_id == second.id for f in fixed)
    assert first.by_principle == {"1": 2, "2": 0, "3": 0, "4": 0, "none": 2}
    assert first.by_severity == {"error": 3, "warning": 1, "info": 0}
    assert first.duties == {"statement": "met", "leichte_sprache": "missing", "dgs": "met"}
    # A barrier that comes back is open and new again.
    third_site = store.site(seeded["site"], None)
    audit = store.add_audit(third_site, seeded["public"].id, "x" * 32, "manual")
    result = store.ingest(audit.id, FIRST, ["static", "bitv", "text"])
    assert result is not None and result.audit.new_findings == 2
    assert store.ingest(audit.id, FIRST, ["static"]) is None  # taken in once


def test_index_is_computed_as_documented() -> None:
    figures = audit_figures(FIRST, ["static", "bitv", "text"])
    # no page without errors (0), 2 of 3 duties met (66.7), mean text score 50
    assert figures.index == round((60 * 0 + 25 * (200 / 3) + 15 * 50) / 100, 1)
    assert compute_index(4, 2, {"statement": "unknown"}, []) == 50.0  # weights rescaled
    assert compute_index(0, 0, {}, []) is None
    no_bitv = audit_figures(FIRST, ["static"])
    assert set(no_bitv.duties.values()) == {"unknown"}


def test_public_pages_show_published_organisations_only(app_client) -> None:
    client, seeded = app_client
    client.headers.pop("Authorization", None)
    page = client.get("/transparenz")
    assert page.status_code == 200
    html = page.text
    assert "Stadt Offen" in html and "Geheim" not in html
    assert f'href="/transparenz/{seeded["public"].slug}"' in html
    assert "Das Wichtigste in Leichter Sprache" in html
    assert 'id="methode"' in html and 'id="grenzen"' in html
    assert "style=" not in html and "<style" not in html and "<script>" not in html
    assert html.count("<h1") == 1
    assert client.get(f"/transparenz/{seeded['hidden'].slug}").status_code == 404
    org_page = client.get(f"/transparenz/{seeded['public'].slug}")
    assert org_page.status_code == 200 and "Stadtportal" in org_page.text
    assert "Geheim" not in org_page.text
    english = client.get("/transparenz?lang=en")
    assert '<html lang="en">' in english.text and "How we compute the index" in english.text


def test_json_and_csv_agree_with_the_page(app_client) -> None:
    client, seeded = app_client
    client.headers.pop("Authorization", None)
    data = client.get("/v1/public/organisations")
    assert data.status_code == 200  # no key needed
    body = data.json()
    assert [o["slug"] for o in body["organisations"]] == [seeded["public"].slug]
    org = body["organisations"][0]
    site = org["sites"][0]
    second_index = audit_figures(SECOND, ["static", "bitv", "text"]).index
    assert site["index"] == org["index"] == body["index"] == second_index
    assert org["previous_index"] == audit_figures(FIRST, ["static", "bitv", "text"]).index
    assert [p["month"] for p in org["trend"]] == ["2026-09", "2026-10"]
    rows = list(csv.DictReader(io.StringIO(client.get("/v1/public/organisations.csv").text)))
    assert len(rows) == 1
    assert rows[0]["organisation_slug"] == seeded["public"].slug
    assert float(rows[0]["index"]) == site["index"]
    assert int(rows[0]["open_findings"]) == site["open_findings"] == 2
    assert rows[0]["leichte_sprache"] == site["duties"]["leichte_sprache"] == "missing"
    html = client.get("/transparenz").text
    row = re.search(rf'<tr data-slug="{seeded["public"].slug}">(.*?)</tr>', html, re.S).group(1)
    assert f">{second_index:g}<" in row
    assert re.search(r'id="zahl-websites">1<', html)
    org_html = client.get(f"/transparenz/{seeded['public'].slug}").text
    assert f'id="index-organisation">{second_index:g}<' in org_html
    one = client.get(f"/v1/public/organisations/{seeded['public'].slug}").json()
    assert one == org
    missing = client.get(f"/v1/public/organisations/{seeded['hidden'].slug}")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


def test_sites_are_private_to_their_organisation(app_client) -> None:
    client, seeded = app_client
    client.headers["Authorization"] = f"Bearer {seeded['hidden_key']}"
    for path in (f"/v1/sites/{seeded['site']}", f"/v1/sites/{seeded['site']}/audits",
                 f"/v1/sites/{seeded['site']}/findings"):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert answer.headers["content-type"].startswith("application/problem+json")
    assert client.post(f"/v1/sites/{seeded['site']}/audits").status_code == 404
    assert client.delete(f"/v1/sites/{seeded['site']}").status_code == 404
    listed = client.get("/v1/sites").json()["items"]
    assert [s["id"] for s in listed] == [seeded["hidden_site"]]
    client.headers.pop("Authorization")
    assert client.get("/v1/sites").status_code == 401


@pytest.mark.parametrize(("body", "status"), [
    ({"name": "A", "start_url": "file:///etc/passwd"}, 422),
    ({"name": "A", "start_url": "ftp://example.org/"}, 422),
    ({"name": "", "start_url": "https://example.org/"}, 422),
    ({"name": "A", "start_url": "https://example.org/", "max_pages": 100_000}, 422),
    ({"name": "A", "start_url": "https://example.org/", "land": "XX"}, 422),
    ({"name": "A", "start_url": "https://example.org/", "schedule": "hourly"}, 400),
    ({"name": "A", "start_url": "https://example.org/", "max_depth": 11}, 400),
    ({"name": "A", "start_url": "https://example.org/", "surprise": 1}, 400),
])
def test_bad_site_input_is_a_problem(app_client, body: dict[str, Any], status: int) -> None:
    client, seeded = app_client
    client.headers["Authorization"] = f"Bearer {seeded['public_key']}"
    answer = client.post("/v1/sites", json=body)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_observatory_pages_pass_the_projects_own_page_audit(app_client) -> None:
    """The static and BITV engines of the page audit find nothing failed on the pages."""
    from checkers.page import bitv, static
    from checkers.page.dom import Page
    from checkers.page.rule import PageContext, run_rules

    client, seeded = app_client
    client.headers.pop("Authorization", None)
    rules = [*static.all_rules(), *bitv.all_rules()]
    for path in ("/transparenz", f"/transparenz/{seeded['public'].slug}"):
        html = client.get(path + "?lang=de").text
        page = Page(html, "http://testserver.local" + path)
        findings = run_rules(rules, PageContext(page=page), "de")
        failed = [(f.rule_id, f.location.selector) for f in findings if f.outcome == "failed"]
        assert failed == [], (path, failed)


def test_change_and_delete_a_site(app_client) -> None:
    client, seeded = app_client
    client.headers["Authorization"] = f"Bearer {seeded['public_key']}"
    path = f"/v1/sites/{seeded['site']}"
    changed = client.patch(path, json={"name": "Neues Portal", "schedule": "manual"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["schedule"] == "manual" and changed.json()["next_run_at"] is None
    weekly = client.patch(path, json={"schedule": "weekly"}).json()
    assert weekly["next_run_at"] is not None  # due at once, then weekly
    assert client.patch(path, json={"land": "XX"}).status_code == 422
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404
    assert client.get(f"{path}/audits").status_code == 404
    assert client.get("/v1/public/organisations").json()["organisations"][0]["sites"] == []
