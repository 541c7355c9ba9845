"""What a page rule is: a metadata record plus a small pure function over a parsed :class:`Page`.

Used by the static engine (``static.*`` rules: decidable from the markup alone) and the BITV
engine (``bitv.*`` rules: the German legal duties). Like axe-core's ``lib/rules/*.json``, the
record carries the id, WCAG success criteria, the W3C ACT rules the check implements, other
standards (EN 301 549, BITV 2.0), severity, messages in German and English with named
placeholders, and pass and fail examples. The record, the example type, the message fill and the
severity order are the project's one rule framework (:mod:`checkers.rules`);
``tests/test_rule_examples.py`` runs every example of every rule.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checkers.report import Finding, Location, fingerprint
from checkers.rules import Example, Outcome, RuleMeta, Severity, de_en, fill, localized

if TYPE_CHECKING:
    from checkers.page.dom import HtmlElement, Page
    from checkers.page.options import BitvSettings

log = logging.getLogger(__name__)

__all__ = [
    "CheckFunction",
    "Example",
    "Outcome",
    "PageContext",
    "PageHit",
    "PageRule",
    "RuleMeta",
    "Severity",
    "de_en",
    "hit_to_finding",
    "page_rule",
    "rules_in",
    "run_rules",
]


@dataclass(slots=True)
class PageHit:
    element: HtmlElement | None = None  # None: the page as a whole
    params: dict[str, Any] = field(default_factory=dict)
    outcome: Outcome | None = None  # overrides the rule's (e.g. "needs_review" when unsure)
    severity: Severity | None = None
    message: Mapping[str, str] | None = None
    url: str | None = None  # the finding is about another page (e.g. the statement)
    selector: str | None = None  # when the element belongs to another Page
    snippet: str | None = None
    # A hit that breaks only some of the rule's criteria names them (None: the rule's).
    wcag: tuple[str, ...] | None = None
    act: tuple[str, ...] | None = None


@dataclass(slots=True)
class PageContext:
    """What a rule may know beyond the markup. Engines fill it; examples set it directly."""

    page: Page
    is_homepage: bool = False
    bitv: BitvSettings | None = None
    # Pages the BITV engine fetched for this page (statement, Leichte Sprache page, ...), by role.
    linked: dict[str, Page] = field(default_factory=dict)
    # Findings other engines produced for the run so far (for cross-checks such as the statement
    # claiming full compliance while the audit found violations).
    violations: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    failed_rules: list[str] = field(default_factory=list)  # rules that raised on this page
    # time.monotonic() value after which no further rule starts (the page's work budget).
    deadline: float | None = None
    skipped_rules: list[str] = field(default_factory=list)  # not run: the budget was used up


CheckFunction = Callable[[PageContext], Iterable[PageHit]]


@dataclass(frozen=True, slots=True)
class PageRule:
    meta: RuleMeta
    check: CheckFunction


def page_rule(meta: RuleMeta) -> Callable[[CheckFunction], PageRule]:
    def wrap(function: CheckFunction) -> PageRule:
        return PageRule(meta, function)

    return wrap


def rules_in(module: object) -> list[PageRule]:
    """The rule a page-rule module defines: its ``check`` (none for helper modules). The
    registries of the static and BITV packages collect rules with it."""
    check = getattr(module, "check", None)
    return [check] if isinstance(check, PageRule) else []


def run_rules(
    rules: Iterable[PageRule], context: PageContext, locale: str, disabled: Iterable[str] = ()
) -> list[Finding]:
    """Run rules on one page and turn their hits into report findings."""
    off = set(disabled)
    findings: list[Finding] = []
    for rule in rules:
        if rule.meta.id in off:
            continue
        if context.deadline is not None and time.monotonic() > context.deadline:
            context.skipped_rules.append(rule.meta.id)
            continue
        try:
            # The hits become findings inside the guard: a message the rule cannot fill
            # (MessageError) costs this rule, not the page.
            found = [
                hit_to_finding(rule.meta, hit, context.page, locale)
                for hit in rule.check(context)
            ]
        except Exception:
            # One rule tripping over odd markup must not cost the page its other findings
            # (or the run its other pages): the failure is logged and listed in the limits.
            log.exception("rule %s failed on %s", rule.meta.id, context.page.url)
            context.failed_rules.append(rule.meta.id)
            continue
        findings.extend(found)
    return findings


def hit_to_finding(meta: RuleMeta, hit: PageHit, page: Page, locale: str) -> Finding:
    message = fill(localized(hit.message or meta.message, locale), hit.params, meta.id)
    selector = hit.selector
    snippet = hit.snippet
    if hit.element is not None and selector is None:
        selector = page.selector(hit.element)
        snippet = snippet or page.snippet(hit.element)
    url = hit.url or page.url
    return Finding(
        rule_id=meta.id,
        engine=meta.engine,
        outcome=hit.outcome or meta.outcome,
        severity=hit.severity or meta.severity_for(),  # type: ignore[arg-type]
        message=message,
        explanation=fill(localized(meta.explanation, locale), hit.params, meta.id),
        location=Location(url=url, selector=selector, snippet=snippet),
        wcag=list(meta.wcag if hit.wcag is None else hit.wcag),
        act=list(meta.act if hit.act is None else hit.act),
        standards=list(meta.standards),
        fingerprint=fingerprint(meta.id, snippet or "", selector or url or ""),
    )

