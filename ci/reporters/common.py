"""What every report format needs: a readable name and a path for a page or file target."""

from __future__ import annotations

from checkers.report import Finding, Report


def target_label(report: Report) -> str:
    target = report.target
    return target.url or target.id or "?"


def artifact_path(report: Report) -> str:
    """A file's path as given (relative to the repository), a page's URL."""
    return target_label(report)


def where(finding: Finding) -> str:
    loc = finding.location
    if loc.line is not None:
        return f"{loc.line}:{loc.column or 1}"
    return loc.selector or ""


def is_file(report: Report) -> bool:
    return report.target.kind in ("file", "text")
