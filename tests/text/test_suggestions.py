"""Suggestions are right German: replacements agree with the word they replace, abbreviations
are read in context, a term the text explains is not flagged again."""

from __future__ import annotations

import pytest

from checkers.text.engine import CheckRequest
from checkers.text.inflect import agree
from checkers.text.lexicon import get_lexicon


@pytest.mark.parametrize(
    ("flagged", "term", "replacement", "previous", "expected"),
    [
        ("Vordrucke", "Vordruck", "Formular", "Die", "Formulare"),
        ("Vordrucken", "Vordruck", "Formular", "den", "Formularen"),
        ("Vordrucks", "Vordruck", "Formular", "des", "Formulars"),
        ("Vordruck", "Vordruck", "Formular", "der", "Formular"),
        ("Workshops", "Workshop", "Arbeitsgruppe", "die", "Arbeitsgruppen"),
        (
            "Einkommensnachweise",
            "Einkommensnachweis",
            "Nachweis über Ihr Einkommen",
            None,
            "Nachweise über Ihr Einkommen",
        ),
        ("Vorschriften", "Vorschrift", "Regel", None, "Regeln"),
        ("Meetings", "Meeting", "Treffen", None, "Treffen"),
    ],
)
def test_agree(flagged, term, replacement, previous, expected) -> None:
    assert agree(flagged, term, replacement, get_lexicon(), previous) == expected


def _suggestions(checker, text: str, rule_id: str, profile: str = "leicht") -> dict[str, list]:
    report = checker.check(CheckRequest(text, profile=profile))
    return {
        f.excerpt: [s.text for s in f.suggestions] for f in report.findings if f.rule_id == rule_id
    }


def test_plural_replacement_in_the_check(checker) -> None:
    found = _suggestions(checker, "Die Vordrucke liegen im Bürgeramt aus.", "de.glossary-term")
    assert found["Vordrucke"] == ["Formulare"]


def test_adjective_replaced_by_verb_phrase_asks_to_adapt(checker) -> None:
    report = checker.check(
        CheckRequest("Antragsberechtigt sind alle Mitglieder.", profile="leicht")
    )
    finding = next(
        f
        for f in report.findings
        if f.excerpt == "Antragsberechtigt" and f.rule_id == "de.glossary-term"
    )
    assert finding.suggestions[0].text == "darf beantragen"
    assert finding.suggestions[0].note


@pytest.mark.parametrize(
    ("text", "flagged", "expected"),
    [
        ("Wir sind Mo.–Fr. für Sie da.", "Mo.–Fr.", ["Montag bis Freitag"]),
        ("Wir sind Mo. bis Do. für Sie da.", "Mo. bis Do.", ["Montag bis Donnerstag"]),
        ("Am Fr. 12. Mai ist Ruhetag.", "Fr.", ["Freitag"]),
        ("Fr. Müller hilft Ihnen.", "Fr.", ["Frau"]),
    ],
)
def test_abbreviations_in_context(checker, text, flagged, expected) -> None:
    assert _suggestions(checker, text, "de.abbreviation")[flagged] == expected


def test_term_explained_once_is_not_flagged_again(checker) -> None:
    text = (
        "Sie bekommen einen Bescheid. Ein Bescheid ist ein Brief vom Amt. "
        "Lesen Sie den Bescheid genau."
    )
    report = checker.check(CheckRequest(text, profile="leicht"))
    flagged = [f.location.start for f in report.findings if f.excerpt == "Bescheid"]
    assert flagged == [text.index("Bescheid")]


def test_term_explained_in_parentheses(checker) -> None:
    text = "Beim Amt gibt es einen Vordruck (ein Formular). Füllen Sie den Vordruck aus."
    report = checker.check(CheckRequest(text, profile="leicht"))
    assert not [f for f in report.findings if f.excerpt == "Vordruck"]


def test_zustandspassiv_is_reported_as_a_state(checker) -> None:
    report = checker.check(
        CheckRequest("Das Bürgeramt ist am Montag geschlossen.", profile="leicht")
    )
    finding = next(f for f in report.findings if f.rule_id == "de.passive-voice")
    assert "Zustand" in finding.message and finding.severity == "info"
    vorgang = checker.check(
        CheckRequest("Das Bürgeramt wird am Montag geschlossen.", profile="leicht")
    )
    finding = next(f for f in vorgang.findings if f.rule_id == "de.passive-voice")
    assert "Zustand" not in finding.message and finding.severity == "warning"


def test_moechten_is_not_konjunktiv(checker) -> None:
    report = checker.check(
        CheckRequest("Wir möchten Sie einladen. Ich möchte kommen.", profile="leicht")
    )
    assert not [f for f in report.findings if f.rule_id == "de.subjunctive"]


def test_passive_rewrite_keeps_the_verb(checker) -> None:
    found = _suggestions(checker, "Die Hilfe wird vom Amt gewährt.", "de.passive-voice")
    assert found["wird vom Amt gewährt"] == ["Das Amt gewährt die Hilfe."]
