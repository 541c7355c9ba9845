"""One fix advice for every place people read page findings: web report, HTML report, CLI."""

from __future__ import annotations

import re

import lxml.html

from checkers.page.advice import (
    _AXE,
    WCAG,
    advise,
    better_colour,
    contrast_facts,
    contrast_ratio,
    standard_links,
)
from checkers.page.options import BitvSettings
from checkers.page.site.config import CheckConfig
from checkers.report import Finding, Location
from ci.gate import decide
from ci.reporters import render
from tests.ci.samples import page_report

SUMMARY_EN = (
    "Fix any of the following:\n  Element has insufficient color contrast of 2.52 (foreground "
    "color: #999999, background color: #ffffff, font size: 12.0pt (16px), font weight: "
    "normal). Expected contrast ratio of 4.5:1"
)
SUMMARY_DE = (
    "Korrigiere mindestens einen der folgenden Punkte:\n  Element hat unzureichenden "
    "Farbkontrast von 2,52 (Vordergrundfarbe: #999999, Hintergrundfarbe: #ffffff, "
    "Schriftgröße: 12.0pt (16px), Schriftstärke: normal). Erwartetes Kontrastverhältnis: 4.5:1"
)


def contrast_finding(explanation: str = SUMMARY_EN) -> Finding:
    return Finding(
        rule_id="axe.color-contrast",
        engine="axe",
        outcome="failed",
        severity="error",
        message="Elements must meet minimum color contrast ratio thresholds",
        explanation=explanation,
        location=Location(url="https://www.example.de/", selector="main > p"),
        wcag=["1.4.3"],
        standards=["EN 301 549 9.1.4.3", "BITV 2.0 § 3"],
        help_url="https://dequeuniversity.com/rules/axe/4.11/color-contrast",
    )


def bitv_finding() -> Finding:
    return Finding(
        rule_id="bitv.statement-linked",
        engine="bitv",
        outcome="failed",
        severity="error",
        message="Auf dieser Seite fehlt ein Link zur „Erklärung zur Barrierefreiheit“.",
        explanation="Setzen Sie in die Fußzeile einen Link „Erklärung zur Barrierefreiheit“.",
        location=Location(url="https://www.example.de/", selector="html"),
        standards=["BITV 2.0 § 7", "Durchführungsbeschluss (EU) 2018/1523"],
    )


def test_contrast_numbers_from_the_summary_in_either_language() -> None:
    for summary in (SUMMARY_EN, SUMMARY_DE):
        facts = contrast_facts(contrast_finding(summary))
        assert facts["ratio"] == "2.52:1"
        assert facts["expected"] == "4.5:1"
        assert (facts["fg"], facts["bg"]) == ("#999999", "#ffffff")


def test_contrast_numbers_from_axe_check_data_win() -> None:
    data = {
        "fgColor": "#777777",
        "bgColor": "#eeeeee",
        "contrastRatio": 3.88,
        "expectedContrastRatio": "4.5:1",
        "fontSize": "12.0pt (16px)",
        "fontWeight": "normal",
    }
    advice = advise(contrast_finding(), "de", data)
    facts = dict(advice.facts)
    assert facts["Kontrast jetzt"] == "3.88:1" and facts["Textfarbe"] == "#777777"
    assert any("3.88:1" in step for step in advice.steps)


def test_suggested_colour_really_meets_the_ratio() -> None:
    better = better_colour("#999999", "#ffffff", 4.5)
    assert better is not None
    assert contrast_ratio(better, "#ffffff") >= 4.5
    dark = better_colour("#444444", "#000000", 4.5)  # on black: lighter
    assert dark is not None and contrast_ratio(dark, "#000000") >= 4.5
    assert round(contrast_ratio("#000000", "#ffffff") or 0, 1) == 21.0


def test_advice_has_plain_text_links_and_duty() -> None:
    advice = advise(contrast_finding(), "de")
    assert advice.title == "Zu wenig Kontrast"
    assert any("Textfarbe #" in step for step in advice.steps)
    urls = [link.url for link in advice.links]
    assert "https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html" in urls
    assert "https://www.gesetze-im-internet.de/bitv_2_0/__3.html" in urls
    assert "BITV 2.0 § 3" in advice.required_by
    english = advise(contrast_finding(), "en")
    assert english.title == "Too little contrast" and "Required" in english.required_by


