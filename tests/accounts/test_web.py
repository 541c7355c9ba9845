"""The account pages over HTTP: sign-up, sign-in (rate limit), sign-out, own account, the
organisation page (people, links, keys), CSRF on every form, escaping, roles, 404 across orgs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.accounts.store import MAX_FAILURES, AccountStore
from a11y_service.app import create_app

CSRF = re.compile(r'name="_csrf_token" value="([^"]+)"')
KEY = re.compile(r"a11y_[a-z0-9]{8}_[A-Za-z0-9_-]{43}")
LINK = re.compile(r"/passwort-setzen\?token=([A-Za-z0-9_-]+)")
PASSWORD = "ein-langes-passwort"
EVIL = '<script>alert("x")</script> & Co'


def _settings(db_url: str) -> Settings:
    return Settings(
        database_url=db_url,
        queue_workers=0,
        secret_key="test-secret-key-for-the-web-app-0123456789",
    )


@pytest.fixture
def web(tmp_path: Path, checker: Any) -> Iterator[TestClient]:
    app = create_app(_settings(f"sqlite:///{tmp_path / 'web.sqlite3'}"), checker=checker)
    with TestClient(app) as client:
        yield client


def token(client: TestClient, path: str) -> str:
    page = client.get(path)
    match = CSRF.search(page.text)
    assert match, (path, page.status_code)
    return match.group(1)


def post_form(
    client: TestClient, path: str, data: dict[str, str], page: str | None = None, **kwargs: Any
) -> Any:
    return client.post(path, data={"_csrf_token": token(client, page or path), **data}, **kwargs)


def sign_up(client: TestClient, email: str = "chefin@example.org", name: str = "Stadt Au") -> Any:
    return post_form(
        client,
        "/registrieren",
        {
            "org_name": name,
            "land": "BY",
            "body_kind": "municipal",
            "email": email,
            "password": PASSWORD,
        },
        follow_redirects=False,
    )


def test_anonymous_visitors_are_sent_to_the_login(web: TestClient) -> None:
    for path in ("/konto", "/organisation"):
        answer = web.get(path, follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/anmelden?next={path}"
    login = web.get("/anmelden?next=/organisation")
    assert 'name="next" value="/organisation"' in login.text


def test_sign_up_then_the_organisation_page_escapes_names(web: TestClient) -> None:
    answer = sign_up(web, name=EVIL)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/organisation")
    cookie = answer.headers["set-cookie"]
    assert "a11y_session=" in cookie and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    assert "Secure" not in cookie  # plain http in the test; see the https test
    page = web.get("/organisation")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in page.text
    assert 'href="/organisation" aria-current="page"' in page.text  # admin nav link
    account = web.get("/konto")
    assert "<script>alert" not in account.text and "&lt;script&gt;" in account.text
    me = web.get("/v1/me").json()
    assert (me["role"], me["org_land"], me["via"]) == ("admin", "BY", "session")


def test_session_cookie_is_secure_behind_https(web: TestClient) -> None:
    answer = post_form(
        web,
        "/registrieren",
        {
            "org_name": "Amt",
            "land": "bund",
            "body_kind": "federal",
            "email": "s@example.org",
            "password": PASSWORD,
        },
        headers={"X-Forwarded-Proto": "https"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert "Secure" in answer.headers["set-cookie"]


def test_sign_up_errors_are_linked_to_their_fields(web: TestClient) -> None:
    answer = post_form(
        web,
        "/registrieren",
        {
            "org_name": "Amt",
            "land": "bund",
            "body_kind": "municipal",
            "email": "keine-adresse",
            "password": PASSWORD,
        },
    )
    assert answer.status_code == 422
    assert '<a href="#email">' in answer.text
    assert 'aria-describedby="email-error"' in answer.text and 'id="email-error"' in answer.text
    short = post_form(
        web,
        "/registrieren",
        {
            "org_name": "Amt",
            "land": "bund",
            "body_kind": "municipal",
            "email": "a@example.org",
            "password": "kurz",
        },
    )
    assert 'aria-describedby="password-hint password-error"' in short.text
    assert "mindestens 10 Zeichen" in short.text


def test_login_logout_and_rate_limit(web: TestClient) -> None:
    sign_up(web)
    web.post("/abmelden", data={"_csrf_token": token(web, "/konto")})
    assert web.get("/konto", follow_redirects=False).status_code == 303
    for _ in range(MAX_FAILURES):
        wrong = post_form(web, "/anmelden", {"email": "chefin@example.org", "password": "falsch!"})
        assert wrong.status_code == 401
        assert '<a href="#password">' in wrong.text
        assert 'aria-invalid="true"' in wrong.text
        assert "E-Mail-Adresse oder Passwort stimmt nicht" in wrong.text
    locked = post_form(web, "/anmelden", {"email": "chefin@example.org", "password": PASSWORD})
    assert locked.status_code == 429
    assert 0 < int(locked.headers["retry-after"]) <= 15 * 60 + 1
    assert "Zu viele" in locked.text
    english = post_form(
        web,
        "/anmelden?lang=en",
        {"email": "chefin@example.org", "password": PASSWORD},
        page="/anmelden",
    )
    assert english.status_code == 429 and "Too many failed sign-ins" in english.text


def test_login_goes_back_to_a_local_page_only(web: TestClient) -> None:
    sign_up(web)
    web.post("/abmelden", data={"_csrf_token": token(web, "/konto")})
    for next_path, expected in (
        ("/organisation", "/organisation"),
        ("//evil.example/x", "/konto"),
        ("https://evil.example", "/konto"),
    ):
        answer = post_form(
            web,
            "/anmelden",
            {"email": "chefin@example.org", "password": PASSWORD, "next": next_path},
            follow_redirects=False,
        )
        assert answer.status_code == 303
        assert answer.headers["location"] == expected
        web.post("/abmelden", data={"_csrf_token": token(web, "/konto")})


def test_logout_ends_the_session_on_the_server(web: TestClient) -> None:
    sign_up(web)
    old = web.cookies.get("a11y_session")
    assert old
    answer = web.post(
        "/abmelden", data={"_csrf_token": token(web, "/konto")}, follow_redirects=False
    )
    assert answer.status_code == 303
    web.cookies.set("a11y_session", old)  # a stolen copy of the cookie
    assert web.get("/v1/me").status_code == 401


def test_every_form_needs_the_csrf_token(web: TestClient) -> None:
    sign_up(web)
    for path in (
        "/anmelden",
        "/registrieren",
        "/abmelden",
        "/konto/passwort",
        "/organisation/daten",
        "/organisation/personen",
        "/organisation/schluessel",
        "/passwort-setzen",
    ):
        refused = web.post(path, data={"email": "x@example.org", "name": "x"})
        assert refused.status_code == 403, path
    assert web.get("/v1/me").status_code == 200  # still signed in: nothing happened


def test_keys_invitations_and_roles_on_the_organisation_page(web: TestClient) -> None:
    sign_up(web)
    created = post_form(
        web, "/organisation/schluessel", {"name": "CI <b>", "role": "viewer"}, page="/organisation"
    )
    keys = KEY.findall(created.text)
    assert len(keys) == 1
    key = keys[0]
    assert web.get("/v1/me", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    later = web.get("/organisation")
    assert key not in later.text and key.split("_")[1] in later.text  # prefix only
    assert "CI &lt;b&gt;" in later.text
    key_id = web.get("/v1/keys").status_code  # admin session may list keys
    assert key_id == 200
    listed = [k for k in web.get("/v1/keys").json() if k["name"] == "CI <b>"]
    revoked = post_form(
        web, f"/organisation/schluessel/{listed[0]['id']}/widerrufen", {}, page="/organisation"
    )
    assert revoked.status_code == 200 and "widerrufen" in revoked.text
    assert web.get("/v1/me", headers={"Authorization": f"Bearer {key}"}).status_code == 401

    invited = post_form(
        web,
        "/organisation/personen",
        {"email": "neu@example.org", "role": "viewer"},
        page="/organisation",
    )
    link = LINK.search(invited.text)
    assert link, invited.text
    bad = post_form(
        web,
        "/organisation/personen",
        {"email": "neu@example.org", "role": "viewer"},
        page="/organisation",
    )
    assert bad.status_code == 422 and '<a href="#invite-email">' in bad.text
    web.post("/abmelden", data={"_csrf_token": token(web, "/konto")})

    # The invited person sets a password through the link, then signs in.
    set_page = web.get(f"/passwort-setzen?token={link.group(1)}")
    assert set_page.status_code == 200 and "neu@example.org" in set_page.text
    mismatch = post_form(
        web,
        "/passwort-setzen",
        {"token": link.group(1), "new_password": PASSWORD, "new_password_repeat": PASSWORD + "x"},
        page=f"/passwort-setzen?token={link.group(1)}",
    )
    assert mismatch.status_code == 422 and '<a href="#new_password_repeat">' in mismatch.text
    done = post_form(
        web,
        "/passwort-setzen",
        {"token": link.group(1), "new_password": PASSWORD, "new_password_repeat": PASSWORD},
        page=f"/passwort-setzen?token={link.group(1)}",
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert web.get(f"/passwort-setzen?token={link.group(1)}").status_code == 404  # used up
    signed_in = post_form(
        web, "/anmelden", {"email": "neu@example.org", "password": PASSWORD}, follow_redirects=False
    )
    assert signed_in.status_code == 303
    # A viewer may not manage the organisation, and has no nav link to it.
    assert web.get("/organisation").status_code == 403
    assert 'href="/organisation"' not in web.get("/konto").text
    assert (
        web.post(
            "/organisation/schluessel", data={"_csrf_token": token(web, "/konto"), "name": "x"}
        ).status_code
        == 403
    )


def test_change_password(web: TestClient) -> None:
    sign_up(web)
    wrong = post_form(
        web,
        "/konto/passwort",
        {
            "old_password": "falsch-falsch",
            "new_password": "ein-neues-passwort",
            "new_password_repeat": "ein-neues-passwort",
        },
        page="/konto",
    )
    assert wrong.status_code == 422 and '<a href="#old_password">' in wrong.text
    ok = post_form(
        web,
        "/konto/passwort",
        {
            "old_password": PASSWORD,
            "new_password": "ein-neues-passwort",
            "new_password_repeat": "ein-neues-passwort",
        },
        page="/konto",
    )
    assert ok.status_code == 200 and "Ihr neues Passwort ist gespeichert" in ok.text
    web.post("/abmelden", data={"_csrf_token": token(web, "/konto")})
    again = post_form(
        web,
        "/anmelden",
        {"email": "chefin@example.org", "password": "ein-neues-passwort"},
        follow_redirects=False,
    )
    assert again.status_code == 303


def test_admins_cannot_touch_other_organisations(db_url: str, checker: Any) -> None:
    with TestClient(create_app(_settings(db_url), checker=checker)) as web:
        store = AccountStore.open(db_url)
        try:
            other, other_key = store.create_organisation("Anderes Amt")
            assert other_key is not None
            stranger = store.create_user(other.id, "fremd@example.org", "editor", PASSWORD)
        finally:
            store.close()
        sign_up(web)
        reset = post_form(
            web, f"/organisation/personen/{stranger.id}/passwort", {}, page="/organisation"
        )
        assert reset.status_code == 404
        revoke = post_form(
            web,
            f"/organisation/schluessel/{other_key.record.id}/widerrufen",
            {},
            page="/organisation",
        )
        assert revoke.status_code == 404
        assert (
            web.get("/v1/me", headers={"Authorization": f"Bearer {other_key.key}"}).json()[
                "org_slug"
            ]
            == other.slug
        )
        english = web.get("/organisation?lang=en")
        assert '<html lang="en">' in english.text and "API keys" in english.text
