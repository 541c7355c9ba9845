"""The checks only a rendered page answers, on each rule's own examples, in a real Chromium.

The examples are the common :class:`checkers.rules.Example` read from the YAML beside each rule
module; each states exactly what it expects (nothing, or findings that are all ``failed`` or all
``needs_review`` at the selector ``at``), compared by :func:`checkers.rules.mismatches` like the
static, BITV and text rules' examples in ``tests/test_rule_examples.py``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from checkers.page import rendered
from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from checkers.page.options import AuditOptions, BrowserSettings
from checkers.page.rendered import RULES, rendered_findings
from checkers.rules import Example, Observed, RuleMeta, mismatches

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
    ("rule", "example"), CASES, ids=[f"{r.id}-{e.kind}-{i}" for i, (r, e) in enumerate(CASES)]
)
def test_rendered_rule_examples(pool, rule: RuleMeta, example: Example) -> None:
    with PageAuditor(OPTIONS, pool=pool) as auditor:
        report = auditor.audit_one(PageTarget(html=_page(example.text)))
    assert report.error is None
    found = [f for f in report.findings if f.rule_id == rule.id or rule.id in f.related]
    observed = [
        Observed(f.outcome, f.location.selector, tuple(f.suggestions), f.message) for f in found
    ]
    assert not mismatches(example, observed), (rule.id, example.text, mismatches(example, observed))
    assert all(f.wcag == list(rule.wcag) for f in found if f.rule_id == rule.id)


def test_every_rendered_rule_has_its_module_and_record() -> None:
    """One module and one YAML record per rule, found by the registry, each with a pass and a
    flagging example (the OCR rules' images are made by test_rendered_images.py)."""
    folder = Path(rendered.__file__).parent
    modules = {p.stem for p in folder.glob("*.py") if "META = rule_meta(__file__)" in p.read_text()}
    assert modules == {r.id.removeprefix("browser.").replace("-", "_") for r in RULES}
    assert {p.stem for p in folder.glob("*.yaml")} == modules
    for rule in RULES:
        assert rule.engine == "browser" and rule.id.startswith("browser.")
        assert rule.standards == (*(f"EN 301 549 9.{c}" for c in rule.wcag), "BITV 2.0 § 3")
        if rule.id not in ("browser.image-of-text", "browser.image-text-alt"):
            kinds = {e.expect for e in rule.examples}
            assert kinds == {None, rule.outcome}, (rule.id, kinds)


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


def test_message_parts_come_from_the_records_in_both_languages() -> None:
    """The {reason}, {mode}/{reasons} and {alt} parts are filled from the records' options."""
    raw = {
        "trap": {"trapped": [], "order": [
            {"selector": "#z", "kind": "tabindex", "from": "", "to": "#z", "tabindex": 2},
            {"selector": "#b", "kind": "reverse", "from": "#c", "to": "", "expected": "#b"},
        ]},
        "hover": {"problems": [
            {"selector": "#h", "html": "<b>", "mode": "focus",
             "reasons": ["hoverable", "persistent"]}
        ]},
        "images": {"images": [
            {"selector": "#i", "html": "<img>", "text": "Hallo", "alt": "", "role": None}
        ]},
    }
    de = [f.message for f in rendered_findings(raw, None, "de")]
    en = [f.message for f in rendered_findings(raw, None, "en")]
    assert de == [
        "Die Tab-Reihenfolge ist hier auffällig: Tab springt wegen tabindex=2 von Anfang auf der "
        "Seite zurück nach oben zu #z.",
        "Die Tab-Reihenfolge ist hier auffällig: Umschalt+Tab von #c führt zu die Seite, Tab kam "
        "aber von #b dorthin.",
        "Inhalt, der bei Fokus erscheint, ist verschwunden, als die Maus auf ihn fuhr, von selbst "
        "verschwunden.",
        "Dieses Bild enthält Text: „Hallo“.",
        "Der Alternativtext (leer) gibt den Text im Bild nicht wieder: „Hallo“.",
    ]
    assert en == [
        "The tab order is unusual here: Tab jumps back up the page from the start to #z because "
        "of tabindex=2.",
        "The tab order is unusual here: Shift+Tab from #c goes to the page, but Tab came to #c "
        "from #b.",
        "Content that appears on focus is gone when the pointer moved onto it, gone by itself.",
        "This image contains text: “Hallo”.",
        "The alt text (empty) does not say what the image's text says: “Hallo”.",
    ]
