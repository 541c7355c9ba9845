"""Static engine: the project's own checks on the parsed HTML, decidable without rendering.

Each module holds one rule (metadata record + small pure function over a :class:`Page`, named
``check``); the registry finds them by walking this package (:func:`checkers.rules.discover`)
and runs them in the order of their ids. ``--static-only`` runs exactly these.
"""

from __future__ import annotations

from functools import cache

from checkers.page.rule import PageRule, rules_in
from checkers.rules import discover


@cache
def _rules() -> tuple[PageRule, ...]:
    return tuple(discover(__name__, rules_in, lambda r: r.meta.id))


def all_rules() -> list[PageRule]:
    return list(_rules())
