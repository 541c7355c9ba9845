"""Element pictures for the web report: taken only when asked, bounded, and the report JSON of
the CLI and the API stays byte for byte the same."""

from __future__ import annotations

import base64
from dataclasses import replace

import pytest

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from checkers.page.options import AuditOptions, BrowserSettings, UrlPolicy
from checkers.page.screenshots import failed_selectors
from checkers.report import encode_report

BASE = AuditOptions(
    engines=frozenset({"axe", "static"}),
    policy=UrlPolicy(allow_loopback=True),
    browser=BrowserSettings(pool_size=1, page_timeout=20, axe_timeout=20),
)
PNG = b"\x89PNG\r\n\x1a\n"


def test_failed_selectors_skip_the_whole_page_and_frames() -> None:
    violations = [
        {
            "nodes": [
                {"a11ySelector": "html > body > header > img", "target": ["img"]},
                {"target": ["html"]},
                {"target": [["iframe", "img"]]},
                {"a11ySelector": "html > body > header > img"},
            ]
        },
        {"nodes": [{"target": ["#suche"]}]},
    ]
    assert failed_selectors(violations) == ["html > body > header > img", "#suche"]


@pytest.mark.browser
def test_pictures_only_when_asked_and_json_unchanged(site: str) -> None:
    pool = BrowserPool(BASE.browser, BASE.policy)
    try:
        target = PageTarget(url=f"{site}/bad.html")
        with PageAuditor(BASE, pool=pool) as auditor:
            plain = auditor.audit_one(target)
            assert auditor.details_of(plain) is None  # nothing kept by default
        with PageAuditor(replace(BASE, screenshots=2, keep_details=True), pool=pool) as auditor:
            pictured = auditor.audit_one(target)
            details = auditor.details_of(pictured)
            assert auditor.details_of(pictured) is None  # handed out once
    finally:
        pool.close()
    assert encode_report(plain) == encode_report(pictured)
    assert details is not None and details.axe is not None
    assert 1 <= len(details.axe.screenshots) <= 2
    for picture in details.axe.screenshots.values():
        assert base64.b64decode(picture).startswith(PNG)
    assert details.page.title  # the rendered page, for placing findings in regions
