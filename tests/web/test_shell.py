"""The web app's frame: language, landmarks, CSRF cookie, error pages, docs moved to /schema."""

from __future__ import annotations

import stat

from a11y_core.config.env import Settings, stored_secret_key

PAGES = ["/", "/barrierefreiheit", "/leichte-sprache", "/gebaerdensprache", "/hilfe"]


def test_every_page_has_landmarks_skip_link_and_one_h1(client) -> None:
    for path in PAGES:
        page = client.get(path)
        assert page.status_code == 200, path
        html = page.text
        assert '<html lang="de">' in html
        assert html.count("<h1") == 1, path
        for landmark in ("<header", "<nav", '<main id="inhalt"', "<footer"):
            assert landmark in html, (path, landmark)
        assert 'class="skip-link" href="#inhalt"' in html
        for link in PAGES[1:]:
            assert f'href="{link}"' in html
        assert "style=" not in html and "<style" not in html
        assert "<script>" not in html  # only the external, deferred app.js


def test_language_switch_sets_cookie_and_lang(client) -> None:
    english = client.get("/hilfe?lang=en")
    assert '<html lang="en">' in english.text
    assert english.cookies.get("a11y_lang") == "en"
    remembered = client.get("/barrierefreiheit")
    assert '<html lang="en">' in remembered.text
    back = client.get("/?lang=de")
    assert '<html lang="de">' in back.text
    assert 'href="?lang=en"' in back.text  # query-only: stays on the page shown


def test_unknown_page_is_an_html_404_but_api_stays_problem_json(client) -> None:
    page = client.get("/gibt-es-nicht", params={"lang": "de"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Seite nicht gefunden" in page.text
    api = client.get("/v1/gibt-es-nicht")
    assert api.status_code == 404
    assert api.headers["content-type"] == "application/problem+json"


def test_swagger_moved_to_schema(client) -> None:
    start = client.get("/")
    assert "swagger-ui" not in start.text
    docs = client.get("/schema")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-bundle.js" in docs.text


def test_csrf_cookie_set_and_post_without_token_refused(client) -> None:
    client.get("/")
    assert client.cookies.get("a11y_csrf")
    refused = client.post("/", data={"text": "Hallo."})
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("text/html")
    assert "Das Formular ist abgelaufen" in refused.text


def test_api_needs_no_csrf_token(client) -> None:
    answer = client.post("/v1/text/check", json={"text": "Das ist ein Satz."})
    assert answer.status_code == 200


def test_static_assets_served(client) -> None:
    css = client.get("/static/app/app.css")
    assert css.status_code == 200 and ":focus-visible" in css.text
    assert client.get("/static/app/app.js").status_code == 200
    icon = client.get("/static/app/favicon.svg")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


def test_secret_key_generated_once_private(tmp_path) -> None:
    env = {"A11Y_CACHE_DIR": str(tmp_path)}
    first = stored_secret_key(env)
    assert len(first) >= 32
    assert stored_secret_key(env) == first
    mode = (tmp_path / "secret_key").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600
    assert Settings.from_env({**env, "A11Y_SECRET_KEY": "given"}).secret_key == "given"
    assert Settings.from_env(env).secret_key == first
