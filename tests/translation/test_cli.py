"""``a11y translate`` and ``a11y models``: outputs, JSON and honest exit codes (2, no traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from a11y_service.cli import main


@pytest.fixture
def runner(models_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    monkeypatch.setenv("A11Y_MODELS_DIR", str(models_dir))
    monkeypatch.delenv("A11Y_TRANSLATION_MEMORY", raising=False)
    monkeypatch.chdir(tmp_path)  # no a11y.toml from the developer's folder
    return CliRunner()


def test_translate_file_to_output(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "brief.html"
    source.write_text('<p>Rufen Sie <a href="tel:110">uns</a> an.</p>', encoding="utf-8")
    out = tmp_path / "out.html"
    result = runner.invoke(
        main, ["translate", str(source), "--from", "de", "--to", "en", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert '<a href="tel:110">' in out.read_text(encoding="utf-8")


def test_translate_stdin_json(runner: CliRunner) -> None:
    result = runner.invoke(
        main,
        ["translate", "-", "--from", "de", "--to", "fr", "--json", "--keep", "a11y"],
        input="Das Programm a11y hilft am 3.3.2025.\n",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pivot"] == "en"
    assert "a11y" in data["output"] and "3.3.2025" in data["output"]
    assert data["segments"][0]["source"].count("<x") == 2
    assert all(f["engine"] == "translation" for f in data["findings"])


def test_missing_model_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["translate", "-", "--from", "fr", "--to", "de"], input="Salut.")
    assert result.exit_code == 2
    assert "Kein Übersetzungsmodell" in result.output and "No translation model" in result.output
    assert "Traceback" not in result.output


def test_bad_input_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["translate", str(tmp_path / "nope.txt"), "--from", "de",
                                  "--to", "en"])
    assert result.exit_code == 2
    binary = tmp_path / "latin1.txt"
    binary.write_bytes("Grüße".encode("latin-1"))
    result = runner.invoke(main, ["translate", str(binary), "--from", "de", "--to", "en"])
    assert result.exit_code == 2 and "UTF-8" in result.output


def test_fail_on_findings(runner: CliRunner) -> None:
    result = runner.invoke(
        main,
        ["translate", "-", "--from", "de", "--to", "en", "--fail-on", "info"],
        input="Rufen Sie https://example.org an. Der Termin ist am 3.3.2025 um 9:30 Uhr.",
    )
    assert result.exit_code == 1  # the random model drops placeholders: QA findings


def test_models_commands(
    runner: CliRunner, tmp_path: Path, tiny_packages, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("A11Y_MODELS_DIR", str(tmp_path / "own-models"))
    assert "Keine Modelle" in runner.invoke(main, ["models", "list"]).output
    result = runner.invoke(main, ["models", "install", str(tiny_packages[("de", "en")])])
    assert result.exit_code == 0, result.output
    listed = json.loads(runner.invoke(main, ["models", "list", "--json"]).stdout)
    assert [(m["from"], m["to"]) for m in listed] == [("de", "en")]
    broken = tmp_path / "broken.argosmodel"
    broken.write_text("kein zip")
    result = runner.invoke(main, ["models", "install", str(broken)])
    assert result.exit_code == 2 and "ZIP" in result.output
    assert runner.invoke(main, ["models", "install", "--online", "de"]).exit_code == 2
    result = runner.invoke(
        main, ["models", "install", "--online", "de", "en", "--index-url",
               "http://127.0.0.1:9/index.json", "--timeout", "2"]
    )
    assert result.exit_code == 2 and "Paket-Index" in result.output
    assert runner.invoke(main, ["models", "remove", "de", "en"]).exit_code == 0
    assert runner.invoke(main, ["models", "remove", "de", "en"]).exit_code == 2


def test_install_online_via_cli(
    runner: CliRunner, index_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("A11Y_MODELS_DIR", str(tmp_path / "online-models"))
    result = runner.invoke(
        main, ["models", "install", "--online", "de", "en", "--index-url", index_server]
    )
    assert result.exit_code == 0, result.output
    assert "de → en" in result.output


def test_config_file_terms_and_settings(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a11y.toml").write_text(
        '[translate]\ndo_not_translate = ["Kölner Dom"]\nbeam_size = 1\n'
        'memory = "tm.sqlite3"\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        main, ["translate", "-", "--from", "de", "--to", "en"], input="Der Kölner Dom ist alt."
    )
    assert result.exit_code == 0, result.output
    assert "Kölner Dom" in result.stdout
    assert (tmp_path / "tm.sqlite3").is_file()
    (tmp_path / "a11y.toml").write_text("[translate]\nbeam = 3\n", encoding="utf-8")
    result = runner.invoke(main, ["translate", "-", "--from", "de", "--to", "en"], input="Hallo.")
    assert result.exit_code == 2 and "translate.beam" in result.output


def test_storage_errors_exit_2_without_traceback(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: OSError / sqlite3.Error from the model store or the TM gave a traceback."""
    import sqlite3

    from translators.engine import Translator
    from translators.models import ModelStore

    def broken_list(self: ModelStore) -> list:
        raise PermissionError(13, "Permission denied", str(self.root))

    monkeypatch.setattr(ModelStore, "list", broken_list)
    result = runner.invoke(main, ["models", "list"])
    assert result.exit_code == 2 and "Permission denied" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)

    def broken_translate(self: Translator, *args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Translator, "translate_document", broken_translate)
    result = runner.invoke(main, ["translate", "-", "--from", "de", "--to", "en"], input="Hallo.")
    assert result.exit_code == 2 and "database is locked" in result.output
    assert "Traceback" not in result.output


def test_install_package_with_unsafe_codes_exit_2(
    runner: CliRunner, tmp_path: Path, tiny_packages, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: from_code 'a/b' in metadata.json gave a traceback; '../' escaped the folder."""
    import zipfile

    monkeypatch.setenv("A11Y_MODELS_DIR", str(tmp_path / "m" / "models"))
    bad = tmp_path / "bad.argosmodel"
    with zipfile.ZipFile(tiny_packages[("de", "en")]) as old, zipfile.ZipFile(bad, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename.endswith("metadata.json"):
                data = b'{"from_code": "a/b", "to_code": "en", "type": "translate"}'
            new.writestr(item, data)
    result = runner.invoke(main, ["models", "install", str(bad)])
    assert result.exit_code == 2, result.output
    assert "Sprachcode" in result.output and "language code" in result.output
    assert "Traceback" not in result.output
