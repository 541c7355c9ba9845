"""The text workbench without JavaScript: check, apply a suggestion, re-check, download."""

from __future__ import annotations

import html
import re

import pytest
from litestar.testing import TestClient

from a11y_service.app import create_app
from a11y_service.web.highlight import Span, highlight
from a11y_service.web.workbench import apply_suggestion, apply_value
from tests.web.conftest import csrf_token, web_settings

LETTER = (
    "Sehr geehrte Frau Müller,\n"
    "Ihr Antrag wird vom Amt geprüft. Bitte reichen Sie die Unterlagen fristgerecht ein, "
    "weil wir sonst nicht entscheiden können, ob die Voraussetzungen gemäß § 24 vorliegen.\n"
)
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
NO_FILE = {"file": ("", b"", "application/octet-stream")}


def post_form(client: TestClient, **fields: str) -> object:
    token = csrf_token(client)
    return client.post("/", data={"_csrf_token": token, **fields}, files=NO_FILE)


def apply_buttons(page: str) -> list[str]:
    return [html.unescape(v) for v in re.findall(r'name="apply" value="([^"]+)"', page)]


def test_start_page_form_fields_labelled(client) -> None:
    page = client.get("/").text
    for field in ("text", "file", "profile-leicht", "profile-einfach", "profile-standard"):
        assert f'for="{field}"' in page and f'id="{field}"' in page
    assert 'enctype="multipart/form-data"' in page
    assert 'name="_csrf_token"' in page


def test_check_shows_score_level_marks_and_findings(client) -> None:
    page = post_form(client, text=LETTER, profile="leicht")
    assert page.status_code == 200
    text = page.text
    assert "Verständlichkeit" in text and "von 100" in text
    assert "Was bedeutet das?" in text
    # The passive phrase is marked in place, linked both ways with its explanation.
    assert re.search(
        r'<mark id="m-(\d+)" class="sev-warning">.{0,80}wird vom Amt geprüft</mark>', text
    )
    numbers = re.findall(r'<li class="finding sev-\w+" id="f-(\d+)">', text)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]  # reading order
    for number in numbers:
        assert f'href="#f-{number}"' in text and f'href="#m-{number}"' in text
    assert "Passiv" in text
    # The long sentence is hard for Leichte Sprache, and says so to screen readers too.
    assert '<mark class="sentence"><span class="visually-hidden">[Schwerer Satz] </span>' in text
    assert "Vorschlag übernehmen" in text


def test_english_result(client) -> None:
    token = csrf_token(client, "/?lang=en")
    page = client.post("/?lang=en", data={"_csrf_token": token, "text": LETTER}, files=NO_FILE).text
    assert '<html lang="en">' in page
    assert "Understandability" in page and "Apply suggestion" in page
    client.get("/?lang=de")


def test_apply_suggestion_replaces_span_and_rechecks(client) -> None:
    first = post_form(client, text=LETTER, profile="einfach").text
    values = [v for v in apply_buttons(first) if '"o": "fristgerecht"' in v]
    assert values, "no suggestion for fristgerecht"
    second = post_form(client, text=LETTER, profile="einfach", apply=values[0])
    assert second.status_code == 200
    assert "Vorschlag übernommen" in second.text
    textarea = re.search(
        r'<textarea id="text" name="text"[^>]*>(.*?)</textarea>', second.text, re.S
    )
    assert textarea
    new_text = html.unescape(textarea.group(1))
    assert "fristgerecht" not in new_text and "rechtzeitig" in new_text
    # The re-check ran on the new text: no finding for the replaced word any more.
    assert not [v for v in apply_buttons(second.text) if '"o": "fristgerecht"' in v]


def test_stale_suggestion_is_refused_with_a_notice(client) -> None:
    value = apply_value(0, 4, "Sehr", "Liebe")
    page = post_form(client, text="Hallo Frau Müller. Wie geht es?", apply=value)
    assert page.status_code == 200
    assert "passt nicht mehr" in page.text


def test_apply_suggestion_unit() -> None:
    text = "Das ist fristgerecht."
    value = apply_value(8, 20, "fristgerecht", "rechtzeitig")
    assert apply_suggestion(text, value) == ("Das ist rechtzeitig.", "fristgerecht", "rechtzeitig")
    assert apply_suggestion("Das ist anders.", value) is None
    assert apply_suggestion(text, "kein json") is None
    assert apply_suggestion(text, '{"s": -1, "e": 99, "o": "", "r": ""}') is None


def test_download_is_a_plain_text_attachment(client) -> None:
    answer = post_form(client, text="Ein Text mit Ümlauten.\n", action="download")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"
    assert answer.headers["content-disposition"].startswith("attachment;")
    assert answer.content.decode("utf-8") == "Ein Text mit Ümlauten.\n"


def test_upload_text_file(client) -> None:
    token = csrf_token(client)
    page = client.post(
        "/",
        data={"_csrf_token": token, "text": ""},
        files={"file": ("brief.md", LETTER.encode(), "text/markdown")},
    )
    assert page.status_code == 200
    assert "brief.md" in page.text and "Passiv" in page.text


