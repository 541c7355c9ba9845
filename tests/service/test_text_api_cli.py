"""CLI and API return the same report JSON; bad input gets a clear error, never a traceback."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from tests.inprocess_cli import run_a11y

TEXT = (
    "Sehr geehrte Frau Müller,\n"
    "Ihr Antrag wird vom Amt geprüft. Bitte reichen Sie die Unterlagen z. B. per E-Mail "
    "fristgerecht ein, weil wir sonst nicht entscheiden können.\n"
)


@pytest.fixture(scope="module")
def client(checker, tmp_path_factory):
    database = tmp_path_factory.mktemp("db") / "a11y.sqlite3"
    settings = Settings(max_chars=5_000, database_url=f"sqlite:///{database}")
    app = create_app(settings, checker=checker)
    with TestClient(app=app) as test_client:
        yield test_client


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    # In-process with the shared engine; tests/hardening runs the real entry point.
    return run_a11y(*args, stdin=stdin, env={"PYTHONIOENCODING": "utf-8"})


def test_health(client) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_cli_and_api_identical_json(client, tmp_path: Path) -> None:
    source = tmp_path / "brief.txt"
    source.write_text(TEXT, encoding="utf-8")
    cli = run_cli(
        "text", str(source), "--format", "json", "--profile", "leicht", "--fail-on", "never"
    )
    assert cli.returncode == 0, cli.stderr.decode()
    api = client.post("/v1/text/check", json={"text": TEXT, "profile": "leicht"})
    assert api.status_code == 200
    assert api.headers["content-type"].startswith("application/json")
    assert cli.stdout.strip() == api.content.strip()
    report = json.loads(api.content)
    assert report["schema_version"] == "1"
    assert report["target"]["kind"] == "text"
    rule_ids = {f["rule_id"] for f in report["findings"]}
    assert {"de.passive-voice", "de.abbreviation", "de.glossary-term"} <= rule_ids
    for finding in report["findings"]:
        start, end = finding["location"]["start"], finding["location"]["end"]
        assert TEXT[start:end] == finding["excerpt"]


def test_english_messages(client) -> None:
    de = client.post("/v1/text/check", json={"text": TEXT, "profile": "leicht"}).json()
    en = client.post(
        "/v1/text/check",
        json={"text": TEXT, "profile": "leicht"},
        headers={"Accept-Language": "en"},
    ).json()
    assert [f["rule_id"] for f in de["findings"]] == [f["rule_id"] for f in en["findings"]]
    assert de["findings"][0]["message"] != en["findings"][0]["message"]


@pytest.mark.parametrize(
    ("body", "status", "kind"),
    [
        ({"text": ""}, 400, "empty"),
        ({"text": "   \n "}, 400, "empty"),
        ({"text": "Hallo", "profile": "kompliziert"}, 422, "profile"),
        ({"text": "Hallo", "lang": "xx"}, 422, "language"),
        ({"text": "a\x00b\x00c"}, 400, "binary"),
        ({"text": "Wort " * 2_000}, 413, "too-large"),
        ({"txt": "Hallo"}, 400, "validation"),
    ],
)
def test_api_bad_input(client, body, status, kind) -> None:
    response = client.post("/v1/text/check", json=body)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["kind"] == kind
    assert problem["status"] == status
    assert "Traceback" not in response.text


def test_api_invalid_json(client) -> None:
    response = client.post(
        "/v1/text/check", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("text", "-"), b""),
        (("text", "-"), b"\xff\xfe\x00\x01 kaputt"),
        (("text", "-"), b"\x00\x01\x02\x03" * 50),
        (("text", "--text", "Hallo", "--profile", "falsch"), None),
        (("text", "/does/not/exist.txt"), None),
        (("text",), None),
    ],
)
def test_cli_bad_input_exit_2(args, stdin) -> None:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == 2, result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_cli_too_large(tmp_path: Path) -> None:
    config = tmp_path / "a11y.toml"
    config.write_text("[text]\nmax_chars = 100\n", encoding="utf-8")
    result = run_cli("text", "--config", str(config), "--text", "Wort " * 100)
    assert result.returncode == 2
    assert "zu lang" in result.stderr.decode()


def test_cli_exit_codes() -> None:
    clean = run_cli("text", "--text", "Wir helfen Ihnen gern.", "--profile", "einfach")
    assert clean.returncode == 0, clean.stdout.decode()
    failing = run_cli("text", "--text", TEXT, "--profile", "leicht", "--fail-on", "warning")
    assert failing.returncode == 1


def test_cli_batch(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Wir helfen Ihnen gern."}),
        "{kaputt",
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "text": TEXT, "profile": "leicht"}),
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("text", "--batch", str(batch))
    assert result.returncode == 2
    reports = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(reports) == 4
    assert reports[0]["target"]["id"] == "a" and reports[0]["error"] is None
    assert reports[1]["error"]["kind"] == "batch-line"
    assert reports[2]["target"]["id"] == "c" and reports[2]["error"]["kind"] == "empty"
    assert reports[3]["target"]["id"] == "d" and reports[3]["findings"]


def test_openapi_docs_offline(client) -> None:
    page = client.get("/schema")
    assert page.status_code == 200
    assert "/static/vendor/swagger-ui-bundle.js" in page.text
    assert "cdn." not in page.text and "unpkg" not in page.text
    assert client.get("/schema/openapi.json").json()["paths"]["/v1/text/check"]


def test_markdown_and_html_offsets(client) -> None:
    html = (
        "<html lang='de'><body><h1>Hilfe</h1>"
        "<p>Das Formular wird <b>vom Amt</b> geprüft.</p></body></html>"
    )
    report = client.post("/v1/text/check", json={"text": html, "profile": "leicht"}).json()
    assert report["target"]["format"] == "html"
    passive = [f for f in report["findings"] if f["rule_id"] == "de.passive-voice"]
    assert passive
    location = passive[0]["location"]
    assert html[location["start"] : location["end"]].startswith("wird")
