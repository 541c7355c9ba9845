"""``translation.length-outlier``: the target is much shorter or longer than the source (a
ratio outside ``min_ratio``..``max_ratio`` for sources of ``min_chars`` or more). Length ratios
differ between languages, so the bounds are options in ``length_outlier.yaml``, beside the
record and the examples."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from checkers.rules.data import rule_meta
from translators.qa.case import QaCase, QaHit, QaRule


def check(case: QaCase, options: Mapping[str, Any]) -> Iterable[QaHit]:
    source, target = case.source_text, case.target_text
    if len(source) < options["min_chars"] or not target:
        return
    ratio = len(target) / len(source)
    if ratio < options["min_ratio"] or ratio > options["max_ratio"]:
        yield QaHit({"ratio": f"{ratio:.1f}"})


RULE = QaRule(rule_meta(__file__), check)
