"""The language a text is in, English checks, passages in another language, and the profile
verdict that reads the rules rather than the score alone."""

from __future__ import annotations

import pytest

from checkers.text.engine import CheckRequest
from checkers.text.language import detect
from checkers.text.verdict import judge

ENGLISH = (
    "Housing benefit helps people with a low income to pay their rent. You can apply online or "
    "at the citizens' office. Please bring your payslips and your rental agreement."
)
GERMAN_WITH_ENGLISH = (
    "Wir laden Sie herzlich zum Sommerfest ein. Das Fest ist am Samstag im Park. "
    "Please bring your payslips and your rental agreement with you. "
    "Es gibt Kuchen und Musik. Wir freuen uns auf Sie."
)
LEGAL = (
    "Gemäß § 24 Abs. 2 des Wohngeldgesetzes ist der Antragsteller verpflichtet, sämtliche für die "
    "Bewilligung der Leistung erheblichen Tatsachen unverzüglich anzugeben sowie Änderungen in "
    "den Verhältnissen der zuständigen Wohngeldbehörde unaufgefordert mitzuteilen."
)
SCHOOL = (
    "Wir möchten Ihnen das neue Konzept für das Homeschooling und die Feedback-Kultur zeigen. "
    "Außerdem stellt das Team die Termine für den Workshop und das Catering vor. Das Meeting "
    "mit dem Coaching-Team ist online. Den Link und das Ticket für den Livestream bekommen Sie "
    "per Newsletter."
)
PLAIN = (
    "Sie bekommen Geld vom Amt. Das Geld ist für die Miete. Sie müssen dafür einen Antrag "
    "stellen. Wir helfen Ihnen gern dabei. Rufen Sie uns an."
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (ENGLISH, "en"),
        (PLAIN, "de"),
        ("Wir helfen Ihnen gern.", "de"),
        ("Nous vous invitons à la fête de la ville samedi prochain.", "fr"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    detection = detect(text)
    assert detection is not None and detection.lang == lang


def test_short_text_is_not_judged() -> None:
    assert detect("Hallo") is None


def test_english_text_gets_english_figures_and_no_german_rules(checker) -> None:
    report = checker.check(CheckRequest(ENGLISH, profile="leicht"))
    assert report.target.lang == "en"
    assert report.metrics["language_source"] == "detected"
    assert report.metrics["score"] is not None and report.metrics["level"]
    assert "flesch_reading_ease" in report.metrics
    assert {f.rule_id for f in report.findings} <= {"de.sentence-length"}
    assert any("Englisch" in limit for limit in report.limits)
    assert report.verdict is not None  # UNSET for English: no German verdict


def test_lang_en_given_prints_a_score(checker) -> None:
    report = checker.check(CheckRequest(ENGLISH, lang="en"))
    assert isinstance(report.metrics["score"], float)
    assert report.metrics["language_source"] == "request"


def test_html_lang_is_respected(checker) -> None:
    html = "<html lang='en'><body><p>Die Arbeitsgruppe trifft sich am Montag.</p></body></html>"
    report = checker.check(CheckRequest(html, format="html"))
    assert report.target.lang == "en"
    assert report.metrics["language_source"] == "markup"


def test_english_passage_is_flagged_not_checked_as_german(checker) -> None:
    report = checker.check(CheckRequest(GERMAN_WITH_ENGLISH, profile="leicht"))
    assert report.target.lang == "de"
    passages = [f for f in report.findings if f.rule_id == "de.other-language"]
    assert [f.excerpt for f in passages] == [
        "Please bring your payslips and your rental agreement with you."
    ]
    start = GERMAN_WITH_ENGLISH.index("Please")
    end = GERMAN_WITH_ENGLISH.index("Es gibt")
    inside = [
        f
        for f in report.findings
        if f.rule_id != "de.other-language" and start <= (f.location.start or 0) < end
    ]
    assert inside == []
    # The English sentence is not part of the German score either.
    assert report.metrics["sentences"] == 4


def test_marked_passage_is_skipped_silently(checker) -> None:
    html = (
        "<html lang='de'><body><p>Wir laden Sie ein.</p><p lang='en'>Please bring your "
        "payslips and your rental agreement with you.</p></body></html>"
    )
    report = checker.check(CheckRequest(html, format="html", profile="leicht"))
    assert not [f for f in report.findings if "payslips" in (f.excerpt or "")]


def test_long_legal_sentence_fails_the_verdict(checker) -> None:
    report = checker.check(CheckRequest(LEGAL, profile="einfach"))
    assert report.verdict["status"] == "nicht"
    assert report.verdict["passed"] is False
    assert "nicht" in report.verdict["text"]
    assert report.verdict["reasons"]


def test_foreign_word_school_letter_fails_although_sentences_are_short(checker) -> None:
    report = checker.check(CheckRequest(SCHOOL, profile="einfach"))
    assert report.verdict["status"] == "nicht", report.verdict
    assert report.verdict["reasons"][0]["rule_id"] == "de.foreign-word"


def test_plain_text_follows_the_rules(checker) -> None:
    report = checker.check(CheckRequest(PLAIN, profile="einfach"))
    assert report.verdict["status"] == "erfuellt", report.verdict
    english = checker.check(CheckRequest(PLAIN, profile="einfach", locale="en"))
    assert english.verdict["text"].startswith("The text follows")


def test_judge_without_findings_and_score_below_target_is_weitgehend() -> None:
    verdict = judge([], {"words": 50, "sentences": 5, "score": 60.0}, "leicht", "de", [(0, 10)])
    assert verdict.status == "weitgehend"
    assert verdict.text == "Der Text erfüllt die Regeln der Leichten Sprache weitgehend."
