"""``junit``: JUnit XML as GitLab (``artifacts:reports:junit``) and Jenkins read it.

One ``testsuite`` per page or file, one ``testcase`` per rule that reported something there
(a ``failure`` when one of its findings fails the gate, the others in ``system-out``), and an
``error`` test case for a page that could not be audited. A clean page is one passing case.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from checkers.report import Finding
from ci.gate import GateResult
from ci.reporters.common import target_label, where


def render(result: GateResult) -> str:
    run = result.run
    root = ET.Element("testsuites", name="a11y")
    total = failures = errors = 0
    for ri, report in enumerate(run.reports):
        label = target_label(report)
        suite = ET.SubElement(root, "testsuite", name=label)
        cases = failed = errored = 0
        if report.error is not None:
            case = ET.SubElement(suite, "testcase", classname=label, name="audit")
            error = ET.SubElement(case, "error", type=report.error.kind,
                                  message=report.error.message)
            error.text = report.error.message
            cases, errored = 1, 1
        else:
            by_rule: dict[str, list[int]] = defaultdict(list)
            for fi, finding in enumerate(report.findings):
                by_rule[finding.rule_id].append(fi)
            if not by_rule:
                ET.SubElement(suite, "testcase", classname=label, name="a11y")
                cases = 1
            for rule_id, indexes in by_rule.items():
                case = ET.SubElement(suite, "testcase", classname=label, name=rule_id)
                cases += 1
                failing = [fi for fi in indexes if result.fails(ri, fi)]
                lines = [_line(report.findings[fi], result.is_new(ri, fi)) for fi in indexes]
                if failing:
                    failed += 1
                    first = report.findings[failing[0]]
                    failure = ET.SubElement(
                        case, "failure", type=first.severity,
                        message=f"{len(failing)}× {first.message}",
                    )
                    failure.text = "\n".join(lines)
                else:
                    out = ET.SubElement(case, "system-out")
                    out.text = "\n".join(lines)
        suite.set("tests", str(cases))
        suite.set("failures", str(failed))
        suite.set("errors", str(errored))
        suite.set("skipped", "0")
        total, failures, errors = total + cases, failures + failed, errors + errored
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    if result.duration:
        root.set("time", f"{result.duration:.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _line(finding: Finding, new: bool) -> str:
    state = "neu/new" if new else "bekannt/known"
    line = f"[{finding.severity}] {where(finding)} {finding.message} ({state})"
    if finding.location.snippet:
        line += f"\n    {finding.location.snippet}"
    return line
