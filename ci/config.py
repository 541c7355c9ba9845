"""The ``[check]`` part of ``a11y.toml``: what a pipeline audits and when it fails.

A pipeline's configuration lives in the repository next to the site, so mistakes in it must be
found on the first run, not silently ignored: every unknown key and every wrong type is reported
with the file, the line and the full key (``a11y.toml:12: key check.crawl.max_depth: ...``).
``tomllib`` gives no positions, so :func:`key_line` finds the line of a key in the source text.

Example::

    [check]
    engines = ["axe", "static", "bitv", "text"]
    fail_on = "error"                 # error | warning | info | new | never
    baseline = "a11y-baseline.json"
    ignore_selectors = ["#cookie-banner"]
    timeout = 15                      # seconds per page
    concurrency = 2                   # browsers working in parallel
    max_pages = 500

    [check.targets]
    urls = ["https://www.example.de/"]
    sitemaps = ["https://www.example.de/sitemap.xml"]
    files = ["docs/**/*.md", "public/**/*.html"]

    [check.crawl]
    enabled = true
    max_depth = 2
    include = ["/buergerservice/*"]
    exclude = ["/archiv/*", "*.pdf"]

    [check.rules]
    "static.image-alt" = "warning"    # a severity override
    "de.negation" = false             # a rule switched off

    [check.bitv]
    land = "BW"
    body = "municipal"

    [check.auth]
    headers = { "X-Preview" = "1" }
    cookies = [{ name = "session", value = "${SESSION}" }]
    [check.auth.login]
    url = "https://www.example.de/login"
    fields = { user = "ci", password = "${A11Y_PASSWORD}" }

    [[check.overrides]]
    paths = ["/archiv/*"]
    fail_on = "never"
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checkers.page.options import BODY_KINDS, ENGINES, Cookie, default_concurrency

CONFIG_FILE_NAME = "a11y.toml"
PROFILES = ("leicht", "einfach", "standard")
FAIL_ON = ("error", "warning", "info", "new", "never")
SEVERITIES = ("error", "warning", "info")
LANDS = (
    "bund", "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST",
    "SH", "TH",
)
# Top-level tables other parts of the project read; anything else at the top is a typo.
KNOWN_TOP_LEVEL = frozenset(
    {"text", "check", "page", "service", "translate", "translation", "review", "glossaries"}
)
_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class ConfigError(Exception):
    """A mistake in a11y.toml, with the line and the key when they are known."""

    def __init__(
        self, path: Path | None, line: int | None, key: str | None, de: str, en: str
    ) -> None:
        self.path = path
        self.line = line
        self.key = key
        self.de = de
        self.en = en
        super().__init__(self.message("de"))

    def message(self, locale: str = "de") -> str:
        where = str(self.path.name if self.path else CONFIG_FILE_NAME)
        if self.line:
            where += f":{self.line}"
        key = f" key {self.key}:" if self.key else ""
        text = f"{self.de} / {self.en}" if locale == "de" else f"{self.en} / {self.de}"
        return f"{where}:{key} {text}"


@dataclass(frozen=True, slots=True)
class CrawlSettings:
    enabled: bool = False  # follow same-origin links from the start URLs
    max_depth: int = 2
    max_pages: int = 200
    include: tuple[str, ...] = ()  # globs on the URL path (or the whole URL when it has "://")
    exclude: tuple[str, ...] = ()
    respect_robots: bool = True


@dataclass(frozen=True, slots=True)
class LoginStep:
    """A form login before the audit; the session cookies it gets go to every page request."""

    url: str
    method: str = "POST"
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PathOverride:
    """Settings for the pages or files whose path matches one of ``paths`` (globs)."""

    paths: tuple[str, ...]
    rules: Mapping[str, bool | str] = field(default_factory=dict)
    fail_on: str | None = None
    ignore_selectors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckConfig:
    path: Path | None = None
    urls: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    crawl: CrawlSettings = field(default_factory=CrawlSettings)
    engines: frozenset[str] = frozenset(ENGINES)
    text_profile: str | None = None
    locale: str = "de"
    rules: Mapping[str, bool | str] = field(default_factory=dict)  # False: off; str: severity
    fail_on: str = "error"
    baseline: Path | None = None
    reports: tuple[str, ...] = ()  # "kind=path"
    ignore_selectors: tuple[str, ...] = ()
    land: str = "bund"
    body: str = "municipal"
    homepage: str | None = None
    statement_url: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    cookies: tuple[Cookie, ...] = ()
    login: LoginStep | None = None
    timeout: float = 15.0
    concurrency: int = field(default_factory=default_concurrency)
    max_pages: int = 500
    allow_loopback: bool = False
    allow_private: bool = False
    overrides: tuple[PathOverride, ...] = ()

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def disabled_rules(self) -> frozenset[str]:
        return frozenset(rule for rule, value in self.rules.items() if value is False)

    def severity_overrides(self) -> dict[str, str]:
        return {rule: value for rule, value in self.rules.items() if isinstance(value, str)}


# ---------------------------------------------------------------- schema

# A leaf is a type name; a dict is a table; ("table[]", {...}) an array of tables.
_STR, _INT, _NUM, _BOOL, _STRS = "string", "integer", "number", "boolean", "list of strings"
_MAP = "table of strings"
_RULES = "table of rules"
_COOKIES = "list of cookies"
_SCHEMA: dict[str, Any] = {
    "engines": _STRS,
    "text_profile": _STR,
    "locale": _STR,
    "rules": _RULES,
    "fail_on": _STR,
    "baseline": _STR,
    "reports": _STRS,
    "ignore_selectors": _STRS,
    "timeout": _NUM,
    "concurrency": _INT,
    "max_pages": _INT,
    "allow_loopback": _BOOL,
    "allow_private": _BOOL,
    "targets": {"urls": _STRS, "sitemaps": _STRS, "files": _STRS},
    "crawl": {
        "enabled": _BOOL,
        "max_depth": _INT,
        "max_pages": _INT,
        "include": _STRS,
        "exclude": _STRS,
        "respect_robots": _BOOL,
    },
    "bitv": {"land": _STR, "body": _STR, "homepage": _STR, "statement_url": _STR},
    "auth": {
        "headers": _MAP,
        "cookies": _COOKIES,
        "login": {"url": _STR, "method": _STR, "fields": _MAP},
    },
    "overrides": (
        "table[]",
        {"paths": _STRS, "rules": _RULES, "fail_on": _STR, "ignore_selectors": _STRS},
    ),
}
_TYPE_DE = {
    _STR: "Text", _INT: "ganze Zahl", _NUM: "Zahl", _BOOL: "true oder false",
    _STRS: "Liste von Texten", _MAP: "Tabelle von Texten", _RULES: "Tabelle von Regeln",
    _COOKIES: "Liste von Cookies", "table": "Tabelle", "table[]": "Liste von Tabellen",
}


def _type_ok(kind: str, value: Any) -> bool:
    if kind == _STR:
        return isinstance(value, str)
    if kind == _INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == _NUM:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == _BOOL:
        return isinstance(value, bool)
    if kind == _STRS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == _MAP:
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    if kind == _RULES:
        return isinstance(value, dict)
    if kind == _COOKIES:
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    return False


def _toml_type(value: Any) -> str:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array",
             dict: "table"}
    return names.get(type(value), type(value).__name__)


# ---------------------------------------------------------------- line lookup

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEYLINE = re.compile(rf"^\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")
_KEYPART = re.compile(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""")


