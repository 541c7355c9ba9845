"""Findings of the security review, each with the request that used to get through: the
language switch that pointed to another host, sessions that outlived a password change, the
CSRF exclusions matched anywhere in a path."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from litestar.testing import TestClient

from a11y_service.accounts.store import AccountStore
from a11y_service.app import create_app
from a11y_service.web.setup import CSRF_EXCLUDE
from tests.accounts.test_web import PASSWORD, _settings, post_form, sign_up, token
from tests.db_templates import migrated_sqlite_url


@pytest.fixture
def web(tmp_path: Path, checker: Any) -> Iterator[TestClient]:
    app = create_app(_settings(migrated_sqlite_url(tmp_path / "web.sqlite3")), checker=checker)
    with TestClient(app) as client:
        yield client


@pytest.mark.parametrize(
    "path", ["//evil.example/x", "/%2F%2Fevil.example", "/\\evil.example", "/anmelden"]
)
def test_language_switch_links_stay_on_the_page(web: TestClient, path: str) -> None:
    page = web.get(path)
    assert "evil.example?lang" not in page.text
    assert 'href="?lang=en"' in page.text


def test_language_switch_keeps_other_query_parameters_escaped(web: TestClient) -> None:
    page = web.get('/anmelden?next=/konto&x="><b>&lang=de')
    match = re.search(r'<a href="(\?[^"]*)" lang="en"', page.text)
    assert match, "no English link"
    query = parse_qs(html.unescape(match.group(1))[1:])
    assert query == {"next": ["/konto"], "x": ['"><b>'], "lang": ["en"]}
    assert '"><b>' not in page.text


def test_changing_the_password_ends_the_other_sessions(accounts: AccountStore) -> None:
    org, _ = accounts.create_organisation("Amt")
    user = accounts.create_user(org.id, "h@example.org", "viewer", PASSWORD)
    here = accounts.create_session(user.id)
    elsewhere = accounts.create_session(user.id)
    accounts.change_password(user.id, PASSWORD, "ein-neues-passwort", here.token)
    assert accounts.session_principal(here.token) is not None
    assert accounts.session_principal(elsewhere.token) is None


def test_changing_the_password_on_the_web_ends_a_second_browser(
    tmp_path: Path, checker: Any
) -> None:
    app = create_app(_settings(migrated_sqlite_url(tmp_path / "web.sqlite3")), checker=checker)
    with TestClient(app) as first, TestClient(app) as second:
        sign_up(first)
        signed_in = post_form(
            second,
            "/anmelden",
            {"email": "chefin@example.org", "password": PASSWORD},
            follow_redirects=False,
        )
        assert signed_in.status_code == 303
        assert second.get("/v1/me").status_code == 200
        changed = post_form(
            first,
            "/konto/passwort",
            {
                "old_password": PASSWORD,
                "new_password": "ein-neues-passwort",
                "new_password_repeat": "ein-neues-passwort",
            },
            page="/konto",
        )
        assert changed.status_code == 200
        assert first.get("/v1/me").status_code == 200  # this browser stays signed in
        assert second.get("/v1/me").status_code == 401


def test_csrf_exclusions_are_anchored(web: TestClient) -> None:
    assert all(pattern.startswith("^") for pattern in CSRF_EXCLUDE)
    sign_up(web)
    # Real routes with a path parameter, so the path reaches the middleware at all.
    for path in (
        "/organisation/personen/health/passwort",
        "/organisation/personen/v1/passwort",
        "/organisation/personen/schema/passwort",
    ):
        refused = web.post(path, data={"old_password": "x"})
        assert refused.status_code == 403, path
    token(web, "/konto")  # the session is still usable
