"""``sarif``: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

Files get a ``physicalLocation`` with line and column (HTML files too: the runner finds the
element's line); pages get their URL as the artifact and the CSS selector as a logical
location. A finding without a line has no ``region`` (a region needs a start); its markup goes
to ``properties.snippet``. Limits of the run (pages left out, skipped URLs) are
``toolConfigurationNotifications``. With a
baseline every result carries ``baselineState`` (``new``/``unchanged``) and each fixed finding
is listed as an ``absent`` result, as SARIF intends. Pages that could not be audited are
``toolExecutionNotifications`` and make ``executionSuccessful`` false.
"""

from __future__ import annotations

import json
from typing import Any

from checkers.report import TOOL_NAME, TOOL_VERSION, Finding, Report
from ci.gate import GateResult
from ci.reporters.common import target_label

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _location(report: Report, finding: Finding) -> dict[str, Any]:
    loc = finding.location
    physical: dict[str, Any] = {"artifactLocation": {"uri": target_label(report)}}
    region: dict[str, Any] = {}
    if loc.line is not None:  # a region without a line would point nowhere: none then
        region["startLine"] = max(1, loc.line)
        if loc.column is not None:
            region["startColumn"] = max(1, loc.column)
        if loc.snippet:
            region["snippet"] = {"text": loc.snippet}
        elif finding.excerpt:
            region["snippet"] = {"text": finding.excerpt}
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if not region and (loc.snippet or finding.excerpt):
        location["properties"] = {"snippet": loc.snippet or finding.excerpt}
    if loc.selector:
        location["logicalLocations"] = [{"fullyQualifiedName": loc.selector, "kind": "element"}]
    return location


def _rule(finding: Finding) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": finding.rule_id,
        "shortDescription": {"text": finding.rule_id},
        "defaultConfiguration": {"level": _LEVEL[finding.severity]},
        "properties": {
            "tags": ["accessibility", *(f"wcag{sc}" for sc in finding.wcag),
                     *(f"act:{a}" for a in finding.act)],
            "engine": finding.engine,
        },
    }
    if finding.help_url:
        rule["helpUri"] = finding.help_url
    if finding.explanation:
        rule["help"] = {"text": finding.explanation}
    return rule


def render(result: GateResult) -> str:
    run = result.run
    rules: list[dict[str, Any]] = []
    rule_index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    baseline = run.baseline is not None
    for ri, report in enumerate(run.reports):
        if report.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": f"{report.error.message} ({report.error.kind})"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": target_label(report)}}}],
                "descriptor": {"id": report.error.kind},
            })
            continue
        keys = result.comparison.keys[ri]
        for fi, finding in enumerate(report.findings):
            if finding.rule_id not in rule_index:
                rule_index[finding.rule_id] = len(rules)
                rules.append(_rule(finding))
            item: dict[str, Any] = {
                "ruleId": finding.rule_id,
                "ruleIndex": rule_index[finding.rule_id],
                "kind": "review" if finding.outcome == "needs_review" else "fail",
                "level": "none" if finding.outcome == "needs_review"
                else _LEVEL[finding.severity],
                "message": {"text": finding.message},
                "locations": [_location(report, finding)],
                "partialFingerprints": {"a11y/v1": keys[fi]},
                "properties": {"wcag": finding.wcag, "act": finding.act,
                               "standards": finding.standards,
                               "failsGate": result.fails(ri, fi)},
            }
            if baseline:
                item["baselineState"] = "new" if result.is_new(ri, fi) else "unchanged"
            results.append(item)
    if run.baseline is not None:
        for entry in run.baseline.fixed:
            if entry.rule_id not in rule_index:
                rule_index[entry.rule_id] = len(rules)
                rules.append({"id": entry.rule_id,
                              "shortDescription": {"text": entry.rule_id}})
            results.append({
                "ruleId": entry.rule_id,
                "ruleIndex": rule_index[entry.rule_id],
                "kind": "pass",
                "level": "none",
                "message": {"text": f"Behoben / fixed: {entry.message}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": entry.target}}}],
                "partialFingerprints": {"a11y/v1": entry.fingerprint},
                "baselineState": "absent",
            })
    invocation: dict[str, Any] = {
        "executionSuccessful": run.summary.reports_failed == 0,
        "exitCode": run.exit_code,
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    if run.limits:  # what was left out: people must see it, not only the JSON
        invocation["toolConfigurationNotifications"] = [
            {"level": "warning", "message": {"text": limit},
             "descriptor": {"id": limit.partition(":")[0].strip() or "limit"}}
            for limit in run.limits
        ]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": TOOL_NAME,
                "version": TOOL_VERSION,
                "semanticVersion": TOOL_VERSION,
                "rules": rules,
            }},
            "invocations": [invocation],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {"summary": {
                "reports": run.summary.reports, "reportsFailed": run.summary.reports_failed,
                "errors": run.summary.errors, "warnings": run.summary.warnings,
            }},
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
