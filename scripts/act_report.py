"""Measure the page audit on the W3C ACT rules' test cases and write an implementation report.

Follows the W3C's procedure for ACT implementation reports: every published test case is
audited, each test case yields one EARL assertion per procedure (the project's rule ids that
declare the ACT rule), and each ACT rule is rated from the outcomes:

- ``complete``: every failed example is reported as failed, no passed or inapplicable example
  is reported as failed, nothing is left undecided;
- ``partial``: no wrong outcome, but some examples end as ``cantTell`` (needs review) or untested;
- ``inconsistent``: a passed/inapplicable example reported as failed, or a failed example that
  the procedures pass;
- ``untested``: the project has no procedure for the rule.

The test cases are third-party content and never part of the repository: give the directory
they were saved to (``testcases.json`` in the W3C's format, plus the files under
``testcases/<ruleId>/``). The directory is served on loopback, so the test cases' own relative
resources resolve as on the W3C site (``/test-assets/`` is served when it was saved too).

    python scripts/act_report.py CASES_DIR [--out earl.json] [--rules 23a2a8,de46e4] [--json]

Writes the EARL/JSON-LD report (the format the W3C's implementation mapper reads) and prints
a per-rule table with the totals for approved rules.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import http.server
import json
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import msgspec  # noqa: E402

from checkers.page import audit as audit_module  # noqa: E402
from checkers.page.audit import PageAuditor, PageTarget  # noqa: E402
from checkers.page.axe import act_audit_tags  # noqa: E402
from checkers.page.options import AuditOptions, UrlPolicy  # noqa: E402
from checkers.page.rendered import RULES as RENDERED_RULES  # noqa: E402
from checkers.report import Finding, Report, Tool  # noqa: E402

EARL_CONTEXT = "https://act-rules.github.io/earl-context.json"
ASSERTOR = "urn:a11y:page-audit"  # --assertor sets the project's public address
PASS_LIKE = {"passed", "inapplicable"}


@dataclass(slots=True)
class TestCase:
    rule_id: str
    rule_name: str
    approved: bool
    expected: str  # passed | failed | inapplicable
    testcase_id: str
    title: str
    relative_path: str
    url: str
    requirements: list[str]


@dataclass(slots=True)
class CaseResult:
    case: TestCase
    # procedure (project rule id) -> earl outcome: failed | cantTell | passed
    procedures: dict[str, str] = field(default_factory=dict)
    error: str | None = None

    @property
    def outcome(self) -> str:
        """The combined outcome of all procedures for this case's ACT rule."""
        if self.error is not None:
            return "untested"
        values = set(self.procedures.values())
        if "failed" in values:
            return "failed"
        if "cantTell" in values:
            return "cantTell"
        return "passed"


def load_cases(directory: Path, rules: set[str] | None) -> list[TestCase]:
    data = json.loads((directory / "testcases.json").read_text(encoding="utf-8"))
    cases = []
    for item in data["testcases"]:
        if rules and item["ruleId"] not in rules:
            continue
        if not (directory / item["relativePath"]).is_file():
            continue  # not saved: reported as untested in the table, never as a pass
        cases.append(
            TestCase(
                rule_id=item["ruleId"],
                rule_name=item.get("ruleName", ""),
                approved=bool(item.get("approved", item.get("isApproved", False))),
                expected=item["expected"],
                testcase_id=item["testcaseId"],
                title=item.get("testcaseTitle", ""),
                relative_path=item["relativePath"],
                url=item["url"],
                requirements=sorted((item.get("ruleAccessibilityRequirements") or {}).keys()),
            )
        )
    return cases


def all_rule_names(directory: Path) -> dict[str, tuple[str, bool]]:
    data = json.loads((directory / "testcases.json").read_text(encoding="utf-8"))
    names: dict[str, tuple[str, bool]] = {}
    for item in data["testcases"]:
        approved = bool(item.get("approved", item.get("isApproved", False)))
        names[item["ruleId"]] = (item.get("ruleName", ""), approved)
    return names


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class declares it as a class attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        # As the W3C's server does: the test cases are UTF-8 and most declare no charset.
        ".html": "text/html; charset=utf-8",
        ".xhtml": "application/xhtml+xml",
        ".svg": "image/svg+xml",
        ".xml": "application/xml",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@functools.cache
