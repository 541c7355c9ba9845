"""What a text rule is: a metadata record plus a small pure function over the analysed text.

The metadata carries everything a person or a test needs: the stable id, the standards it comes
from, its severity per profile, messages and explanations in German and English with named
placeholders, and pass and fail examples. ``tests/text/test_rule_examples.py`` runs every example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from checkers.text.analysis import AnalyzedText
    from checkers.text.config import RuleSettings

Profile = Literal["leicht", "einfach", "standard"]
PROFILES: tuple[Profile, ...] = ("leicht", "einfach", "standard")
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Example:
    """A pass or fail example. For a fail example, ``flagged`` is the exact text the finding spans
    (the first occurrence in ``text`` is meant) and ``suggestion``, when given, must be among the
    suggestions."""

    text: str
    fails: bool
    flagged: str | None = None
    suggestion: str | None = None
    profile: Profile = "leicht"
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RuleMeta:
    id: str
    title: Mapping[str, str]  # {"de": ..., "en": ...}
    message: Mapping[str, str]  # short; named placeholders filled from Hit.params
    explanation: Mapping[str, str]  # plain language: why it matters, what to do
    standards: tuple[str, ...]
    # Severity per profile; None switches the rule off for that profile.
    severity: Mapping[str, Severity | None]
    examples: tuple[Example, ...]
    # Default options per profile (thresholds); a project config overrides them.
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    outcome: Literal["failed", "needs_review"] = "failed"
    languages: tuple[str, ...] = ("de",)


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


def rule(meta: RuleMeta) -> Callable[[CheckFunction], Rule]:
    """Decorator: ``@rule(META)`` over the check function yields the registered Rule."""

    def wrap(function: CheckFunction) -> Rule:
        return Rule(meta, function)

    return wrap


def de_en(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}
