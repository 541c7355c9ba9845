"""The monitoring pages for signed-in people: register a site by form (errors at the field),
the history page, publishing by the org's admin only, notification channels, other orgs' sites
not found, anonymous visitors sent to the login form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar.testing import TestClient

from a11y_service.accounts.store import AccountStore
from a11y_service.app import create_app
from a11y_service.monitoring.store import MonitoringStore
from tests.monitoring.helpers import monitor_settings, new_org
from tests.web.conftest import csrf_token

PASSWORD = "ein-langes-passwort-123"


@pytest.fixture
def app_client(tmp_path: Path, checker, monkeypatch: pytest.MonkeyPatch
               ) -> Iterator[tuple[TestClient, str]]:
    monkeypatch.setenv("A11Y_MONITOR_SCHEDULER", "0")
    settings = monitor_settings(tmp_path)
    app = create_app(settings, checker=checker)
    with TestClient(app) as client:
        yield client, settings.database_url


def sign_in(client: TestClient, db: str, role: str) -> str:
    org, _ = new_org(db, f"Amt {role}")
    accounts = AccountStore.open(db)
    email = f"{role}@{org.slug}.example"
    accounts.create_user(org.id, email, role, PASSWORD)
    accounts.close()
    answer = client.post("/anmelden", data={"email": email, "password": PASSWORD,
                                            "_csrf_token": csrf_token(client, "/anmelden")},
                         follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return org.id


def test_anonymous_visitors_are_sent_to_the_login(app_client) -> None:
    client, _ = app_client
    answer = client.get("/websites", follow_redirects=False)
    assert answer.status_code in (302, 303, 307)
    assert answer.headers["location"].startswith("/anmelden")


def test_register_a_site_by_form_and_see_its_history(app_client) -> None:
    client, db = app_client
    org_id = sign_in(client, db, "admin")
    page = client.get("/websites")
    assert page.status_code == 200 and "<h1>Websites beobachten</h1>" in page.text
    assert "style=" not in page.text and "<script>" not in page.text
    bad = client.post("/websites", data={
        "name": "Portal", "start_url": "ftp://x.example/", "max_pages": "5", "max_depth": "1",
        "land": "NW", "body_kind": "municipal", "schedule": "weekly",
        "_csrf_token": csrf_token(client, "/websites")})
    assert bad.status_code == 422
    assert 'aria-describedby="site-url-hint site-url-error"' in bad.text
    assert 'aria-invalid="true"' in bad.text and 'href="#site-url"' in bad.text
    assert 'value="Portal"' in bad.text  # what was typed stays
    good = client.post("/websites", data={
        "name": "Portal <b>", "start_url": "https://portal.example/", "max_pages": "5",
        "max_depth": "1", "land": "NW", "body_kind": "municipal", "schedule": "weekly",
        "_csrf_token": csrf_token(client, "/websites")}, follow_redirects=False)
    assert good.status_code == 303
    location = good.headers["location"]
    history = client.get(location)
    assert history.status_code == 200
    assert "Portal &lt;b&gt;" in history.text and "Portal <b>" not in history.text
    assert "Noch keine Prüfung." in history.text
    sites = MonitoringStore.open(db)
    assert [s.name for s in sites.list_sites(org_id)] == ["Portal <b>"]
    audit_now = client.post(location.split("?")[0] + "/pruefen",
                            data={"_csrf_token": csrf_token(client, "/websites")},
                            follow_redirects=False)
    assert audit_now.status_code == 303
    site_id = location.split("/")[2].split("?")[0]
    assert [a.trigger for a in sites.audits(site_id, org_id)] == ["manual"]
    sites.close()


def test_publish_and_channels_are_for_admins(app_client) -> None:
    client, db = app_client
    org_id = sign_in(client, db, "admin")
    token = csrf_token(client, "/websites")
    assert client.post("/websites/veroeffentlichen", data={
        "published": "ja", "_csrf_token": token}).status_code == 200
    store = MonitoringStore.open(db)
    assert store.is_published(org_id)
    saved = client.post("/websites/benachrichtigungen", data={
        "email_admins": "ja", "webhook_url": "https://hooks.example/a11y",
        "_csrf_token": token})
    assert saved.status_code == 200
    channels = store.channels(org_id)
    assert channels.email_admins and channels.webhook_url == "https://hooks.example/a11y"
    assert channels.webhook_secret and channels.webhook_secret in saved.text
    refused = client.post("/websites/benachrichtigungen", data={
        "webhook_url": "file:///etc/passwd", "_csrf_token": token})
    assert refused.status_code == 422 and 'id="webhook-url-error"' in refused.text
    client.post("/websites/veroeffentlichen", data={"published": "nein", "_csrf_token": token})
    assert not store.is_published(org_id)
    store.close()


def test_editors_cannot_publish_and_other_orgs_sites_are_not_found(app_client) -> None:
    client, db = app_client
    other, _ = new_org(db, "Fremd")
    store = MonitoringStore.open(db)
    foreign = store.create_site(other.id, name="Fremd", start_url="https://f.example/",
                                sitemap_url=None, max_pages=5, max_depth=1, land="NW",
                                body_kind="municipal", schedule="manual")
    org_id = sign_in(client, db, "editor")
    page = client.get("/websites").text
    assert "Veröffentlichen" not in page and "Website anmelden" in page
    token = csrf_token(client, "/websites")
    refused = client.post("/websites/veroeffentlichen", data={"published": "ja",
                                                              "_csrf_token": token})
    assert refused.status_code == 403
    assert not store.is_published(org_id)
    assert client.get(f"/websites/{foreign.id}").status_code == 404
    assert client.post(f"/websites/{foreign.id}/pruefen",
                       data={"_csrf_token": token}).status_code == 404
    assert re.search(r"<h1", client.get(f"/websites/{foreign.id}").text)
    store.close()
