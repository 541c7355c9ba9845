"""Every key of ``a11y.toml``, its type, and the one validator that checks a file against them.

A leaf of a schema is a type name (``"string"``) or a :class:`Choice`; a dict is a table; a
:class:`TableList` an array of tables. Unknown keys and wrong types are reported with the line and
the full key. Checks that need an engine's own knowledge (the engines, the BITV kinds of body,
ranges) are made where the section is built, through the same :meth:`ConfigDocument.error`:

- ``[check]`` → ``checkers.page.site.config.CheckConfig``
- ``[text]`` → ``checkers.text.config.TextConfig``
- ``[translate]`` → ``translators.config.TranslateConfig``
- the ``A11Y_*`` environment → :class:`a11y_core.config.env.Settings`
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from a11y_core.config.toml import ConfigDocument

PROFILES = ("leicht", "einfach", "standard")
SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "new", "never")
LOCALES = ("de", "en")

STR, INT, NUM, BOOL, STRS = "string", "integer", "number", "boolean", "list of strings"
MAP = "table of strings"
RULES = "table of rules"  # [check.rules]: true/false, a severity or {enabled, severity}
TEXT_RULES = "table of rule settings"  # [text.rules."id"]: enabled, severity, options, profiles
COOKIES = "list of cookies"
ANY_TABLE = "table"


@dataclass(frozen=True, slots=True)
class Choice:
    """A string from a fixed list."""

    options: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AtLeast:
    """A finite number (``integer`` or ``number``) no smaller than ``minimum``."""

    kind: str
    minimum: float


@dataclass(frozen=True, slots=True)
class TableList:
    """An array of tables (``[[check.overrides]]``)."""

    schema: Mapping[str, Any]


CHECK: dict[str, Any] = {
    "engines": STRS,
    "text_profile": Choice(PROFILES),
    "locale": Choice(LOCALES),
    "rules": RULES,
    "fail_on": Choice(FAIL_ON),
    "baseline": STR,
    "reports": STRS,
    "ignore_selectors": STRS,
    "timeout": AtLeast(NUM, 0.1),
    "concurrency": AtLeast(INT, 1),
    "max_pages": AtLeast(INT, 1),
    "allow_loopback": BOOL,
    "allow_private": BOOL,
    "targets": {"urls": STRS, "sitemaps": STRS, "files": STRS},
    "crawl": {
        "enabled": BOOL,
        "max_depth": AtLeast(INT, 0),
        "max_pages": AtLeast(INT, 1),
        "include": STRS,
        "exclude": STRS,
        "respect_robots": BOOL,
    },
    "bitv": {"land": STR, "body": STR, "homepage": STR, "statement_url": STR},
    "auth": {
        "headers": MAP,
        "cookies": COOKIES,
        "login": {"url": STR, "method": STR, "fields": MAP},
    },
    "overrides": TableList(
        {"paths": STRS, "rules": RULES, "fail_on": Choice(FAIL_ON), "ignore_selectors": STRS}
    ),
}

TEXT: dict[str, Any] = {
    "profile": Choice(PROFILES),
    "lang": STR,
    "compound_style": Choice(("mediopunkt", "hyphen")),
    "max_chars": INT,
    "max_findings": INT,
    "glossaries": STRS,
    "spacy_pipeline": STR,
    "rules": TEXT_RULES,
}

TRANSLATE: dict[str, Any] = {
    "do_not_translate": STRS,
    "glossaries": STRS,
    "beam_size": AtLeast(INT, 0),
    "threads": AtLeast(INT, 0),
    "batch_size": AtLeast(INT, 0),
    "memory": STR,
    "index_url": STR,
}

# The whole file. Tables nobody reads yet stay allowed, so existing files keep working.
FILE: dict[str, Any] = {
    "check": CHECK,
    "text": TEXT,
    "translate": TRANSLATE,
    **dict.fromkeys(("page", "service", "translation", "review", "glossaries"), ANY_TABLE),
}

_TYPE_DE = {
    STR: "Text", INT: "ganze Zahl", NUM: "Zahl", BOOL: "true oder false",
    STRS: "Liste von Texten", MAP: "Tabelle von Texten", RULES: "Tabelle von Regeln",
    TEXT_RULES: "Tabelle von Regeleinstellungen", COOKIES: "Liste von Cookies",
    "table": "Tabelle", "table[]": "Liste von Tabellen",
}


def type_ok(kind: str, value: Any) -> bool:
    if kind == STR:
        return isinstance(value, str)
    if kind == INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == NUM:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == BOOL:
        return isinstance(value, bool)
    if kind == STRS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == MAP:
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    if kind in (RULES, TEXT_RULES, ANY_TABLE):
        return isinstance(value, dict)
    if kind == COOKIES:
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    return False


def toml_type(value: Any) -> str:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array",
             dict: "table"}
    return names.get(type(value), type(value).__name__)


def validate(document: ConfigDocument) -> None:
    """Check the whole file; the first mistake is raised as a ConfigError with its line."""
    Validator(document).table(document.data, FILE, ())


class Validator:
    def __init__(self, document: ConfigDocument) -> None:
        self.document = document

    def unknown(self, key: tuple[str, ...]) -> None:
        raise self.document.error(key, "Unbekannter Schlüssel.", "Unknown key.")

    def wrong(self, key: tuple[str, ...], kind: str, value: Any) -> None:
        raise self.document.error(
            key,
            f"Falscher Typ {toml_type(value)}, erwartet: {_TYPE_DE.get(kind, kind)}.",
            f"Wrong type {toml_type(value)}, expected: {kind}.",
        )

    def choice(self, value: Any, allowed: tuple[str, ...], key: tuple[str, ...]) -> str:
        if not isinstance(value, str):
            self.wrong(key, STR, value)
        if value not in allowed:
            options = ", ".join(allowed)
            raise self.document.error(key, f"{value!r} ist nicht erlaubt. Möglich: {options}.",
                                      f"{value!r} is not allowed. Possible: {options}.")
        return value

    def table(
        self, table: Mapping[str, Any], schema: Mapping[str, Any], at: tuple[str, ...]
    ) -> None:
        for key, value in table.items():
            here = (*at, key)
            if key not in schema:
                self.unknown(here)
            self.value(schema[key], value, here)

    def value(self, kind: Any, value: Any, here: tuple[str, ...]) -> None:
        if isinstance(kind, dict):
            if not isinstance(value, dict):
                self.wrong(here, "table", value)
            self.table(value, kind, here)
        elif isinstance(kind, TableList):
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                self.wrong(here, "table[]", value)
            for item in value:
                self.table(item, kind.schema, here)
        elif isinstance(kind, Choice):
            self.choice(value, kind.options, here)
        elif isinstance(kind, AtLeast):
            self.at_least(kind, value, here)
        elif not type_ok(kind, value):
            self.wrong(here, kind, value)
        elif kind == RULES:
            self.rules(value, here)
        elif kind == TEXT_RULES:
            self.text_rules(value, here)
        elif kind == COOKIES:
            for cookie in value:
                self.cookie(cookie, here)

    def at_least(self, kind: AtLeast, value: Any, key: tuple[str, ...]) -> None:
        if not type_ok(kind.kind, value):
            self.wrong(key, kind.kind, value)
        if not math.isfinite(value):
            raise self.document.error(key, "Muss eine endliche Zahl sein.",
                                      "Must be a finite number.")
        if value < kind.minimum:
            minimum = kind.minimum if kind.kind == NUM else int(kind.minimum)
            raise self.document.error(key, f"Muss mindestens {minimum} sein.",
                                      f"Must be at least {minimum}.")

    def rules(self, rules: Mapping[str, Any], at: tuple[str, ...]) -> None:
        for rule, value in rules.items():
            if isinstance(value, dict):  # { enabled = false, severity = "warning" }
                for sub in value:
                    if sub not in ("enabled", "severity"):
                        self.unknown((*at, rule, sub))
                if "enabled" in value and not isinstance(value["enabled"], bool):
                    self.wrong((*at, rule, "enabled"), BOOL, value["enabled"])
                if "severity" in value:
                    self.severity(value["severity"], (*at, rule, "severity"))
            elif isinstance(value, str):
                self.severity(value, (*at, rule))
            elif not isinstance(value, bool):
                raise self.document.error(
                    (*at, rule),
                    f"Erwartet true/false oder eine Stufe (error, warning, info), nicht "
                    f"{toml_type(value)}.",
                    f"Expected true/false or a severity (error, warning, info), not "
                    f"{toml_type(value)}.",
                )

    def text_rules(self, rules: Mapping[str, Any], at: tuple[str, ...]) -> None:
        """``[text.rules."id"]``: enabled, severity, the rule's own options, per-profile tables."""
        for rule, spec in rules.items():
            here = (*at, rule)
            if not isinstance(spec, dict):
                self.wrong(here, "table", spec)
            if "enabled" in spec and not isinstance(spec["enabled"], bool):
                self.wrong((*here, "enabled"), BOOL, spec["enabled"])
            if "severity" in spec:
                self.severity(spec["severity"], (*here, "severity"))
            for profile in PROFILES:
                options = spec.get(profile)
                if isinstance(options, dict) and "severity" in options:
                    self.severity(options["severity"], (*here, profile, "severity"))

    def severity(self, value: Any, key: tuple[str, ...]) -> None:
        if value not in SEVERITIES:
            raise self.document.error(key, f"{value!r} ist keine Stufe (error, warning, info).",
                                      f"{value!r} is not a severity (error, warning, info).")

    def cookie(self, cookie: Mapping[str, Any], at: tuple[str, ...]) -> None:
        for sub, value in cookie.items():
            if sub not in ("name", "value", "domain", "path"):
                self.unknown((*at, sub))
            if not isinstance(value, str):
                self.wrong((*at, sub), STR, value)
        for needed in ("name", "value"):
            if needed not in cookie:
                raise self.document.error(at, f"Ein Cookie braucht '{needed}'.",
                                          f"A cookie needs '{needed}'.")
