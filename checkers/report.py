"""The one report model shared by every producer (text, static, axe, BITV, translation QA).

Its JSON is versioned (``SCHEMA_VERSION``) and must be byte-identical from the CLI and the API
for the
same input, so both encode through :func:`encode_report`.
"""

from __future__ import annotations

import hashlib
from enum import IntEnum
from typing import Any, Literal

import msgspec

SCHEMA_VERSION = "1"
TOOL_NAME = "a11y"
TOOL_VERSION = "0.1.0"

Severity = Literal["error", "warning", "info"]
Outcome = Literal["failed", "needs_review"]
Engine = Literal["axe", "static", "bitv", "text", "translation", "browser"]


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE_OR_TOOL_ERROR = 2


class Tool(msgspec.Struct, frozen=True):
    name: str = TOOL_NAME
    version: str = TOOL_VERSION


class Target(msgspec.Struct, omit_defaults=True):
    kind: Literal["text", "page", "file"]
    id: str | None = None
    url: str | None = None
    lang: str | None = None
    profile: str | None = None
    format: str | None = None
    name: str | None = None  # the uploaded document's file name (text check of .docx/.odt)


class Location(msgspec.Struct, omit_defaults=True):
    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    url: str | None = None
    selector: str | None = None
    snippet: str | None = None


class Suggestion(msgspec.Struct, omit_defaults=True):
    text: str
    # What the suggestion replaces: the finding's span unless given; offsets into the submitted
    # text.
    start: int | None = None
    end: int | None = None
    note: str | None = None


class Finding(msgspec.Struct, kw_only=True):
    rule_id: str
    engine: Engine
    outcome: Outcome
    severity: Severity
    message: str
    location: Location
    explanation: str | None = None
    excerpt: str | None = None
    suggestions: list[Suggestion] = msgspec.field(default_factory=list)
    wcag: list[str] = msgspec.field(default_factory=list)
    act: list[str] = msgspec.field(default_factory=list)
    standards: list[str] = msgspec.field(default_factory=list)
    help_url: str | None = None
    fingerprint: str = ""
    # Rule ids of other engines' findings on the same element and criterion, folded into this one.
    related: list[str] = msgspec.field(default_factory=list)


class Summary(msgspec.Struct):
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    needs_review: int = 0


class ReportError(msgspec.Struct):
    kind: str
    message: str


class Report(msgspec.Struct, kw_only=True):
    schema_version: str = SCHEMA_VERSION
    tool: Tool = msgspec.field(default_factory=Tool)
    target: Target
    summary: Summary = msgspec.field(default_factory=Summary)
    metrics: dict[str, object] = msgspec.field(default_factory=dict)
    findings: list[Finding] = msgspec.field(default_factory=list)
    error: ReportError | None = None
    limits: list[str] = msgspec.field(default_factory=list)
    # Text checks: does the text follow its profile's rules (checkers.text.verdict.Verdict as
    # JSON)? Left out of the JSON for other reports.
    verdict: dict[str, Any] | msgspec.UnsetType = msgspec.UNSET


class RunSummary(msgspec.Struct):
    """Totals over a run of several reports (pages or files)."""

    reports: int = 0
    reports_failed: int = 0  # could not be audited: an error report
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    needs_review: int = 0


class Run(msgspec.Struct, kw_only=True):
    """One run over several targets: ``a11y check`` and ``POST /v1/audits`` return this."""

    schema_version: str = SCHEMA_VERSION
    tool: Tool = msgspec.field(default_factory=Tool)
    summary: RunSummary = msgspec.field(default_factory=RunSummary)
    reports: list[Report] = msgspec.field(default_factory=list)
    limits: list[str] = msgspec.field(default_factory=list)


def summarize_run(reports: list[Report], limits: list[str] | None = None) -> Run:
    summary = RunSummary(reports=len(reports))
    for report in reports:
        if report.error is not None:
            summary.reports_failed += 1
        summary.errors += report.summary.errors
        summary.warnings += report.summary.warnings
        summary.infos += report.summary.infos
        summary.needs_review += report.summary.needs_review
    return Run(summary=summary, reports=reports, limits=list(limits or []))


def summarize(findings: list[Finding]) -> Summary:
    summary = Summary()
    for finding in findings:
        if finding.outcome == "needs_review":
            summary.needs_review += 1
        elif finding.severity == "error":
            summary.errors += 1
        elif finding.severity == "warning":
            summary.warnings += 1
        else:
            summary.infos += 1
    return summary


def fingerprint(rule_id: str, content: str, context: str = "", occurrence: int = 0) -> str:
    """A hash of the rule and the flagged content, not of offsets: edits elsewhere keep it stable.

    ``occurrence`` tells apart the same content flagged twice in one document.
    """
    raw = "\x1f".join((rule_id, " ".join(content.split()).casefold(), context, str(occurrence)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


_encoder = msgspec.json.Encoder()


def encode_report(report: Report | Run) -> bytes:
    return _encoder.encode(report)
