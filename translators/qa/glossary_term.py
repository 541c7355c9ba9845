"""``translation.glossary-term``: an enforced glossary translation or a do-not-translate term
(a ``glossary`` or ``term`` placeholder of the source) is not in the target. The record and the
examples are in ``glossary_term.yaml``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from checkers.rules.data import rule_meta
from translators import tags
from translators.qa.case import QaCase, QaHit, QaRule


def check(case: QaCase, _options: Mapping[str, Any]) -> Iterable[QaHit]:
    target = case.target_text.casefold()
    for tag in tags.scan(case.segment.source):
        holder = case.segment.placeholders.get(tag.id)
        if holder is None or holder.kind not in ("glossary", "term"):
            continue
        if holder.text.casefold() not in target:
            yield QaHit({"term": holder.source_text, "expected": holder.text})


RULE = QaRule(rule_meta(__file__), check)
