"""Word and OpenDocument files are read into their text; the check points into that text."""

from __future__ import annotations

import io
import zipfile

import pytest

from checkers.text.documents import read_document
from checkers.text.engine import CheckRequest
from checkers.text.errors import TextInputError
from tests.text.office_files import make_docx, make_odt

PARAGRAPHS = [
    "Ihr Antrag wird vom Amt geprüft.",
    "Bitte senden Sie die Unterlagen |z. B.| per Post.",
]


def test_docx_paragraphs_in_order() -> None:
    document = read_document(make_docx(PARAGRAPHS, heading="Wohngeld"), "brief.docx")
    assert document.input_format == "docx"
    assert document.name == "brief.docx"
    assert document.text == (
        "Wohngeld\n\nIhr Antrag wird vom Amt geprüft.\n\n"
        "Bitte senden Sie die Unterlagen z. B. per Post."
    )


def test_odt_paragraphs_spans_and_spaces() -> None:
    data = make_odt(["Ihr Antrag wird |~vom Amt   geprüft.", "Zweiter Absatz."], heading="Titel")
    document = read_document(data, "brief.odt")
    assert document.input_format == "odt"
    assert document.text == "Titel\n\nIhr Antrag wird  vom Amt geprüft.\n\nZweiter Absatz."


def test_format_found_by_content_without_suffix() -> None:
    assert read_document(make_docx(["Hallo."]), "upload").input_format == "docx"
    assert read_document(make_odt(["Hallo."]), "upload.bin").input_format == "odt"


def test_plain_files_by_suffix() -> None:
    assert read_document(b"# Titel\n\nText.", "a.md").input_format == "markdown"
    assert read_document(b"<p>Text</p>", "a.html").input_format == "html"
    plain = read_document("Grüße".encode(), "a.txt")
    assert (plain.input_format, plain.text, plain.check_format) == ("plain", "Grüße", "plain")


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"PK\x03\x04not a zip at all", "kaputt.docx", "document"),
        (b"\xff\xfe\x00binary", "brief.txt", "encoding"),
        (b"%PDF-1.7", "brief.pdf", "document"),
    ],
)
def test_unreadable_files_get_clear_errors(data: bytes, name: str, kind: str) -> None:
    with pytest.raises(TextInputError) as caught:
        read_document(data, name)
    assert caught.value.kind == kind
    message = caught.value.message("de")
    # An encoding error names the encoding to use; a document error names the file.
    assert ("UTF-8" in message) if kind == "encoding" else (name in message), message


def test_docx_without_document_part() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("other.xml", "<a/>")
    with pytest.raises(TextInputError) as caught:
        read_document(buffer.getvalue(), "leer.docx")
    assert "word/document.xml" in caught.value.message("en")


def test_odt_with_external_entity_is_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM", encoding="utf-8")
    content = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://'
        + str(secret)
        + '">]><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        "<office:text><text:p>Text &x;.</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", content)
    text = read_document(buffer.getvalue(), "x.odt").text
    assert "GEHEIM" not in text


def test_findings_point_into_document_text(checker) -> None:
    document = read_document(make_docx(PARAGRAPHS), "brief.docx")
    report = checker.check(CheckRequest(document.text, document.check_format, profile="leicht"))
    rule_ids = {f.rule_id for f in report.findings}
    assert {"de.passive-voice", "de.abbreviation"} <= rule_ids
    for finding in report.findings:
        assert document.text[finding.location.start : finding.location.end] == finding.excerpt
