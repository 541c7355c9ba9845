"""``translation.placeholder-mismatch``: a placeholder (markup, URL, number, term) is missing,
duplicated or invented, or the engine had to re-append one the model dropped. Missing from the
target as it stands is an error (variant ``missing``); the rest needs a look. The record and
the examples are in ``placeholder_mismatch.yaml``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from checkers.rules.data import rule_meta
from translators import tags
from translators.document import Placeholder
from translators.qa.case import QaCase, QaHit, QaRule


def check(case: QaCase, _options: Mapping[str, Any]) -> Iterable[QaHit]:
    fixed = tags.repair(case.segment.source, tags.canonical(case.target))
    if fixed.dropped:
        # Missing from the target as it stands: publishing it would lose a link, a number, a
        # URL. An error, never silently put back.
        names = [_describe(case.segment.placeholders.get(p), p) for p in fixed.dropped]
        yield QaHit({"placeholders": ", ".join(names)}, variant="missing")
        return
    problems = list(dict.fromkeys(case.repaired))
    extra = list(dict.fromkeys(fixed.invented + fixed.duplicated + fixed.reordered))
    if problems or extra:
        names = [_describe(case.segment.placeholders.get(p.lstrip("/")), p) for p in problems]
        names += [_describe(None, p) for p in extra]
        yield QaHit({"placeholders": ", ".join(names)})


def _describe(holder: Placeholder | None, tag_id: str) -> str:
    if holder is None:
        return tag_id
    if holder.raw:
        return f"{tag_id} ({holder.kind})"
    return f"{tag_id} '{holder.source_text}'"


RULE = QaRule(rule_meta(__file__), check)
