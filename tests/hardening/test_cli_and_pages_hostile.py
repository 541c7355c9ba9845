"""Hostile input for the CLI and the page engines: exit 2 with a message, never a traceback;
quadratic markup finishes; a used-up work budget is a listed limit; bad links are findings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.options import AuditOptions
from checkers.page.site.crawl import try_normalize

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
HOSTILE_HOSTS = [
    "http://\uff10\uff11\uff12\uff17.\uff10.\uff10.\uff11/",
    "http://0177.0.0.1/",
    "http://x/" + "a" * 100_000,
    "http://[::1/",
    "http://a:99999/",
    "http://xn--/",
]


def run_cli(
    *args: str, stdin: bytes | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "a11y_service.cli", *args],
        input=stdin, capture_output=True, env=ENV, timeout=timeout, check=False,
    )


def _no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in result.stdout + result.stderr


def test_batch_line_nested_deep_is_exit_2_with_line_number(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b'{"id": "a", "text": "Hallo Welt."}\n' + b"[" * 100_000 + b"\n")
    result = run_cli("text", "--batch", str(batch), "--locale", "en")
    _no_traceback(result)
    assert result.returncode == 2
    assert b"line 2" in result.stdout


def test_endless_stdin_stops_at_the_limit() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "a11y_service.cli", "text", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
    )
    assert process.stdin is not None and process.stderr is not None
    chunk = b"Das ist ein Satz. " * 4096
    try:
        while process.poll() is None:
            process.stdin.write(chunk)  # endless: only the CLI stopping ends this loop
    except BrokenPipeError:
        pass
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert process.returncode == 2
    assert "länger als".encode() in stderr and b"longer than" in stderr
    assert b"Traceback" not in stderr


@pytest.mark.parametrize("url", HOSTILE_HOSTS[:3])
def test_check_hostile_url_is_a_clear_error(url: str) -> None:
    result = run_cli("check", "--static-only", "--format", "json", url)
    _no_traceback(result)
    assert result.returncode == 2


@pytest.mark.parametrize("url", HOSTILE_HOSTS[:5])  # "xn--" fails only when fetched
def test_crawler_skips_links_the_client_cannot_parse(url: str) -> None:
    assert try_normalize(url) is None


def test_hostile_links_become_findings_not_a_failed_audit() -> None:
    links = "".join(
        f'<a href="{h}">Erklärung zur Barrierefreiheit</a><a href="{h}">Leichte Sprache</a>'
        f'<a href="{h}">Gebärdensprache</a><img src="{h}" alt="Bild"><base href="{h}">'
        for h in HOSTILE_HOSTS
    )
    html = f'<!doctype html><html lang="de"><head><title>T</title></head><body><main>{links}'
    with PageAuditor(AuditOptions(engines=frozenset({"static", "bitv"}))) as auditor:
        report = auditor.audit_one(PageTarget(html=html), is_homepage=True)
    assert report.error is None
    assert not [limit for limit in report.limits if "fehlgeschlagen" in limit], report.limits
    assert any(f.rule_id == "bitv.linked-page-reachable" for f in report.findings)


QUADRATIC = {
    "style-comment": "<style><!--" * 8_000,
    "css-comment": "<style>/*" * 10_000,
    "css-no-brace": "<style>" + "a," * 40_000,
    "nested-divs": "<div>" * 100_000 + "x",
}


@pytest.mark.parametrize("name", sorted(QUADRATIC))
def test_quadratic_markup_finishes(name: str, tmp_path: Path) -> None:
    page = tmp_path / f"{name}.html"
    page.write_text(QUADRATIC[name], encoding="utf-8")
    # A generous bound: minutes before the fix, seconds after; the test is about finishing.
    result = run_cli("check", "--static-only", "--format", "json", str(page), timeout=90)
    _no_traceback(result)
    assert result.returncode in (0, 1), result.stderr[-500:]


def test_used_up_budget_is_a_listed_limit() -> None:
    html = '<html lang="de"><body>' + "<p>Text</p>" * 2000 + "</body></html>"
    options = AuditOptions(engines=frozenset({"static", "bitv"}), page_budget=0.0)
    with PageAuditor(options) as auditor:
        report = auditor.audit_one(PageTarget(html=html))
    assert report.error is None
    assert any(limit.startswith("budget:") for limit in report.limits), report.limits


@pytest.mark.parametrize("command", ["text", "check"])
def test_config_nested_too_deep_is_exit_2(command: str, tmp_path: Path) -> None:
    (tmp_path / "a11y.toml").write_text(
        "[text]\nprofile = " + "[" * 100_000 + "\n[check]\nurls = " + "[" * 100_000, "utf-8"
    )
    page = tmp_path / "seite.html"
    page.write_text('<html lang="de"><title>T</title><p>Hallo</p></html>', "utf-8")
    args = ["--text", "Hallo Welt."] if command == "text" else ["--static-only", str(page)]
    result = subprocess.run(
        [sys.executable, "-m", "a11y_service.cli", command, *args],
        capture_output=True, env=ENV, timeout=120, check=False, cwd=tmp_path,
    )
    _no_traceback(result)
    assert result.returncode == 2
    assert b"TOML" in result.stderr


def test_baseline_nested_too_deep_is_exit_2(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_bytes(b"[" * 100_000)
    page = tmp_path / "seite.html"
    page.write_text('<html lang="de"><title>T</title><p>Hallo</p></html>', "utf-8")
    result = run_cli("check", "--static-only", "--baseline", str(baseline), str(page))
    _no_traceback(result)
    assert result.returncode == 2
