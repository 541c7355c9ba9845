from __future__ import annotations

from pathlib import Path

import pytest

from checkers.page.site.config import ConfigError, key_line, load_check_config, parse_check_config

FULL = """\
[text]
profile = "einfach"

[check]
engines = ["static", "text"]
fail_on = "warning"
baseline = "a11y-baseline.json"
ignore_selectors = ["#cookie-banner"]
timeout = 5
concurrency = 3
max_pages = 50
allow_loopback = true
reports = ["junit=out/junit.xml"]

[check.targets]
urls = ["https://www.example.de/"]
sitemaps = ["https://www.example.de/sitemap.xml"]
files = ["docs/**/*.md"]

[check.crawl]
enabled = true
max_depth = 3
include = ["/buergerservice/*"]
exclude = ["/archiv/*"]

[check.rules]
"static.image-alt" = "warning"
"de.negation" = false
"de.passive-voice" = { enabled = false }

[check.bitv]
land = "bw"
body = "state"

[check.auth]
headers = { "X-Preview" = "1" }
cookies = [{ name = "session", value = "${A11Y_TEST_SESSION}" }]

[check.auth.login]
url = "https://www.example.de/login"
fields = { user = "ci", password = "${A11Y_TEST_PASSWORD}" }

[[check.overrides]]
paths = ["/archiv/*"]
fail_on = "never"
"""


def test_full_config_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("A11Y_TEST_PASSWORD", "pw")
    monkeypatch.setenv("A11Y_TEST_SESSION", "abc")
    (tmp_path / "a11y.toml").write_text(FULL, encoding="utf-8")
    config = load_check_config(search_from=tmp_path)
    assert config.engines == frozenset({"static", "text"})
    assert config.fail_on == "warning"
    assert config.baseline == tmp_path / "a11y-baseline.json"
    assert config.crawl.enabled and config.crawl.max_depth == 3
    assert config.land == "BW" and config.body == "state"
    assert config.disabled_rules() == {"de.negation", "de.passive-voice"}
    assert config.rules["static.image-alt"] == "warning"  # ci.gate.apply_config applies it
    assert config.login is not None and config.login.fields["password"] == "pw"
    assert config.cookies[0].value == "abc"
    assert config.headers == {"X-Preview": "1"}
    assert config.overrides[0].fail_on == "never"
    assert config.timeout == 5.0 and config.concurrency == 3


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    config = load_check_config(search_from=tmp_path)
    assert config.fail_on == "error" and config.path is None


@pytest.mark.parametrize(
    ("source", "line", "key"),
    [
        ('[check]\nfail_on = "error"\nmax_depht = 2\n', 3, "check.max_depht"),
        ("[check.crawl]\nenabled = true\n\nmax_depth = \"zwei\"\n", 4, "check.crawl.max_depth"),
        ("[check]\ntimeout = true\n", 2, "check.timeout"),
        ("[check.targets]\nurls = \"https://x.de/\"\n", 2, "check.targets.urls"),
        ('[chek]\nfail_on = "error"\n', 1, "chek"),
        ('[check]\nfail_on = "sometimes"\n', 2, "check.fail_on"),
        ('[check.rules]\n"static.image-alt" = "fatal"\n', 2, "check.rules.static.image-alt"),
        ("[check.auth]\ncookies = [{ name = \"a\", value = \"b\", secure = true }]\n", 2,
         "check.auth.cookies.secure"),
        ('[check.bitv]\nland = "XY"\n', 2, "check.bitv.land"),
        ('[[check.overrides]]\npaths = ["/a/*"]\nfail = "never"\n', 3, "check.overrides.fail"),
        ('[check]\nengines = ["axe", "lighthouse"]\n', 2, "check.engines"),
    ],
)
def test_errors_name_line_and_key(source: str, line: int, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_check_config(source, Path("a11y.toml"))
    error = caught.value
    assert (error.line, error.key) == (line, key)
    assert error.message().startswith(f"a11y.toml:{line}: key {key}:")


def test_wrong_type_message_is_german_first() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_check_config("[check]\nconcurrency = \"viele\"\n", Path("a11y.toml"))
    message = caught.value.message()
    assert "Falscher Typ string, erwartet: ganze Zahl" in message
    assert message.index("Falscher") < message.index("Wrong type")


def test_invalid_toml_has_a_line() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_check_config("[check]\nfail_on = \n", Path("a11y.toml"))
    assert caught.value.line == 2


def test_key_line_dotted_and_inline() -> None:
    source = '[check]\ncrawl.max_depth = 2\n[check.auth]\nheaders = { "X-A" = 1 }\n'
    assert key_line(source, ("check", "crawl", "max_depth")) == 2
    assert key_line(source, ("check", "auth", "headers", "X-A")) == 4


def test_text_section_is_left_to_the_text_config(tmp_path: Path) -> None:
    config = parse_check_config('[text]\nprofile = "leicht"\n', tmp_path / "a11y.toml")
    assert config.fail_on == "error"


@pytest.mark.parametrize(
    ("source", "line", "key"),
    [
        ('[check.targets]\nfiles = ["/abs/*.md"]\n', 2, "check.targets.files"),
        ('[check.targets]\nfiles = [""]\n', 2, "check.targets.files"),
        ("[check]\nengines = []\n", 2, "check.engines"),
        ("[check]\ntimeout = nan\n", 2, "check.timeout"),
        ("[check]\ntimeout = inf\n", 2, "check.timeout"),
        ("[check.crawl]\nmax_depth = -1\n", 2, "check.crawl.max_depth"),
        ("[check.crawl]\nmax_pages = 0\n", 2, "check.crawl.max_pages"),
    ],
)
def test_invalid_values_are_rejected_with_line(source: str, line: int, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_check_config(source, Path("a11y.toml"))
    assert (caught.value.line, caught.value.key) == (line, key)


def test_zero_crawl_depth_is_allowed() -> None:
    assert parse_check_config("[check.crawl]\nmax_depth = 0\n").crawl.max_depth == 0
