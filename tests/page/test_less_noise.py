"""Less noise, plainer words: twins folded, page-level axe findings grouped, German axe texts."""

from __future__ import annotations

from checkers.page.audit import merge_findings
from checkers.page.axe import axe_findings
from checkers.page.axe_messages import MESSAGES_DE
from checkers.page.browser import AxeOutcome
from checkers.report import Finding, Location


def _finding(rule: str, engine: str, selector: str | None, wcag: list[str]) -> Finding:
    return Finding(
        rule_id=rule,
        engine=engine,  # type: ignore[arg-type]
        outcome="failed",
        severity="warning",
        message=rule,
        location=Location(url="u", selector=selector),
        wcag=wcag,
    )


def test_twins_of_axe_and_own_rules_fold_without_a_shared_criterion() -> None:
    # axe's heading-order is best practice (no criterion); the own rule names 1.3.1.
    merged = merge_findings([
        _finding("axe.heading-order", "axe", "main > h4", []),
        _finding("static.heading-order", "static", "main > h4", ["1.3.1"]),
        _finding("static.heading-order", "static", "main > h5", ["1.3.1"]),
    ])
    assert [(f.rule_id, f.location.selector) for f in merged] == [
        ("axe.heading-order", "main > h4"),
        ("static.heading-order", "main > h5"),
    ]
    assert merged[0].related == ["static.heading-order"]
    # The folded rule's criterion stays on record.
    assert merged[0].wcag == ["1.3.1"]


def test_twins_with_other_names_and_page_level_twins_fold() -> None:
    merged = merge_findings([
        _finding("axe.frame-title", "axe", "iframe", ["4.1.2"]),
        _finding("static.iframe-title", "static", "iframe", ["2.4.1"]),
        _finding("axe.document-title", "axe", "html", ["2.4.2"]),
        _finding("static.document-title", "static", None, ["2.4.2"]),
    ])
    assert sorted(f.rule_id for f in merged) == ["axe.document-title", "axe.frame-title"]


def test_different_rules_on_one_element_stay_apart() -> None:
    merged = merge_findings([
        _finding("axe.link-name", "axe", "a", ["4.1.2"]),
        _finding("static.link-text-vague", "static", "a", ["2.4.4"]),
    ])
    assert len(merged) == 2


def _outcome(nodes: int) -> AxeOutcome:
    rule = {
        "id": "region",
        "impact": "moderate",
        "tags": ["best-practice"],
        "help": "All page content should be contained by landmarks",
        "nodes": [
            {"target": [f"p:nth-of-type({i})"], "html": f"<p>{i}</p>"} for i in range(1, nodes + 1)
        ],
    }
    return AxeOutcome(
        status=200,
        violations=[rule],
        incomplete=[],
        passes=0,
        html="",
        final_url="u",
        engine_version="4.14.1",
    )


def test_region_is_one_finding_per_page_in_plain_german() -> None:
    (found,) = axe_findings(_outcome(12), {}, "https://example.de/", "de")
    assert found.rule_id == "axe.region"
    assert found.location.selector is None
    assert "(12 Stellen)" in found.message
    assert "landmark" not in found.message.lower()
    assert "Seitenbereiche" in found.message
    assert "p:nth-of-type(1)" in (found.explanation or "")
    (english,) = axe_findings(_outcome(3), {}, "https://example.de/", "en")
    assert english.message.startswith("All page content should be contained by landmarks")
    # One element is reported where it is.
    (single,) = axe_findings(_outcome(1), {}, "https://example.de/", "de")
    assert single.location.selector == "p:nth-of-type(1)"


def test_fingerprint_of_the_grouped_finding_survives_a_changed_count() -> None:
    a = merge_findings(axe_findings(_outcome(12), {}, "https://example.de/", "de"))
    b = merge_findings(axe_findings(_outcome(7), {}, "https://example.de/", "de"))
    assert a[0].fingerprint == b[0].fingerprint


def test_german_axe_texts_address_the_reader_without_jargon() -> None:
    for rule_id, text in MESSAGES_DE.items():
        assert "landmark" not in text.lower(), rule_id
        assert " du " not in f" {text.lower()} ", rule_id
        assert text.endswith((".", ")")), rule_id