def _split_key(raw: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _KEYPART.findall(raw))


def key_line(source: str, key: tuple[str, ...]) -> int | None:
    """The 1-based line where ``key`` (a path of table names and a key) is set, best effort.

    Exact matches come from table headers and ``a.b = ...`` lines; a key inside an inline table
    is searched for after the line of its nearest known parent.
    """
    known: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    lines = source.splitlines()
    for number, line in enumerate(lines, start=1):
        header = _HEADER.match(line)
        if header:
            table = _split_key(header.group(1))
            known.setdefault(table, number)
            continue
        match = _KEYLINE.match(line)
        if match:
            known.setdefault(table + _split_key(match.group(1)), number)
    if key in known:
        return known[key]
    for cut in range(len(key) - 1, 0, -1):
        parent = key[:cut]
        if parent in known:
            start = known[parent]
            needle = re.compile(rf"""(^|[\s{{,])["']?{re.escape(key[-1])}["']?\s*=""")
            for number in range(start, min(len(lines), start + 200) + 1):
                if needle.search(lines[number - 1]):
                    return number
            return start
    return None


# ---------------------------------------------------------------- loading


def find_config(explicit: Path | None, search_from: Path | None = None) -> Path | None:
    if explicit is not None:
        return explicit
    candidate = (search_from or Path.cwd()) / CONFIG_FILE_NAME
    return candidate if candidate.is_file() else None


