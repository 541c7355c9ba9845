"""What every report format needs: a readable name (a page's URL, a file's path as given)."""

from __future__ import annotations

from checkers.report import Finding, Report


def target_label(report: Report) -> str:
    target = report.target
    return target.url or target.id or "?"


def where(finding: Finding) -> str:
    loc = finding.location
    if loc.line is not None:
        return f"{loc.line}:{loc.column or 1}"
    return loc.selector or ""
