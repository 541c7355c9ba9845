"""One error model: every user-facing error is a BilingualError with kind and status, mapped to
problem+json in one place (a11y_service.problems) and to a CLI message with exit 2 in one place
(a11y_service.cli.errors)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from a11y_core.config import ConfigError
from a11y_core.errors import BilingualError
from a11y_service.cli import main
from a11y_service.cli.errors import cli_error
from a11y_service.db.errors import VersionConflictError
from a11y_service.problems import problem_of
from checkers.page.site.runner import RunError
from checkers.text.errors import TextInputError
from ci.baseline import BaselineError
from translators.errors import ModelNotInstalledError
from translators.xliff import XliffError


@pytest.mark.parametrize(
    ("error", "status", "title"),
    [
        (TextInputError("too-long", "Zu lang.", "Too long.", 413), 413,
         "Ungültige Eingabe / Invalid input"),
        (VersionConflictError("Geändert.", "Changed."), 409,
         "Versionskonflikt: nichts überschrieben / Version conflict: nothing overwritten"),
        (XliffError("xliff", "Kaputt.", "Broken."), 422,
         "Ungültige XLIFF-Datei / Invalid XLIFF file"),
        (ConfigError(Path("a11y.toml"), 3, "text.profile", "Falsch.", "Wrong."), 400,
         "Ungültige Konfiguration / Invalid configuration"),
        (ModelNotInstalledError("de", "xx"), 400, "Ungültige Anfrage / Invalid request"),
    ],
)
def test_every_error_is_one_problem(error: BilingualError, status: int, title: str) -> None:
    problem = problem_of(error, "en")
    assert (problem.status, problem.title, problem.kind) == (status, title, error.kind)
    assert problem.type == f"urn:a11y:problem:{error.kind}"
    assert problem.detail == error.message("en")


@pytest.mark.parametrize(
    "error",
    [
        RunError("Kein Ziel.", "No target."),
        BaselineError("Kaputt.", "Broken."),
        ConfigError(Path("a11y.toml"), 2, "check.timeout", "Zu klein.", "Too small."),
        TextInputError("x", "Falsch.", "Wrong."),
    ],
)
def test_every_error_is_one_cli_message_with_exit_2(error: BilingualError) -> None:
    german_first = cli_error(error)
    assert german_first.exit_code == 2
    assert german_first.message.index(error.de) < german_first.message.index(error.en)
    assert error.en in cli_error(error, "en").message


def test_a_config_mistake_reaches_every_command_with_its_line(tmp_path: Path) -> None:
    config = tmp_path / "a11y.toml"
    config.write_text('[text]\nprofile = "einfach"\nmax_chars = "viel"\n', encoding="utf-8")
    page = tmp_path / "seite.html"
    page.write_text('<html lang="de"><title>T</title><p>Hallo</p></html>', encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["text", "--config", str(config), "--text", "Hallo Welt."],
        ["check", "--config", str(config), "--static-only", str(page)],
        ["translate", "--config", str(config), "--from", "de", "--to", "en", "-"],
    ):
        result = runner.invoke(main, args, input="Hallo.")
        assert result.exit_code == 2, (args, result.output)
        assert "a11y.toml:3: key text.max_chars:" in result.stderr, args
        assert "Traceback" not in result.output


def test_a_command_error_says_error_in_both_languages(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["text", str(tmp_path / "fehlt.txt")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Fehler / Error: Datei nicht lesbar / cannot read file: ")


def test_a_project_error_no_command_caught_is_exit_2_without_traceback() -> None:
    result = CliRunner(env={"A11Y_PORT": "achtzig"}).invoke(main, ["admin", "org", "list"])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        "Fehler / Error: A11Y_PORT: 'achtzig' ist keine ganze Zahl. / "
        "'achtzig' is not an integer."
    )
