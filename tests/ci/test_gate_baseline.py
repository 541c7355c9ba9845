from __future__ import annotations

from pathlib import Path

import msgspec

from checkers.page.site.config import CheckConfig, PathOverride
from checkers.report import Report
from ci.baseline import compare, create_baseline, finding_keys, read_baseline, write_baseline
from ci.gate import decide
from tests.ci.samples import page_finding, page_report, sample_reports


def test_exit_codes() -> None:
    assert decide(sample_reports(with_error=True), CheckConfig()).exit_code == 2
    assert decide(sample_reports(with_error=False), CheckConfig()).exit_code == 1
    never = CheckConfig(fail_on="never")
    assert decide(sample_reports(with_error=False), never).exit_code == 0
    # a page that could not be loaded is never 0, whatever the threshold
    assert decide(sample_reports(with_error=True), never).exit_code == 2


def test_thresholds() -> None:
    reports = [sample_reports(False)[2]]  # one text warning
    assert decide(reports, CheckConfig(fail_on="error")).exit_code == 0
    assert decide(reports, CheckConfig(fail_on="warning")).exit_code == 1
    assert decide(reports, CheckConfig(fail_on="new")).exit_code == 1


def test_needs_review_never_fails() -> None:
    report = sample_reports(False)[0]
    only_review = msgspec.structs.replace(report, findings=report.findings[3:])
    assert decide([only_review], CheckConfig(fail_on="info")).exit_code == 0


def test_rules_off_severity_and_ignored_selectors() -> None:
    config = CheckConfig(rules={"static.image-alt": "warning", "static.link-name": False},
                         ignore_selectors=["#nav"])
    result = decide(sample_reports(False)[:1], config)
    report = result.run.reports[0]
    assert [f.rule_id for f in report.findings] == [
        "static.image-alt", "static.image-alt", "bitv.statement-linked"]
    assert {f.severity for f in report.findings[:2]} == {"warning"}
    assert report.summary.errors == 0 and result.exit_code == 0
    ignored = decide(sample_reports(False)[:1], CheckConfig(ignore_selectors=["main"]))
    assert [f.rule_id for f in ignored.run.reports[0].findings] == [
        "static.link-name", "bitv.statement-linked"]


def test_per_path_override() -> None:
    config = CheckConfig(overrides=(PathOverride(paths=("/",), fail_on="never"),
                                    PathOverride(paths=("docs/*",), rules={"de.passive-voice":
                                                                           False})))
    assert decide(sample_reports(False), config).exit_code == 0


def _keys(report: Report) -> list[str]:
    return finding_keys(report)


def test_fingerprint_survives_unrelated_edits() -> None:
    url = "https://www.example.de/"
    before = page_report(url, [
        page_finding("static.image-alt", '<img  src="a.png">', "main > img:nth-of-type(1)", url),
        page_finding("static.image-alt", '<img src="b.png">', "main > img:nth-of-type(2)", url),
    ])
    # a paragraph and an image were added above: selectors, positions and host change
    after = page_report("https://preview.example.de/", [
        page_finding("static.image-alt", '<img src="neu.png">', "main > img:nth-of-type(1)",
                     url),
        page_finding("static.image-alt", '<img src="a.png">', "main > div > img:nth-of-type(2)",
                     url),
        page_finding("static.image-alt", '<img src="b.png">\n', "main > img:nth-of-type(3)",
                     url),
    ])
    a, b = _keys(before), _keys(after)
    assert a == [b[1], b[2]] and b[0] not in a
    # the same element twice on a page stays two findings
    twice = page_report(url, [
        page_finding("static.image-alt", '<img src="a.png">', "x", url),
        page_finding("static.image-alt", '<img src="a.png">', "y", url),
    ])
    assert len(set(_keys(twice))) == 2


def test_baseline_round_trip(tmp_path: Path) -> None:
    reports = sample_reports(False)
    path = tmp_path / "baseline.json"
    write_baseline(create_baseline(reports), path)
    baseline = read_baseline(path)
    assert len(baseline.entries) == 5

    same = decide(reports, CheckConfig(), baseline, path)
    assert same.exit_code == 0
    assert same.run.baseline is not None and same.run.baseline.new == 0

    url = "https://www.example.de/kontakt"
    new_finding = page_finding("static.image-alt", '<img src="neu.png">', "img", url)
    changed = [reports[0], page_report(url, [new_finding]), reports[2]]
    result = decide(changed, CheckConfig(), baseline, path)
    assert result.exit_code == 1
    assert result.run.baseline is not None and result.run.baseline.new == 1
    assert result.is_new(1, 0) and not result.is_new(0, 0)

    fixed = [msgspec.structs.replace(reports[0], findings=reports[0].findings[1:]), *reports[1:]]
    result = decide(fixed, CheckConfig(), baseline, path)
    assert result.exit_code == 0
    assert result.run.baseline is not None
    assert [e.rule_id for e in result.run.baseline.fixed] == ["static.image-alt"]


def test_fixed_only_for_pages_audited() -> None:
    reports = sample_reports(False)
    baseline = create_baseline(reports)
    comparison = compare(reports[1:], baseline)  # the home page was not audited this time
    assert comparison.fixed == []


def test_fail_on_new_with_baseline_ignores_known() -> None:
    reports = sample_reports(False)
    baseline = create_baseline(reports)
    assert decide(reports, CheckConfig(fail_on="new"), baseline).exit_code == 0
