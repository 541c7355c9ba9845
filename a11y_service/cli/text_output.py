"""The text check's report for a person at a terminal: findings grouped by sentence, the sentence
quoted with the flagged words marked, the sentences that gain most first, suggestions indented,
and a summary that says what to do first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from checkers.report import Finding, Report
from checkers.rules import severity_rank

SEVERITY_LABEL = {
    "de": {"error": "Fehler", "warning": "Warnung", "info": "Hinweis"},
    "en": {"error": "error", "warning": "warning", "info": "note"},
}
MAX_QUOTE = 320
MAX_SUGGESTIONS = 2
MARK_OPEN, MARK_CLOSE = "»", "«"


@dataclass
class _Group:
    start: int
    end: int
    line: int | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def weight(self) -> int:
        return sum(1 + severity_rank(f.severity) for f in self.findings)


def render_text(report: Report, locale: str, source: str | None = None) -> str:
    de = locale != "en"
    lines = _header(report, de)
    groups = _groups(report, source)
    for number, group in enumerate(groups, start=1):
        lines.append("")
        lines.append(_group_title(group, number, source, de))
        group.findings.sort(
            key=lambda f: (-severity_rank(f.severity), f.location.start or 0)
        )
        for finding in group.findings:
            label = SEVERITY_LABEL["de" if de else "en"].get(finding.severity, finding.severity)
            lines.append(f"  {label}: {finding.message}  [{finding.rule_id}]")
            for suggestion in finding.suggestions[:MAX_SUGGESTIONS]:
                text = suggestion.text.replace("\n", "\n        ")
                note = f"  ({suggestion.note})" if suggestion.note else ""
                lines.append(f"      → {text}{note}")
    lines.append("")
    lines.extend(_footer(report, de))
    return "\n".join(lines)


def _header(report: Report, de: bool) -> list[str]:
    m = report.metrics
    lines = []
    if m.get("score") is not None:
        lines.append(
            f"Verständlichkeit: {m['score']} von 100 ({m.get('level')}), "
            f"{m.get('words')} Wörter, {m.get('sentences')} Sätze"
            if de
            else f"Understandability: {m['score']} of 100 ({m.get('level')}), "
            f"{m.get('words')} words, {m.get('sentences')} sentences"
        )
    else:
        lines.append(
            f"{m.get('words')} Wörter, {m.get('sentences')} Sätze (keine Bewertung für diese "
            "Sprache)"
            if de
            else f"{m.get('words')} words, {m.get('sentences')} sentences (no score for this "
            "language)"
        )
    if "lix" in m:
        lines.append(
            f"Flesch (Amstad) {m.get('flesch_amstad')}, WSTF {m.get('wiener_sachtextformel')}, "
            f"LIX {m.get('lix')}"
        )
    elif "flesch_reading_ease" in m:
        lines.append(
            f"Flesch Reading Ease {m.get('flesch_reading_ease')}, "
            f"Flesch-Kincaid {m.get('flesch_kincaid_grade')}"
        )
    verdict = report.verdict if isinstance(report.verdict, dict) else None
    if verdict:
        lines.append(("Ergebnis: " if de else "Verdict: ") + str(verdict.get("text", "")))
        first = [r.get("message", "") for r in verdict.get("reasons", [])]
        if first:
            lines.append(("Zuerst: " if de else "First: ") + "; ".join(first) + ".")
    elif report.findings:
        common = Counter(f.rule_id for f in report.findings).most_common(3)
        lines.append(
            ("Häufigste Hinweise: " if de else "Most frequent: ")
            + ", ".join(f"{rule} ({count})" for rule, count in common)
        )
    lines.extend(f"  {limit}" for limit in report.limits)
    return lines


def _groups(report: Report, source: str | None) -> list[_Group]:
    spans: list[tuple[int, int]] = [
        (int(s["start"]), int(s["end"]))
        for s in report.metrics.get("sentence_metrics", [])  # type: ignore[union-attr]
        if isinstance(s, dict) and "start" in s
    ]
    groups: dict[tuple[int, int], _Group] = {}
    for finding in report.findings:
        start = finding.location.start or 0
        end = finding.location.end or start
        span = next((s for s in spans if s[0] <= start < s[1]), (start, end))
        group = groups.get(span)
        if group is None:
            group = groups[span] = _Group(span[0], span[1], finding.location.line)
        group.findings.append(finding)
    # What helps most: sentences with the most and most serious findings first; ties in order.
    return sorted(groups.values(), key=lambda g: (-g.weight, g.start))


def _group_title(group: _Group, number: int, source: str | None, de: bool) -> str:
    where = (f"Zeile {group.line}" if de else f"line {group.line}") if group.line else ""
    if source is None or group.end > len(source):
        return f"{number}. {where}"
    quote = _marked(source, group)
    return f"{number}. {where}: „{quote}“" if de else f"{number}. {where}: “{quote}”"


def _marked(source: str, group: _Group) -> str:
    """The sentence with every word span a finding flags marked (not whole-sentence spans)."""
    marks: list[tuple[int, int]] = []
    for finding in group.findings:
        start, end = finding.location.start or 0, finding.location.end or 0
        if (start, end) == (group.start, group.end) or not (group.start <= start < end):
            continue
        if end - start > 0.8 * (group.end - group.start):
            continue
        marks.append((start, min(end, group.end)))
    merged: list[list[int]] = []
    for start, end in sorted(marks):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, position = [], group.start
    for start, end in merged:
        out.append(source[position:start])
        out.append(MARK_OPEN + source[start:end] + MARK_CLOSE)
        position = end
    out.append(source[position : group.end])
    text = " ".join("".join(out).split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def _footer(report: Report, de: bool) -> list[str]:
    s = report.summary
    return [
        f"{s.errors} Fehler, {s.warnings} Warnungen, {s.infos} Hinweise"
        if de
        else f"{s.errors} errors, {s.warnings} warnings, {s.infos} notes"
    ]


def verdict_passed(report: Report) -> bool:
    verdict: Any = report.verdict
    return not isinstance(verdict, dict) or bool(verdict.get("passed", True))
