"""``gitlab``: GitLab Code Quality JSON (merge request widget and diff annotations).

GitLab needs a unique ``fingerprint`` per issue to tell new from old between the source and
the target branch; the baseline fingerprint is exactly that.
"""

from __future__ import annotations

import json

from ci.gate import GateResult
from ci.reporters.common import target_label

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result: GateResult) -> str:
    issues = []
    for ri, report in enumerate(result.run.reports):
        path = target_label(report)
        if report.error is not None:
            issues.append({
                "description": f"Nicht prüfbar / could not be audited: {report.error.message}",
                "check_name": f"a11y.{report.error.kind}",
                "fingerprint": f"error-{ri}-{report.error.kind}-{path}",
                "severity": "blocker",
                "location": {"path": path, "lines": {"begin": 1}},
            })
            continue
        keys = result.comparison.keys[ri]
        for fi, finding in enumerate(report.findings):
            severity = "info" if finding.outcome == "needs_review" else _SEVERITY[finding.severity]
            if result.fails(ri, fi) and severity == "major":
                severity = "critical"
            description = finding.message
            if finding.location.selector:
                description += f" ({finding.location.selector})"
            issues.append({
                "type": "issue",
                "description": description,
                "check_name": finding.rule_id,
                "fingerprint": keys[fi],
                "severity": severity,
                "categories": ["Style"] if finding.engine == "text" else ["Compatibility"],
                "location": {"path": path, "lines": {"begin": finding.location.line or 1}},
            })
    return json.dumps(issues, ensure_ascii=False, indent=2)
