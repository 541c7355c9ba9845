"""axe-core results as report findings: WCAG criteria from tags, ACT ids, severity from impact.

axe reports ``violations`` (failed) and ``incomplete`` (a person must decide: needs_review).
Its tags name success criteria as ``wcag143`` or ``wcag1410``; the EN 301 549 clauses come as
``EN-9.1.4.3``. Impact ``critical``/``serious`` on a WCAG rule is an error; best-practice rules
(no WCAG criterion) are at most warnings, so a CI gate on errors blocks only real WCAG failures.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

import msgspec

from checkers.page.axe_messages import message_de
from checkers.page.rendered import focus_probe, inert_frames
from checkers.page.rendered.contrast import verdict
from checkers.report import Finding, Location

if TYPE_CHECKING:
    from checkers.page.browser import AxeOutcome

_WCAG_TAG = re.compile(r"wcag(\d)(\d)(\d{1,2})\Z")
_LEVEL_TAG = re.compile(r"wcag2\d?a{1,3}\Z")  # wcag2a, wcag21aa, wcag2aaa, ...
_SNIPPET_MAX = 300
_IMPACT = {"critical": "error", "serious": "error", "moderate": "warning", "minor": "info"}

# axe rules outside the default selection (experimental, or off by default) whose results agree
# with the W3C ACT rules' test cases, as in axe's own ACT implementation report. Each runs when
# the audit asks for its level: an AA audit gets the orientation lock check, an AAA audit the
# enhanced contrast, link purpose and refresh checks.
EXTRA_RULES: dict[str, str] = {
    "css-orientation-lock": "wcag21aa",
    "color-contrast-enhanced": "wcag2aaa",
    "identical-links-same-purpose": "wcag2aaa",
    "meta-refresh-no-exceptions": "wcag2aaa",
}
# axe rules the project leaves off because an own rule does the same job with fewer false
# alarms: label-content-name-mismatch fails buttons whose text is an icon font's ligature
# ("search" drawn as a magnifier), which static.label-in-name only flags for review.
REPLACED_RULES: dict[str, str] = {"label-content-name-mismatch": "static.label-in-name"}
# axe rules whose "incomplete" means only that there was nothing to evaluate, not that a person
# must look: css-orientation-lock answers incomplete on every page without style sheets (no
# CSSOM, so no media query can lock the orientation); a review finding there is pure noise and
# contradicts the ACT rule b33eff, for which such a page is inapplicable.
NOTHING_TO_EVALUATE = frozenset({"css-orientation-lock"})
# (rule, check message key) of "incomplete" nodes that leave nothing to decide: an ARIA
# attribute with an empty value is ignored by browsers as if it were absent (ACT 6a7281 does
# not apply to it), so asking a person to look at it is noise.
# Text in exactly the colour of its background (axe: "1:1 contrast ratio") cannot be seen: it is
# hidden text, not text of too little contrast (ACT afw4f7 and 09o5cg do not apply to it).
IGNORED_UNDECIDED = frozenset({
    ("aria-valid-attr-value", "empty"),
    ("color-contrast", "equalRatio"),
    ("color-contrast-enhanced", "equalRatio"),
})
# Contrast rules fail text made only of symbols ("----====", "±±±") as if it were words; such
# text says nothing in a human language (1.4.3 and 1.4.6 and the ACT rules afw4f7 and 09o5cg
# exempt it). If the symbols carry meaning, 1.4.11 asks 3:1: a person decides.
SYMBOL_TEXT_RULES = frozenset({"color-contrast", "color-contrast-enhanced"})
# An img with no image source at all in the rendered page (no src, srcset or lazy-loading
# data-* source) shows nothing: whether it is content is for a person to decide, as the own
# rule static.image-alt does (which also sees a source in an enclosing picture element).
_IMG_WITHOUT_SOURCE = re.compile(
    r"<img\b(?![^>]*\s(?:src|srcset|data-[\w-]*(?:src|lazy)[\w-]*)\s*=)", re.IGNORECASE
)
# An img with no attribute at all: no source, no style or class a style sheet could give an
# image, nothing a script could name. It renders nothing, so ACT 23a2a8 does not apply to it.
_BARE_IMG = re.compile(r"<img\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# Rules about the page as a whole that axe reports once per element: one finding per page.
PAGE_LEVEL_RULES = frozenset({"region"})
_GROUP_SHOWN = 5
# Tags for measuring ACT conformance: the default selection plus level AAA.
ACT_EXTRA_TAGS = ("wcag2aaa",)


def extra_rules(tags: tuple[str, ...] | list[str]) -> dict[str, dict[str, bool]]:
    """axe's ``rules`` option: the extra rules switched on for the levels in ``tags``, and the
    rules an own rule replaces switched off."""
    rules = {rule: {"enabled": True} for rule, level in EXTRA_RULES.items() if level in tags}
    rules.update({rule: {"enabled": False} for rule in REPLACED_RULES})
    return rules


def act_audit_tags() -> tuple[str, ...]:
    from checkers.page.options import AuditOptions

    return AuditOptions().axe_tags + ACT_EXTRA_TAGS


def wcag_from_tags(tags: list[str]) -> list[str]:
    criteria = []
    for tag in tags:
        match = _WCAG_TAG.match(tag)
        if match:
            criteria.append(".".join(match.groups()))
    return criteria


def standards_from_tags(tags: list[str]) -> list[str]:
    found = [f"EN 301 549 {tag[3:]}" for tag in tags if tag.startswith("EN-9.")]
    if found:
        found.append("BITV 2.0 § 3")
    return found


def severity(impact: str | None, wcag: list[str], tags: list[str] | None = None) -> str:
    """Error only for a failure of a level A or AA criterion: best-practice rules and rules
    of level AAA alone (enhanced contrast, link purpose out of context, any refresh) are at
    most warnings. AAA is no requirement of BITV 2.0 or EN 301 549, so an audit that asks for
    AAA (or the ACT report) still lists them as failed, but they never break an error gate."""
    level = _IMPACT.get(impact or "", "warning")
    if level == "error" and (not wcag or _aaa_only(tags or [])):
        return "warning"
    return level


def _aaa_only(tags: list[str]) -> bool:
    levels = {tag for tag in tags if _LEVEL_TAG.match(tag)}
    return bool(levels) and all(tag.endswith("aaa") for tag in levels)


def axe_findings(
    outcome: AxeOutcome, act_ids: dict[str, list[str]], page_url: str | None, locale: str
) -> list[Finding]:
    findings: list[Finding] = []
    probe = focus_probe(outcome.rendered)
    inert = inert_frames(outcome.rendered)
    measured = (outcome.rendered or {}).get("contrast") or {}
    for kind, results in (("failed", outcome.violations), ("needs_review", outcome.incomplete)):
        for rule in results:
            if kind == "needs_review" and str(rule.get("id")) in NOTHING_TO_EVALUATE:
                continue
            found = _rule_findings(rule, kind, act_ids, page_url, locale)
            if kind == "needs_review" and rule.get("id") == "aria-hidden-focus" and probe:
                # axe cannot run focus handlers; the browser probe did: an aria-hidden element
                # holding only focus sentinels passes (ACT 6cfa84).
                found = [f for f in found if f.location.selector not in probe["clear"]]
            if rule.get("id") == "frame-focusable-content" and inert:
                # A frame behind an open modal dialog is inert: nothing in it can take focus,
                # so a negative tabindex hides nothing from keyboard users (ACT akn7bn).
                # axe names the frame's document ("#frame >>> html"): compare the frame part.
                found = [
                    f for f in found
                    if (f.location.selector or "").split(" >>> ")[0] not in inert
                ]
            if kind == "needs_review" and rule.get("id") in SYMBOL_TEXT_RULES and measured:
                if rule.get("id") == "color-contrast" and "wcag2aaa" in outcome.tags:
                    findings.extend(_enhanced_from_measured(
                        rule, outcome, act_ids, page_url, locale, measured
                    ))
                found = _measured_contrast(found, rule, measured, locale)
            if str(rule.get("id")) in PAGE_LEVEL_RULES and len(found) > 1:
                found = [_grouped(found, locale)]
            findings.extend(found)
    return findings


def _enhanced_from_measured(
    rule: dict[str, Any],
    outcome: AxeOutcome,
    act_ids: dict[str, list[str]],
    page_url: str | None,
    locale: str,
    measured: dict[str, dict[str, Any]],
) -> list[Finding]:
    """axe's enhanced-contrast rule (AAA, 7:1) says nothing about text on gradients or images
    that its minimum-contrast rule left undecided; when the audit asks for AAA, the colours the
    browser measured behind that text answer for 7:1 as well (ACT 09o5cg)."""
    reported = {
        selector
        for results in (outcome.violations, outcome.incomplete)
        for other in results
        if other.get("id") == "color-contrast-enhanced"
        for node in other.get("nodes") or ()
        for selector in [node.get("a11ySelector") or _target_selector(node.get("target") or [])]
    }
    tags = [t for t in rule.get("tags") or () if t not in ("wcag2aa", "wcag143")]
    enhanced = {**rule, "id": "color-contrast-enhanced", "tags": [*tags, "wcag2aaa", "wcag146"]}
    found = [
        f for f in _rule_findings(enhanced, "needs_review", act_ids, page_url, locale)
        if f.location.selector in measured and f.location.selector not in reported
    ]
    return _measured_contrast(found, enhanced, measured, locale)


def _measured_contrast(
    found: list[Finding], rule: dict[str, Any], measured: dict[str, dict[str, Any]], locale: str
) -> list[Finding]:
    """axe leaves text on gradients and background images undecided; where the browser measured
    the colours behind the text (checkers.page.rendered.contrast) and the whole range is on one
    side of the threshold, that answer replaces the review (ACT afw4f7, 09o5cg)."""
    enhanced = rule.get("id") == "color-contrast-enhanced"
    tags = list(rule.get("tags") or [])
    decided = []
    for finding in found:
        values = measured.get(finding.location.selector or "")
        answer = verdict(values, enhanced)
        if answer == "passed":
            continue
        if answer == "failed" and values is not None:
            decided.append(msgspec.structs.replace(
                finding,
                outcome="failed",
                severity=severity(rule.get("impact"), wcag_from_tags(tags), tags),
                explanation=(
                    f"Kontrast {values['low']:.1f}:1 bis {values['high']:.1f}:1, im Browser "
                    "hinter dem Text gemessen (Verlauf oder Hintergrundbild)."
                    if locale == "de"
                    else f"Contrast {values['low']:.1f}:1 to {values['high']:.1f}:1, measured "
                    "behind the text in the browser (gradient or background image)."
                ),
            ))
            continue
        decided.append(finding)
    return decided


def _grouped(findings: list[Finding], locale: str) -> Finding:
    """One finding for the page instead of one per element (a page-level barrier)."""
    first = findings[0]
    places = [f.location.selector for f in findings if f.location.selector]
    shown = ", ".join(places[:_GROUP_SHOWN]) + (" …" if len(places) > _GROUP_SHOWN else "")
    count = len(findings)
    where = (
        f"{count} Stellen, zum Beispiel: {shown}"
        if locale == "de"
        else f"{count} places, for example: {shown}"
    )
    return msgspec.structs.replace(
        first,
        message=f"{first.message} ({count} {'Stellen' if locale == 'de' else 'places'})",
        explanation=f"{where}\n{first.explanation or ''}".strip(),
        location=Location(url=first.location.url),
    )


def _rule_findings(
    rule: dict[str, Any],
    outcome: str,
    act_ids: dict[str, list[str]],
    page_url: str | None,
    locale: str = "de",
) -> list[Finding]:
    tags = list(rule.get("tags") or [])
    wcag = wcag_from_tags(tags)
    level = severity(rule.get("impact"), wcag, tags)
    rule_id = f"axe.{rule.get('id')}"
    message = (message_de(str(rule.get("id"))) if locale == "de" else None) or str(
        rule.get("help") or rule.get("description") or rule_id
    )
    findings = []
    for node in rule.get("nodes") or []:
        if outcome == "needs_review" and _nothing_to_decide(str(rule.get("id")), node):
            continue
        if rule.get("id") == "image-alt" and _BARE_IMG.fullmatch(
            str(node.get("html") or "").strip()
        ):
            continue
        node_outcome = outcome
        if outcome == "failed" and (
            (rule.get("id") in SYMBOL_TEXT_RULES and _symbols_only(node))
            or (rule.get("id") == "image-alt" and _IMG_WITHOUT_SOURCE.match(
                str(node.get("html") or "").lstrip()))
        ):
            node_outcome = "needs_review"
        node_level = (
            level if node_outcome == "failed" else "info" if level == "info" else "warning"
        )
        target = node.get("target") or []
        selector = node.get("a11ySelector") or _target_selector(target)
        snippet = " ".join(str(node.get("html") or "").split())
        if len(snippet) > _SNIPPET_MAX:
            snippet = snippet[: _SNIPPET_MAX - 1] + "…"
        summary = (node.get("failureSummary") or "").strip()
        findings.append(
            Finding(
                rule_id=rule_id,
                engine="axe",
                outcome=node_outcome,  # type: ignore[arg-type]
                severity=node_level,  # type: ignore[arg-type]
                message=message,
                explanation=summary or str(rule.get("description") or "") or None,
                location=Location(url=page_url, selector=selector, snippet=snippet or None),
                wcag=wcag,
                act=list(act_ids.get(str(rule.get("id")), [])),
                standards=standards_from_tags(tags),
                help_url=rule.get("helpUrl"),
            )
        )
    return findings


def _nothing_to_decide(rule_id: str, node: dict[str, Any]) -> bool:
    """All the checks that left the node undecided did so for a reason that needs no person."""
    keys = [
        (check.get("data") or {}).get("messageKey") if isinstance(check.get("data"), dict)
        else None
        for group in ("any", "all", "none")
        for check in node.get(group) or []
    ]
    return bool(keys) and all((rule_id, key) in IGNORED_UNDECIDED for key in keys)


def _symbols_only(node: dict[str, Any]) -> bool:
    """The element's text (from axe's snippet) has no letter and no digit."""
    text = html.unescape(_TAG.sub(" ", str(node.get("html") or ""))).strip()
    return bool(text) and not any(ch.isalnum() for ch in text)


def _target_selector(target: list[Any]) -> str:
    """axe's target: one selector, or a list crossing iframes (and shadow roots)."""
    parts = []
    for part in target:
        parts.append(" >> ".join(part) if isinstance(part, list) else str(part))
    return " >>> ".join(parts)
