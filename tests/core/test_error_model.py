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
from glossaries import GlossaryError, load_glossaries
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
        (GlossaryError("Leer.", "Empty.", path="g.yaml", index=0, term="zwecks"), 422,
         "Ungültiges Glossar / Invalid glossary"),
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
        GlossaryError("Leer.", "Empty.", path="g.yaml", index=0, term="zwecks"),
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


BROKEN_GLOSSARY = """schema_version: 1
id: begriffe
lang: de
entries:
  - term: fernmündlich
    kind: amtsdeutsch
    replacements: [telefonisch]
    explanation: {de: Veraltet., en: Dated.}
    examples:
      - {text: "Rufen Sie uns an.", expect: failed}
"""
# Where the mistake is, in each language: the file, the entry's number and its term.
WHERE_DE = "begriffe.yaml: Eintrag 1 „fernmündlich“: Das Fehl-Beispiel"
WHERE_EN = "begriffe.yaml: entry 1 'fernmündlich': The failing example"


def _broken_glossary(tmp_path: Path) -> Path:
    (tmp_path / "begriffe.yaml").write_text(BROKEN_GLOSSARY, encoding="utf-8")
    config = tmp_path / "a11y.toml"
    config.write_text('[text]\nglossaries = ["begriffe.yaml"]\n', encoding="utf-8")
    return config


def test_a_glossary_error_names_file_and_entry_in_both_languages(tmp_path: Path) -> None:
    _broken_glossary(tmp_path)
    with pytest.raises(GlossaryError) as info:
        load_glossaries([tmp_path / "begriffe.yaml"], include_builtin=False)
    error = info.value
    assert isinstance(error, BilingualError)
    assert (error.kind, error.status) == ("glossary", 422)
    assert error.message("de").endswith(error.de) and WHERE_DE in error.message("de")
    assert WHERE_EN in error.message("en")
    assert error.both("en").index(WHERE_EN) < error.both("en").index(WHERE_DE)


def test_a_broken_glossary_reaches_every_command_with_its_entry(tmp_path: Path) -> None:
    config = _broken_glossary(tmp_path)
    page = tmp_path / "seite.html"
    page.write_text('<html lang="de"><title>T</title><p>Hallo</p></html>', encoding="utf-8")
    runner = CliRunner()
    # A command with --locale speaks that language, the others both, German first.
    for args, wheres in (
        (["text", "--config", str(config), "--text", "Hallo Welt."], [WHERE_DE]),
        (["text", "--config", str(config), "--locale", "en", "--text", "Hi."], [WHERE_EN]),
        (["check", "--config", str(config), "--engines", "static,text", str(page)], [WHERE_DE]),
        (["translate", "--config", str(config), "--from", "de", "--to", "en", "-"],
         [WHERE_DE, WHERE_EN]),
    ):
        result = runner.invoke(main, args, input="Hallo.")
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("Fehler / Error: "), (args, result.stderr)
        assert all(where in result.stderr for where in wheres), (args, result.stderr)
        assert "Traceback" not in result.output and "Interner Fehler" not in result.output


def test_a_glossary_error_is_problem_json_of_the_api(checker, tmp_path: Path) -> None:
    """The API's one handler answers it: a route that loads a broken glossary file."""
    from litestar import get
    from litestar.testing import TestClient

    from a11y_core.config.env import Settings
    from a11y_service.app import create_app

    _broken_glossary(tmp_path)

    @get("/v1/glossary-probe", sync_to_thread=False, opt={"public": True})
    def probe() -> None:
        load_glossaries([tmp_path / "begriffe.yaml"], include_builtin=False)

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'a11y.sqlite3'}")
    app = create_app(settings, checker=checker)
    app.register(probe)
    with TestClient(app=app) as client:
        for language, where in (("de", WHERE_DE), ("en", WHERE_EN)):
            answer = client.get("/v1/glossary-probe", headers={"Accept-Language": language})
            assert answer.status_code == 422
            assert answer.headers["content-type"].startswith("application/problem+json")
            problem = answer.json()
            assert problem["type"] == "urn:a11y:problem:glossary"
            assert problem["title"] == "Ungültiges Glossar / Invalid glossary"
            assert where in problem["detail"]
