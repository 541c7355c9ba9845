"""The metadata record of a rule and its examples, shared by every rule family."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from checkers.rules.messages import Messages

Severity = Literal["error", "warning", "info"]
Outcome = Literal["failed", "needs_review"]
Profile = Literal["leicht", "einfach", "standard"]
# The one severity order, mildest first: gates compare ranks, merges keep the gravest.
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
OUTCOMES: tuple[Outcome, ...] = ("failed", "needs_review")
PROFILES: tuple[Profile, ...] = ("leicht", "einfach", "standard")


def severity_rank(severity: str) -> int:
    """0 for info, 1 for warning, 2 for error; unknown names rank as info."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else 0  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Example:
    """One example of a rule, and exactly what the rule must report for it.

    ``expect``: "failed" or "needs_review" (the rule reports it so), None (the rule reports
    nothing). ``at``: where the finding must point: a CSS selector for page rules (None: the
    page as a whole), the exact text span for text and glossary rules (its first occurrence),
    None for translation rules (a whole segment). Every finding of a flagging example must have
    the expected outcome and point at ``at``. ``suggestions`` must all be among the finding's
    suggestions.

    The input is ``text`` (HTML for page rules, the text for text rules, the source segment for
    translation rules) plus what the family needs: ``url`` and ``context`` (page rules),
    ``profile`` and ``options`` (text rules), ``target``, ``placeholders`` and ``repaired``
    (translation rules).
    """

    text: str
    expect: Outcome | None
    at: str | None = None
    suggestions: tuple[str, ...] = ()
    # Mappings are left out of __hash__ (dicts are not hashable; equality still compares them),
    # so records that hold examples (glossary entries) stay hashable.
    # page rules
    url: str = "https://www.example.de/"
    context: Mapping[str, Any] = field(default_factory=dict, hash=False)
    # text rules
    profile: Profile = "leicht"
    options: Mapping[str, Any] = field(default_factory=dict, hash=False)
    # translation rules: placeholder id -> (kind, target text, source text or "")
    target: str = ""
    placeholders: Mapping[str, tuple[str, str, str]] = field(default_factory=dict, hash=False)
    repaired: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.expect is not None and self.expect not in OUTCOMES:
            raise ValueError(f"expect must be one of {OUTCOMES} or None, not {self.expect!r}")

    @property
    def fails(self) -> bool:
        """The rule reports something for this example (failed or needs_review)."""
        return self.expect is not None

    @property
    def kind(self) -> str:
        return self.expect or "pass"


@dataclass(frozen=True, slots=True)
class Variant:
    """A case a rule reports differently from its default (graver, or only for review), with
    its own message."""

    severity: Severity
    outcome: Outcome
    message: Messages


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """Everything a person or a test needs to know about a rule, beside its check function."""

    id: str  # "static.image-alt", "bitv.statement-feedback", "de.passive-voice"
    title: Messages
    message: Messages  # named placeholders filled from the hit's params
    explanation: Messages  # plain language: why it matters, what to do
    # One severity, or one per text profile (None switches the rule off for that profile).
    severity: Severity | Mapping[str, Severity | None]
    examples: tuple[Example, ...]
    standards: tuple[str, ...] = ()  # "EN 301 549 9.1.1.1", "BITV 2.0 § 4", easy-language rules
    wcag: tuple[str, ...] = ()  # success criteria: "1.1.1"
    act: tuple[str, ...] = ()  # W3C ACT rule ids: "23a2a8"
    outcome: Outcome = "failed"
    engine: Literal["static", "bitv", "browser", "text", "translation"] = "text"
    # Text rules: the block kinds the rule reads (() = every block of the text).
    scope: tuple[str, ...] = ()
    # Default options: per profile for text rules ({"leicht": {...}}), flat otherwise.
    options: Mapping[str, Any] = field(default_factory=dict)
    languages: tuple[str, ...] = ("de",)  # text languages the rule applies to
    variants: Mapping[str, Variant] = field(default_factory=dict)

    def severity_for(self, profile: str | None = None) -> Severity | None:
        if isinstance(self.severity, str):
            return self.severity
        return self.severity.get(profile or "standard")
