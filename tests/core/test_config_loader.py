"""The one configuration loader: every section of a11y.toml validated at once, the line of the
key in every error, and the A11Y_* environment with named errors instead of tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from a11y_core.config import ConfigError, EnvSettingError, read_config
from a11y_core.config.env import Settings
from a11y_core.errors import BilingualError
from checkers.page.site.config import load_check_config
from checkers.text.config import load_config
from translators.config import load_translate_config


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a11y.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("source", "line", "key"),
    [
        ('[text]\nprofile = "einfach"\nmax_chars = "viel"\n', 3, "text.max_chars"),
        ('[text]\nprofile = "schwer"\n', 2, "text.profile"),
        ('[text]\n\n[text.rules."de.negation"]\nseverity = "fatal"\n', 4,
         "text.rules.de.negation.severity"),
        ("[text]\nunknown = 1\n", 2, "text.unknown"),
        ("[translate]\nbeam_size = 2\nbeam = 3\n", 3, "translate.beam"),
        ("[translate]\nthreads = -1\n", 2, "translate.threads"),
        ('[translate]\nglossaries = "begriffe/"\n', 2, "translate.glossaries"),
        ("[check]\ntimeout = 0\n", 2, "check.timeout"),
        ("[checks]\n", 1, "checks"),
    ],
)
def test_every_section_reports_file_line_and_key(
    tmp_path: Path, source: str, line: int, key: str
) -> None:
    path = _write(tmp_path, source)
    for load in (load_config, load_check_config, load_translate_config):
        # One validator for the whole file: each front end sees the same mistake.
        with pytest.raises(ConfigError) as caught:
            load(path)
        assert (caught.value.line, caught.value.key) == (line, key)
        assert caught.value.message().startswith(f"a11y.toml:{line}: key {key}: ")
        assert " / " in caught.value.message()


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, '[text]\nprofile = "leicht"\nmax_chars = \n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.line == 3
    assert "Kein gültiges TOML" in caught.value.message()


def test_sections_build_their_settings_from_one_document(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[text]\nprofile = "leicht"\nglossaries = ["begriffe"]\n'
        '[translate]\nbeam_size = 1\ndo_not_translate = ["Kölner Dom"]\n'
        '[check]\nfail_on = "warning"\n',
    )
    document = read_config(path)
    assert set(document.data) == {"text", "translate", "check"}
    assert load_config(path).profile == "leicht"
    assert load_config(path).glossaries == ((tmp_path / "begriffe").resolve(),)
    assert load_translate_config(path).engine.beam_size == 1
    assert load_translate_config(path).do_not_translate == ("Kölner Dom",)
    assert load_check_config(path).fail_on == "warning"


def test_no_file_means_defaults(tmp_path: Path) -> None:
    assert read_config(None, tmp_path).path is None
    assert load_config(None, tmp_path).profile == "einfach"


def test_environment_errors_name_the_variable() -> None:
    with pytest.raises(EnvSettingError) as caught:
        Settings.from_env({"A11Y_PORT": "achttausend", "A11Y_SECRET_KEY": "x" * 40})
    error = caught.value
    assert isinstance(error, BilingualError) and error.kind == "config" and error.status == 400
    assert error.message() == "A11Y_PORT: 'achttausend' ist keine ganze Zahl. / " \
        "'achttausend' is not an integer."
    assert error.message("en").startswith("A11Y_PORT: 'achttausend' is not an integer. / ")


def test_environment_values_are_read() -> None:
    settings = Settings.from_env(
        {"A11Y_PORT": "8100", "A11Y_PAGE_TIMEOUT": "12.5", "A11Y_MAX_CHARS": "",
         "A11Y_SECRET_KEY": "x" * 40}
    )
    assert (settings.port, settings.page_timeout, settings.max_chars) == (8100, 12.5, None)
