"""Edge cases of the pattern rules (numbers, special characters, negation, "man", questions,
tenses, clauses, verb brackets, layout, pronouns) beyond their built-in examples.

The documents are built from the lexicon alone, so these tests run without the morphology,
glossaries or term matcher.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from checkers.text.analysis import AnalyzedText, Resources
from checkers.text.config import TextConfig
from checkers.text.lexicon import get_lexicon
from checkers.text.rules import (
    impersonal,
    negation,
    number_format,
    one_sentence_per_line,
    preterite,
    pronoun_reference,
    question,
    special_character,
    subordinate_clause,
    verb_bracket,
)
from checkers.text.rules.base import Hit, Rule
from checkers.text.rules.clauses import subordinate_clauses
from checkers.text.source import extract


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources(lexicon=get_lexicon(), glossary=None, terms=None, morph=None)


def run(
    resources: Resources, module: Any, text: str, profile: str = "leicht", **options: Any
) -> tuple[AnalyzedText, list[Hit]]:
    rule: Rule = module.RULES[0]
    extracted = extract(text, "auto")
    doc = AnalyzedText.build(extracted.text, "de", profile, resources, extracted)
    settings = TextConfig().settings_for(rule.meta, profile)
    if settings is None:
        return doc, []
    settings = replace(settings, options={**settings.options, **options})
    return doc, list(rule.check(doc, settings))


def spans(doc: AnalyzedText, hits: list[Hit]) -> list[str]:
    return [doc.text[h.start : h.end] for h in hits]


def fixes(hits: list[Hit]) -> list[str]:
    return [f.text for h in hits for f in h.fixes]


# -- de.number-format -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("eins", 1), ("ein", None), ("zwölf", 12), ("einundzwanzig", 21), ("dreißig", 30),
        ("zweihundertfünfzig", 250), ("dreitausend", 3000), ("hunderteins", 101),
        ("zweitausendfünfundzwanzig", 2025), ("einen", None), ("achtung", None),
    ],
)
def test_parse_number_word(word: str, value: int | None) -> None:
    assert number_format.parse_number_word(word) == value


def test_articles_are_not_numbers(resources: Resources) -> None:
    doc, hits = run(resources, number_format, "Sie bekommen einen Brief und eine Karte.")
    assert hits == []
    doc, hits = run(resources, number_format, "Nehmen Sie eins oder zwei Formulare.")
    assert spans(doc, hits) == ["eins", "zwei"] and fixes(hits) == ["1", "2"]


def test_noun_acht_is_not_a_number(resources: Resources) -> None:
    _, hits = run(resources, number_format, "Lassen Sie das nicht außer Acht.")
    assert hits == []


def test_einfach_allows_small_number_words(resources: Resources) -> None:
    doc, hits = run(resources, number_format, "Sie haben zwölf oder dreizehn Tage.", "einfach")
    assert spans(doc, hits) == ["dreizehn"]


@pytest.mark.parametrize(
    "text",
    [
        "Im Jahr 2025 gibt es mehr Geld.",
        "Seit 1990 wohnen Sie in Berlin.",
        "Die Adresse ist Hauptstraße 5, 10115 Berlin.",
        "Ihre Kundennummer ist 4711.",
        "Die Fahrt kostet 2,50 Euro.",
        "Wir öffnen um 12.30 Uhr.",
        "Das Geld gab es früher bei Hartz IV.",
        "Schicken Sie uns Ihren CV.",
    ],
)
def test_number_false_positives(resources: Resources, text: str) -> None:
    doc, hits = run(resources, number_format, text)
    assert hits == [], spans(doc, hits)


def test_large_numbers(resources: Resources) -> None:
    doc, hits = run(resources, number_format, "Das kostet 2000 Euro. Es kamen 1.250 Menschen.")
    assert spans(doc, hits) == ["2000", "1.250"]
    assert "sehr viele" not in [f.text for f in hits[0].fixes]  # money: no "sehr viele Euro"
    assert fixes(hits[1:]) == ["fast 1.300", "sehr viele"]


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("95 % sind zufrieden.", "95 %", "fast alle"),
        ("25 Prozent sind neu.", "25 Prozent", "ein Viertel"),
        ("Das sind fünfzig Prozent.", "fünfzig Prozent", "die Hälfte"),
        ("Der Antrag ist zu 100 % fertig.", "100 %", "ganz"),
    ],
)
def test_percentages(resources: Resources, text: str, flagged: str, suggestion: str) -> None:
    doc, hits = run(resources, number_format, text)
    assert spans(doc, hits) == [flagged]
    assert suggestion in fixes(hits)


def test_percentage_change_gets_no_share(resources: Resources) -> None:
    doc, hits = run(resources, number_format, "Die Miete steigt um 5 %.")
    assert spans(doc, hits) == ["5 %"] and fixes(hits) == []


def test_dates(resources: Resources) -> None:
    doc, hits = run(resources, number_format, "Der Termin ist am 01.04.2025 um 9 Uhr.")
    assert fixes(hits) == ["1. April 2025"]
    doc, hits = run(resources, number_format, "Die Frist endet am 31.03.")
    # The closing dot also ends the sentence: it stays in the text.
    assert spans(doc, hits) == ["31.03"] and fixes(hits) == ["31. März"]
    doc, hits = run(resources, number_format, "Ab dem 31.03. gilt das.")
    assert spans(doc, hits) == ["31.03."]


def test_roman_numerals_and_fractions(resources: Resources) -> None:
    doc, hits = run(resources, number_format, "Das steht in Teil III. Etwa zwei Drittel kommen.")
    assert spans(doc, hits) == ["III", "zwei Drittel"]
    assert fixes(hits) == ["3"]


# -- de.special-character -------------------------------------------------------------------


def test_urls_and_emails_keep_their_slashes(resources: Resources) -> None:
    _, hits = run(
        resources, special_character,
        "Schreiben Sie an info@amt.de oder lesen Sie https://amt.de/a/b und www.amt.de/c/d.",
    )
    assert hits == []


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("Kreuzen Sie und/oder an.", "und/oder", "oder"),
        ("Das kostet 10 Euro/Monat.", "Euro/Monat", "Euro pro Monat"),
        ("Bringen Sie Ausweis/Pass/Führerschein mit.", "Ausweis/Pass/Führerschein",
         "Ausweis, Pass oder Führerschein"),
        ("Das steht in §§ 3 und 4.", "§§", "Paragrafen"),
        ("Das sind 50% der Kosten.", "%", "50 Prozent"),
        ("Er sagte: „Das ist ‚Bürgergeld‘ für alle.“", "‚Bürgergeld‘", "Bürgergeld"),
        ("Sie brauchen Ausweis, Foto …", "…", "."),
        ("Das Amt – also das Jobcenter – hilft Ihnen.", "– also das Jobcenter –",
         ", also das Jobcenter,"),
        ("Wir haben von 9 – 12 Uhr offen.", "–", "bis"),
        ("Wir schreiben den Bürger*innen einen Brief.", "Bürger*innen",
         "Bürgerinnen und Bürgern"),
        ("Alle Mitarbeiter:innen kommen.", "Mitarbeiter:innen",
         "Mitarbeiterinnen und Mitarbeiter"),
        ("Alle Bürger/innen kommen.", "Bürger/innen", "Bürgerinnen und Bürger"),
    ],
)
def test_special_characters(
    resources: Resources, text: str, flagged: str, suggestion: str
) -> None:
    doc, hits = run(resources, special_character, text)
    assert flagged in spans(doc, hits)
    assert suggestion in fixes(hits)


@pytest.mark.parametrize(
    "text",
    [
        "Wir kaufen bei H&M ein.",
        "Das brauchen Sie:\n- Ihren Ausweis\n- ein Foto",
        "Das Geld kommt von der Europäischen Union (EU).",
        "Der Ein- und Ausgang ist hinten.",
        "Das ist die Saison 2024/25.",
    ],
)
def test_special_character_false_positives(resources: Resources, text: str) -> None:
    doc, hits = run(resources, special_character, text)
    assert hits == [], spans(doc, hits)


def test_gender_characters_only_in_leicht(resources: Resources) -> None:
    _, hits = run(resources, special_character, "Alle Bürger*innen kommen.", "einfach")
    assert hits == []


# -- de.negation ----------------------------------------------------------------------------


def test_double_negation_severity(resources: Resources) -> None:
    doc, hits = run(resources, negation, "Sie bekommen das Geld nicht ohne Antrag.")
    assert spans(doc, hits) == ["nicht ohne"] and hits[0].severity == "error"
    doc, hits = run(resources, negation, "Das ist nicht unwichtig.", "standard")
    assert spans(doc, hits) == ["nicht unwichtig"] and hits[0].severity is None
    assert fixes(hits) == ["wichtig"]


def test_single_negation_only_in_leicht(resources: Resources) -> None:
    _, hits = run(resources, negation, "Sie müssen heute nicht kommen.", "einfach")
    assert hits == []
    doc, hits = run(resources, negation, "Sie müssen heute nicht kommen.")
    assert spans(doc, hits) == ["nicht"]


@pytest.mark.parametrize(
    "text",
    [
        "Sie dürfen nicht rauchen und keinen Alkohol trinken.",
        "Ich weiß nicht, ob er kein Geld hat.",
        "Das ist nicht unbedingt nötig.",
        "Sie haben weder einen Ausweis noch einen Pass.",
    ],
)
def test_not_double_negations(resources: Resources, text: str) -> None:
    _, hits = run(resources, negation, text, "einfach")
    assert hits == []


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Vergessen Sie nicht, den Antrag abzugeben.", "Denken Sie daran"),
        ("Bitte vergessen Sie den Termin nicht.", "denken Sie an den Termin"),
        ("Kommen Sie nicht zu spät.", "pünktlich"),
        ("Wenn Sie nicht krank sind, kommen Sie.", "gesund"),
    ],
)
def test_negation_suggestions(resources: Resources, text: str, suggestion: str) -> None:
    _, hits = run(resources, negation, text)
    assert suggestion in fixes(hits)


def test_no_antonym_inside_a_longer_phrase(resources: Resources) -> None:
    # "nicht krank gemeldet" is not "gesund gemeldet".
    _, hits = run(resources, negation, "Sie sind nicht krank gemeldet.")
    assert fixes(hits) == []


# -- de.impersonal --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Man sollte früh kommen.", "Sie sollten"),
        ("Hier hat man Zeit.", "haben Sie"),
        ("Dann ist man fertig.", "sind Sie"),
        ("Kann man das online machen?", "Können Sie"),
        ("Man bekommt das Geld im Mai.", "Sie bekommen"),
        ("Dort findet man das Formular.", "finden Sie"),
        ("Man geht zum Amt.", "Sie gehen"),
        ("Wenn man den Antrag gestellt hat, wartet man.", "Sie den Antrag gestellt haben"),
        ("Das Formular, das man braucht, liegt hier.", "Sie brauchen"),
        ("Man darf hier parken.", "Sie dürfen"),
        ("Man wird informiert.", "Sie werden"),
    ],
)
def test_man_agreement(resources: Resources, text: str, suggestion: str) -> None:
    _, hits = run(resources, impersonal, text)
    assert suggestion in fixes(hits)


def test_man_off_in_standard(resources: Resources) -> None:
    _, hits = run(resources, impersonal, "Man muss das machen.", "standard")
    assert hits == []


# -- de.question ----------------------------------------------------------------------------


def test_question_headings(resources: Resources) -> None:
    _, hits = run(resources, question, "## Was ist Wohngeld?\n\nWohngeld ist Geld vom Staat.")
    assert hits == []
    doc, hits = run(resources, question, "Wir helfen Ihnen gern.\n\nHaben Sie noch Fragen?")
    assert spans(doc, hits) == ["Haben Sie noch Fragen?"]


def test_quoted_question_is_direct_speech(resources: Resources) -> None:
    _, hits = run(resources, question, "Er fragt: „Wann kommt der Bescheid?“")
    assert hits == []


# -- de.preterite ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Es gab ein Problem.", "Es hat ein Problem gegeben."),
        ("Ich ging gestern zum Amt.", "Ich bin gestern zum Amt gegangen."),
        ("Sie kamen am Montag an.", "Sie sind am Montag angekommen."),
        ("Sie meldeten sich beim Amt an.", "Sie haben sich beim Amt angemeldet."),
        ("Wir bekamen Ihren Antrag.", "Wir haben Ihren Antrag bekommen."),
        ("Als Sie uns anriefen, waren wir nicht da.",
         "Als Sie uns angerufen haben, waren wir nicht da."),
        ("Er ging nach Hause, weil er müde war.",
         "Er ist nach Hause gegangen, weil er müde war."),
        ("Das Amt schickte Ihnen den Bescheid zurück.",
         "Das Amt hat Ihnen den Bescheid zurückgeschickt."),
        ("Wir arbeiteten gestern.", "Wir haben gestern gearbeitet."),
    ],
)
def test_perfect_rewrites(resources: Resources, text: str, suggestion: str) -> None:
    _, hits = run(resources, preterite, text)
    assert suggestion in fixes(hits)


@pytest.mark.parametrize(
    "text",
    [
        "Die Tür war geschlossen.",
        "Er wusste das nicht.",
        "Wir konnten nicht kommen.",
        "Die gestellten Anträge liegen hier.",
        "Das Geld war verloren.",
    ],
)
def test_preterite_false_positives(resources: Resources, text: str) -> None:
    doc, hits = run(resources, preterite, text)
    assert hits == [], spans(doc, hits)


def test_unsure_auxiliary_gets_no_rewrite(resources: Resources) -> None:
    # "fahren" takes sein or haben depending on the meaning.
    doc, hits = run(resources, preterite, "Er fuhr das Auto in die Garage.")
    assert spans(doc, hits) == ["fuhr"] and fixes(hits) == []


def test_past_perfect(resources: Resources) -> None:
    doc, hits = run(resources, preterite, "Nachdem Sie angekommen waren, begann die Beratung.")
    assert "angekommen waren" in spans(doc, hits)
    assert "sind" in fixes(hits)
    doc, hits = run(resources, preterite, "Er war nach Berlin gefahren.")
    assert spans(doc, hits) == ["war nach Berlin gefahren"] and fixes(hits) == ["ist"]


def test_preterite_off_outside_leicht(resources: Resources) -> None:
    _, hits = run(resources, preterite, "Er ging nach Hause.", "einfach")
    assert hits == []


# -- de.subordinate-clause ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wo wohnen Sie?",
        "Da müssen Sie hin.",
        "Bis Ende März müssen Sie zahlen.",
        "Wir kommen so schnell wie möglich.",
        "Sie können damit bezahlen.",
        "Bringen Sie den Ausweis, die neue Karte und den Brief mit.",
    ],
)
def test_no_clause(resources: Resources, text: str) -> None:
    doc = AnalyzedText.build(text, "de", "leicht", resources)
    assert subordinate_clauses(doc.sentences[0]) == []


def test_conditional_first_option(resources: Resources) -> None:
    text = "Wenn Sie umziehen, melden Sie sich beim Amt."
    _, hits = run(resources, subordinate_clause, text)
    assert hits == []
    doc, hits = run(resources, subordinate_clause, text, allow_conditional_first=False)
    assert spans(doc, hits) == ["Wenn Sie umziehen"]


def test_clause_counts_per_profile(resources: Resources) -> None:
    text = "Wir prüfen, ob Sie Wohngeld bekommen, weil Sie umgezogen sind."
    doc, hits = run(resources, subordinate_clause, text, "einfach")
    assert spans(doc, hits) == [text]
    _, hits = run(resources, subordinate_clause, text, "standard")
    assert hits == []  # two clauses side by side, not nested


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Das Haus, in dem Sie wohnen, ist alt.", "Sie wohnen in dem Haus. Das Haus ist alt."),
        ("Die Frist, die Sie einhalten müssen, ist kurz.",
         "Sie müssen die Frist einhalten. Die Frist ist kurz."),
        ("Der Antrag, den Sie ausfüllen, ist neu.",
         "Sie füllen einen Antrag aus. Der Antrag ist neu."),
        ("Der Antrag, der im Amt liegt, ist fertig.",
         "Der Antrag liegt im Amt. Der Antrag ist fertig."),
    ],
)
def test_relative_rewrites(resources: Resources, text: str, suggestion: str) -> None:
    _, hits = run(resources, subordinate_clause, text)
    assert suggestion in fixes(hits)


# -- de.verb-bracket ------------------------------------------------------------------------


def test_verb_bracket_skips_subordinate_clauses(resources: Resources) -> None:
    text = "Wir wissen, dass Sie den Antrag im letzten Monat beim Bürgeramt gestellt haben."
    _, hits = run(resources, verb_bracket, text, "leicht", max_gap=2)
    assert hits == []


def test_verb_bracket_counts_across_dates(resources: Resources) -> None:
    text = "Wir haben Ihren Antrag vom 3. März 2025 auf Wohngeld für Ihre Familie geprüft."
    doc, hits = run(resources, verb_bracket, text, "einfach")
    assert spans(doc, hits) == [text[4:-1]] and hits[0].params["gap"] == 11


def test_verb_bracket_off_in_standard(resources: Resources) -> None:
    text = "Wir werden Ihnen den Bescheid nach Prüfung aller Unterlagen zusenden."
    _, hits = run(resources, verb_bracket, text, "standard")
    assert hits == []


# -- de.one-sentence-per-line ---------------------------------------------------------------


def test_one_sentence_per_line_ignores_ordinals(resources: Resources) -> None:
    _, hits = run(resources, one_sentence_per_line, "Am 3. März ist das Amt zu.\nKommen Sie.")
    assert hits == []


# -- de.pronoun-reference -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Der Vermieter schickt dem Mieter einen Brief. Es ist wichtig.",
        "Der Vermieter schickt den Brief an Sie. Sie müssen antworten.",
        "Der Mann gibt der Frau ein Formular. Er ist nett.",
    ],
)
def test_pronoun_reference_precision(resources: Resources, text: str) -> None:
    _, hits = run(resources, pronoun_reference, text)
    assert hits == []
