"""Signed-in editors save a checked text to their organisation and find it again; viewers read,
others get 404; the save form exists only for those who may save."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from a11y_service.accounts.store import AccountStore
from a11y_service.app import create_app
from tests.accounts.test_web import EVIL, PASSWORD, _settings, post_form, sign_up

TEXT = "Die Antragstellung erfolgt unter Beifügung sämtlicher Nachweise."


@pytest.fixture
def world(tmp_path: Path, checker: Any) -> Iterator[tuple[Any, str]]:
    db = f"sqlite:///{tmp_path / 'texts.sqlite3'}"
    app = create_app(_settings(db), checker=checker)
    with TestClient(app):  # runs the lifespan (migrations, stores) for the clients below
        yield app, db


def _client(app: Any) -> TestClient:
    return TestClient(app)


def _check(client: TestClient) -> Any:
    return post_form(client, "/", {"text": TEXT, "profile": "leicht", "action": "check"})


def test_save_list_open_delete_and_other_organisations(world: tuple[Any, str]) -> None:
    app, _db = world
    with _client(app) as home, _client(app) as other:
        assert sign_up(home, "a@example.org", "Stadt A").status_code == 303
        result = _check(home)
        assert result.status_code == 200 and 'action="/texte"' in result.text
        saved = post_form(
            home, "/texte", {"title": EVIL, "text": TEXT, "profile": "leicht"},
            page="/", follow_redirects=False,
        )
        assert saved.status_code == 303
        assert saved.headers["location"] == "/texte?hinweis=gespeichert"
        listing = home.get(saved.headers["location"]).text
        assert "Der Text ist gespeichert." in listing
        assert "&lt;script&gt;" in listing and EVIL not in listing
        text_id = listing.split('href="/texte/')[1].split('"')[0]
        opened = home.get(f"/texte/{text_id}")
        assert opened.status_code == 200 and TEXT in opened.text
        assert 'id="profile-leicht" name="profile" value="leicht" checked' in opened.text

        assert sign_up(other, "b@example.org", "Stadt B").status_code == 303
        assert other.get(f"/texte/{text_id}").status_code == 404
        assert post_form(
            other, f"/texte/{text_id}/loeschen", {}, page="/", follow_redirects=False
        ).status_code == 404
        assert "Noch keine Texte gespeichert" in other.get("/texte").text

        gone = post_form(
            home, f"/texte/{text_id}/loeschen", {}, page="/", follow_redirects=False
        )
        assert gone.status_code == 303
        assert home.get(f"/texte/{text_id}").status_code == 404


def test_anonymous_and_viewers_cannot_save(world: tuple[Any, str]) -> None:
    app, db = world
    with _client(app) as anonymous:
        assert 'action="/texte"' not in _check(anonymous).text
        refused = post_form(
            anonymous, "/texte", {"title": "t", "text": TEXT}, page="/", follow_redirects=False
        )
        assert refused.status_code in (303, 401)  # sent to the login, nothing stored
    store = AccountStore.open(db)
    try:
        org, _key = store.create_organisation("Amt", slug="amt")
        store.create_user(org.id, "leser@example.org", "viewer", PASSWORD)
    finally:
        store.close()
    with _client(app) as viewer:
        signed_in = post_form(
            viewer, "/anmelden", {"email": "leser@example.org", "password": PASSWORD},
            follow_redirects=False,
        )
        assert signed_in.status_code == 303
        assert 'action="/texte"' not in _check(viewer).text
        forbidden = post_form(
            viewer, "/texte", {"title": "t", "text": TEXT}, page="/", follow_redirects=False
        )
        assert forbidden.status_code == 403
        assert viewer.get("/texte").status_code == 200


def test_an_empty_text_is_refused_with_a_message(world: tuple[Any, str]) -> None:
    app, _db = world
    with _client(app) as home:
        sign_up(home, "c@example.org", "Stadt C")
        answer = post_form(home, "/texte", {"title": "Leer", "text": "  "}, page="/")
        assert answer.status_code == 422
        assert "Der Text wurde nicht gespeichert" in answer.text
