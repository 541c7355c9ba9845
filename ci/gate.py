"""The gate: configuration applied to findings, the baseline compared, one exit code.

Kept apart from the runner so the rules that decide a release (what counts, what fails) are
plain functions over reports, testable without a browser or a network.

Exit codes: 0 nothing over the thresholds; 1 findings over them; 2 usage or tool error, or a
page or file that could not be audited — never 0 then, because a page that did not load is a
page nobody checked. A run that audited nothing at all is 2 as well (``allow_empty=False``),
except when ``--changed-only`` left no file to check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

import msgspec

from checkers.page.site.config import CheckConfig, PathOverride
from checkers.report import ExitCode, Finding, Report, Run, summarize, summarize_run
from checkers.rules import severity_rank
from ci.baseline import BaselineEntry, BaselineFile, Comparison, compare, target_key

NOTHING_AUDITED = (
    "no-targets: Nichts geprüft – keine Seite und keine Datei gefunden (leere Sitemap, Seiten "
    "auf einem anderen Ursprung oder alles ausgeschlossen) / Nothing audited – no page and no "
    "file found (empty sitemap, pages on another origin or everything excluded)"
)


class BaselineSummary(msgspec.Struct):
    file: str
    known: int = 0
    new: int = 0
    fixed: list[BaselineEntry] = msgspec.field(default_factory=list)


class CheckRun(Run, kw_only=True):
    """A :class:`Run` plus what the gate decided; the JSON is a superset of the run object."""

    fail_on: str = "error"
    exit_code: int = 0
    baseline: BaselineSummary | None = None


@dataclass(slots=True)
class GateResult:
    run: CheckRun
    comparison: Comparison
    locale: str = "de"
    duration: float = 0.0
    thresholds: list[str] = field(default_factory=list)  # per report: its fail_on

    @property
    def exit_code(self) -> int:
        return self.run.exit_code

    def is_new(self, report_index: int, finding_index: int) -> bool:
        return self.comparison.is_new(report_index, finding_index)

    def fails(self, report_index: int, finding_index: int) -> bool:
        """Does this finding by itself fail the gate?"""
        finding = self.run.reports[report_index].findings[finding_index]
        return _fails(finding, self.thresholds[report_index],
                      self.is_new(report_index, finding_index))


def _path_of(report: Report) -> str:
    return target_key(report)


def overrides_for(report: Report, config: CheckConfig) -> list[PathOverride]:
    path = _path_of(report)
    return [o for o in config.overrides if any(fnmatchcase(path, p) for p in o.paths)]


def _ignored(finding: Finding, selectors: tuple[str, ...]) -> bool:
    """A finding inside an ignored element. Selectors are compared as text: the finding's
    selector equals the ignored one or starts with it followed by a combinator."""
    selector = (finding.location.selector or "").strip()
    if not selector:
        return False
    for raw in selectors:
        ignored = raw.strip()
        if selector == ignored or selector.startswith((ignored + " ", ignored + ">")):
            return True
        # "#banner" also covers "div#banner > a" and "#banner.x"
        if ignored.startswith(("#", ".")) and any(
            part == ignored or part.endswith(ignored) or part.startswith(ignored + ".")
            for part in selector.replace(">", " ").split()
        ):
            return True
    return False


def apply_config(report: Report, config: CheckConfig) -> tuple[Report, str]:
    """Rules off, severity overrides and ignored selectors (global, then per path); returns the
    report with its summary recomputed and the threshold that applies to it."""
    rules = dict(config.rules)
    ignored = list(config.ignore_selectors)
    fail_on = config.fail_on
    for override in overrides_for(report, config):
        rules.update(override.rules)
        ignored.extend(override.ignore_selectors)
        fail_on = override.fail_on or fail_on
    if report.error is not None or not (rules or ignored):
        return report, fail_on
    kept = []
    for finding in report.findings:
        setting = rules.get(finding.rule_id, True)
        if setting is False or _ignored(finding, tuple(ignored)):
            continue
        if isinstance(setting, str) and setting != finding.severity:
            kept.append(msgspec.structs.replace(finding, severity=setting))
        else:
            kept.append(finding)
    report = msgspec.structs.replace(report, findings=kept, summary=summarize(kept))
    return report, fail_on


def _fails(finding: Finding, fail_on: str, new: bool) -> bool:
    if finding.outcome != "failed" or fail_on == "never" or not new:
        return False
    if fail_on == "new":
        return True
    return severity_rank(finding.severity) >= severity_rank(fail_on)


def decide(
    reports: list[Report],
    config: CheckConfig,
    baseline: BaselineFile | None = None,
    baseline_path: Path | None = None,
    limits: list[str] | None = None,
    locale: str = "de",
    allow_empty: bool = True,
) -> GateResult:
    """``allow_empty=False``: a run that audited nothing exits 2 — an empty sitemap, pages on
    another origin or everything excluded must not pass as "no findings"."""
    adjusted: list[Report] = []
    thresholds: list[str] = []
    for original in reports:
        report, fail_on = apply_config(original, config)
        adjusted.append(report)
        thresholds.append(fail_on)
    comparison = compare(adjusted, baseline)
    limits = list(limits or [])
    empty = not adjusted and not allow_empty
    if empty:
        limits.append(NOTHING_AUDITED)
    base = summarize_run(adjusted, limits)
    run = CheckRun(summary=base.summary, reports=base.reports, limits=base.limits,
                   fail_on=config.fail_on)
    if baseline is not None:
        run.baseline = BaselineSummary(
            file=str(baseline_path or ""), known=comparison.known, new=len(comparison.new),
            fixed=comparison.fixed,
        )
    result = GateResult(run=run, comparison=comparison, locale=locale, thresholds=thresholds)
    code = ExitCode.OK
    if empty or any(r.error is not None for r in adjusted):
        code = ExitCode.USAGE_OR_TOOL_ERROR
    elif any(
        result.fails(ri, fi)
        for ri, report in enumerate(adjusted)
        for fi in range(len(report.findings))
    ):
        code = ExitCode.FINDINGS
    run.exit_code = int(code)
    return result