def test_upload_wrong_type_or_encoding_gives_linked_error(client) -> None:
    token = csrf_token(client)
    page = client.post(
        "/",
        data={"_csrf_token": token},
        files={"file": ("bild.png", b"\x89PNG\r\n", "image/png")},
    )
    assert page.status_code == 422
    assert 'href="#file"' in page.text
    assert 'aria-describedby="file-hint file-error"' in page.text
    latin = client.post(
        "/",
        data={"_csrf_token": csrf_token(client)},
        files={"file": ("alt.txt", "Grüße".encode("latin-1"), "text/plain")},
    )
    assert latin.status_code == 422 and "UTF-8" in latin.text


def test_empty_input_is_explained(client) -> None:
    page = post_form(client, text="   ")
    assert page.status_code == 422
    assert "Bitte geben Sie einen Text ein" in page.text
    assert 'aria-describedby="text-hint text-error"' in page.text


def test_xss_in_text_and_file_name_is_escaped(client) -> None:
    page = post_form(client, text=f"Das ist ein Satz. {XSS}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page
    token = csrf_token(client)
    named = client.post(
        "/",
        data={"_csrf_token": token},
        files={"file": (f"{XSS}.txt", b"Das ist ein Satz.", "text/plain")},
    )
    assert named.status_code in (200, 422)
    assert "<script>alert" not in named.text and "<img src=x" not in named.text


def test_csrf_token_of_another_session_refused(client, checker, tmp_path_factory) -> None:
    token = csrf_token(client)
    other = create_app(web_settings(tmp_path_factory), checker=checker)
    with TestClient(app=other) as fresh:
        answer = fresh.post("/", data={"_csrf_token": token, "text": "Hallo."}, files=NO_FILE)
    assert answer.status_code == 403


def test_anonymous_rate_limit_gives_429_page(checker, tmp_path_factory) -> None:
    app = create_app(web_settings(tmp_path_factory, web_rate_limit=2), checker=checker)
    with TestClient(app=app) as limited:
        codes = [post_form(limited, text="Das ist gut.").status_code for _ in range(3)]
        assert codes[:2] == [200, 200]
        assert codes[2] == 429
        page = post_form(limited, text="Das ist gut.")
        assert page.status_code == 429
        assert "Zu viele Anfragen" in page.text and page.headers["retry-after"] == "60"


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        # nested: the inner mark sits inside the outer one
        (
            [(0, 9, 1), (4, 7, 2)],
            '<mark id="m-1" class="c">abc <mark id="m-2" class="c">def</mark> g</mark>hi',
        ),
        # crossing: the second span is cut at the first one's end and continued after it
        (
            [(0, 5, 1), (3, 9, 2)],
            '<mark id="m-1" class="c">abc<mark id="m-2" class="c"> d</mark></mark>'
            '<mark class="c">ef g</mark>hi',
        ),
    ],
)
def test_highlight_nests_and_splits(spans, expected) -> None:
    text = "abc def ghi"
    marked = str(
        highlight(
            text, [Span(s, e, n, "c", f"Hinweis {n}") for s, e, n in spans], lambda n: f"[{n}]"
        )
    )
    assert '<span class="visually-hidden">[1]</span>' in marked
    assert 'href="#f-2" aria-label="Hinweis 2">2</a>' in marked
    bare = re.sub(
        r'<span class="visually-hidden">[^<]*</span>|<a class="ref"[^>]*>\d</a>', "", marked
    )
    assert bare == expected


def test_highlight_escapes_text() -> None:
    marked = str(highlight("<b>&</b>", [Span(0, 3, 1, "c", '"x"')], lambda n: "<i>"))
    assert "<b>" not in marked and "&lt;b&gt;" in marked and "&lt;i&gt;" in marked
    assert 'aria-label="&#34;x&#34;"' in marked


def test_upload_word_and_opendocument(client) -> None:
    from tests.text.office_files import make_docx, make_odt

    paragraphs = ["Ihr Antrag wird vom Amt geprüft.", "Bitte kommen Sie am Montag."]
    for name, data in (("brief.docx", make_docx(paragraphs)), ("brief.odt", make_odt(paragraphs))):
        page = client.post(
            "/",
            data={"_csrf_token": csrf_token(client)},
            files={"file": (name, data, "application/octet-stream")},
        )
        assert page.status_code == 200, name
        assert name in page.text and "Passiv" in page.text
        assert "Bitte kommen Sie am Montag." in page.text
    start = client.get("/").text
    assert ".docx" in start and ".odt" in start


def test_broken_word_file_gives_a_clear_error(client) -> None:
    page = client.post(
        "/",
        data={"_csrf_token": csrf_token(client)},
        files={"file": ("kaputt.docx", b"PK\x03\x04kaputt", "application/octet-stream")},
    )
    assert page.status_code == 422
    assert 'id="file-error"' in page.text
