"""Documents through the CLI (``a11y text brief.docx``) and the API (base64 and multipart)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from tests.service.test_text_api_cli import run_cli
from tests.text.office_files import make_docx, make_odt

PARAGRAPHS = ["Ihr Antrag wird vom Amt geprüft.", "Bitte senden Sie die Unterlagen z. B. per Post."]


@pytest.fixture(scope="module")
def client(checker, tmp_path_factory):
    database = tmp_path_factory.mktemp("db") / "a11y.sqlite3"
    app = create_app(
        Settings(max_chars=5_000, database_url=f"sqlite:///{database}"), checker=checker
    )
    with TestClient(app=app) as test_client:
        yield test_client


def test_cli_reads_docx_and_api_answers_the_same(client, tmp_path: Path) -> None:
    data = make_docx(PARAGRAPHS)
    source = tmp_path / "brief.docx"
    source.write_bytes(data)
    cli = run_cli(
        "text", str(source), "--format", "json", "--profile", "leicht", "--fail-on", "never"
    )
    assert cli.returncode == 0, cli.stderr.decode()
    report = json.loads(cli.stdout)
    assert report["target"]["format"] == "docx"
    assert report["target"]["name"] == "brief.docx"
    assert "de.passive-voice" in {f["rule_id"] for f in report["findings"]}
    api = client.post(
        "/v1/text/check",
        json={
            "document": base64.b64encode(data).decode(),
            "filename": "brief.docx",
            "profile": "leicht",
        },
    )
    assert api.status_code == 200, api.text
    assert api.content.strip() == cli.stdout.strip()


def test_cli_text_output_for_odt(tmp_path: Path) -> None:
    source = tmp_path / "brief.odt"
    source.write_bytes(make_odt(PARAGRAPHS))
    cli = run_cli("text", str(source), "--profile", "leicht", "--fail-on", "never")
    assert cli.returncode == 0, cli.stderr.decode()
    assert "kein gültiges UTF-8" not in cli.stdout.decode()
    assert "Passiv" in cli.stdout.decode()


def test_cli_broken_docx_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "kaputt.docx"
    source.write_bytes(b"PK\x03\x04 broken")
    cli = run_cli("text", str(source))
    assert cli.returncode == 2
    assert "kaputt.docx" in cli.stderr.decode()
    assert "Traceback" not in cli.stderr.decode()


def test_api_multipart_upload(client) -> None:
    response = client.post(
        "/v1/text/check-document",
        files={"file": ("brief.odt", make_odt(PARAGRAPHS), "application/octet-stream")},
        data={"profile": "leicht"},
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["target"]["format"] == "odt"
    assert report["target"]["profile"] == "leicht"


@pytest.mark.parametrize(
    ("body", "status", "kind"),
    [
        ({"document": "###", "filename": "a.docx"}, 400, "document"),
        (
            {"document": base64.b64encode(b"PK\x03\x04x").decode(), "filename": "a.docx"},
            422,
            "document",
        ),
        ({"text": "Hallo.", "document": "SGFsbG8=", "filename": "a.txt"}, 422, "text-and-document"),
        ({}, 422, "text-missing"),
    ],
)
def test_api_bad_documents(client, body, status, kind) -> None:
    response = client.post("/v1/text/check", json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["kind"] == kind
