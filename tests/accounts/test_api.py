"""The API's access rules over HTTP (TestClient, real SQLite and PostgreSQL): 401 without a key
or session, 404 across organisations, roles, keys shown once, BITV defaults from the org."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.accounts.store import AccountStore
from a11y_service.app import create_app
from tests.accounts.helpers import bearer, new_org_key
from tests.review.doubles import ShoutingTranslator

PAGE = "<html><body><h1>Amt</h1><p>Das Amt ist zu.</p><p>Bitte rufen Sie an.</p></body></html>"
HTML = (
    "<!DOCTYPE html><html lang='de'><head><title>Start</title></head>"
    "<body><main><h1>Start</h1><p>Hallo.</p></main></body></html>"
)
PARAM = re.compile(r"\{[^}]+\}")


@pytest.fixture
def app_db(db_url: str, tmp_path: Path, checker: Any) -> Iterator[tuple[TestClient, str]]:
    settings = Settings(
        database_url=db_url,
        queue_url=f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        queue_workers=0,
        secret_key="test-secret-key-for-the-web-app-0123456789",
    )
    app = create_app(settings, checker=checker, translator=ShoutingTranslator())
    with TestClient(app) as client:
        yield client, db_url


def _api_operations(client: TestClient) -> list[tuple[str, str]]:
    operations = []
    for route in client.app.routes:
        if not route.path.startswith("/v1/"):
            continue
        # Open data on purpose (the observatory, opt={"public": True}) needs no principal.
        public = {m for h in getattr(route, "route_handlers", ()) if (h.opt or {}).get("public")
                  for m in h.http_methods}
        for method in sorted(getattr(route, "methods", ())):
            if method in ("HEAD", "OPTIONS") or method in public:
                continue
            operations.append((method, PARAM.sub("x", route.path)))
    return operations


def test_every_api_operation_but_the_text_check_needs_a_principal(
    app_db: tuple[TestClient, str],
) -> None:
    client, _ = app_db
    operations = _api_operations(client)
    assert ("POST", "/v1/texts") in operations and ("GET", "/v1/translations/x") in operations
    for method, path in operations:
        response = client.request(method, path, json={})
        if (method, path) in (("POST", "/v1/text/check"), ("POST", "/v1/text/check-document")):
            # Open to everyone: {} is refused as input, not for a missing key.
            assert response.status_code in (400, 422), response.text
            continue
        assert response.status_code == 401, (method, path, response.status_code)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.json()["kind"] == "not-authenticated"
    assert client.post("/v1/text/check", json={"text": "Das ist gut."}).status_code == 200


def test_bad_or_revoked_key_is_401_even_for_the_open_text_check(
    app_db: tuple[TestClient, str],
) -> None:
    client, db_url = app_db
    org, key = new_org_key(db_url, role="admin")
    assert client.get("/v1/me", headers=bearer(key)).json()["org_slug"] == org.slug
    for header in ("Bearer a11y_aaaaaaaa_" + "x" * 43, "Basic dXNlcjpwYXNz", "Bearer "):
        answer = client.post(
            "/v1/text/check", json={"text": "Gut."}, headers={"Authorization": header}
        )
        assert answer.status_code == 401, header
    prefix = key.split("_")[1]
    assert client.delete(f"/v1/keys/{prefix}", headers=bearer(key)).status_code == 200
    assert client.get("/v1/me", headers=bearer(key)).status_code == 401
    assert (
        client.post("/v1/text/check", json={"text": "Gut."}, headers=bearer(key)).status_code == 401
    )


def _translate(client: TestClient, key: str) -> dict[str, Any]:
    body = {"content": PAGE, "source": "de", "target": "en"}
    created = client.post("/v1/translations", json=body, headers=bearer(key))
    assert created.status_code == 201, created.text
    return created.json()


def test_other_organisations_objects_answer_404(app_db: tuple[TestClient, str]) -> None:
    client, db_url = app_db
    _org_a, key_a = new_org_key(db_url, role="admin")
    _org_b, key_b = new_org_key(db_url, role="admin")
    job = _translate(client, key_a)
    segments = client.get(f"/v1/translations/{job['id']}/segments", headers=bearer(key_a)).json()
    seg = segments[0]["id"]
    base = f"/v1/translations/{job['id']}"
    reads = [
        base,
        f"{base}/segments",
        f"{base}/segments/{seg}",
        f"{base}/segments/{seg}/history",
        f"{base}/segments/{seg}/comments",
        f"{base}/qa",
        f"{base}/export",
    ]
    for path in reads:
        assert client.get(path, headers=bearer(key_a)).status_code == 200, path
        answer = client.get(path, headers=bearer(key_b))
        assert answer.status_code == 404, path
        assert answer.json()["kind"] == "not-found"
    writes = [
        ("PATCH", f"{base}/segments/{seg}", {"reviewer": "b", "version": 1, "state": "approved"}),
        ("POST", f"{base}/segments/{seg}/comments", {"author": "b", "text": "fremd"}),
    ]
    for method, path, body in writes:
        assert client.request(method, path, json=body, headers=bearer(key_b)).status_code == 404
    imported = client.post(
        f"{base}/import",
        params={"reviewer": "b"},
        content=client.get(f"{base}/export", headers=bearer(key_a)).content,
        headers={**bearer(key_b), "content-type": "application/xliff+xml"},
    )
    assert imported.status_code == 404
    # Nothing changed, and B's list does not show A's job.
    assert client.get(f"{base}/segments/{seg}", headers=bearer(key_a)).json()["version"] == 1
    assert client.get("/v1/translations", headers=bearer(key_b)).json() == []
    assert [j["id"] for j in client.get("/v1/translations", headers=bearer(key_a)).json()] == [
        job["id"]
    ]

    saved = client.post(
        "/v1/texts", json={"title": "Bescheid", "text": "Der Antrag."}, headers=bearer(key_a)
    )
    assert saved.status_code == 201
    text_id = saved.json()["id"]
    assert client.get(f"/v1/texts/{text_id}", headers=bearer(key_b)).status_code == 404
    assert client.delete(f"/v1/texts/{text_id}", headers=bearer(key_b)).status_code == 404
    assert client.get("/v1/texts", headers=bearer(key_b)).json() == []
    assert client.get(f"/v1/texts/{text_id}", headers=bearer(key_a)).json()["text"] == "Der Antrag."

    key_a_id = client.get("/v1/keys", headers=bearer(key_a)).json()[0]["id"]
    assert client.delete(f"/v1/keys/{key_a_id}", headers=bearer(key_b)).status_code == 404
    assert client.get("/v1/me", headers=bearer(key_a)).status_code == 200


def test_roles(app_db: tuple[TestClient, str]) -> None:
    client, db_url = app_db
    store = AccountStore.open(db_url)
    try:
        org, admin_key = new_org_key(db_url, role="admin")
        keys = {
            role: store.create_key(org.id, role, role).key
            for role in ("viewer", "translator", "editor")
        }
    finally:
        store.close()
    keys["admin"] = admin_key
    job = _translate(client, keys["editor"])
    seg = client.get(f"/v1/translations/{job['id']}/segments", headers=bearer(keys["viewer"]))
    assert seg.status_code == 200
    seg_id = seg.json()[0]["id"]
    decide = f"/v1/translations/{job['id']}/segments/{seg_id}"

    def status(role: str, method: str, path: str, body: Any = None) -> int:
        return client.request(method, path, json=body, headers=bearer(keys[role])).status_code

    # viewer: read only
    assert status("viewer", "GET", "/v1/texts") == 200
    assert status("viewer", "POST", "/v1/texts", {"title": "t", "text": "x"}) == 403
    assert status("viewer", "PATCH", decide, {"reviewer": "v", "version": 1}) == 403
    # translator: may review, not create
    assert (
        status("translator", "PATCH", decide, {"reviewer": "t", "version": 1, "state": "approved"})
        == 200
    )
    assert status("translator", "POST", f"{decide}/comments", {"author": "t", "text": "ok"}) == 201
    assert (
        status(
            "translator",
            "POST",
            "/v1/translations",
            {"content": PAGE, "source": "de", "target": "en"},
        )
        == 403
    )
    assert status("translator", "POST", "/v1/audits", {"html": HTML, "engines": ["bitv"]}) == 403
    # editor: creates, but manages no keys
    assert status("editor", "POST", "/v1/texts", {"title": "t", "text": "x"}) == 201
    assert status("editor", "POST", "/v1/audits", {"html": HTML, "engines": ["bitv"]}) == 200
    assert status("editor", "GET", "/v1/keys") == 403
    assert status("editor", "POST", "/v1/keys", {"name": "mehr"}) == 403
    forbidden = client.get("/v1/keys", headers=bearer(keys["editor"]))
    assert forbidden.headers["content-type"] == "application/problem+json"
    assert forbidden.json()["kind"] == "forbidden"
    # admin: keys
    assert status("admin", "GET", "/v1/keys") == 200


def test_api_key_shown_once(app_db: tuple[TestClient, str]) -> None:
    client, db_url = app_db
    _org, admin_key = new_org_key(db_url, role="admin")
    created = client.post(
        "/v1/keys", json={"name": "CI", "role": "viewer"}, headers=bearer(admin_key)
    )
    assert created.status_code == 201
    new_key = created.json()["key"]
    assert client.get("/v1/me", headers=bearer(new_key)).json()["role"] == "viewer"
    listed = client.get("/v1/keys", headers=bearer(admin_key))
    assert new_key not in listed.text and admin_key not in listed.text
    assert {k["name"] for k in listed.json()} >= {"CI"}
    assert (
        client.post(
            "/v1/keys", json={"name": "x", "role": "boss"}, headers=bearer(admin_key)
        ).status_code
        == 400
    )


def test_audit_uses_the_organisations_bitv_scope(app_db: tuple[TestClient, str]) -> None:
    client, db_url = app_db
    _org, key = new_org_key(db_url, role="editor", land="BY", body_kind="association")

    def statement_severity(**extra: Any) -> str:
        body = {"html": HTML, "engines": ["bitv"], "homepage": True, **extra}
        run = client.post("/v1/audits", json=body, headers=bearer(key)).json()
        (finding,) = [
            f for f in run["reports"][0]["findings"] if f["rule_id"] == "bitv.statement-linked"
        ]
        return str(finding["severity"])

    # An association need not publish a statement: only a hint. The request can say otherwise.
    assert statement_severity() == "info"
    assert statement_severity(body="municipal") == "error"


def test_session_cookie_works_for_the_api_with_same_origin_only(
    app_db: tuple[TestClient, str],
) -> None:
    client, db_url = app_db
    store = AccountStore.open(db_url)
    try:
        org, _ = store.create_organisation("Amt", key_name=None)
        user = store.create_user(org.id, "s@example.org", "editor", "ein-langes-passwort")
        session = store.create_session(user.id)
    finally:
        store.close()
    client.cookies.set("a11y_session", session.token)
    me = client.get("/v1/me")
    assert me.status_code == 200 and me.json()["via"] == "session"
    body = {"title": "t", "text": "x"}
    # A change riding on the cookie from another site (or with no Origin) is not signed in.
    assert client.post("/v1/texts", json=body).status_code == 401
    assert (
        client.post("/v1/texts", json=body, headers={"Origin": "https://evil.example"}).status_code
        == 401
    )
    same = client.post("/v1/texts", json=body, headers={"Origin": "http://testserver.local"})
    assert same.status_code == 201, same.text
    assert same.json()["author"] == "s@example.org"
    client.cookies.set("a11y_session", "kein-gueltiges-token")
    assert client.get("/v1/me").status_code == 401
