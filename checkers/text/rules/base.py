"""What a text rule is: a metadata record plus a small pure function over the analysed text.

The record (:class:`checkers.rules.RuleMeta`) carries everything a person or a test needs: the
stable id, the standards it comes from, its severity per profile, the blocks it reads (scope),
messages and explanations in German and English with named placeholders, and pass and fail
examples (:class:`checkers.rules.Example`). ``tests/test_rule_examples.py`` runs every example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checkers.rules import PROFILES, Example, Profile, RuleMeta, Severity, de_en

if TYPE_CHECKING:
    from checkers.text.analysis import AnalyzedText
    from checkers.text.config import RuleSettings

__all__ = [
    "PROFILES",
    "CheckFunction",
    "Example",
    "Fix",
    "Hit",
    "Profile",
    "Rule",
    "RuleMeta",
    "Severity",
    "de_en",
    "in_scope",
    "rule",
]


@dataclass(slots=True)
class Fix:
    text: str
    # Offsets into the analysed text; None means the hit's own span.
    start: int | None = None
    end: int | None = None
    note: Mapping[str, str] | None = None


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    params: dict[str, Any] = field(default_factory=dict)
    fixes: list[Fix] = field(default_factory=list)
    severity: Severity | None = None  # overrides the profile severity (e.g. double negation)
    message: Mapping[str, str] | None = None  # overrides the rule message (specific cases)
    explanation: Mapping[str, str] | None = None


CheckFunction = Callable[["AnalyzedText", "RuleSettings"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    meta: RuleMeta
    check: CheckFunction


def in_scope(meta: RuleMeta, doc: AnalyzedText, offset: int) -> bool:
    """Whether the rule reads the block at ``offset``: ``meta.scope`` names the block kinds
    ("paragraph", "list-item", "heading", ...); an empty scope reads every block, and text
    outside any block (plain text without structure) is always read."""
    if not meta.scope:
        return True
    block = doc.block_at(offset)
    return block is None or block.kind in meta.scope


def rule(meta: RuleMeta) -> Callable[[CheckFunction], Rule]:
    """Decorator: ``@rule(META)`` over the check function yields the registered Rule."""

    def wrap(function: CheckFunction) -> Rule:
        return Rule(meta, function)

    return wrap
