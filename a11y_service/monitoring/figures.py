"""What one finished site audit says, in numbers: barriers by severity and WCAG principle, the
German duties (accessibility statement, Leichte Sprache, DGS), the pages' text scores, and the
index that makes sites comparable.

The index (0 to 100, higher is better) is documented on the observatory page; change it there
too. It is the weighted mean of three parts, each 0 to 100:

- pages without errors (weight 60): the share of audited pages with no failed finding of
  severity "error" from any engine;
- German duties (weight 25): the share of the three duties the automated check saw met
  (statement linked and current, Leichte Sprache link, DGS link on the homepage);
- understandability (weight 15): the mean understandability score of the pages' main texts.

A part that could not be measured (no text engine, no BITV engine, no page audited) is left
out and the other weights are scaled up, so the index stays on the same 0 to 100 scale.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")
PRINCIPLES = ("1", "2", "3", "4", "none")
PRINCIPLE_NAMES = {
    "1": ("Wahrnehmbar", "Perceivable"),
    "2": ("Bedienbar", "Operable"),
    "3": ("Verständlich", "Understandable"),
    "4": ("Robust", "Robust"),
    "none": ("Ohne WCAG-Bezug (BITV, Text)", "No WCAG reference (BITV, text)"),
}
SEVERITY_NAMES = {
    "error": ("Fehler", "Errors"),
    "warning": ("Warnungen", "Warnings"),
    "info": ("Hinweise", "Notes"),
}
# Duty -> the BITV rules whose failed finding on the homepage means "not met".
DUTY_RULES: dict[str, tuple[str, ...]] = {
    "statement": ("bitv.statement-linked", "bitv.statement-dates"),
    "leichte_sprache": ("bitv.easy-language-link",),
    "dgs": ("bitv.sign-language-link",),
}
DUTY_NAMES = {
    "statement": ("Erklärung zur Barrierefreiheit (verlinkt, aktuell)",
                  "Accessibility statement (linked, current)"),
    "leichte_sprache": ("Leichte Sprache", "Easy-to-read German (Leichte Sprache)"),
    "dgs": ("Gebärdensprache (DGS)", "German Sign Language (DGS)"),
}
DUTY_STATES = {
    "met": ("erfüllt", "met"),
    "missing": ("fehlt", "missing"),
    "review": ("bitte prüfen", "please check"),
    "unknown": ("nicht geprüft", "not checked"),
}
WEIGHTS = {"pages": 60.0, "duties": 25.0, "text": 15.0}


@dataclass(slots=True)
class AuditFigures:
    pages: int = 0
    pages_without_errors: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_principle: dict[str, int] = field(default_factory=dict)
    needs_review: int = 0
    duties: dict[str, str] = field(default_factory=dict)
    text_scores: list[float] = field(default_factory=list)
    index: float | None = None

    def to_json(self) -> str:
        return json.dumps({
            "by_severity": self.by_severity,
            "by_principle": self.by_principle,
            "duties": self.duties,
            "text_scores": self.text_scores,
        }, separators=(",", ":"))


def principle_of(wcag: list[str]) -> str:
    """The WCAG principle (first number of the first criterion), or "none"."""
    for criterion in wcag:
        head = criterion.split(".", 1)[0]
        if head in PRINCIPLES:
            return head
    return "none"


def _duty_state(homepage: dict[str, Any] | None, rules: tuple[str, ...], bitv_ran: bool) -> str:
    if homepage is None or not bitv_ran or homepage.get("error"):
        return "unknown"
    outcomes = {f.get("outcome") for f in homepage.get("findings", [])
                if f.get("rule_id") in rules}
    if "failed" in outcomes:
        return "missing"
    if "needs_review" in outcomes:
        return "review"
    return "met"


def compute_index(pages: int, pages_without_errors: int, duties: dict[str, str],
                  text_scores: list[float]) -> float | None:
    parts: dict[str, float] = {}
    if pages:
        parts["pages"] = 100.0 * pages_without_errors / pages
    judged = [state for state in duties.values() if state != "unknown"]
    if judged:
        parts["duties"] = 100.0 * sum(state == "met" for state in judged) / len(judged)
    if text_scores:
        parts["text"] = sum(text_scores) / len(text_scores)
    if not parts:
        return None
    weight = sum(WEIGHTS[name] for name in parts)
    return round(sum(WEIGHTS[name] * value for name, value in parts.items()) / weight, 1)


def audit_figures(run: dict[str, Any], engines: list[str]) -> AuditFigures:
    """The figures of a run report (``a11y check --format json``)."""
    figures = AuditFigures()
    severity: Counter[str] = Counter()
    principle: Counter[str] = Counter()
    reports = [r for r in run.get("reports", []) if isinstance(r, dict)]
    for report in reports:
        if report.get("error"):
            continue
        figures.pages += 1
        has_error = False
        for finding in report.get("findings", []):
            if finding.get("outcome") == "needs_review":
                figures.needs_review += 1
                continue
            level = str(finding.get("severity") or "info")
            severity[level] += 1
            principle[principle_of(list(finding.get("wcag") or []))] += 1
            has_error = has_error or level == "error"
        if not has_error:
            figures.pages_without_errors += 1
        text = (report.get("metrics") or {}).get("text") or {}
        score = text.get("score") if isinstance(text, dict) else None
        if isinstance(score, (int, float)):
            figures.text_scores.append(round(float(score), 1))
    figures.by_severity = {name: severity.get(name, 0) for name in SEVERITIES}
    figures.by_principle = {name: principle.get(name, 0) for name in PRINCIPLES}
    homepage = reports[0] if reports else None
    bitv_ran = "bitv" in engines
    figures.duties = {duty: _duty_state(homepage, rules, bitv_ran)
                      for duty, rules in DUTY_RULES.items()}
    figures.index = compute_index(figures.pages, figures.pages_without_errors, figures.duties,
                                  figures.text_scores)
    return figures


def score_distribution(scores: list[float]) -> dict[str, int]:
    """Pages per understandability level, with the text check's own thresholds."""
    from checkers.text.score import LEVELS, level_for

    bands = dict.fromkeys(LEVELS, 0)
    for score in scores:
        bands[level_for(score)] += 1
    return bands
