"""``translation.untranslated``: the target is empty or equal to the source, for a source of at
least ``min_words`` words (names and short labels can legitimately stay untranslated). The
record, its options and the examples are in ``untranslated.yaml``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from checkers.rules.data import rule_meta
from translators import tags
from translators.qa.case import QaCase, QaHit, QaRule


def check(case: QaCase, options: Mapping[str, Any]) -> Iterable[QaHit]:
    if case.source_lang == case.target_lang:
        return
    source = case.source_text
    letters = re.findall(r"[^\W\d_]{3,}", tags.strip_tags(case.segment.source))
    if len(letters) < options["min_words"]:
        return
    target = case.target_text
    if not target.strip() or target.casefold() == source.casefold():
        yield QaHit({"text": source[:80]})


RULE = QaRule(rule_meta(__file__), check)
