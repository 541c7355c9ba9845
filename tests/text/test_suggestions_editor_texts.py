"""Suggestions found wrong when editors' texts (a Wohngeld page, a school letter, a club's
invitation) were checked: each either fits the sentence as written or says "Satz anpassen"."""

from __future__ import annotations

import pytest

from checkers.text.engine import CheckRequest


def _findings(checker, text: str, rule_id: str, profile: str = "einfach") -> dict:
    report = checker.check(CheckRequest(text, profile=profile))
    return {f.excerpt: f for f in report.findings if f.rule_id == rule_id}


def _fixes(finding) -> list[tuple[str, bool]]:
    return [(s.text, bool(s.note)) for s in finding.suggestions]


def test_adjective_replacement_keeps_its_ending(checker) -> None:
    found = _findings(checker, "Bringen Sie die erforderlichen Unterlagen mit.", "de.glossary-term")
    assert _fixes(found["erforderlichen"]) == [("nötigen", False)]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Das Wohngeld wird für zwölf Monate bewilligt.", "bewilligt"),  # participle
        ("Wird dies unterlassen, fordern wir das Geld zurück.", "unterlassen"),  # participle
        ("Eine persönliche Vorsprache ist nicht nötig.", "Vorsprache"),  # eine -> ein Besuch
        ("Heute ist die Dienststelle geschlossen.", "Dienststelle"),  # die -> das Amt
        ("Haben Sie Fragen zur Antragstellung?", "Antragstellung"),  # zur -> zum Antrag
        ("Besuche sind nur nach Terminvereinbarung möglich.", "Terminvereinbarung"),
        ("Der Verein ist nur so beschlussfähig.", "beschlussfähig"),  # -> a clause
    ],
)
def test_replacement_that_does_not_fit_asks_to_adapt(checker, text: str, excerpt: str) -> None:
    finding = _findings(checker, text, "de.glossary-term")[excerpt]
    assert finding.suggestions and all(note for _, note in _fixes(finding))


def test_same_gender_phrase_fits_and_a_clause_asks_to_adapt(checker) -> None:
    found = _findings(checker, "Eine Kostenübernahme ist möglich.", "de.glossary-term")
    assert _fixes(found["Kostenübernahme"]) == [
        ("Bezahlung der Kosten", False),
        ("wir bezahlen", True),
    ]


def test_conjunction_replacement_asks_to_adapt_but_preposition_fits(checker) -> None:
    found = _findings(checker, "Aufgrund der Bauarbeiten bleibt die Straße zu.", "de.glossary-term")
    assert _fixes(found["Aufgrund"]) == [("Wegen", False), ("weil", True)]


def test_noun_of_the_same_gender_and_plural_fit(checker) -> None:
    found = _findings(
        checker, "Die Vordrucke liegen aus. Wir brauchen ggf. Belege.", "de.glossary-term"
    )
    assert _fixes(found["Vordrucke"]) == [("Formulare", False)]
    found = _findings(checker, "Wir brauchen ggf. Belege.", "de.abbreviation")
    assert ("wenn nötig", False) in _fixes(found["ggf."])


def test_sollten_at_the_start_is_a_condition_rewritten_with_wenn(checker) -> None:
    found = _findings(
        checker, "Sollten Sie Fragen zum Antrag haben, rufen Sie uns an.", "de.subjunctive"
    )
    finding = found["Sollten"]
    assert "Bedingung" in finding.message and "wäre" not in finding.message
    assert finding.suggestions[0].text == "Wenn Sie Fragen zum Antrag haben"


def test_konjunktiv_rewrite_keeps_the_ordinal_point(checker) -> None:
    found = _findings(checker, "Die Erhöhung würde ab dem 1. Juli gelten.", "de.subjunctive")
    (finding,) = found.values()
    assert finding.suggestions[0].text == "gilt ab dem 1. Juli"


def test_word_with_short_inner_part_is_no_compound(checker) -> None:
    text = "Ihr Kind muss Medikamente einnehmen. Das Schullandheim liegt am See."
    found = _findings(checker, text, "de.compound-word", profile="leicht")
    assert "Medikamente" not in found and "Schullandheim" in found


def test_feminine_ending_is_no_compound_part(checker) -> None:
    text = "Es gibt Geld für Mieterinnen und Mieter."
    found = _findings(checker, text, "de.compound-word", profile="leicht")
    assert "Mieterinnen" not in found


def test_sein_zu_is_one_passive_finding_not_also_a_state(checker) -> None:
    report = checker.check(
        CheckRequest("Dem Antrag sind folgende Nachweise beizufügen.", profile="leicht")
    )
    passive = [f for f in report.findings if f.rule_id == "de.passive-voice"]
    assert len(passive) == 1 and "Zustand" not in passive[0].message
    report = checker.check(CheckRequest("Am Montag ist das Amt geschlossen.", profile="leicht"))
    (state,) = [f for f in report.findings if f.rule_id == "de.passive-voice"]
    assert "Zustand" in state.message


def test_zwecks_asks_for_a_clause_not_for_von(checker) -> None:
    text = "Zwecks Prüfung Ihres Antrags benötigen wir weitere Unterlagen."
    found = _findings(checker, text, "de.genitive")
    assert "damit" in found["Zwecks Prüfung"].message
    assert "von" not in found["Zwecks Prüfung"].message


@pytest.mark.parametrize(
    "text",
    [
        "Das Sommerfest stand schon vor der Tür.",
        "Die Sanierung wurde in die Wege geleitet.",
        "Viele Familien kamen kaum über die Runden.",
    ],
)
def test_new_club_and_office_idioms_in_other_tenses(checker, text: str) -> None:
    assert _findings(checker, text, "de.idiom")


def test_noun_from_particle_verb_is_not_split(checker) -> None:
    text = "Begrüßung und Feststellung der Beschlussfähigkeit."
    found = _findings(checker, text, "de.compound-word", profile="leicht")
    assert "Feststellung" not in found and "Beschlussfähigkeit" in found


def test_coordinated_passive_is_one_finding_without_a_broken_rewrite(checker) -> None:
    text = "Die Bestätigung ist vom Vermieter auszufüllen und zu unterschreiben."
    report = checker.check(CheckRequest(text, profile="einfach"))
    (passive,) = [f for f in report.findings if f.rule_id == "de.passive-voice"]
    assert not passive.suggestions


def test_compound_with_a_glossary_word_inside_is_its_own_entry(checker) -> None:
    found = _findings(checker, "Bringen Sie die Wohnungsgeberbestätigung mit.", "de.glossary-term")
    assert _fixes(found["Wohnungsgeberbestätigung"])[0] == ("Bestätigung vom Vermieter", False)
