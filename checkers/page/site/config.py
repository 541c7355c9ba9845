"""The ``[check]`` part of ``a11y.toml``: what a pipeline audits and when it fails.

The file is read and validated by the one configuration loader (:mod:`a11y_core.config`:
unknown keys, types, the line of every mistake); this module turns the ``[check]`` table into a
:class:`CheckConfig` and checks what needs the engines' knowledge (engines, Land, kind of body,
ranges), with the same line-numbered :class:`ConfigError`.

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

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from a11y_core.config import (
    CONFIG_FILE_NAME,
    ConfigDocument,
    ConfigError,
    find_config,
    key_line,
    parse_config,
    read_config,
)
from a11y_core.config.schema import FAIL_ON, PROFILES, SEVERITIES, Validator
from checkers.page.options import BODY_KINDS, ENGINES, Cookie, default_concurrency

__all__ = [
    "CONFIG_FILE_NAME", "FAIL_ON", "LANDS", "PROFILES", "SEVERITIES", "CheckConfig", "ConfigError",
    "CrawlSettings", "LoginStep", "PathOverride", "check_config_of", "expand_env", "find_config",
    "key_line", "load_check_config", "parse_check_config",
]

LANDS = (
    "bund", "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST",
    "SH", "TH",
)
_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


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


def load_check_config(explicit: Path | None = None, search_from: Path | None = None) -> CheckConfig:
    """Read ``[check]`` from a11y.toml (``--config`` or the working directory); defaults if none."""
    return check_config_of(read_config(explicit, search_from))


def parse_check_config(source: str, path: Path | None = None) -> CheckConfig:
    return check_config_of(parse_config(source, path))


def check_config_of(document: ConfigDocument) -> CheckConfig:
    """The ``[check]`` section of a validated document."""
    return _build(document.section("check"), document.path, Validator(document))


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


def _build(check: Mapping[str, Any], path: Path | None, v: Validator) -> CheckConfig:
    targets = check.get("targets", {})
    crawl = check.get("crawl", {})
    bitv = check.get("bitv", {})
    auth = check.get("auth", {})
    engines = check.get("engines", list(ENGINES))
    if not engines:
        raise v.document.error(("check", "engines"), "Mindestens eine Prüfung nötig.",
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
    for pattern in targets.get("files", []):
        if not pattern.strip() or Path(pattern).is_absolute() or pattern.startswith("/"):
            raise v.document.error(
                ("check", "targets", "files"),
                f"{pattern!r}: erwartet ein Muster relativ zu a11y.toml (z. B. docs/**/*.md).",
                f"{pattern!r}: expected a pattern relative to a11y.toml (e.g. docs/**/*.md).",
            )
    for report in check.get("reports", []):
        if "=" not in report:
            raise v.document.error(("check", "reports"), f"{report!r}: erwartet ART=PFAD.",
                          f"{report!r}: expected KIND=PATH.")
    base = path.parent if path else Path.cwd()
    login = None
    if "login" in auth:
        raw = auth["login"]
        if "url" not in raw:
            raise v.document.error(("check", "auth", "login"), "Der Login braucht 'url'.",
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
            raise v.document.error(("check", "overrides"), f"Eintrag {index + 1} braucht 'paths'.",
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
