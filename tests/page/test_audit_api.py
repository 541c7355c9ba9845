"""POST /v1/audits: the run JSON, the URL policy as problem details, no local files."""

from __future__ import annotations

import json

import pytest
from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from tests.accounts.helpers import authorize

BROKEN = (
    "<!DOCTYPE html><html><head><title>Test</title></head><body><main><h1>Test</h1>"
    "<img src='a.png' id='foto'><a href='/x' id='leer'></a></main></body></html>"
)


def _database(factory) -> str:
    return f"sqlite:///{factory.mktemp('db') / 'a11y.sqlite3'}"


@pytest.fixture(scope="module")
def strict(checker, tmp_path_factory):
    settings = Settings(database_url=_database(tmp_path_factory))
    with TestClient(app=create_app(settings, checker=checker)) as client:
        authorize(client, settings.database_url, role="editor")
        yield client


@pytest.fixture(scope="module")
def loopback(checker, tmp_path_factory):
    settings = Settings(
        allow_loopback=True, browser_pool=1, database_url=_database(tmp_path_factory)
    )
    with TestClient(app=create_app(settings, checker=checker)) as client:
        authorize(client, settings.database_url, role="editor")
        yield client


def test_html_static_only(strict) -> None:
    response = strict.post("/v1/audits", json={"html": BROKEN, "static_only": True})
    assert response.status_code == 200
    run = response.json()
    assert run["schema_version"] == "1" and run["summary"]["reports"] == 1
    report = run["reports"][0]
    assert report["target"]["kind"] == "page"
    ids = {f["rule_id"] for f in report["findings"]}
    assert "static.image-alt" in ids and "static.html-has-lang" in ids
    assert all(f["engine"] != "axe" for f in report["findings"])
    image = next(f for f in report["findings"] if f["rule_id"] == "static.image-alt")
    assert image["location"]["selector"] == "#foto"
    assert image["wcag"] == ["1.1.1"]


def test_english_messages(strict) -> None:
    response = strict.post(
        "/v1/audits",
        json={"html": BROKEN, "static_only": True},
        headers={"Accept-Language": "en"},
    )
    finding = next(f for f in response.json()["reports"][0]["findings"]
                   if f["rule_id"] == "static.image-alt")
    assert finding["message"].isascii()


@pytest.mark.parametrize(
    "body",
    [{"url": "http://127.0.0.1:9/"}, {"url": "http://169.254.169.254/latest/"},
     {"url": "file:///etc/passwd"}, {"url": "ftp://example.org/"}],
)
def test_url_policy_is_a_problem(strict, body) -> None:
    response = strict.post("/v1/audits", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["kind"] in ("address-refused", "scheme")
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    "body",
    [{}, {"url": "http://example.org/", "html": "<p>x</p>"}, {"html": 5},
     {"html": "<p>x</p>", "engines": ["magic"]}, {"html": "<p>x</p>", "body": "kirche"},
     {"html": "<p>x</p>", "land": "XX"},
     {"html": "<p>x</p>", "unknown": 1}],
)
def test_bad_bodies(strict, body) -> None:
    response = strict.post("/v1/audits", json=body)
    assert response.status_code in (400, 422)
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.browser
def test_url_with_browser(loopback, site: str) -> None:
    response = loopback.post("/v1/audits", json={"url": f"{site}/bad.html"})
    assert response.status_code == 200
    report = response.json()["reports"][0]
    assert report["error"] is None
    engines = {f["engine"] for f in report["findings"]}
    assert {"axe", "static"} <= engines
    assert report["metrics"]["axe"]["version"].startswith("4.")


def test_unreachable_page_is_an_error_report(loopback, site: str) -> None:
    response = loopback.post("/v1/audits", json={"url": f"{site}/missing.html",
                                                 "static_only": True})
    assert response.status_code == 200
    run = response.json()
    assert run["summary"]["reports_failed"] == 1
    assert run["reports"][0]["error"]["kind"] == "http-status"


def test_cli_and_api_give_the_same_json(loopback, site: str) -> None:
    """One page, static engines: the same reports and summary from the CLI and the API (the
    CLI's run adds the gate's verdict: fail_on, exit_code, baseline)."""
    from tests.inprocess_cli import run_a11y

    url = f"{site}/bad.html"
    api = loopback.post("/v1/audits", json={"url": url, "static_only": True})
    cli = run_a11y(
        "check", url, "--static-only", "--allow-loopback", "--format", "json",
        "--land", "bund", "--body", "municipal",
    )
    assert cli.returncode == 1, cli.stderr.decode()
    cli_run, api_run = json.loads(cli.stdout), api.json()
    assert cli_run["reports"] == api_run["reports"]
    assert cli_run["summary"] == api_run["summary"]
    assert cli_run["exit_code"] == 1 and "exit_code" not in api_run
