"""The checks only a rendered page answers, on each rule's own examples, in a real Chromium."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from checkers.page.options import AuditOptions, BrowserSettings
from checkers.page.rendered import RULES, RenderedExample, RenderedRule, rendered_findings

pytestmark = pytest.mark.browser

OPTIONS = AuditOptions(
    engines=frozenset({"axe"}), browser=BrowserSettings(pool_size=1, page_timeout=20)
)


@pytest.fixture(scope="module")
def pool():
    shared = BrowserPool(OPTIONS.browser, OPTIONS.policy)
    yield shared
    shared.close()


def _page(body: str) -> str:
    head = '<!DOCTYPE html><html lang="de"><head><title>Beispiel</title></head>'
    return f"{head}<body>{body}</body></html>"


CASES = [(rule, example) for rule in RULES for example in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"), CASES, ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(CASES)]
)
def test_rendered_rule_examples(pool, rule: RenderedRule, example: RenderedExample) -> None:
    with PageAuditor(OPTIONS, pool=pool) as auditor:
        report = auditor.audit_one(PageTarget(html=_page(example.html)))
    assert report.error is None
    found = [f for f in report.findings if f.rule_id == rule.id or rule.id in f.related]
    if example.fails:
        assert found, (rule.id, example.html)
        if example.selector:
            selectors = [f.location.selector or "" for f in found]
            assert any(s.endswith(example.selector) for s in selectors), selectors
        assert all(f.wcag == list(rule.wcag) for f in found if f.rule_id == rule.id)
    else:
        assert not found, (rule.id, [f.location.selector for f in found])


def test_rendered_checks_can_be_switched_off() -> None:
    off = replace(OPTIONS, browser=replace(OPTIONS.browser, rendered_checks=False))
    body = '<div style="width:900px">Breit</div>'
    with PageAuditor(off) as auditor:
        report = auditor.audit_one(PageTarget(html=_page(body)))
    assert report.error is None
    assert not [f for f in report.findings if f.engine == "browser"]


def test_raw_results_become_findings_in_both_languages() -> None:
    raw = {
        "reflow": {"view": 320, "width": 900, "causes": [{"selector": "#w", "html": "<div>"}]},
        "trap": {"trapped": ["#t"]},
    }
    de = rendered_findings(raw, "https://example.de/", "de")
    en = rendered_findings(raw, "https://example.de/", "en")
    assert [f.rule_id for f in de] == ["browser.reflow", "browser.keyboard-trap"]
    assert "900 statt 320" in de[0].message and "900 instead of 320" in en[0].message
    assert de[1].act == ["80af7b"] and de[1].wcag == ["2.1.2"]
