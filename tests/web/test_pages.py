"""The app's own information pages and the page audit without a browser (static + BITV)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from litestar.testing import TestClient

from a11y_service.app import create_app
from tests.web.conftest import csrf_token, web_settings

XSS = '<script>alert("x")</script>'
PROBE = """<!DOCTYPE html><html><head><title>Probe</title></head><body>
<header><img src="logo.png"><nav><a href="/a"></a><a href="/b"></a></nav></header>
<main><h1>Hallo</h1><p>Text</p><form><input type="text" name="q"></form>
<p>Noch ein Absatz mit <script>alert(1)</script> drin.</p></main>
<div>Außerhalb</div><footer><img src="fuss.png"></footer></body></html>"""


@pytest.fixture(scope="module")
def static_client(checker, tmp_path_factory) -> Iterator[TestClient]:
    """The app as on a machine without a browser: page audits fall back to static + BITV."""
    app = create_app(web_settings(tmp_path_factory), checker=checker)
    with TestClient(app=app) as test_client:
        app.state.audit_resources["browser_pool"] = None
        yield test_client


def test_statement_has_every_required_part(client) -> None:
    page = client.get("/barrierefreiheit?lang=de").text
    for part in (
        "<h1>Erklärung zur Barrierefreiheit</h1>",
        "Diese Erklärung zur Barrierefreiheit gilt für die Web-Anwendung a11y unter testserver",
        "teilweise mit den Anforderungen der BITV 2.0 vereinbar",
        "Nicht barrierefreie Inhalte",
        "wurde am 7. Dezember 2026 erstellt",
        "zuletzt am 7. Dezember 2026 überprüft",
        "Selbstbewertung",
        'href="mailto:barrierefreiheit@example.org"',
        'href="https://www.schlichtungsstelle-bgg.de/"',
        "Videos in Deutscher Gebärdensprache",
    ):
        assert part in page, part


def test_statement_passes_the_bitv_statement_rules(client) -> None:
    from checkers.page.bitv import all_rules
    from checkers.page.dom import Page
    from checkers.page.rule import PageContext, run_rules

    html = client.get("/barrierefreiheit?lang=de").text
    page = Page(html, "http://testserver.local/barrierefreiheit")
    statement_rules = [r for r in all_rules() if r.meta.id.startswith("bitv.statement-")]
    assert len(statement_rules) >= 8
    findings = run_rules(statement_rules, PageContext(page=page), "de")
    assert [f for f in findings if f.outcome == "failed"] == []


def test_easy_language_page_explains_the_four_topics(client) -> None:
    page = client.get("/leichte-sprache?lang=de").text
    for heading in (
        "Was ist auf dieser Internet-Seite?",
        "So finden Sie sich auf der Seite zurecht",
        "Erklärung zur Barriere-Freiheit",
        "Mehr Informationen",
    ):
        assert heading in page
    assert 'href="/barrierefreiheit"' in page and 'href="/gebaerdensprache"' in page
    english = client.get("/leichte-sprache?lang=en").text
    assert '<div lang="de">' in english  # the Leichte-Sprache text stays German, marked up so
    client.get("/?lang=de")


def test_sign_language_page_placeholder_and_configured_video(client, checker, tmp_path_factory):
    placeholder = client.get("/gebaerdensprache").text
    assert "Hier kommt bald ein Video" in placeholder
    # A slot without a source: nothing pretends to be the video.
    assert '<video controls preload="none" aria-describedby="video-slot-title">' in placeholder
    settings = web_settings(
        tmp_path_factory,
        dgs_video_url="/static/dgs/app.mp4",
        dgs_video_size="48 MB",
        dgs_video_duration="4:12 Minuten",
    )
    with TestClient(app=create_app(settings, checker=checker)) as configured:
        page = configured.get("/gebaerdensprache").text
        statement = configured.get("/barrierefreiheit").text
    assert '<video controls preload="metadata" src="/static/dgs/app.mp4"' in page
    assert "Video herunterladen (MP4, 48 MB, Dauer 4:12 Minuten)" in page
    assert "Videos in Deutscher Gebärdensprache" not in statement


def test_help_page_links_the_tools(client) -> None:
    page = client.get("/hilfe").text
    assert 'href="/"' in page and 'href="/seite-pruefen"' in page and "mailto:" in page


def test_page_audit_form(client) -> None:
    page = client.get("/seite-pruefen").text
    assert 'for="url"' in page and 'id="url"' in page and 'type="url"' in page
    assert 'for="file"' in page and 'name="_csrf_token"' in page


def _post(client: TestClient, url: str = "", file: tuple[str, bytes, str] | None = None):
    token = csrf_token(client, "/seite-pruefen")
    files = {"file": file or ("", b"", "application/octet-stream")}
    return client.post("/seite-pruefen", data={"_csrf_token": token, "url": url}, files=files)


def test_page_audit_of_an_uploaded_file_groups_by_region(static_client) -> None:
    answer = _post(static_client, file=("probe.html", PROBE.encode(), "text/html"))
    assert answer.status_code == 200
    page = answer.text
    assert "Der Browser steht gerade nicht zur Verfügung" in page
    headings = re.findall(r'<h2 id="bereich-(\w+)">', page)
    assert headings[0] == "page"  # the page as a whole first, then the regions in page order
    assert {"header", "nav", "main", "footer"} <= set(headings)
    # Two empty links in the navigation: one entry with a count, not two.
    nav = page[page.index('id="bereich-nav"') : page.index('id="bereich-main"')]
    assert nav.count("<article") == 1 and "(2 Stellen)" in nav
    # Advice, the standard and who asks for it.
    assert "So beheben Sie es" in page and "Wer verlangt das?" in page
    assert "https://www.w3.org/WAI/WCAG22/Understanding/" in page
    # The page's own script is shown as code, never run.
    assert "<script>alert(1)</script>" not in page


def test_page_audit_escapes_file_names_and_urls(static_client) -> None:
    named = _post(static_client, file=(f"{XSS}.html", PROBE.encode(), "text/html"))
    assert named.status_code == 200
    assert XSS not in named.text and "&lt;script&gt;" in named.text
    refused = _post(static_client, url=f"http://127.0.0.1/{XSS}")
    assert refused.status_code == 422
    assert XSS not in refused.text
    assert 'aria-describedby="url-hint url-error"' in refused.text


def test_page_audit_refuses_internal_addresses_and_wrong_files(static_client) -> None:
    loopback = _post(static_client, url="http://127.0.0.1:9/")
    assert loopback.status_code == 422 and 'href="#url"' in loopback.text
    empty = _post(static_client)
    assert empty.status_code == 422 and "Bitte geben Sie eine Adresse ein" in empty.text
    wrong = _post(static_client, file=("bild.png", b"\x89PNG", "image/png"))
    assert wrong.status_code == 422 and "HTML-Datei" in wrong.text


def test_page_audit_needs_csrf_token(static_client) -> None:
    static_client.get("/seite-pruefen")
    answer = static_client.post("/seite-pruefen", data={"url": "https://www.example.de/"})
    assert answer.status_code == 403


def test_unknown_picture_is_404(client) -> None:
    assert client.get("/seite-pruefen/bild/gibt-es-nicht").status_code == 404
