"""The QA rules: the five ids, messages in both languages. (Every rule's examples run in
``tests/test_rule_examples.py``.)"""

from __future__ import annotations

import re

from checkers.rules import Example
from translators.qa import RULES, check_case, example_case


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
