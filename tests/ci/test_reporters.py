from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import lxml.html
import pytest

from checkers.page.site.config import CheckConfig
from ci.baseline import create_baseline
from ci.gate import GateResult, decide
from ci.reporters import REPORTERS, render
from tests.ci.samples import sample_reports

ROOT = Path(__file__).resolve().parents[2]
# The SARIF 2.1.0 schema (final rtm.5) ships in the npm package @microsoft/jest-sarif (MIT).
SCHEMA_CANDIDATES = [
    os.environ.get("A11Y_SARIF_SCHEMA", ""),
    str(ROOT / "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"),
]


def _result(with_error: bool = True, baseline: bool = False) -> GateResult:
    reports = sample_reports(with_error)
    base = create_baseline(sample_reports(False)[:1]) if baseline else None
    result = decide(reports, CheckConfig(), base)
    result.duration = 1.5
    return result


def sarif_schema() -> dict[str, object]:
    """The schema is a pinned npm dev dependency (package-lock.json); `make install` puts it
    into node_modules, so a missing schema is a setup error, not a reason to skip."""
    for candidate in SCHEMA_CANDIDATES:
        if candidate and Path(candidate).is_file():
            return json.loads(Path(candidate).read_text(encoding="utf-8"))
    raise AssertionError("SARIF schema missing: run `make install` (npm @microsoft/jest-sarif)")


@pytest.mark.parametrize("baseline", [False, True])
def test_sarif_is_valid_2_1_0(baseline: bool) -> None:
    log = json.loads(render("sarif", _result(baseline=baseline)))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["invocations"][0]["exitCode"] == 2
    results = run["results"]
    assert {r["ruleId"] for r in results} >= {"static.image-alt", "de.passive-voice"}
    text = next(r for r in results if r["ruleId"] == "de.passive-voice")
    region = text["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (4, 3)
    assert text["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/antrag.md"
    if baseline:
        states = {r["baselineState"] for r in results}
        assert states == {"new", "unchanged"}
    jsonschema.Draft4Validator(sarif_schema()).validate(log)


def test_sarif_lists_fixed_as_absent() -> None:
    reports = sample_reports(False)
    baseline = create_baseline(reports)
    fewer = [reports[0].__class__(target=reports[0].target), *reports[1:]]
    result = decide(fewer, CheckConfig(), baseline)
    log = json.loads(render("sarif", result))
    absent = [r for r in log["runs"][0]["results"] if r.get("baselineState") == "absent"]
    assert len(absent) == 4
    jsonschema.Draft4Validator(sarif_schema()).validate(log)


def test_junit_parses_and_counts() -> None:
    root = ET.fromstring(render("junit", _result()))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "https://www.example.de/", "https://www.example.de/kontakt", "docs/antrag.md",
        "https://www.example.de/langsam"]
    home = suites[0]
    cases = {c.get("name"): c for c in home.findall("testcase")}
    assert set(cases) == {"static.image-alt", "static.link-name", "bitv.statement-linked"}
    assert cases["static.image-alt"].find("failure") is not None
    assert cases["static.link-name"].find("failure") is None  # a warning, threshold error
    assert suites[3].find("testcase/error") is not None
    assert root.get("failures") == "1" and root.get("errors") == "1"
    assert int(root.get("tests", "0")) == sum(int(s.get("tests", "0")) for s in suites)


def test_gitlab_code_quality_shape() -> None:
    issues = json.loads(render("gitlab", _result()))
    assert len(issues) == 6
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["path"], str)
        assert issue["location"]["lines"]["begin"] >= 1
    text = next(i for i in issues if i["check_name"] == "de.passive-voice")
    assert text["location"] == {"path": "docs/antrag.md", "lines": {"begin": 4}}
    assert any(i["severity"] == "blocker" for i in issues)  # the page that did not load


def test_json_is_one_run_object() -> None:
    data = json.loads(render("json", _result()))
    assert data["schema_version"] == "1"
    assert set(data) >= {"tool", "summary", "reports", "exit_code", "fail_on"}
    assert data["summary"]["reports_failed"] == 1
    assert data["reports"][3]["error"]["kind"] == "timeout"


def test_text_report_is_german_by_default_and_english_on_request() -> None:
    result = _result(baseline=True)
    german = render("text", result)
    assert "NICHT GEPRÜFT" in german and "Exit 2" in german and "[neu]" in german
    result.locale = "en"
    english = render("text", result)
    assert "NOT AUDITED" in english and "[new]" in english


def test_html_report_is_self_contained_and_structured() -> None:
    html = render("html", _result(baseline=True))
    doc = lxml.html.document_fromstring(html)
    assert doc.get("lang") == "de"
    assert doc.findtext(".//title")
    assert len(doc.findall(".//h1")) == 1
    assert not doc.findall(".//script") and not doc.findall(".//link")
    assert 'src="http' not in html
    for th in doc.iter("th"):
        assert th.get("scope") in ("col", "row")
    for table in doc.iter("table"):
        assert table.find("caption") is not None
    charts = doc.findall(".//figure")
    assert len(charts) == 3 and all(c.find("figcaption") is not None for c in charts)
    assert "<svg" in html and "<rect" in html
    assert "&lt;&amp;&gt;" in html  # messages are escaped
    assert "docs/antrag.md" in html and "Nicht prüfbar" in html


def test_every_reporter_renders_an_empty_run() -> None:
    result = decide([], CheckConfig())
    outputs = {kind: render(kind, result) for kind in REPORTERS}
    assert ET.fromstring(outputs["junit"]).get("tests") == "0"
    assert json.loads(outputs["json"])["reports"] == []
    assert json.loads(outputs["gitlab"]) == []
    assert json.loads(outputs["sarif"])["runs"][0]["results"] == []
    assert lxml.html.document_fromstring(outputs["html"]).findtext(".//h1")
    assert "Exit 0" in outputs["text"]


def test_empty_run_is_exit_2_unless_allowed() -> None:
    result = decide([], CheckConfig(), allow_empty=False)
    assert result.exit_code == 2
    assert "nichts geprüft" in render("text", result)
    assert any(limit.startswith("no-targets:") for limit in result.run.limits)


LIMITS = ["pages: 3 weitere Seiten nicht geprüft (max_pages) / 3 more pages not audited",
          "skipped other-origin: 1 Adressen nicht geprüft / 1 URLs not audited (https://a.org/)"]


def test_limits_are_shown_to_people_and_in_sarif() -> None:
    result = decide(sample_reports(False), CheckConfig(), limits=LIMITS)
    text = render("text", result)
    assert "Grenzen und Auslassungen:" in text and all(limit in text for limit in LIMITS)
    html = lxml.html.document_fromstring(render("html", result))
    heading = next(h for h in html.iter("h2") if h.text == "Grenzen und Auslassungen")
    assert [li.text for li in heading.getnext().iter("li")] == LIMITS
    log = json.loads(render("sarif", result))
    notes = log["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    assert [n["message"]["text"] for n in notes] == LIMITS
    assert [n["descriptor"]["id"] for n in notes] == ["pages", "skipped other-origin"]
    jsonschema.Draft4Validator(sarif_schema()).validate(log)


def test_sarif_has_no_region_without_a_line() -> None:
    log = json.loads(render("sarif", _result(with_error=False)))
    page = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "static.image-alt")
    location = page["locations"][0]
    assert "region" not in location["physicalLocation"]
    assert location["properties"]["snippet"] == '<img src="a.png">'
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "main > img:nth-of-type(1)"
