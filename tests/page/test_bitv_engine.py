"""BITV engine: the per-Land table, applicability, discover(), the statement helpers and a
whole-site run (homepage + statement + Leichte Sprache + DGS page) for several configurations."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from checkers.page.bitv import all_rules, discover, is_statement, samples
from checkers.page.bitv.applicability import (
    describe,
    easy_language_duty,
    enforcement_hosts,
    statement_duty,
    validate_settings,
)
from checkers.page.bitv.common import compliance_claims, parse_dates, statement_page, statuses
from checkers.page.bitv.lands import LAND_CODES, get_land, is_hostname, load_lands
from checkers.page.dom import Page
from checkers.page.options import BitvSettings
from checkers.page.rule import PageContext, run_rules

# ---------------------------------------------------------------------------- lands table


def test_every_land_is_in_the_table() -> None:
    lands = load_lands()
    assert set(lands) == set(LAND_CODES)
    assert len(LAND_CODES) == 17
    for land in lands.values():
        assert land.name
        assert set(land.easy_language) == {"federal", "state", "municipal"}
        assert land.easy_language["federal"] == "required"


def test_enforcement_hosts_are_bare_hostnames() -> None:
    for land in load_lands().values():
        for host in land.enforcement_hosts:
            assert is_hostname(host), (land.code, host)
            assert "/" not in host and ":" not in host and host == host.lower()
    assert set(load_lands()["bund"].enforcement_hosts) == {
        "behindertenbeauftragter.de",
        "schlichtungsstelle-bgg.de",
    }


@pytest.mark.parametrize(
    ("code", "duty"),
    [
        *[(c, "required") for c in ("BW", "BE", "HB", "HH", "NW", "RP", "SL")],
        *[(c, "not_required") for c in ("BY", "HE", "MV", "NI")],
        *[(c, "needs_review") for c in ("BB", "SN", "ST", "SH", "TH")],
    ],
)
def test_municipal_easy_language_duty_per_land(code: str, duty: str) -> None:
    assert get_land(code).easy_language["municipal"] == duty


def test_land_codes_are_case_insensitive_and_validated() -> None:
    assert get_land("by").code == "BY"
    assert get_land("Bund").code == "bund"
    with pytest.raises(ValueError, match="unknown Land"):
        get_land("XX")


def test_a_bad_table_fails_loudly(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "checkers/page/bitv/lands.yaml").read_text("utf-8")
    bad_host = tmp_path / "hosts.yaml"
    bad_host.write_text(text.replace("[ldbv.bayern.de]", "[https://www.ldbv.bayern.de/]"), "utf-8")
    with pytest.raises(ValueError, match="bare hostname"):
        load_lands(bad_host)
    bad_duty = tmp_path / "duty.yaml"
    bad_duty.write_text(text.replace("municipal: not_required", "municipal: maybe", 1), "utf-8")
    with pytest.raises(ValueError, match="maybe"):
        load_lands(bad_duty)
    missing = tmp_path / "missing.yaml"
    missing.write_text(re.sub(r"\n  TH:.*", "", text, flags=re.S), "utf-8")
    with pytest.raises(ValueError, match="TH"):
        load_lands(missing)


# ---------------------------------------------------------------------------- applicability


def test_association_and_other_are_never_held_to_section_4() -> None:
    for land in LAND_CODES:
        for body in ("association", "other"):
            assert easy_language_duty(BitvSettings(land=land, body=body)) == "not_required"


def test_federal_bodies_always_are() -> None:
    for land in LAND_CODES:
        assert easy_language_duty(BitvSettings(land=land, body="federal")) == "required"


def test_state_and_municipal_follow_the_table() -> None:
    assert easy_language_duty(BitvSettings(land="BW", body="municipal")) == "required"
    assert easy_language_duty(BitvSettings(land="BY", body="municipal")) == "not_required"
    assert easy_language_duty(BitvSettings(land="SN", body="municipal")) == "needs_review"
    assert easy_language_duty(BitvSettings(land="BW", body="state")) == "needs_review"
    assert easy_language_duty(None) == "needs_review"  # default: bund + municipal


def test_require_easy_language_overrides_both_ways() -> None:
    by = BitvSettings(land="BY", body="municipal", require_easy_language=True)
    bw = BitvSettings(land="BW", body="municipal", require_easy_language=False)
    assert easy_language_duty(by) == "required"
    assert easy_language_duty(bw) == "not_required"
    assert easy_language_duty(replace(samples.ASSOCIATION, require_easy_language=True)) == (
        "required"
    )


def test_statement_duties_bind_public_bodies_only() -> None:
    for body in ("federal", "state", "municipal"):
        assert statement_duty(BitvSettings(body=body)) == "required"
    for body in ("association", "other"):
        assert statement_duty(BitvSettings(body=body)) == "hint"


def test_enforcement_hosts_by_body_and_land() -> None:
    assert "schlichtungsstelle-bgg.de" in enforcement_hosts(samples.FEDERAL)
    assert "ldbv.bayern.de" not in enforcement_hosts(BitvSettings(land="BY", body="federal"))
    assert enforcement_hosts(samples.BY_MUNICIPAL) == ("ldbv.bayern.de",)
    assert enforcement_hosts(samples.BW_MUNICIPAL) == ()
    extra = BitvSettings(land="BW", enforcement_hosts=(" Schlichtung.Example.DE ",))
    assert enforcement_hosts(extra) == ("schlichtung.example.de",)


def test_validate_settings() -> None:
    validate_settings(samples.BW_MUNICIPAL)
    with pytest.raises(ValueError):
        validate_settings(BitvSettings(land="Bayern"))
    with pytest.raises(ValueError):
        validate_settings(BitvSettings(enforcement_hosts=("https://x.de/path",)))
    with pytest.raises(ValueError):
        validate_settings(BitvSettings(body="verein"))  # type: ignore[arg-type]


def test_describe_names_the_configuration() -> None:
    assert describe(samples.BW_MUNICIPAL)["subject_de"] == "eine Kommune in Baden-Württemberg"
    assert describe(samples.FEDERAL)["subject_de"] == "eine Stelle des Bundes"
    assert "kein Land" in describe(None)["subject_de"]


# ---------------------------------------------------------------------------- discover


def test_discover_finds_the_three_pages() -> None:
    page = Page(
        samples.homepage(
            '<a href="/leichte-sprache/">Leichte Sprache</a>'
            '<a href="/dgs/"><img src="/dgs.svg" alt="Deutsche Gebärdensprache"></a>'
        ),
        samples.HOME,
    )
    assert discover(page) == {
        "statement": samples.STATEMENT_URL,
        "easy_language": samples.EASY_URL,
        "sign_language": f"{samples.SITE}/dgs/",
    }


def test_discover_by_href_and_short_names() -> None:
    page = Page(
        '<html><body><a href="/de/leichtesprache/index.html"><img src="ls.png" alt=""></a>'
        '<a href="/de/gebaerdensprache.html"><img src="dgs.png" alt=""></a>'
        '<footer><a href="/de/barrierefreiheit/">Barrierefreiheit</a></footer></body></html>',
        "https://www.landkreis.example/de/",
    )
    assert discover(page) == {
        "statement": "https://www.landkreis.example/de/barrierefreiheit/",
        "easy_language": "https://www.landkreis.example/de/leichtesprache/index.html",
        "sign_language": "https://www.landkreis.example/de/gebaerdensprache.html",
    }


def test_discover_prefers_the_configured_statement_and_keeps_pdfs() -> None:
    page = Page(samples.homepage(), samples.HOME)
    configured = BitvSettings(statement_url="/service/a11y.html")
    assert discover(page, configured)["statement"] == f"{samples.SITE}/service/a11y.html"
    pdf = Page(
        '<html><body><a href="/docs/erklaerung.pdf">Erklärung zur Barrierefreiheit (PDF)</a>'
        "</body></html>",
        samples.HOME,
    )
    assert discover(pdf) == {"statement": f"{samples.SITE}/docs/erklaerung.pdf"}


def test_discover_ignores_hidden_links_mailto_and_the_page_itself() -> None:
    page = Page(
        '<html><body><div hidden><a href="/leichte-sprache/">Leichte Sprache</a></div>'
        '<a href="mailto:dgs@musterstadt.de">DGS</a>'
        f'<a href="{samples.STATEMENT_URL}">Erklärung zur Barrierefreiheit</a></body></html>',
        samples.STATEMENT_URL,
    )
    assert discover(page) == {}
    assert discover(Page("<html><body><p>Nichts</p></body></html>", samples.HOME)) == {}


def test_is_statement_and_statement_page() -> None:
    statement = Page(samples.statement(), samples.STATEMENT_URL)
    home = Page(samples.homepage(), samples.HOME)
    assert is_statement(statement)
    assert is_statement(Page("<title>Barrierefreiheitserklärung</title>"))
    assert is_statement(Page("<body><h1>Erklärung zur Barriere-Freiheit</h1></body>"))
    assert not is_statement(home)
    assert not is_statement(Page("<body><h2>Erklärung zur Barrierefreiheit</h2></body>"))
    assert statement_page(PageContext(page=statement)) is statement
    assert statement_page(PageContext(page=home)) is None
    assert statement_page(PageContext(page=home, linked={"statement": statement})) is statement


# ---------------------------------------------------------------------------- statement text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Diese Website ist mit den Anforderungen der BITV 2.0 vollständig vereinbar.", ["full"]),
        ("Diese Website ist vollstaendig mit der BITV 2.0 vereinbar.", ["full"]),
        ("Die Website ist wegen der folgenden Unvereinbarkeiten teilweise vereinbar.", ["partial"]),
        ("Diese Website ist noch nicht vollständig mit der BITV 2.0 vereinbar.", ["partial"]),
        ("Die Website ist nicht mit den Anforderungen der BITV 2.0 vereinbar.", ["none"]),
        (
            "Weil einige Dokumente nicht barrierefrei sind, ist die Website teilweise vereinbar.",
            ["partial"],
        ),
        (
            "Diese Website ist [vollständig / teilweise / nicht] mit der BITV 2.0 vereinbar.",
            ["full", "partial", "none"],
        ),
        # About one document, not the site.
        ("Das Formular A12 ist nicht mit der BITV 2.0 vereinbar.", []),
        # "Vereinbarkeit" is the noun of the heading, not a claim.
        ("Die Vereinbarkeit der Website wird geprüft.", []),
    ],
)
def test_compliance_status(sentence: str, expected: list[str]) -> None:
    page = Page(f"<html><body><main><p>{sentence}</p></main></body></html>")
    assert statuses(compliance_claims(page)) == expected


def test_status_section_accepts_the_bare_claim() -> None:
    page = Page(
        "<body><h2>Stand der Vereinbarkeit mit den Anforderungen</h2>"
        "<p>Das Angebot ist mit der BITV 2.0 vereinbar.</p></body>"
    )
    assert statuses(compliance_claims(page)) == ["full"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("erstellt am 31.03.2025", date(2025, 3, 31)),
        ("am 1.2.25 geprüft", date(2025, 2, 1)),
        ("zuletzt am 31. März 2025 überprüft", date(2025, 3, 31)),
        ("im Maerz 2025 überprüft", date(2025, 3, 31)),
        ("Stand: Februar 2024", date(2024, 2, 29)),
        ("Stand 2025-11-03", date(2025, 11, 3)),
    ],
)
def test_german_dates(text: str, expected: date) -> None:
    assert [d for d, _m in parse_dates(text)] == [expected]


def test_impossible_dates_are_skipped() -> None:
    assert parse_dates("am 31.02.2025 erstellt") == []


# ---------------------------------------------------------------------------- whole site


def _site_context(
    settings: BitvSettings | None,
    *,
    home: str | None = None,
    statement: str | None = None,
    violations: int = 0,
) -> PageContext:
    home_html = home or samples.homepage(
        '<a href="/leichte-sprache/">Leichte Sprache</a>'
        '<a href="/gebaerdensprache/">Gebärdensprache</a>'
    )
    page = Page(home_html, samples.HOME)
    pages = {
        "statement": statement or samples.statement(),
        "easy_language": samples.EASY_LANGUAGE_PAGE,
        "sign_language": samples.SIGN_LANGUAGE_PAGE,
    }
    linked = {role: Page(pages[role], url) for role, url in discover(page, settings).items()}
    return PageContext(
        page=page,
        is_homepage=True,
        bitv=settings,
        linked=linked,
        violations=violations,
        extra={"today": samples.TODAY},
    )


def test_a_good_bavarian_site_has_no_findings() -> None:
    context = _site_context(samples.BY_MUNICIPAL)
    assert set(context.linked) == {"statement", "easy_language", "sign_language"}
    findings = run_rules(all_rules(), context, "de")
    assert findings == [], [f.message for f in findings]


def test_a_bw_municipality_without_ls_and_dgs_fails() -> None:
    # The statement links the Bavarian body: for BW that needs review.
    context = _site_context(samples.BW_MUNICIPAL, home=samples.homepage())
    findings = run_rules(all_rules(), context, "de")
    by_rule = {f.rule_id: f for f in findings}
    assert by_rule["bitv.easy-language-link"].severity == "error"
    assert by_rule["bitv.sign-language-link"].severity == "error"
    assert by_rule["bitv.statement-enforcement"].outcome == "needs_review"
    assert set(by_rule) == {
        "bitv.easy-language-link",
        "bitv.sign-language-link",
        "bitv.statement-enforcement",
    }


def test_an_association_only_gets_hints() -> None:
    bare = samples.statement(feedback="", enforcement="", preparation="", status="")
    context = _site_context(
        samples.ASSOCIATION,
        home=samples.homepage(footer='<footer><a href="/impressum/">Impressum</a></footer>'),
        statement=bare,
    )
    findings = run_rules(all_rules(), context, "de")
    assert findings, "a voluntary statement still gets hints"
    assert all(f.severity == "info" or f.outcome == "needs_review" for f in findings)
    assert not any(
        f.rule_id in ("bitv.easy-language-link", "bitv.sign-language-link") for f in findings
    )


def test_contradiction_counts_the_audit() -> None:
    full = samples.statement(
        status="<p>Diese Website ist vollständig mit der BayBITV vereinbar.</p>",
        non_accessible="",
    )
    context = _site_context(samples.BY_MUNICIPAL, statement=full, violations=7)
    findings = run_rules(all_rules(), context, "en")
    [finding] = [f for f in findings if f.rule_id == "bitv.statement-contradiction"]
    assert "7 barriers" in finding.message
    assert finding.location.url == samples.STATEMENT_URL
    assert finding.location.snippet and "vollständig" in finding.location.snippet


@pytest.mark.parametrize("locale", ["de", "en"])
def test_every_example_message_is_filled(locale: str) -> None:
    """No finding of any example shows a raw {placeholder}, in either language."""
    for rule in all_rules():
        for example in rule.meta.examples:
            page = Page(example.text, example.url)
            context = PageContext(page=page)
            for key, value in example.context.items():
                if key == "linked":
                    context.linked = {role: Page(html, url) for role, (url, html) in value.items()}
                else:
                    setattr(context, key, value)
            for finding in run_rules([rule], context, locale):
                text = f"{finding.message} {finding.explanation}"
                assert not re.search(r"\{[a-z_]+\}", text), (rule.meta.id, text)


# Another CMS, another structure: role="main", h3 sections, <br> lines, "(at)" address, a
# "Kontakt" heading in the navigation, a footer mailto and the federal Schlichtungsstelle.
LANDKREIS = """<html lang="de"><head><title>Barrierefreiheitserklärung - Landkreis Beispiel</title>
</head><body><nav><h2>Kontakt</h2><a href="/kontakt">Kontakt</a></nav>
<div id="content" role="main"><h1>Erklärung zur Barrierefreiheit</h1>
<div class="text">Der Landkreis Beispiel ist bemüht, seine Internetseiten barrierefrei zugänglich
zu machen. Diese Erklärung zur Barrierefreiheit gilt für https://www.landkreis-beispiel.de.</div>
<h3>Stand der Vereinbarkeit mit den Anforderungen</h3>
<div>Die Anforderungen ergeben sich aus §§ 3 Absätze 1 bis 4 und 4 der BITV 2.0.<br>
Die Überprüfung beruht auf einer am 12.05.2024 durchgeführten Selbstbewertung.<br>
Aufgrund der Überprüfung ist die Internetseite mit den zuvor genannten Anforderungen wegen der
folgenden Unvereinbarkeiten teilweise vereinbar.</div>
<h3>Nicht barrierefreie Inhalte</h3><ul><li>Ältere PDF-Dokumente</li></ul>
<h3>Erstellung dieser Erklärung</h3>
<p>Diese Erklärung wurde am 23.09.2020 erstellt und zuletzt am 15.01.2026 überprüft.</p>
<h3>Barrieren melden: Kontakt zu den Feedback-Ansprechpartnern</h3>
<p>E-Mail: barrierefreiheit(at)landkreis-beispiel.de</p>
<h3>Schlichtungsverfahren</h3>
<p>Wenn Sie keine zufriedenstellende Lösung erhalten, können Sie sich an die Schlichtungsstelle
nach § 16 BGG wenden: <a href="https://www.schlichtungsstelle-bgg.de">Schlichtungsstelle</a></p>
</div><footer><a href="mailto:info@landkreis-beispiel.de">info</a></footer></body></html>"""


def test_a_differently_built_statement_passes_for_a_federal_body() -> None:
    page = Page(LANDKREIS, "https://www.landkreis-beispiel.de/barrierefreiheitserklaerung.html")
    context = PageContext(page=page, bitv=samples.FEDERAL, extra={"today": samples.TODAY})
    assert is_statement(page)
    findings = run_rules(all_rules(), context, "de")
    assert findings == [], [f.message for f in findings]


def test_the_same_statement_for_a_municipality_questions_the_federal_link() -> None:
    page = Page(LANDKREIS, "https://www.landkreis-beispiel.de/barrierefreiheitserklaerung.html")
    settings = BitvSettings(land="NW", body="municipal", max_statement_age_days=100)
    context = PageContext(page=page, bitv=settings, extra={"today": samples.TODAY})
    by_rule = {f.rule_id: f for f in run_rules(all_rules(), context, "de")}
    assert set(by_rule) == {"bitv.statement-dates", "bitv.statement-enforcement"}
    assert by_rule["bitv.statement-dates"].severity == "error"
    assert "15.01.2026" in by_rule["bitv.statement-dates"].message
    enforcement = by_rule["bitv.statement-enforcement"]
    assert enforcement.outcome == "needs_review"
    assert "Schlichtungsstelle des Bundes" in enforcement.message
