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
from checkers.page.axe import extra_rules
from checkers.page.fetch import FetchResult

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
    # The SVG document is inapplicable (not an error), so both rules are complete.
    assert ratings == {"23a2a8": "complete", "b5c3f8": "complete"}, rows
    assert totals == {"complete": 2, "approved": 2}


def test_missing_cases_directory_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert act_report.main([str(tmp_path)]) == 2
    assert "testcases.json" in capsys.readouterr().err
