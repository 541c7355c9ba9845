"""The CLI's text output (grouped by sentence, marked words, what to do first), the verdict in
the exit code, --min-score, and English texts."""

from __future__ import annotations

import json

from tests.service.test_text_api_cli import run_cli

LEGAL = (
    "Gemäß § 24 Abs. 2 des Wohngeldgesetzes ist der Antragsteller verpflichtet, sämtliche für die "
    "Bewilligung der Leistung erheblichen Tatsachen unverzüglich anzugeben sowie Änderungen in "
    "den Verhältnissen der zuständigen Wohngeldbehörde unaufgefordert mitzuteilen."
)
LETTER = (
    "Die Vordrucke erhalten Sie im Bürgeramt, Mo.–Fr. 8–12 Uhr. Wegen fehlender Unterlagen "
    "kann sich die Bearbeitung verzögern."
)


def test_grouped_output_marks_words_and_says_what_to_do_first() -> None:
    result = run_cli("text", "--text", LETTER, "--profile", "leicht")
    out = result.stdout.decode()
    assert "Ergebnis: Der Text erfüllt die Regeln der Leichten Sprache" in out
    assert "Zuerst: " in out
    assert "»Vordrucke«" in out and "»Mo.–Fr.«" in out
    assert "      → Formulare" in out
    assert "      → Montag bis Freitag" in out
    assert "      → Weil Unterlagen fehlen," in out
    assert "Frau" not in out
    # Each sentence is quoted once, with its findings below it.
    assert out.count("„Die »Vordrucke«") == 1


def test_legal_sentence_fails_the_verdict_exit_1() -> None:
    result = run_cli("text", "--text", LEGAL, "--profile", "einfach")
    assert result.returncode == 1, result.stdout.decode()
    assert "nicht" in result.stdout.decode()
    never = run_cli("text", "--text", LEGAL, "--profile", "einfach", "--fail-on", "never")
    assert never.returncode == 0


def test_min_score() -> None:
    easy = "Wir helfen Ihnen gern."
    assert run_cli("text", "--text", easy, "--min-score", "50").returncode == 0
    assert run_cli("text", "--text", easy, "--min-score", "100.0").returncode in (0, 1)
    hard = run_cli("text", "--text", LEGAL, "--profile", "standard", "--min-score", "90")
    assert hard.returncode == 1
    bad = run_cli("text", "--text", easy, "--min-score", "200")
    assert bad.returncode == 2


def test_verdict_in_json() -> None:
    result = run_cli("text", "--text", LEGAL, "--format", "json", "--fail-on", "never")
    report = json.loads(result.stdout)
    assert report["verdict"]["status"] == "nicht"
    assert report["verdict"]["profile"] == "einfach"


def test_english_text_output_says_which_checks_ran() -> None:
    text = (
        "Housing benefit helps people with a low income to pay their rent. You can apply "
        "online or at the citizens' office."
    )
    for args in (("--text", text), ("--text", text, "--lang", "en")):
        out = run_cli("text", *args).stdout.decode()
        assert "None" not in out
        assert "Flesch Reading Ease" in out
        assert "Geprüft wurden: de.sentence-length" in out
        assert "Fremdwort" not in out
