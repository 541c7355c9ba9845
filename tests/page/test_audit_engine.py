"""The auditor without a browser: merging, fingerprints, ignored parts, options, BITV wiring."""

from __future__ import annotations

import pytest

from checkers.page.audit import AuditOptionsError, PageAuditor, PageTarget, merge_findings
from checkers.page.options import AuditOptions, BitvSettings, UrlPolicy
from checkers.report import Finding, Location

STATIC = AuditOptions(engines=frozenset({"static"}))
PAGE = """<!DOCTYPE html><html lang="de"><head><title>Test</title></head><body>
<div id="banner"><img src="cookie.png"></div>
<main><h1>Test</h1><p>Text</p><img src="a.png"></main></body></html>"""


def audit_html(html: str, options: AuditOptions = STATIC):
    with PageAuditor(options) as auditor:
        return auditor.audit_one(PageTarget(html=html))


def finding(rule: str, engine: str, selector: str, wcag: list[str], severity: str = "error"):
    return Finding(
        rule_id=rule, engine=engine, outcome="failed", severity=severity, message=rule,  # type: ignore[arg-type]
        location=Location(url="u", selector=selector, snippet=f"<x {selector}>"), wcag=wcag,
    )


def test_merge_folds_same_element_and_criterion() -> None:
    merged = merge_findings([
        finding("static.image-alt", "static", "#a", ["1.1.1"]),
        finding("axe.image-alt", "axe", "#a", ["1.1.1"]),
        finding("axe.image-alt", "axe", "#b", ["1.1.1"]),
        finding("axe.region", "axe", "#a", [], "warning"),
    ])
    ids = sorted((f.rule_id, f.location.selector) for f in merged)
    assert ids == [("axe.image-alt", "#a"), ("axe.image-alt", "#b"), ("axe.region", "#a")]
    kept = next(f for f in merged if f.location.selector == "#a" and f.wcag)
    assert kept.related == ["static.image-alt"]


def test_fingerprints_survive_unrelated_edits() -> None:
    before = audit_html(PAGE)
    edited = PAGE.replace("<p>Text</p>", "<p>Neuer Absatz</p><p>Noch einer</p><ul><li>x</li></ul>")
    after = audit_html(edited)
    prints = lambda report: {f.fingerprint for f in report.findings}  # noqa: E731
    assert prints(before) and prints(before) <= prints(after)


def test_ignored_selectors_drop_findings_inside() -> None:
    options = AuditOptions(engines=frozenset({"static"}), ignore_selectors=("#banner",))
    selectors = [f.location.selector for f in audit_html(PAGE, options).findings]
    assert "#banner > img" not in selectors and "html > body > main > img" in selectors


def test_invalid_ignore_selector_is_a_usage_error() -> None:
    with pytest.raises(AuditOptionsError) as caught:
        PageAuditor(AuditOptions(ignore_selectors=("div[",)))
    assert "CSS" in caught.value.de


def test_unknown_land_is_a_usage_error() -> None:
    with pytest.raises(AuditOptionsError):
        PageAuditor(AuditOptions(bitv=BitvSettings(land="XX")))


def test_local_files_only_when_allowed(tmp_path) -> None:
    page = tmp_path / "seite.html"
    page.write_text(PAGE, encoding="utf-8")
    with PageAuditor(STATIC) as auditor:
        refused = auditor.audit_one(PageTarget(path=page))
    assert refused.error is not None and refused.error.kind == "scheme"
    allowed = AuditOptions(engines=frozenset({"static"}), policy=UrlPolicy(allow_files=True))
    with PageAuditor(allowed) as auditor:
        report = auditor.audit_one(PageTarget(path=page))
    assert report.error is None and report.target.url == page.as_uri()


def test_bitv_statement_checked_once_per_run(site: str) -> None:
    options = AuditOptions(
        engines=frozenset({"static", "bitv"}),
        policy=UrlPolicy(allow_loopback=True),
        bitv=BitvSettings(land="BW", body="municipal"),
    )
    with PageAuditor(options) as auditor:
        run = auditor.audit([PageTarget(url=f"{site}/"), PageTarget(url=f"{site}/bad.html")])
    home, other = run.reports
    statement = [f for f in home.findings if f.rule_id.startswith("bitv.statement-")
                 and f.rule_id != "bitv.statement-in-easy-language"]
    assert statement and all(f.location.url.endswith("/barrierefreiheit.html") for f in statement)
    assert not [f for f in other.findings if f.rule_id.startswith("bitv.statement-")
                and f.rule_id != "bitv.statement-linked"]
    # The statement says "vollständig vereinbar" while bad.html fails WCAG criteria: the
    # contradiction is reported once, on the homepage's report, with the run's number.
    contradiction = [f for f in home.findings if f.rule_id == "bitv.statement-contradiction"]
    failures = sum(1 for r in run.reports for f in r.findings
                   if f.engine in ("axe", "static") and f.outcome == "failed" and f.wcag)
    assert failures > 0
    assert len(contradiction) == 1 and str(failures) in contradiction[0].message


def test_broken_easy_language_link_is_reported(site: str) -> None:
    options = AuditOptions(
        engines=frozenset({"static", "bitv"}),
        policy=UrlPolicy(allow_loopback=True),
        bitv=BitvSettings(land="BW", body="municipal", homepage=f"{site}/kaputt.html"),
    )
    with PageAuditor(options) as auditor:
        report = auditor.audit([PageTarget(url=f"{site}/kaputt.html")]).reports[0]
    broken = [f for f in report.findings if f.rule_id == "bitv.linked-page-reachable"]
    assert len(broken) == 1 and "404" in broken[0].message
    assert "/gibt-es-nicht/leichte-sprache.html" in broken[0].message


def test_a_failing_rule_costs_only_itself() -> None:
    from checkers.page.dom import Page
    from checkers.page.rule import PageContext, PageRule, run_rules
    from checkers.page.static import all_rules

    def broken(context):
        raise ValueError("odd markup")

    rules = [PageRule(all_rules()[0].meta, broken), *all_rules()[1:]]
    context = PageContext(page=Page(PAGE))
    findings = run_rules(rules, context, "de")
    assert context.failed_rules == [rules[0].meta.id]
    assert any(f.rule_id == "static.image-alt" for f in findings)


def test_odd_aria_level_does_not_break_the_audit() -> None:
    html = PAGE.replace("<h1>Test</h1>", '<div role="heading" aria-level="²">Test</div>')
    options = AuditOptions(engines=frozenset({"static", "bitv"}))
    report = audit_html(html, options)
    assert report.error is None and not report.limits


def test_linked_local_file_is_not_read_for_a_web_page(site: str, tmp_path) -> None:
    secret = tmp_path / "geheim.html"
    secret.write_text("<html><title>Erklärung zur Barrierefreiheit</title></html>")
    options = AuditOptions(
        engines=frozenset({"bitv"}),
        policy=UrlPolicy(allow_loopback=True, allow_files=True),
        bitv=BitvSettings(statement_url=secret.as_uri()),
    )
    with PageAuditor(options) as auditor:
        report = auditor.audit([PageTarget(url=f"{site}/good.html")]).reports[0]
        assert auditor._linked[secret.as_uri()] == (None, None)
    assert report.error is None


def test_visibility_visible_inside_a_hidden_parent_is_shown() -> None:
    html = PAGE.replace(
        "<p>Text</p>",
        '<div style="visibility:hidden"><a href="/x" id="k" style="visibility:visible">'
        "Kontakt</a></div>",
    )
    report = audit_html(html)
    assert not [f for f in report.findings if f.location.selector == "#k"]
