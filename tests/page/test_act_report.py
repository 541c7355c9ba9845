"""The ACT implementation report: rating per the W3C procedure, EARL output, XML documents.

The test cases here are the project's own small pages in the W3C's layout (testcases.json plus
files), not the published ACT cases, which stay outside the repository.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from checkers.page.audit import xml_document_root
from checkers.page.axe import axe_findings, extra_rules, severity
from checkers.page.browser import AxeOutcome
from checkers.page.fetch import FetchResult
from checkers.report import Finding, Location

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("act_report", ROOT / "scripts" / "act_report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["act_report"] = module
    spec.loader.exec_module(module)
    return module


act_report = _script()


def _case(expected: str, rule: str = "23a2a8") -> object:
    return act_report.TestCase(
        rule_id=rule,
        rule_name="",
        approved=True,
        expected=expected,
        testcase_id="x",
        title=expected,
        relative_path="x.html",
        url="https://example.org/x.html",
        requirements=["wcag20:1.1.1"],
    )


def _result(expected: str, outcomes: dict[str, str], error: str | None = None) -> object:
    result = act_report.CaseResult(_case(expected), dict(outcomes))
    result.error = error
    return result


def test_rating_follows_the_w3c_procedure() -> None:
    complete = [_result("failed", {"a": "failed"}), _result("passed", {"a": "passed"})]
    assert act_report.rate(complete) == "complete"
    # Undecided (needs review) or untested cases make an implementation partial, not wrong.
    partial = [*complete, _result("passed", {"a": "cantTell"})]
    assert act_report.rate(partial) == "partial"
    assert act_report.rate([*complete, _result("inapplicable", {}, "not-html")]) == "partial"
    # A false alarm and a missed failure are both inconsistent.
    assert act_report.rate([*complete, _result("inapplicable", {"a": "failed"})]) == "inconsistent"
    assert act_report.rate([*complete, _result("failed", {"a": "passed"})]) == "inconsistent"
    # Any procedure failing counts for the rule.
    assert act_report.rate([_result("failed", {"a": "passed", "b": "failed"})]) == "complete"


def test_earl_report_has_one_assertion_per_procedure() -> None:
    report = act_report.earl_report([_result("failed", {"axe.image-alt": "failed"})], "4.14.1")
    assert report["@context"] == act_report.EARL_CONTEXT
    subject = report["@graph"][1]
    assert subject["source"] == "https://example.org/x.html"
    (assertion,) = subject["assertions"]
    assert assertion["test"]["title"] == "axe.image-alt"
    assert assertion["result"]["outcome"] == "earl:failed"
    assert assertion["test"]["isPartOf"][0]["title"] == "wcag20:1.1.1"


@pytest.mark.parametrize(
    ("content_type", "url", "body", "root"),
    [
        ("image/svg+xml", "http://h/a.svg", b'<?xml version="1.0"?><svg xmlns="x"/>', "svg"),
        ("application/xml", "http://h/m.xml", b"<!-- c --><math></math>", "math"),
        ("image/svg+xml", "http://h/b.svg", b"<html><body><svg/></body></html>", "html"),
        ("", "file:///tmp/a.svg", b"<svg></svg>", "svg"),
        ("text/html", "http://h/", b"<svg></svg>", None),
        ("application/xhtml+xml", "http://h/x.xhtml", b"<html/>", None),
        ("", "file:///tmp/a.html", b"<svg></svg>", None),
    ],
)
def test_xml_documents_are_recognised(
    content_type: str, url: str, body: bytes, root: str | None
) -> None:
    fetched = FetchResult(url=url, status=200, content_type=content_type, body=body)
    assert xml_document_root(fetched) == root


def test_extra_axe_rules_follow_the_requested_level() -> None:
    aa = extra_rules(("wcag2a", "wcag2aa", "wcag21aa"))
    assert aa["css-orientation-lock"] == {"enabled": True}
    assert "color-contrast-enhanced" not in aa
    assert aa["label-content-name-mismatch"] == {"enabled": False}
    aaa = extra_rules(("wcag2a", "wcag21aa", "wcag2aaa"))
    assert aaa["color-contrast-enhanced"] == {"enabled": True}


def test_halves_are_fixed_by_the_rule_id_alone() -> None:
    # The split was made before any rule was tuned; it must never move.
    assert act_report.rule_half("e086e5") == "dev"
    assert act_report.rule_half("d0f69e") == "dev"
    assert act_report.rule_half("23a2a8") == "check"
    assert act_report.rule_half("c487ae") == "check"


def test_detection_and_false_alarms_per_half() -> None:
    def result(rule: str, expected: str, outcomes: dict[str, str]) -> object:
        return act_report.CaseResult(_case(expected, rule), outcomes)

    results = [
        result("e086e5", "failed", {"axe.label": "failed", "static.form-label": "passed"}),
        result("e086e5", "passed", {"axe.label": "passed", "static.form-label": "cantTell"}),
        result("e086e5", "inapplicable", {"axe.label": "failed"}),
        result("23a2a8", "failed", {"static.image-alt": "failed"}),
    ]
    figures = act_report.detection(results)
    assert figures["dev"]["audit"]["detected"] == 1
    assert figures["dev"]["audit"]["false_alarms"] == 1
    assert figures["dev"]["own"]["detected"] == 0  # the own rule missed it
    assert figures["dev"]["own"]["review"] == 1
    assert figures["check"]["own"]["detection"] == 1.0


def test_a_hit_that_names_no_act_rule_does_not_count_for_it() -> None:
    # A field named only by its placeholder is a 3.3.2 review, not an e086e5 failure.
    case = _case("passed", "e086e5")
    finding = Finding(
        rule_id="static.form-label", engine="static", outcome="needs_review",
        severity="warning", message="m", location=Location(url="u", selector="#f"),
        wcag=["3.3.2"], act=[],
    )
    result = act_report.case_result(
        case, _report_ok(), [finding], ["static.form-label"], {"static.form-label": ["e086e5"]}
    )
    assert result.outcome == "passed"


def _report_ok() -> object:
    class _Report:
        error = None

    return _Report()


def _outcome(violations: list[dict], incomplete: list[dict]) -> AxeOutcome:
    return AxeOutcome(
        status=200, violations=violations, incomplete=incomplete, passes=0, html="",
        final_url="https://example.org/", engine_version="4.x",
    )


def _axe_rule(rule_id: str, tags: list[str], html: str, data: dict | None = None) -> dict:
    check = {"id": rule_id, "data": data, "message": "m"}
    return {
        "id": rule_id, "impact": "serious", "tags": tags, "help": rule_id,
        "nodes": [{"target": ["p"], "html": html, "any": [check], "all": [], "none": []}],
    }


def test_aaa_only_failures_never_break_an_error_gate() -> None:
    assert severity("serious", ["1.4.6"], ["wcag2aaa", "wcag146"]) == "warning"
    assert severity("serious", ["1.4.3"], ["wcag2aa", "wcag143"]) == "error"
    assert severity("serious", ["2.4.4", "2.4.9"], ["wcag2a", "wcag2aaa"]) == "error"
    enhanced = _axe_rule("color-contrast-enhanced", ["wcag2aaa", "wcag146"], "<p>Wort</p>")
    (finding,) = axe_findings(_outcome([enhanced], []), {}, "https://example.org/", "en")
    # Still failed (the ACT report and an AAA audit list it), but only a warning.
    assert (finding.outcome, finding.severity) == ("failed", "warning")


def test_axe_results_that_leave_nothing_to_decide() -> None:
    url = "https://example.org/"
    incomplete = [
        # No style sheet, so nothing can lock the orientation (ACT b33eff: inapplicable).
        _axe_rule("css-orientation-lock", ["wcag21aa", "wcag134"], "<html>"),
        # An empty ARIA value is ignored like a missing attribute.
        _axe_rule("aria-valid-attr-value", ["wcag2a", "wcag412"], '<div aria-checked="">',
                  {"messageKey": "empty"}),
        # Another reason stays for review.
        _axe_rule("aria-valid-attr-value", ["wcag2a", "wcag412"], '<div aria-controls="x">',
                  {"messageKey": "noId"}),
    ]
    violations = [
        _axe_rule("color-contrast", ["wcag2aa", "wcag143"], "<p>----====±±±</p>"),
        _axe_rule("color-contrast", ["wcag2aa", "wcag143"], "<p>Sprechzeiten</p>"),
        _axe_rule("image-alt", ["wcag2a", "wcag111"], '<img width="20">'),
        _axe_rule("image-alt", ["wcag2a", "wcag111"], '<img src="rathaus.png">'),
    ]
    found = axe_findings(_outcome(violations, incomplete), {}, url, "en")
    summary = [(f.rule_id, f.outcome, f.location.snippet) for f in found]
    assert summary == [
        ("axe.color-contrast", "needs_review", "<p>----====±±±</p>"),
        ("axe.color-contrast", "failed", "<p>Sprechzeiten</p>"),
        ("axe.image-alt", "needs_review", '<img width="20">'),
        ("axe.image-alt", "failed", '<img src="rathaus.png">'),
        ("axe.aria-valid-attr-value", "needs_review", '<div aria-controls="x">'),
    ]


OWN_CASES = {
    # (rule, expected, extension, content)
    "img-missing": ("23a2a8", "failed", "html", '<html lang="en"><title>t</title><img src=a.png>'),
    "img-alt": ("23a2a8", "passed", "html", '<html lang="en"><title>t</title><img alt="Logo">'),
    "img-hidden": (
        "23a2a8",
        "inapplicable",
        "html",
        '<html lang="en"><title>t</title><div hidden><img src="a.png"></div>',
    ),
    "lang-missing": ("b5c3f8", "failed", "html", "<html><title>t</title><p>x</p></html>"),
    "lang-svg": ("b5c3f8", "inapplicable", "svg", '<svg xmlns="http://www.w3.org/2000/svg"/>'),
    # The project's own pages for each fix (not the W3C files): no style sheet, no lock.
    "orient-none": ("b33eff", "inapplicable", "html",
                    '<html lang="de"><title>t</title><p>Sprechzeiten</p></html>'),
    "orient-lock": ("b33eff", "failed", "html",
                    '<html lang="de"><title>t</title><style>@media (orientation: portrait) '
                    "{ html { transform: rotate(90deg) } }</style><p>Sprechzeiten</p></html>"),
    "line-locked": ("78fd32", "failed", "html",
                    '<html lang="de"><title>t</title>'
                    '<p style="line-height: 1.1 !important">Sprechzeiten</p></html>'),
    "line-free": ("78fd32", "passed", "html",
                  '<html lang="de"><title>t</title><p style="line-height: 1.1">Amt</p></html>'),
    "th-alone": ("d0f69e", "failed", "html",
                 '<html lang="de"><title>t</title><table><tr><th>Amt</th><th>Telefon</th></tr>'
                 "<tr><td>Bürgerbüro</td></tr></table></html>"),
    "th-ok": ("d0f69e", "passed", "html",
              '<html lang="de"><title>t</title><table><tr><th>Amt</th><th>Telefon</th></tr>'
              "<tr><td>Bürgerbüro</td><td>0800</td></tr></table></html>"),
    "placeholder": ("e086e5", "passed", "html",
                    '<html lang="de"><title>t</title><input placeholder="Suchbegriff"></html>'),
    "idref-list": ("6a7281", "failed", "html",
                   '<html lang="de"><title>t</title><input aria-label="Ort" aria-invalid="true" '
                   'aria-errormessage="e1 e2"><p id="e1">a</p><p id="e2">b</p></html>'),
    "aria-empty": ("6a7281", "inapplicable", "html",
                   '<html lang="de"><title>t</title>'
                   '<div role="checkbox" aria-checked tabindex="0">Ja</div></html>'),
}


@pytest.mark.browser
def test_report_on_own_cases_in_the_w3c_layout(tmp_path: Path) -> None:
    cases = []
    for name, (rule, expected, ext, content) in OWN_CASES.items():
        relative = f"testcases/{rule}/{name}.{ext}"
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(content, encoding="utf-8")
        cases.append(
            {
                "ruleId": rule,
                "ruleName": rule,
                "approved": True,
                "expected": expected,
                "testcaseId": name,
                "testcaseTitle": name,
                "relativePath": relative,
                "url": f"https://example.org/{relative}",
                "ruleAccessibilityRequirements": {"wcag20:1.1.1": {}},
            }
        )
    (tmp_path / "testcases.json").write_text(json.dumps({"testcases": cases}), encoding="utf-8")
    out = tmp_path / "earl.json"
    assert act_report.main([str(tmp_path), "--out", str(out), "--json", "--workers", "1"]) == 0
    earl = json.loads(out.read_text(encoding="utf-8"))
    sources = {node.get("source") for node in earl["@graph"][1:]}
    assert "https://example.org/testcases/b5c3f8/lang-svg.svg" in sources
    results, act_map, _ = act_report.run(tmp_path, None, 1)
    rows, totals = act_report.table(
        results, act_report.all_rule_names(tmp_path), act_report.procedures_for(act_map)
    )
    ratings = {row["rule"]: row["rating"] for row in rows}
    # The SVG document is inapplicable (not an error), so both rules are complete; so is
    # every rule with the project's own pages for the fixes.
    assert set(ratings.values()) == {"complete"}, rows
    assert totals == {"complete": len(ratings), "approved": len(ratings)}


def test_missing_cases_directory_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert act_report.main([str(tmp_path)]) == 2
    assert "testcases.json" in capsys.readouterr().err
