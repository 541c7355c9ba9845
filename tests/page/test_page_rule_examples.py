"""Every static and BITV rule's pass and fail examples are its tests; meta-tests keep the
records complete."""

from __future__ import annotations

import importlib
import re

import pytest

from checkers.page.dom import Page
from checkers.page.rule import PageContext, PageExample, PageRule, run_rules


def _registries() -> list[PageRule]:
    rules: list[PageRule] = []
    for name in ("checkers.page.static", "checkers.page.bitv"):
        rules.extend(importlib.import_module(name).all_rules())
    return rules


RULES = _registries()
CASES = [
    pytest.param(rule, example, id=f"{rule.meta.id}-{'fail' if example.fails else 'pass'}-{n}")
    for rule in RULES
    for n, example in enumerate(rule.meta.examples)
]


def run_example(rule: PageRule, example: PageExample):
    page = Page(example.html, example.url)
    context = PageContext(page=page)
    for key, value in example.context.items():
        if key == "linked":
            pages = {role: Page(html, url) for role, (url, html) in value.items()}
            setattr(context, key, pages)
        else:
            setattr(context, key, value)
    return run_rules([rule], context, "de")


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_page_rule_example(rule: PageRule, example: PageExample) -> None:
    findings = run_example(rule, example)
    if not example.fails and example.review:
        assert findings, f"review example not flagged: {example.html[:200]!r}"
        failed = [f"{f.location.selector}: {f.message}" for f in findings if f.outcome == "failed"]
        assert failed == [], failed
        return
    if not example.fails:
        assert findings == [], [f"{f.location.selector}: {f.message}" for f in findings]
        return
    assert findings, f"fail example not flagged: {example.html[:200]!r}"
    if example.selector is not None:
        selectors = [f.location.selector for f in findings]
        assert example.selector in selectors, f"expected {example.selector!r}, got {selectors}"


def test_page_rule_records_complete() -> None:
    assert RULES, "no page rules registered"
    ids = [r.meta.id for r in RULES]
    assert len(ids) == len(set(ids)), "duplicate rule ids"
    for rule in RULES:
        meta = rule.meta
        assert re.fullmatch(r"(static|bitv)\.[a-z0-9]+(-[a-z0-9]+)*", meta.id), meta.id
        assert meta.id.startswith(meta.engine + "."), meta.id
        for text in (meta.title, meta.message, meta.help):
            assert text.get("de") and text.get("en"), meta.id
        for criterion in meta.wcag:
            assert re.fullmatch(r"\d\.\d{1,2}\.\d{1,2}", criterion), (meta.id, criterion)
        for act in meta.act:
            assert re.fullmatch(r"[0-9a-z]{6}", act), (meta.id, act)
        assert meta.wcag or meta.standards, f"{meta.id}: no standard reference"
        assert any(e.fails for e in meta.examples), f"{meta.id} has no fail example"
        assert any(not e.fails for e in meta.examples), f"{meta.id} has no pass example"
        module = importlib.import_module(rule.check.__module__)
        assert module.__doc__ and len(module.__doc__) > 40, f"{meta.id}: module docstring"
        expected_module = meta.id.split(".", 1)[1].replace("-", "_")
        assert module.__name__.rsplit(".", 1)[1] == expected_module, (meta.id, module.__name__)