def load_check_config(explicit: Path | None = None, search_from: Path | None = None) -> CheckConfig:
    """Read ``[check]`` from a11y.toml (``--config`` or the working directory); defaults if none."""
    path = find_config(explicit, search_from)
    if path is None:
        return CheckConfig()
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(path, None, None, "Die Datei gibt es nicht.",
                          "The file does not exist.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(path, None, None, f"Die Datei ist nicht lesbar: {error}",
                          f"Cannot read the file: {error}") from None
    return parse_check_config(source, path)


def parse_check_config(source: str, path: Path | None = None) -> CheckConfig:
    try:
        data = tomllib.loads(source)
    except RecursionError:
        raise ConfigError(
            path, None, None, "Kein gültiges TOML: zu tief verschachtelt.",
            "Not valid TOML: nested too deep.",
        ) from None
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise ConfigError(
            path, int(line.group(1)) if line else None, None,
            f"Kein gültiges TOML: {error}", f"Not valid TOML: {error}",
        ) from None
    validator = _Validator(source, path)
    for key in data:
        if key not in KNOWN_TOP_LEVEL:
            validator.unknown((key,))
    check = data.get("check", {})
    if not isinstance(check, dict):
        validator.wrong(("check",), "table", check)
    validator.table(check, _SCHEMA, ("check",))
    return _build(check, path, validator)


