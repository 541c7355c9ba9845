"""The review desk over HTTP (TestClient, real SQLite, real auth): forms without JavaScript,
the reviewer from the session, organisation scoping, the export refusal explained, the editors'
override, XLIFF download and upload."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from litestar.testing import TestClient
from lxml import etree

from a11y_service.accounts.store import AccountStore
from a11y_service.app import create_app
from tests.accounts.helpers import new_org_key
from tests.review.doubles import ShoutingTranslator
from tests.review.test_publish_guard import PAGE
from tests.web.conftest import CSRF_FIELD, web_settings
from translators.xliff12 import XLIFF12_NS

SESSION_COOKIE = "a11y_session"


@dataclass
class Org:
    key: str
    cookies: dict[str, str]  # role -> session token
    emails: dict[str, str]


@dataclass
class World:
    client: TestClient
    db_url: str
    home: Org
    other: Org


def _org(db_url: str) -> Org:
    org, key = new_org_key(db_url, role="editor")
    accounts = AccountStore.open(db_url)
    cookies, emails = {}, {}
    try:
        for role in ("viewer", "translator", "editor"):
            email = f"{role}-{uuid.uuid4().hex[:6]}@example.org"
            # No password: the session is made directly (hashing would only slow the tests).
            user = accounts.create_user(org.id, email, role)
            cookies[role] = accounts.create_session(user.id).token
            emails[role] = email
    finally:
        accounts.close()
    return Org(key, cookies, emails)


@pytest.fixture(scope="module")
def app_client(
    checker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, str]]:
    settings = web_settings(tmp_path_factory)
    app = create_app(settings, checker=checker, translator=ShoutingTranslator())
    with TestClient(app=app) as client:
        yield client, settings.database_url


@pytest.fixture
def world(app_client: tuple[TestClient, str]) -> World:
    client, db_url = app_client
    client.cookies.clear()
    return World(client, db_url, _org(db_url), _org(db_url))


def _as(world: World, org: Org, role: str | None) -> TestClient:
    world.client.cookies.clear()
    if role:
        world.client.cookies.set(SESSION_COOKIE, org.cookies[role])
    return world.client


def _job(world: World, org: Org, **extra: Any) -> str:
    body = {"content": PAGE, "format": "html", "source": "de", "target": "en", **extra}
    world.client.cookies.clear()
    created = world.client.post("/v1/translations", json=body,
                                headers={"Authorization": f"Bearer {org.key}"})
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def _segments(world: World, org: Org, job_id: str) -> list[dict[str, Any]]:
    world.client.cookies.clear()
    answer = world.client.get(f"/v1/translations/{job_id}/segments",
                              headers={"Authorization": f"Bearer {org.key}"})
    assert answer.status_code == 200
    return list(answer.json())


def _token(page: str) -> str:
    match = CSRF_FIELD.search(page)
    assert match
    return match.group(1)


def _post(client: TestClient, page: str, url: str, **fields: str) -> Any:
    return client.post(url, data={"_csrf_token": _token(page), **fields},
                       follow_redirects=False)


def test_anonymous_people_are_sent_to_sign_in(world: World) -> None:
    answer = _as(world, world.home, None).get("/uebersetzungen", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/anmelden?next=/uebersetzungen")


def test_queue_and_desk_show_only_the_organisations_jobs(world: World) -> None:
    mine = _job(world, world.home)
    theirs = _job(world, world.other)
    client = _as(world, world.home, "translator")
    queue = client.get("/uebersetzungen")
    assert queue.status_code == 200
    assert f"/uebersetzungen/{mine}" in queue.text and theirs not in queue.text
    assert "0 von 5 Sätzen freigegeben" in queue.text
    assert client.get(f"/uebersetzungen/{theirs}").status_code == 404
    assert client.get(f"/uebersetzungen/{theirs}/xliff").status_code == 404


def test_desk_shows_sentences_with_context_findings_and_glossary(world: World) -> None:
    job_id = _job(world, world.home, glossary={"Ausweis": "ID card"})
    page = _as(world, world.home, "translator").get(f"/uebersetzungen/{job_id}")
    assert page.status_code == 200
    html = page.text
    assert html.count('class="segment ') == 5
    for kind in ("Seitentitel", "Überschrift", "Absatz", "Alternativtext eines Bildes"):
        assert kind in html
    assert "(Satz 1 von 2)" in html  # two sentences of one paragraph
    assert "ID card" in html  # the glossary hit beside the sentence
    assert "Tastenkürzel" in html and "/static/app/review.js" in html
    assert "<script>" not in html and "style=" not in html
    assert 'lang="de"' in html and 'lang="en"' in html


def test_approve_and_move_on_without_javascript(world: World) -> None:
    job_id = _job(world, world.home)
    first, second = _segments(world, world.home, job_id)[:2]
    client = _as(world, world.home, "translator")
    page = client.get(f"/uebersetzungen/{job_id}").text
    answer = _post(client, page, f"/uebersetzungen/{job_id}/segmente/{first['id']}",
                   version=str(first["version"]), target="Citizens' Office North",
                   action="approve")
    assert answer.status_code == 303
    assert answer.headers["location"].endswith(f"#seg-{second['id']}")
    stored = _segments(world, world.home, job_id)[0]
    assert stored["state"] == "approved" and stored["target"] == "Citizens' Office North"
    assert stored["reviewer"] == world.home.emails["translator"]
    # The same form again, with the old version: a conflict, shown at the sentence.
    client = _as(world, world.home, "translator")
    page = client.get(f"/uebersetzungen/{job_id}").text
    stale = _post(client, page, f"/uebersetzungen/{job_id}/segmente/{first['id']}",
                  version=str(first["version"]), target="Other", action="save")
    assert stale.status_code == 409
    assert "inzwischen geändert" in stale.text and f'id="e-{first["id"]}"' in stale.text


def test_an_edit_that_drops_the_number_stays_on_the_sentence(world: World) -> None:
    job_id = _job(world, world.home)
    price = next(s for s in _segments(world, world.home, job_id) if "25" in s["source"])
    client = _as(world, world.home, "translator")
    page = client.get(f"/uebersetzungen/{job_id}").text
    answer = _post(client, page, f"/uebersetzungen/{job_id}/segmente/{price['id']}",
                   version=str(price["version"]), target="The ID costs euros.",
                   action="approve")
    assert answer.status_code == 303
    assert "hinweis=qa" in answer.headers["location"]
    assert answer.headers["location"].endswith(f"#seg-{price['id']}")
    desk = client.get(answer.headers["location"].split("#")[0]).text
    assert "die Prüfung hat einen Fehler gefunden" in desk
    assert "Die Zahlen in der Übersetzung stimmen nicht" in desk
    english = client.get(f"/uebersetzungen/{job_id}?lang=en").text
    assert "The numbers in the translation differ" in english
    assert 'lang="en"' in english[:200]


def test_comments_and_viewers(world: World) -> None:
    job_id = _job(world, world.home)
    first = _segments(world, world.home, job_id)[0]
    client = _as(world, world.home, "translator")
    page = client.get(f"/uebersetzungen/{job_id}").text
    answer = _post(client, page, f"/uebersetzungen/{job_id}/segmente/{first['id']}",
                   comment="Name des Amts bitte nicht übersetzen?", action="comment")
    assert answer.status_code == 303
    desk = client.get(f"/uebersetzungen/{job_id}").text
    assert "Name des Amts bitte nicht übersetzen?" in desk
    viewer = _as(world, world.home, "viewer")
    seen = viewer.get(f"/uebersetzungen/{job_id}").text
    assert "seg-form" not in seen  # no forms for people who may only read
    token_page = viewer.get("/").text
    refused = _post(viewer, token_page, f"/uebersetzungen/{job_id}/segmente/{first['id']}",
                    version="1", action="approve")
    assert refused.status_code == 403


def test_a_form_without_its_csrf_token_is_refused(world: World) -> None:
    job_id = _job(world, world.home)
    first = _segments(world, world.home, job_id)[0]
    client = _as(world, world.home, "translator")
    answer = client.post(f"/uebersetzungen/{job_id}/segmente/{first['id']}",
                         data={"version": "1", "action": "approve"}, follow_redirects=False)
    assert answer.status_code == 403
    assert _segments(world, world.home, job_id)[0]["state"] == "needs_review"


def _approve_all_dropping_the_price(world: World, job_id: str) -> str:
    client = _as(world, world.home, "translator")
    price_id = ""
    for seg in _segments(world, world.home, job_id):
        client = _as(world, world.home, "translator")
        page = client.get(f"/uebersetzungen/{job_id}").text
        fields = {"version": str(seg["version"]), "action": "approve"}
        if "25" in seg["source"]:
            fields["target"] = "The ID costs euros."
            price_id = seg["id"]
        assert _post(client, page, f"/uebersetzungen/{job_id}/segmente/{seg['id']}",
                     **fields).status_code == 303
    return price_id


def test_export_refusal_is_explained_and_only_editors_override(world: World) -> None:
    job_id = _job(world, world.home)
    price_id = _approve_all_dropping_the_price(world, job_id)
    translator = _as(world, world.home, "translator")
    refused = translator.get(f"/uebersetzungen/{job_id}/export")
    assert refused.status_code == 409
    assert "Veröffentlichen ist gesperrt" in refused.text
    assert f"#seg-{price_id}" in refused.text
    assert "nur die Redaktion" in refused.text and "override-reason" not in refused.text
    denied = _post(translator, refused.text, f"/uebersetzungen/{job_id}/freigabe-trotz-fehlern",
                   reason="Ich will es trotzdem.")
    assert denied.status_code == 403
    editor = _as(world, world.home, "editor")
    page = editor.get(f"/uebersetzungen/{job_id}/export")
    assert page.status_code == 409 and 'id="override-reason"' in page.text
    short = _post(editor, page.text, f"/uebersetzungen/{job_id}/freigabe-trotz-fehlern",
                  reason="egal")
    assert short.status_code == 422
    assert 'aria-describedby="override-hint override-error"' in short.text
    done = _post(editor, page.text, f"/uebersetzungen/{job_id}/freigabe-trotz-fehlern",
                 reason="Der Preis steht im Bild daneben.")
    assert done.status_code == 303
    published = editor.get(f"/uebersetzungen/{job_id}/export")
    assert published.status_code == 200
    assert "attachment" in published.headers["content-disposition"]
    assert "The ID costs euros." in published.text
    world.client.cookies.clear()
    history = world.client.get(f"/v1/translations/{job_id}/segments/{price_id}/history",
                               headers={"Authorization": f"Bearer {world.home.key}"}).json()
    override = history[-1]
    assert override["action"] == "override"
    assert override["reviewer"] == world.home.emails["editor"]
    assert override["comment"] == "Der Preis steht im Bild daneben."
    assert override["created_at"]


def test_xliff_download_and_upload(world: World) -> None:
    job_id = _job(world, world.home)
    client = _as(world, world.home, "translator")
    two = client.get(f"/uebersetzungen/{job_id}/xliff")
    assert two.status_code == 200 and b'version="2.1"' in two.content
    one = client.get(f"/uebersetzungen/{job_id}/xliff?version=1.2")
    assert one.status_code == 200 and b'version="1.2"' in one.content
    root = etree.fromstring(one.content)
    unit = root.find(f".//{{{XLIFF12_NS}}}trans-unit")
    target = unit.find(f"{{{XLIFF12_NS}}}target")
    target.text = "Citizens' Office North"
    target.set("state", "final")
    page = client.get(f"/uebersetzungen/{job_id}").text
    answer = client.post(
        f"/uebersetzungen/{job_id}/xliff",
        data={"_csrf_token": _token(page)},
        files={"datei": ("job.xlf", etree.tostring(root), "application/xliff+xml")},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    assert "importiert-1" in answer.headers["location"]
    stored = _segments(world, world.home, job_id)[0]
    assert (stored["target"], stored["state"]) == ("Citizens' Office North", "approved")
    assert stored["reviewer"] == world.home.emails["translator"]
    client = _as(world, world.home, "translator")
    page = client.get(f"/uebersetzungen/{job_id}").text
    bad = client.post(
        f"/uebersetzungen/{job_id}/xliff",
        data={"_csrf_token": _token(page)},
        files={"datei": ("job.xlf", b"<xliff", "application/xliff+xml")},
        follow_redirects=False,
    )
    assert bad.status_code == 422 and "kein gültiges XML" in bad.text
    assert re.search(r'aria-describedby="xliff-error"', bad.text)
