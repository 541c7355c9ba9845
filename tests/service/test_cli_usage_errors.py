"""Click's own usage errors come in German, then English, with exit code 2 (in-process)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from a11y_service.cli import main


def _fail(args: list[str]) -> str:
    result = CliRunner().invoke(main, args, prog_name="a11y")
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    return result.stderr


@pytest.mark.parametrize(
    ("args", "german", "english"),
    [
        (
            ["check", "--no-such-flag"],
            "Unbekannte Option '--no-such-flag'.",
            "No such option '--no-such-flag'.",
        ),
        (["translate"], "Fehlendes Argument 'SOURCE'.", "Missing argument 'SOURCE'."),
        (
            ["text", "--format", "xml", "--text", "Hallo"],
            "Ungültiger Wert für '--format'. 'xml' ist keiner der Werte 'text', 'json'.",
            "Invalid value for '--format': 'xml' is not one of 'text', 'json'.",
        ),
        (
            ["text", "--min-score", "200", "--text", "Hallo"],
            "Ungültiger Wert für '--min-score'. 200.0 liegt nicht im Bereich 0<=x<=100.",
            "Invalid value for '--min-score': 200.0 is not in the range 0<=x<=100.",
        ),
        (
            ["check", "--timeout", "soon"],
            "Ungültiger Wert für '--timeout'. 'soon' ist keine gültige Zahl.",
            "Invalid value for '--timeout': 'soon' is not a valid float range.",
        ),
        (["no-such-command"], "Unbekannter Befehl 'no-such-command'.", "No such command"),
        (
            ["text", "one.txt", "two.txt"],
            "Unerwartetes zusätzliches Argument (two.txt).",
            "Got unexpected extra argument (two.txt)",
        ),
        (
            ["text", "--text"],
            "Option '--text' braucht einen Wert.",
            "Option '--text' requires an argument.",
        ),
    ],
)
def test_usage_error_is_german_then_english_with_exit_2(
    args: list[str], german: str, english: str
) -> None:
    error_line = _fail(args).strip().splitlines()[-1]
    assert error_line.startswith("Fehler / Error: ")
    assert german in error_line
    assert english in error_line
    assert error_line.index(german) < error_line.index(" / " + english)


def test_unknown_command_suggests_the_near_one_in_both_languages() -> None:
    error_line = _fail(["chek"]).strip().splitlines()[-1]
    assert "Meinten Sie 'check'?" in error_line
    assert "Did you mean 'check'?" in error_line


def test_nested_subcommand_errors_are_translated_too() -> None:
    stderr = _fail(["baseline", "create", "--no-such-flag"])
    assert "Usage: a11y baseline create" in stderr
    assert "Hilfe / help: a11y baseline create --help" in stderr
    assert "Unbekannte Option '--no-such-flag'." in stderr


def test_several_extra_arguments_use_the_plural() -> None:
    stderr = _fail(["text", "a.txt", "b.txt", "c.txt"])
    assert "Unerwartete zusätzliche Argumente (b.txt c.txt)." in stderr
    assert "Got unexpected extra arguments (b.txt c.txt)" in stderr


def test_project_messages_are_left_as_they_are() -> None:
    # The project's own errors are already bilingual: no second translation, still exit 2.
    stderr = _fail(["text"])
    assert "Geben Sie genau eine Quelle an" in stderr
    assert "Unbekannt" not in stderr


def test_a_value_for_a_flag_is_refused_in_both_languages() -> None:
    error_line = _fail(["check", "--static-only=yes"]).strip().splitlines()[-1]
    assert "Option '--static-only' nimmt keinen Wert." in error_line
    assert "Option '--static-only' does not take a value." in error_line


def test_end_of_input_at_a_prompt_is_aborted_in_both_languages() -> None:
    import click

    from a11y_service.cli.errors import BilingualGroup

    @click.group(cls=BilingualGroup)
    def group() -> None:
        pass

    @group.command()
    def ask() -> None:
        click.prompt("Name")

    result = CliRunner().invoke(group, ["ask"], input="")
    assert result.exit_code == 1
    assert "Abgebrochen. / Aborted!" in result.stderr
    assert "Traceback" not in result.output
