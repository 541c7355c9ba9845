"""The QA rules: the five ids, messages in both languages. (Every rule's examples run in
``tests/test_rule_examples.py``.)"""

from __future__ import annotations

import re
from pathlib import Path

import translators.qa
from checkers.rules import Example
from translators.qa import REPORT_ORDER, RULES, check_case, example_case


def test_rule_records_complete() -> None:
    ids = [r.meta.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert set(ids) == {
        "translation.glossary-term",
        "translation.number-mismatch",
        "translation.placeholder-mismatch",
        "translation.untranslated",
        "translation.length-outlier",
    }
    for rule in RULES:
        assert re.fullmatch(r"translation\.[a-z]+(-[a-z]+)*", rule.meta.id)
        assert rule.meta.engine == "translation"


def test_messages_in_both_languages() -> None:
    example = Example("Es kostet 25 Euro.", expect="failed", target="It costs 52 euros.")
    german = check_case(example_case(example), "de")
    english = check_case(example_case(example), "en")
    assert german[0].message.startswith("Die Zahlen")
    assert english[0].message.startswith("The numbers")


def test_each_rule_is_a_module_with_its_record_beside_it() -> None:
    """Found by the registry, not listed: one module (RULE = QaRule(rule_meta(__file__), check))
    and one YAML record per rule, listed in the report order."""
    folder = Path(translators.qa.__file__).parent
    marker = "RULE = QaRule(rule_meta(__file__)"
    modules = {p.stem for p in folder.glob("*.py") if marker in p.read_text(encoding="utf-8")}
    assert modules == {_module_name(r.meta.id) for r in RULES}
    assert {p.stem for p in folder.glob("*.yaml")} == modules
    assert [r.meta.id for r in RULES] == list(REPORT_ORDER)
    for rule in RULES:
        assert rule.meta.engine == "translation"
        assert rule.check.__module__ == f"translators.qa.{_module_name(rule.meta.id)}"


def _module_name(rule_id: str) -> str:
    return rule_id.removeprefix("translation.").replace("-", "_")
