"""Registry of text rules: every module in this package that defines ``RULES`` contributes them
(found by :func:`checkers.rules.discover`, sorted by id)."""

from __future__ import annotations

from functools import cache

from checkers.rules import discover
from checkers.text.rules.base import Rule


@cache
def all_rules() -> tuple[Rule, ...]:
    return tuple(
        discover(__name__, lambda module: getattr(module, "RULES", ()), lambda r: r.meta.id)
    )