def _serve(directory: str) -> str:
    handler = functools.partial(_QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def procedures_for(act_map: dict[str, list[str]]) -> dict[str, list[str]]:
    """ACT rule id -> the project's rule ids that declare it."""
    by_rule: dict[str, list[str]] = defaultdict(list)
    for rule_id, act_ids in act_map.items():
        for act_id in act_ids:
            by_rule[act_id].append(rule_id)
    return by_rule


def project_act_map(auditor: PageAuditor) -> dict[str, list[str]]:
    """Every rule of the project with the ACT rules it implements (axe's as axe.<id>)."""
    mapping = {r.meta.id: list(r.meta.act) for r in auditor.static_rules if r.meta.act}
    mapping.update({r.id: list(r.act) for r in RENDERED_RULES if r.act})
    for rule_id, act_ids in auditor.pool.act_ids_cached().items():
        if act_ids:
            mapping[f"axe.{rule_id}"] = list(act_ids)
    return mapping


class _UnfoldedFindings:
    """The findings of each page before twins are folded into one: the W3C procedure rates
    each procedure on its own outcome, and a folded finding keeps only its owner's."""

    def __init__(self) -> None:
        self.by_url: dict[str, list[Finding]] = {}
        self._lock = threading.Lock()
        self._merge = audit_module.merge_findings

    def __enter__(self) -> _UnfoldedFindings:
        def recording(findings: list[Finding]) -> list[Finding]:
            url = next((f.location.url for f in findings if f.location.url), None)
            if url is not None:
                with self._lock:
                    self.by_url[url] = [msgspec.structs.replace(f) for f in findings]
            return self._merge(findings)

        audit_module.merge_findings = recording
        return self

    def __exit__(self, *exc: object) -> None:
        audit_module.merge_findings = self._merge


def case_result(
    case: TestCase,
    report: Report,
    findings: list[Finding],
    procedures: list[str],
    act_map: dict[str, list[str]],
) -> CaseResult:
    result = CaseResult(case)
    if report.error is not None:
        result.error = f"{report.error.kind}: {report.error.message}"
        return result
    outcomes: dict[str, str] = {}
    for finding in findings:
        # A finding counts for the ACT rules it names; a hit can name fewer than its rule.
        # The ids the finding itself names: a hit that breaks only some of its rule's
        # criteria names fewer ACT rules than its rule, or none.
        act_ids = finding.act
        if finding.rule_id not in procedures or case.rule_id not in act_ids:
            continue
        value = "failed" if finding.outcome == "failed" else "cantTell"
        if outcomes.get(finding.rule_id) != "failed":
            outcomes[finding.rule_id] = value
    result.procedures = {p: outcomes.get(p, "passed") for p in procedures}
    return result


def rate(results: list[CaseResult]) -> str:
    if not results:
        return "untested"
    wrong = incomplete = 0
    for result in results:
        actual, expected = result.outcome, result.case.expected
        if actual in ("untested", "cantTell"):
            incomplete += 1
        elif (expected == "failed") != (actual == "failed"):
            wrong += 1
    if wrong:
        return "inconsistent"
    return "partial" if incomplete else "complete"


def earl_report(
    results: list[CaseResult], version: str, assertor_id: str = ASSERTOR
) -> dict[str, Any]:
    tool = Tool()
    assertor = {
        "@id": assertor_id,
        "@type": ["earl:Assertor", "earl:Software", "doap:Project"],
        "name": "a11y",
        "description": "axe-core in Chromium plus own static and rendered-page checks",
        "vendor": {"@type": "foaf:Organization", "foaf:name": "a11y"},
        "release": {
            "@type": "doap:Version",
            "revision": f"{tool.version} (axe-core {version})" if version else tool.version,
        },
    }
    graph = []
    for result in results:
        assertions = []
        for procedure, outcome in sorted(result.procedures.items()):
            assertions.append(
                {
                    "@type": "earl:Assertion",
                    "mode": "earl:automatic",
                    "assertedBy": assertor_id,
                    "test": {
                        "@type": "earl:TestCase",
                        "title": procedure,
                        "isPartOf": [
                            {"@type": "earl:TestRequirement", "title": requirement}
                            for requirement in result.case.requirements
                        ],
                    },
                    "result": {"@type": "earl:TestResult", "outcome": f"earl:{outcome}"},
                }
            )
        if result.error is not None:
            assertions.append(
                {
                    "@type": "earl:Assertion",
                    "mode": "earl:automatic",
                    "assertedBy": assertor_id,
                    "test": {"@type": "earl:TestCase", "title": "page-load"},
                    "result": {
                        "@type": "earl:TestResult",
                        "outcome": "earl:cantTell",
                        "description": result.error,
                    },
                }
            )
        graph.append(
            {
                "@type": ["earl:TestSubject", "sch:WebPage"],
                "source": result.case.url,
                "assertions": assertions,
            }
        )
    return {"@context": EARL_CONTEXT, "@graph": [{**assertor}, *graph]}


def run(
    directory: Path, rules: set[str] | None, workers: int
) -> tuple[list[CaseResult], dict[str, list[str]], str]:
    cases = load_cases(directory, rules)
    base = _serve(str(directory))
    options = AuditOptions(
        engines=frozenset({"axe", "static"}),
        policy=UrlPolicy(allow_loopback=True),
        axe_tags=act_audit_tags(),
        locale="en",
    )
    from dataclasses import replace

    # Every test case is audited: the per-run page limit must not cut the corpus short.
    options = replace(
        options,
        browser=replace(options.browser, pool_size=workers),
        max_pages=max(len(cases), options.max_pages),
    )
    with PageAuditor(options) as auditor, _UnfoldedFindings() as unfolded:
        targets = [PageTarget(url=base + case.relative_path) for case in cases]
        run_result = auditor.audit(targets)
        act_map = project_act_map(auditor)
        version = ""
        for report in run_result.reports:
            version = (report.metrics.get("axe") or {}).get("version") or version
    by_rule = procedures_for(act_map)
    results = [
        case_result(
            case,
            report,
            unfolded.by_url.get(report.target.url or "", []),
            sorted(by_rule.get(case.rule_id, [])),
            act_map,
        )
        for case, report in zip(cases, run_result.reports, strict=True)
    ]
    return results, act_map, version


def table(
    results: list[CaseResult], names: dict[str, tuple[str, bool]], by_rule: dict[str, list[str]]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    grouped: dict[str, list[CaseResult]] = defaultdict(list)
    for result in results:
        grouped[result.case.rule_id].append(result)
    rows = []
    totals: dict[str, int] = defaultdict(int)
    for rule_id in sorted(grouped, key=lambda r: (not names.get(r, ("", False))[1], r)):
        cases = grouped[rule_id]
        procedures = by_rule.get(rule_id, [])
        rating = rate(cases) if procedures else "untested"
        wrong = [
            f"{c.case.title}: expected {c.case.expected}, got {c.outcome}"
            + (f" ({c.error})" if c.error else "")
            for c in cases
            if c.outcome in ("untested", "cantTell")
            or (c.case.expected == "failed") != (c.outcome == "failed")
        ]
        approved = names.get(rule_id, ("", False))[1]
        rows.append(
            {
                "rule": rule_id,
                "name": names.get(rule_id, ("", False))[0],
                "approved": approved,
                "rating": rating,
                "cases": len(cases),
                "procedures": procedures,
                "problems": wrong if procedures else [],
            }
        )
        if approved:
            totals[rating] += 1
            totals["approved"] += 1
    return rows, dict(totals)


def rule_half(rule_id: str) -> str:
    """The fixed half of the corpus an ACT rule belongs to: ``dev`` (rules may be tuned on its
    cases) or ``check`` (measured only). Decided by the rule id alone, before any tuning."""
    return "dev" if int(hashlib.sha1(rule_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


OWN_ENGINES = ("static.", "browser.", "bitv.")


def detection(results: list[CaseResult]) -> dict[str, dict[str, dict[str, float | int]]]:
    """Detection and false alarms per half, for the whole audit and for the project's own rules.

    detection: failed examples reported as failed; false alarms: passed or inapplicable
    examples reported as failed; review: passed or inapplicable examples left for review.
    The own rules count only on the ACT rules they declare.
    """
    figures: dict[str, dict[str, dict[str, float | int]]] = {}
    for half in ("dev", "check"):
        for scope in ("audit", "own"):
            failed = detected = clean = alarms = reviews = 0
            for result in results:
                if result.error is not None or rule_half(result.case.rule_id) != half:
                    continue
                outcomes = [
                    outcome
                    for procedure, outcome in result.procedures.items()
                    if scope == "audit" or procedure.startswith(OWN_ENGINES)
                ]
                if not outcomes:
                    continue
                if result.case.expected == "failed":
                    failed += 1
                    detected += "failed" in outcomes
                else:
                    clean += 1
                    alarms += "failed" in outcomes
                    reviews += "failed" not in outcomes and "cantTell" in outcomes
            figures.setdefault(half, {})[scope] = {
                "failed_examples": failed,
                "detected": detected,
                "detection": round(detected / failed, 3) if failed else 0.0,
                "clean_examples": clean,
                "false_alarms": alarms,
                "false_alarm_rate": round(alarms / clean, 3) if clean else 0.0,
                "review": reviews,
            }
    return figures


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("cases", type=Path, help="directory with testcases.json and testcases/")
    parser.add_argument("--out", type=Path, default=Path("act-earl.json"), help="EARL report")
    parser.add_argument("--rules", default="", help="comma-separated ACT rule ids")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.add_argument("--assertor", default=ASSERTOR, help="the tool's public address (IRI)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not (args.cases / "testcases.json").is_file():
        print(
            f"testcases.json fehlt in {args.cases} / testcases.json missing in {args.cases}",
            file=sys.stderr,
        )
        return 2
    rules = {r.strip() for r in args.rules.split(",") if r.strip()} or None
    started = time.perf_counter()
    results, act_map, version = run(args.cases, rules, args.workers)
    names = all_rule_names(args.cases)
    by_rule = procedures_for(act_map)
    rows, totals = table(results, names, by_rule)
    report = earl_report(results, version, args.assertor)
    args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    halves = detection(results)
    if args.json:
        print(json.dumps({"rules": rows, "approved_totals": totals, "halves": halves}, indent=2))
    else:
        for row in rows:
            mark = "A" if row["approved"] else "P"
            print(f"{row['rule']} {mark} {row['rating']:<12} {row['cases']:>3}  {row['name']}")
            for problem in row["problems"]:
                print(f"      {problem}")
        print(f"approved rules: {totals}")
        for half, scopes in halves.items():
            for scope, f in scopes.items():
                print(
                    f"{half:<5} {scope:<5} detection {f['detected']}/{f['failed_examples']}"
                    f" false alarms {f['false_alarms']}/{f['clean_examples']}"
                    f" review {f['review']}"
                )
        print(f"{len(results)} test cases in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