class _Validator:
    def __init__(self, source: str, path: Path | None) -> None:
        self.source = source
        self.path = path

    def error(self, key: tuple[str, ...], de: str, en: str) -> ConfigError:
        return ConfigError(self.path, key_line(self.source, key), ".".join(key), de, en)

    def unknown(self, key: tuple[str, ...]) -> None:
        raise self.error(key, "Unbekannter Schlüssel.", "Unknown key.")

    def wrong(self, key: tuple[str, ...], kind: str, value: Any) -> None:
        raise self.error(
            key,
            f"Falscher Typ {_toml_type(value)}, erwartet: {_TYPE_DE.get(kind, kind)}.",
            f"Wrong type {_toml_type(value)}, expected: {kind}.",
        )

    def table(
        self, table: Mapping[str, Any], schema: Mapping[str, Any], at: tuple[str, ...]
    ) -> None:
        for key, value in table.items():
            here = (*at, key)
            if key not in schema:
                self.unknown(here)
            kind = schema[key]
            if isinstance(kind, dict):
                if not isinstance(value, dict):
                    self.wrong(here, "table", value)
                self.table(value, kind, here)
            elif isinstance(kind, tuple):
                if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                    self.wrong(here, "table[]", value)
                for item in value:
                    self.table(item, kind[1], here)
            elif not _type_ok(kind, value):
                self.wrong(here, kind, value)
            elif kind == _RULES:
                self.rules(value, here)
            elif kind == _COOKIES:
                for cookie in value:
                    self.cookie(cookie, here)

    def rules(self, rules: Mapping[str, Any], at: tuple[str, ...]) -> None:
        for rule, value in rules.items():
            if isinstance(value, dict):  # { enabled = false, severity = "warning" }
                for sub in value:
                    if sub not in ("enabled", "severity"):
                        self.unknown((*at, rule, sub))
                if "enabled" in value and not isinstance(value["enabled"], bool):
                    self.wrong((*at, rule, "enabled"), _BOOL, value["enabled"])
                if "severity" in value:
                    self.severity(value["severity"], (*at, rule, "severity"))
            elif isinstance(value, str):
                self.severity(value, (*at, rule))
            elif not isinstance(value, bool):
                raise self.error(
                    (*at, rule),
                    f"Erwartet true/false oder eine Stufe (error, warning, info), nicht "
                    f"{_toml_type(value)}.",
                    f"Expected true/false or a severity (error, warning, info), not "
                    f"{_toml_type(value)}.",
                )

    def severity(self, value: Any, key: tuple[str, ...]) -> None:
        if value not in SEVERITIES:
            raise self.error(key, f"{value!r} ist keine Stufe (error, warning, info).",
                             f"{value!r} is not a severity (error, warning, info).")

    def cookie(self, cookie: Mapping[str, Any], at: tuple[str, ...]) -> None:
        for sub, value in cookie.items():
            if sub not in ("name", "value", "domain", "path"):
                self.unknown((*at, sub))
            if not isinstance(value, str):
                self.wrong((*at, sub), _STR, value)
        for needed in ("name", "value"):
            if needed not in cookie:
                raise self.error(at, f"Ein Cookie braucht '{needed}'.",
                                 f"A cookie needs '{needed}'.")

    def choice(self, value: str, allowed: tuple[str, ...], key: tuple[str, ...]) -> str:
        if value not in allowed:
            options = ", ".join(allowed)
            raise self.error(key, f"{value!r} ist nicht erlaubt. Möglich: {options}.",
                             f"{value!r} is not allowed. Possible: {options}.")
        return value


def expand_env(value: str) -> str:
    """``${NAME}`` from the environment, so secrets stay in the CI's variables, not in the repo."""
    return _ENV.sub(lambda m: os.environ.get(m.group(1), ""), value)


def _rules(raw: Mapping[str, Any]) -> dict[str, bool | str]:
    rules: dict[str, bool | str] = {}
    for rule, value in raw.items():
        if isinstance(value, dict):
            if value.get("enabled") is False:
                rules[rule] = False
            elif "severity" in value:
                rules[rule] = value["severity"]
            else:
                rules[rule] = True
        else:
            rules[rule] = value
    return rules


