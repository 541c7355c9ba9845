"""A zip bomb in a .docx or .odt is refused before anything is unpacked: every member counts,
not only the main part (mammoth also reads styles, numbering and notes)."""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

import pytest
from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from checkers.text.documents import MAX_UNPACKED_BYTES, read_document
from checkers.text.errors import TextInputError
from tests.service.test_text_api_cli import run_cli
from tests.text.office_files import make_docx, make_odt


def _with_member(document: bytes, member: str, size: int) -> bytes:
    """The document plus (or with a replaced) member of ``size`` bytes of repeated XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info, source.read(info.filename))
        target.writestr(member, b"<a/>" * (size // 4))
    return out.getvalue()


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    # Small on the wire (well under 1 MB), 60 MB unpacked: styles.xml is not the part we read.
    bomb = _with_member(make_docx(["Hallo Welt."]), "word/styles.xml", 60 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024
    return bomb


def test_a_docx_whose_styles_unpack_huge_is_refused(docx_bomb: bytes) -> None:
    with pytest.raises(TextInputError) as caught:
        read_document(docx_bomb, "brief.docx")
    assert caught.value.status == 413
    assert "zu groß" in caught.value.message("de") and "too large" in caught.value.message("en")


def test_a_highly_compressed_member_under_the_total_is_refused() -> None:
    small_bomb = _with_member(make_odt(["Hallo Welt."]), "styles.xml", 5 * 1024 * 1024)
    assert MAX_UNPACKED_BYTES > 5 * 1024 * 1024
    with pytest.raises(TextInputError) as caught:
        read_document(small_bomb, "brief.odt")
    assert caught.value.status == 413


def test_ordinary_documents_still_read() -> None:
    assert "Hallo Welt." in read_document(make_docx(["Hallo Welt."]), "a.docx").text
    assert "Hallo Welt." in read_document(make_odt(["Hallo Welt."]), "a.odt").text


def test_the_api_and_the_cli_refuse_the_bomb(checker, tmp_path: Path, docx_bomb: bytes) -> None:
    database = tmp_path / "a11y.sqlite3"
    app = create_app(Settings(database_url=f"sqlite:///{database}"), checker=checker)
    with TestClient(app=app) as client:
        uploaded = client.post(
            "/v1/text/check-document",
            files={"file": ("brief.docx", docx_bomb, "application/octet-stream")},
        )
        assert uploaded.status_code == 413, uploaded.text
        assert uploaded.headers["content-type"].startswith("application/problem+json")
        encoded = client.post(
            "/v1/text/check",
            json={"document": base64.b64encode(docx_bomb).decode(), "filename": "brief.docx"},
        )
        assert encoded.status_code == 413, encoded.text
    source = tmp_path / "brief.docx"
    source.write_bytes(docx_bomb)
    cli = run_cli("text", str(source))
    assert cli.returncode == 2
    assert "zu groß" in cli.stderr.decode() and "Traceback" not in cli.stderr.decode()
