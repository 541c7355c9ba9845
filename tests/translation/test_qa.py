"""Every QA rule's pass and fail examples are its tests; meta-tests keep the records complete."""

from __future__ import annotations

import re

import pytest

from translators.qa import RULES, QaExample, QaRule, check_case, run_rule

CASES = [
    pytest.param(rule, example, id=f"{rule.id}-{'fail' if example.fails else 'pass'}-{n}")
    for rule in RULES
    for n, example in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule: QaRule, example: QaExample) -> None:
    hits = run_rule(rule, example.case())
    if example.fails:
        assert hits, f"fail example not flagged: {example.target!r}"
        findings = [f for f in check_case(example.case()) if f.rule_id == rule.id]
        assert findings and all(f.engine == "translation" for f in findings)
        assert all(f.fingerprint for f in findings)
    else:
        assert hits == [], f"pass example flagged: {example.target!r}"


def test_rule_records_complete() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert set(ids) == {
        "translation.glossary-term",
        "translation.number-mismatch",
        "translation.placeholder-mismatch",
        "translation.untranslated",
        "translation.length-outlier",
    }
    for rule in RULES:
        assert re.fullmatch(r"translation\.[a-z]+(-[a-z]+)*", rule.id)
        for text in (rule.title, rule.message):
            assert text.get("de") and text.get("en"), rule.id
        names_de = set(re.findall(r"{(\w+)}", rule.message["de"]))
        assert names_de == set(re.findall(r"{(\w+)}", rule.message["en"])), rule.id
        assert any(e.fails for e in rule.examples), f"{rule.id} has no fail example"
        assert any(not e.fails for e in rule.examples), f"{rule.id} has no pass example"
        assert rule.standards


def test_messages_in_both_languages() -> None:
    example = QaExample("Es kostet 25 Euro.", "It costs 52 euros.", fails=True)
    german = check_case(example.case(), "de")
    english = check_case(example.case(), "en")
    assert german[0].message.startswith("Die Zahlen")
    assert english[0].message.startswith("The numbers")