def _build(check: Mapping[str, Any], path: Path | None, v: _Validator) -> CheckConfig:
    targets = check.get("targets", {})
    crawl = check.get("crawl", {})
    bitv = check.get("bitv", {})
    auth = check.get("auth", {})
    engines = check.get("engines", list(ENGINES))
    if not engines:
        raise v.error(("check", "engines"), "Mindestens eine Prüfung nötig.",
                      "At least one engine is needed.")
    for engine in engines:
        v.choice(engine, ENGINES, ("check", "engines"))
    fail_on = v.choice(check.get("fail_on", "error"), FAIL_ON, ("check", "fail_on"))
    if "text_profile" in check:
        v.choice(check["text_profile"], PROFILES, ("check", "text_profile"))
    locale = v.choice(check.get("locale", "de"), ("de", "en"), ("check", "locale"))
    land = bitv.get("land", "bund")
    if land.upper() in LANDS:
        land = "bund" if land.lower() == "bund" else land.upper()
    v.choice(land, LANDS, ("check", "bitv", "land"))
    body = v.choice(bitv.get("body", "municipal"), BODY_KINDS, ("check", "bitv", "body"))
    if "timeout" in check and not math.isfinite(check["timeout"]):
        raise v.error(("check", "timeout"), "Muss eine endliche Zahl sein.",
                      "Must be a finite number.")
    for table, name, minimum in (
        (check, "timeout", 0.1), (check, "concurrency", 1), (check, "max_pages", 1),
        (crawl, "max_depth", 0), (crawl, "max_pages", 1),
    ):
        if name in table and table[name] < minimum:
            key = ("check", name) if table is check else ("check", "crawl", name)
            raise v.error(key, f"Muss mindestens {minimum} sein.", f"Must be at least {minimum}.")
    for pattern in targets.get("files", []):
        if not pattern.strip() or Path(pattern).is_absolute() or pattern.startswith("/"):
            raise v.error(
                ("check", "targets", "files"),
                f"{pattern!r}: erwartet ein Muster relativ zu a11y.toml (z. B. docs/**/*.md).",
                f"{pattern!r}: expected a pattern relative to a11y.toml (e.g. docs/**/*.md).",
            )
    for report in check.get("reports", []):
        if "=" not in report:
            raise v.error(("check", "reports"), f"{report!r}: erwartet ART=PFAD.",
                          f"{report!r}: expected KIND=PATH.")
    base = path.parent if path else Path.cwd()
    login = None
    if "login" in auth:
        raw = auth["login"]
        if "url" not in raw:
            raise v.error(("check", "auth", "login"), "Der Login braucht 'url'.",
                          "The login step needs 'url'.")
        login = LoginStep(
            url=expand_env(raw["url"]),
            method=v.choice(raw.get("method", "POST").upper(), ("GET", "POST"),
                            ("check", "auth", "login", "method")),
            fields={k: expand_env(val) for k, val in raw.get("fields", {}).items()},
        )
    overrides = []
    for index, item in enumerate(check.get("overrides", [])):
        if "paths" not in item:
            raise v.error(("check", "overrides"), f"Eintrag {index + 1} braucht 'paths'.",
                          f"Entry {index + 1} needs 'paths'.")
        item_fail_on = item.get("fail_on")
        if item_fail_on is not None:
            v.choice(item_fail_on, FAIL_ON, ("check", "overrides", "fail_on"))
        overrides.append(PathOverride(
            paths=tuple(item["paths"]),
            rules=_rules(item.get("rules", {})),
            fail_on=item_fail_on,
            ignore_selectors=tuple(item.get("ignore_selectors", [])),
        ))
    baseline = check.get("baseline")
    return CheckConfig(
        path=path,
        urls=tuple(targets.get("urls", [])),
        sitemaps=tuple(targets.get("sitemaps", [])),
        files=tuple(targets.get("files", [])),
        crawl=CrawlSettings(
            enabled=crawl.get("enabled", False),
            max_depth=crawl.get("max_depth", 2),
            max_pages=crawl.get("max_pages", 200),
            include=tuple(crawl.get("include", [])),
            exclude=tuple(crawl.get("exclude", [])),
            respect_robots=crawl.get("respect_robots", True),
        ),
        engines=frozenset(engines),
        text_profile=check.get("text_profile"),
        locale=locale,
        rules=_rules(check.get("rules", {})),
        fail_on=fail_on,
        baseline=(base / baseline) if baseline else None,
        reports=tuple(check.get("reports", [])),
        ignore_selectors=tuple(check.get("ignore_selectors", [])),
        land=land,
        body=body,
        homepage=bitv.get("homepage"),
        statement_url=bitv.get("statement_url"),
        headers={k: expand_env(val) for k, val in auth.get("headers", {}).items()},
        cookies=tuple(
            Cookie(c["name"], expand_env(c["value"]), c.get("domain"), c.get("path", "/"))
            for c in auth.get("cookies", [])
        ),
        login=login,
        timeout=float(check.get("timeout", 15.0)),
        concurrency=check.get("concurrency", default_concurrency()),
        max_pages=check.get("max_pages", 500),
        allow_loopback=check.get("allow_loopback", False),
        allow_private=check.get("allow_private", False),
        overrides=tuple(overrides),
    )
