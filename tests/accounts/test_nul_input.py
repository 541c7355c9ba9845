"""A NUL (or another control character) in a path, a form or a JSON body is bad input: a 404
or a clear 422, never a 500 - on SQLite and on PostgreSQL, which refuses NUL in text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Request
from litestar.testing import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from a11y_service.app import create_app
from a11y_service.input_guard import has_control_chars, is_bad_character_error
from a11y_service.problems import database_error_handler
from a11y_service.web.errors import _status_of
from tests.accounts.helpers import new_org_key
from tests.accounts.test_web import PASSWORD, _settings, post_form, token


@pytest.fixture
def client(db_url: str, checker: Any) -> Iterator[TestClient]:
    with TestClient(create_app(_settings(db_url), checker=checker)) as web:
        yield web


ANONYMOUS_PATHS = ["/transparenz/ab%00c", "/v1/public/organisations/ab%00c"]
KEYED_PATHS = [
    ("GET", "/v1/texts/ab%00c"),
    ("GET", "/v1/sites/ab%00c"),
    ("GET", "/v1/translations/ab%00c"),
    ("GET", "/v1/site-audits/ab%00c"),
    ("DELETE", "/v1/keys/ab%00c"),
]


def test_a_nul_in_a_path_is_not_found(client: TestClient, db_url: str) -> None:
    for path in ANONYMOUS_PATHS:
        answer = client.get(path)
        assert answer.status_code == 404, (path, answer.text[:300])
    _, key = new_org_key(db_url)
    client.headers["Authorization"] = f"Bearer {key}"
    for method, path in KEYED_PATHS:
        answer = client.request(method, path)
        assert answer.status_code == 404, (method, path, answer.text[:300])
        assert answer.headers["content-type"].startswith("application/problem+json")


def test_a_nul_in_saved_texts_and_site_names_is_refused(client: TestClient, db_url: str) -> None:
    _, key = new_org_key(db_url)
    client.headers["Authorization"] = f"Bearer {key}"
    saved = client.post("/v1/texts", json={"title": "t", "text": "Hallo\u0000Welt."})
    assert saved.status_code == 422, saved.text
    assert "Steuerzeichen" in saved.text or "control character" in saved.text
    lines = client.post("/v1/texts", json={"title": "t", "text": "Hallo.\n\tWelt."})
    assert lines.status_code == 201, lines.text  # tab and line feed stay allowed
    site = client.post(
        "/v1/sites", json={"name": "Seite\u0000A", "start_url": "https://example.org/"}
    )
    assert site.status_code == 422, site.text
    assert site.headers["content-type"].startswith("application/problem+json")


def test_a_nul_in_the_sign_in_and_sign_up_forms_is_a_form_error(client: TestClient) -> None:
    login = post_form(client, "/anmelden", {"email": "a\u0000@example.org", "password": "x"})
    assert login.status_code == 422, login.text[:300]
    assert "Steuerzeichen" in login.text
    for field, value in (("org_name", "Stadt\u0000Au"), ("email", "a\u0000b@example.org")):
        data = {
            "org_name": "Stadt Au",
            "land": "BY",
            "body_kind": "municipal",
            "email": "neu@example.org",
            "password": PASSWORD,
            field: value,
        }
        answer = post_form(client, "/registrieren", data, follow_redirects=False)
        assert answer.status_code == 422, (field, answer.status_code, answer.text[:300])
    token(client, "/anmelden")


def test_the_guard_helpers() -> None:
    assert has_control_chars("a\x00b") and has_control_chars("a\nb")
    assert not has_control_chars("a\n\tb\r", allow_line_breaks=True)
    assert has_control_chars("a\x1bb", allow_line_breaks=True)


def _request(path: str) -> Request[Any, Any, Any]:
    scope: Any = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [],
        "scheme": "http",
        "server": ("testserver", 80),
        "root_path": "",
        "app": None,
    }
    return Request(scope)


@pytest.mark.postgres
def test_postgres_refusing_a_nul_is_a_400_not_a_500(pg_databases: Any) -> None:
    """The backstop: the database's own refusal (SQLSTATE 22021) becomes bad input."""
    engine = create_engine(pg_databases.create())
    try:
        with engine.connect() as connection, pytest.raises(DBAPIError) as caught:
            connection.execute(text("SELECT CAST(:value AS text)"), {"value": "a\x00b"})
    finally:
        engine.dispose()
    assert is_bad_character_error(caught.value)
    answer = database_error_handler(_request("/v1/texts"), caught.value)
    assert answer.status_code == 400
    assert answer.media_type == "application/problem+json"
    assert _status_of(caught.value) == 400  # the web pages show a 400 page for it
