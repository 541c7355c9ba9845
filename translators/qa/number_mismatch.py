"""``translation.number-mismatch``: the numbers in source and target differ (compared by their
digits, so "1.250" and "1,250" are one number). Known false positive: a number written as a
word in one language and in digits in the other. The record and the examples are in
``number_mismatch.yaml``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from checkers.rules.data import rule_meta
from translators.qa.case import QaCase, QaHit, QaRule

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*")


def _numbers(text: str) -> Counter[str]:
    return Counter(re.sub(r"\D", "", n) for n in _NUMBER.findall(text))


def check(case: QaCase, _options: Mapping[str, Any]) -> Iterable[QaHit]:
    source, target = _numbers(case.source_text), _numbers(case.target_text)
    if source != target:
        missing = sorted((source - target).elements())
        extra = sorted((target - source).elements())
        yield QaHit({"missing": ", ".join(missing) or "-", "extra": ", ".join(extra) or "-"})


RULE = QaRule(rule_meta(__file__), check)
