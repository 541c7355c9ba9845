"""The HTML report is a page too: it must pass the project's own page audit."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers.page.options import AuditOptions, BrowserSettings, UrlPolicy
from checkers.page.site.config import CheckConfig
from ci.baseline import create_baseline
from ci.gate import decide
from ci.reporters import render
from tests.ci.samples import sample_reports


def _report_html(locale: str = "de") -> str:
    baseline = create_baseline(sample_reports(False)[:1])
    limits = ["skipped other-origin: 1 Adressen nicht geprüft / 1 URLs not audited (https://a.org/)"]
    result = decide(sample_reports(True), CheckConfig(), baseline, limits=limits, locale=locale)
    return render("html", result)


def _findings(html_path: Path, engines: frozenset[str]) -> list[str]:
    from checkers.page.audit import PageAuditor, PageTarget

    options = AuditOptions(
        engines=engines,
        policy=UrlPolicy(allow_files=True),
        browser=BrowserSettings(pool_size=1),
    )
    with PageAuditor(options) as auditor:
        run = auditor.audit([PageTarget(path=html_path)])
    report = run.reports[0]
    assert report.error is None, report.error
    return [
        f"{f.rule_id} {f.location.selector} {f.message}"
        for f in report.findings
        if not f.rule_id.startswith("bitv.")  # a CI report is no public body's site
    ]


def test_html_report_passes_the_static_audit(tmp_path: Path) -> None:
    path = tmp_path / "bericht.html"
    path.write_text(_report_html(), encoding="utf-8")
    assert _findings(path, frozenset({"static"})) == []


@pytest.mark.browser
@pytest.mark.parametrize("locale", ["de", "en"])
def test_html_report_passes_axe(tmp_path: Path, locale: str) -> None:
    path = tmp_path / "bericht.html"
    path.write_text(_report_html(locale), encoding="utf-8")
    assert _findings(path, frozenset({"static", "axe"})) == []
