"""/website-pruefen: the form, the organisation's audits, live progress and the report by page.
Real SQLite, the web process's own queue consumer, a real loopback site; a browser test runs
axe-core and the project's own page audit on the pages as a real uvicorn serves them."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from litestar.testing import TestClient

from a11y_service.accounts.store import AccountStore
from a11y_service.app import create_app
from tests.accounts.helpers import bearer, new_org_key
from tests.ci.site import Site, serve
from tests.web.conftest import CSRF_FIELD, csrf_token, web_settings
from tests.web.server import running_server

BASE = "/website-pruefen"


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


def sign_in(client: TestClient | httpx.Client, database_url: str, role: str = "editor") -> str:
    """A new organisation with one person, signed in through the session cookie."""
    store = AccountStore.open(database_url)
    try:
        org, _ = store.create_organisation(f"Amt {uuid.uuid4().hex[:6]}", key_name=None,
                                           unique_slug=True)
        user = store.create_user(org.id, f"{uuid.uuid4().hex[:8]}@example.org", role,
                                 "ein-langes-passwort")
        session = store.create_session(user.id)
    finally:
        store.close()
    client.cookies.set("a11y_session", session.token)
    return org.id


@pytest.fixture(scope="module")
def audits_client(checker, tmp_path_factory) -> Iterator[TestClient]:
    settings = web_settings(tmp_path_factory, queue_workers=1, allow_loopback=True,
                            site_audit_max_pages=50)
    with TestClient(app=create_app(settings, checker=checker)) as client:
        anonymous = client.get(BASE, follow_redirects=False)
        assert anonymous.status_code in (302, 303) and "/anmelden" in anonymous.headers["location"]
        sign_in(client, settings.database_url)
        client.database_url = settings.database_url  # type: ignore[attr-defined]
        yield client


def _start(client: TestClient, **fields: str) -> httpx.Response:
    token = csrf_token(client, BASE)
    return client.post(BASE, data={"_csrf_token": token, **fields}, follow_redirects=False)


def _wait(client: TestClient, path: str) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        html = client.get(path).text
        if "data-site-audit" not in html:
            return html
        time.sleep(0.1)
    raise AssertionError("audit did not finish")


def test_form_has_labels_hints_and_token(audits_client: TestClient) -> None:
    page = audits_client.get(BASE)
    assert page.status_code == 200
    html = page.text
    assert html.count("<h1") == 1 and CSRF_FIELD.search(html)
    for field in ("start_url", "sitemap_url", "max_pages"):
        assert f'<label for="{field}">' in html and f'aria-describedby="{field}-hint' in html
    assert 'aria-current="page"' in html and "style=" not in html
    english = audits_client.get(BASE, params={"lang": "en"}).text
    assert "Check a whole website" in english and '<html lang="en">' in english
    audits_client.get(BASE, params={"lang": "de"})  # the cookie remembers the language


def test_bad_input_is_explained_at_the_field(audits_client: TestClient) -> None:
    refused = audits_client.post(BASE, data={"start_url": "https://example.org/"})
    assert refused.status_code == 403  # no CSRF token
    empty = _start(audits_client, start_url="", max_pages="5")
    assert empty.status_code == 422
    assert 'aria-describedby="start_url-hint start_url-error"' in empty.text
    assert 'role="alert"' in empty.text and 'href="#start_url"' in empty.text
    local = _start(audits_client, start_url="file:///etc/passwd", max_pages="500")
    assert local.status_code == 422
    assert "max_pages-error" in local.text and "start_url-error" in local.text
    assert 'value="file:///etc/passwd"' in local.text  # kept (escaped) for correction


@pytest.mark.browser  # the web form audits with every engine, axe-core in Chromium included
def test_audit_runs_shows_progress_then_the_report_by_page(
    audits_client: TestClient, site: Site
) -> None:
    started = _start(audits_client, start_url=site.base + "/", max_pages="3")
    assert started.status_code == 303
    location = started.headers["location"]
    assert re.fullmatch(rf"{BASE}/[0-9a-f]{{32}}", location)
    first = audits_client.get(location).text
    if "data-site-audit" in first:  # still running: a polite live region, reload on request
        assert 'role="status" aria-live="polite"' in first
        assert 'http-equiv="refresh"' not in first
        auto = audits_client.get(location, params={"auto": "1"}).text
        if "data-site-audit" in auto:
            assert '<meta http-equiv="refresh" content="3">' in auto
    html = _wait(audits_client, location)
    assert 'http-equiv="refresh"' not in audits_client.get(location, params={"auto": "1"}).text
    assert html.count("<h1") == 1 and "Ergebnis nach Seiten" in html
    assert f'href="{location}/seite/1"' in html and site.base + "/kontakt" in html
    assert f'href="/v1/site-audits/{location.rsplit("/", 1)[1]}/report"' in html
    detail = audits_client.get(location + "/seite/2")
    assert detail.status_code == 200 and "Prüfbericht" in detail.text
    assert audits_client.get(location + "/seite/99").status_code == 404
    listing = audits_client.get(BASE).text
    assert f'href="{location}"' in listing and "fertig" in listing


def test_another_organisations_audit_is_not_found(audits_client: TestClient, site: Site) -> None:
    _org, key = new_org_key(audits_client.database_url, role="editor")  # type: ignore[attr-defined]
    created = audits_client.post("/v1/site-audits", headers=bearer(key), json={
        "start_url": site.base + "/", "max_pages": 1, "engines": ["static"],
    })
    assert created.status_code == 202
    other = f"{BASE}/{created.json()['id']}"
    answer = audits_client.get(other)
    assert answer.status_code == 404 and answer.headers["content-type"].startswith("text/html")
    assert other not in audits_client.get(BASE).text


@pytest.mark.browser
@pytest.mark.slow
def test_pages_pass_axe_and_the_projects_own_audit(tmp_path: Path) -> None:
    from checkers.page.audit import PageAuditor, PageTarget
    from checkers.page.options import AuditOptions, BrowserSettings, UrlPolicy

    with serve() as target, running_server(tmp_path, A11Y_QUEUE_WORKERS="1") as base:
        client = httpx.Client(base_url=base, follow_redirects=False)
        client.get("/health")  # the server has migrated the schema by now
        sign_in(client, f"sqlite:///{tmp_path / 'a11y.sqlite3'}")
        form = client.get(BASE)
        token = CSRF_FIELD.search(form.text).group(1)  # type: ignore[union-attr]
        started = client.post(BASE, data={"_csrf_token": token, "start_url": target.base + "/",
                                          "max_pages": "2"})
        location = started.headers["location"]
        running = client.get(location).text
        deadline = time.monotonic() + 60
        while "data-site-audit" in client.get(location).text:
            assert time.monotonic() < deadline
            time.sleep(0.2)
        urls = [base + BASE, base + location, base + location + "/seite/1"]
        if "data-site-audit" in running:
            urls.append(base + location + "?lang=en")
        options = AuditOptions(
            engines=frozenset({"axe", "static", "bitv"}),
            policy=UrlPolicy(allow_loopback=True),
            browser=BrowserSettings(pool_size=1),
        )
        with PageAuditor(options) as auditor:
            run = auditor.audit([PageTarget(url=url) for url in urls])
        for report in run.reports:
            assert report.error is None, report.error
            failed = [(f.rule_id, f.location.selector, f.message) for f in report.findings
                      if f.outcome == "failed"]
            assert failed == [], (report.target.url, failed)