def test_bitv_advice_names_the_law_and_the_monitoring_body() -> None:
    advice = advise(bitv_finding(), "de", bitv_settings=BitvSettings(land="bund", body="federal"))
    assert advice.title == "Jede Seite verlinkt die Erklärung zur Barrierefreiheit"
    assert advice.steps == (
        "Setzen Sie in die Fußzeile einen Link „Erklärung zur Barrierefreiheit“.",
    )
    assert "§ 7 BITV 2.0" in advice.required_by
    assert advice.page_level
    labels = [link.label for link in advice.links]
    assert "BITV 2.0 § 7" in labels and any("2018/1523" in label for label in labels)


def test_unknown_axe_rule_falls_back_to_axe_texts() -> None:
    finding = Finding(
        rule_id="axe.some-new-rule",
        engine="axe",
        outcome="failed",
        severity="warning",
        message="Some help text",
        explanation="Fix all of the following:\n  Do this\n  And that",
        location=Location(selector="main > div"),
        help_url="https://dequeuniversity.com/rules/axe/4.11/some-new-rule",
    )
    advice = advise(finding, "en")
    assert advice.steps == ("Do this", "And that")
    assert advice.links[0].label == "Rule some-new-rule explained"
    assert "Not required by law" in advice.required_by


def test_tables_are_complete() -> None:
    for rule, entry in _AXE.items():
        assert set(entry) == {"title", "why", "steps"}, rule
        for pair in (entry["title"], entry["why"], *entry["steps"]):
            assert len(pair) == 2 and all(pair), rule
    slugs = [slug for slug, _ in WCAG.values()]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z0-9-]+", slug) for slug in slugs)


def test_standard_links_without_duplicates() -> None:
    finding = bitv_finding()
    finding.standards.append("BITV 2.0 § 7 Abs. 1")
    assert [link.label for link in standard_links(finding)].count("BITV 2.0 § 7") == 1


def _gate_result(locale: str = "de"):
    home = "https://www.example.de/"
    report = page_report(home, [contrast_finding(), contrast_finding(), bitv_finding()])
    return decide([report], CheckConfig(), locale=locale)


def test_cli_text_output_carries_the_advice_once_per_rule() -> None:
    text = render("text", _gate_result())
    assert text.count("→ So beheben Sie es:") == 2  # contrast once (two findings), BITV once
    assert "Zum Beispiel passt die Textfarbe" in text
    assert "<https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html>" in text
    assert "Wer verlangt es: Pflicht für öffentliche Stellen" in text
    english = render("text", _gate_result("en"))
    assert "→ How to fix it:" in english and "→ Who asks for it:" in english


def test_html_report_links_to_the_standards() -> None:
    html = render("html", _gate_result())
    doc = lxml.html.document_fromstring(html)
    hrefs = [a.get("href") for a in doc.iter("a")]
    assert "https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html" in hrefs
    assert "https://www.gesetze-im-internet.de/bitv_2_0/__7.html" in hrefs
    assert "So beheben Sie es" in html and "Wer verlangt das" in html


def test_real_cli_prints_advice_and_writes_html_report_with_links(tmp_path) -> None:
    from tests.ci.cli_helpers import run_cli

    page = tmp_path / "seite.html"
    page.write_text(
        '<!DOCTYPE html><html lang="de"><head><title>Probe</title></head><body><main>'
        '<h1>Probe</h1><img src="bild.png"></main></body></html>',
        encoding="utf-8",
    )
    done = run_cli(
        "check",
        "--static-only",
        str(page),
        "--report",
        f"html={tmp_path / 'bericht.html'}",
        cwd=tmp_path,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert "static.image-alt" in done.stdout
    assert "→ So beheben Sie es:" in done.stdout
    assert "Understanding/non-text-content.html" in done.stdout
    report = (tmp_path / "bericht.html").read_text(encoding="utf-8")
    assert 'href="https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html"' in report
