"""Property tests of the parsers that read untrusted input: any input gives a result or the
project's own clear error, never another exception."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from a11y_core.errors import BilingualError
from checkers.page.audit import _rules
from checkers.page.dom import Page
from checkers.page.options import BitvSettings
from checkers.page.rule import PageContext, run_rules
from checkers.page.site.config import CheckConfig, ConfigError, parse_check_config
from checkers.page.site.crawl import normalize_url, try_normalize
from checkers.text.config import TextConfig, parse_text_config
from checkers.text.errors import TextInputError
from checkers.text.source import extract

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = ["div", "p", "a", "img", "style", "script", "table", "tr", "td", "th", "label", "input",
        "button", "h1", "h3", "ul", "li", "iframe", "form", "select", "option", "base", "svg",
        "title", "html", "body", "head", "dialog", "details", "summary", "span", "!--", "meta"]
ATTRS = ["href", "src", "alt", "id", "for", "lang", "style", "role", "aria-label",
         "aria-labelledby", "aria-hidden", "hidden", "title", "tabindex", "type", "content",
         "name", "onclick", "autocomplete", "xml:lang", "headers", "scope", "accesskey"]
VALUES = st.sampled_from([
    "", "x", "#", "de", "en-GB", "xx-!!", "http://[::1", "http://0177.0.0.1/", "javascript:",
    "display:none", "color:red;background:", "{", "}", "/*", "a b c", "-1", "9" * 30,
    "\u0000", "\ufeff", "\ud7ff", "Erklärung zur Barrierefreiheit", "Leichte Sprache",
    "button", "none", "true", "img.png", "..", "%FF",
]) | st.text(max_size=12)


@st.composite
def markup(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(TAGS))
        closing = draw(st.booleans())
        attrs = "".join(
            f' {draw(st.sampled_from(ATTRS))}="{draw(VALUES)}"'
            for _ in range(draw(st.integers(0, 3)))
        )
        parts.append(f"</{tag}>" if closing else f"<{tag}{attrs}>")
        parts.append(draw(VALUES))
    return "".join(parts)


STATIC_RULES, BITV_RULES = _rules()


@FAST
@given(markup())
def test_every_page_rule_survives_any_markup(html: str) -> None:
    page = Page(html, "https://www.example.de/start/")
    for rules in (STATIC_RULES, BITV_RULES):
        context = PageContext(page=page, is_homepage=True, bitv=BitvSettings())
        run_rules(rules, context, "de")
        assert context.failed_rules == [], (context.failed_rules, html)
    for el in page.iter():
        assert page.select(page.selector(el)), page.selector(el)


@FAST
@given(st.text(max_size=300))
def test_page_parses_any_text(html: str) -> None:
    page = Page(html, None)
    assert isinstance(page.text, str)
    assert isinstance(page.title, str)


@FAST
@given(st.one_of(markup(), st.text(max_size=300)),
       st.sampled_from(["auto", "plain", "markdown", "html"]))
def test_text_source_extraction_maps_back(source: str, fmt: str) -> None:
    extracted = extract(source, fmt)  # type: ignore[arg-type]
    assert extracted is not None


URL_PARTS = st.sampled_from([
    "http://", "https://", "HTTP://", "//", "[", "]", "::1", "0177.0.0.1", "\uff10\uff11",
    "example.de", ":", "80", "99999", "/", "..", ".", "?", "&", "=", "#", "%", "%FF", "%2F",
    "a", "ä", " ", "\t", "@", "xn--", "\u0000",
])


@FAST
@given(st.lists(URL_PARTS, max_size=12).map("".join), st.none() | st.just("https://a.de/x/"))
def test_url_normalisation_never_raises_and_is_stable(url: str, base: str | None) -> None:
    key = try_normalize(url, base)
    if key is not None:
        assert normalize_url(key) == key


TOML_LINES = st.sampled_from([
    "[check]", "[text]", "[check.crawl]", "[check.bitv]", "[check.rules]", "[[check.login]]",
    "urls = []", 'urls = ["http://[::1"]', "urls = 1", 'profile = "leicht"', "max_chars = -1",
    "max_chars = 99999999999999999999", 'fail_on = "never"', "depth = 1e400", "x = {a = 1}",
    'engines = ["axe", 3]', "enabled = true", 'land = "XX"', 'timeout = "1"', "= 1", "[",
    'include = ["*"]', "rules = []", '"static.image-alt" = "off"', 'user_agent = "\\u0000"',
])


@FAST
@given(st.lists(TOML_LINES, max_size=10).map("\n".join))
def test_config_loaders_give_a_clear_error_or_a_config(source: str) -> None:
    try:
        assert isinstance(parse_check_config(source, Path("a11y.toml")), CheckConfig)
    except ConfigError as error:
        assert error.de.strip() and error.en.strip(), source
    try:
        table = tomllib.loads(source)
    except tomllib.TOMLDecodeError:
        return
    text = table.get("text", {})
    if isinstance(text, dict):
        try:
            assert isinstance(parse_text_config(text, Path("a11y.toml")), TextConfig)
        except (TextInputError, BilingualError) as error:
            assert error.de.strip() and error.en.strip(), source
