"""Text-check configuration: per-profile thresholds, rule switches and the project's config file.

A project overrides defaults in ``a11y.toml`` under ``[text]``::

    [text]
    profile = "einfach"             # leicht | einfach | standard
    compound_style = "mediopunkt"   # or "hyphen"
    max_chars = 200000
    glossaries = ["begriffe/"]      # extra glossary files or folders, relative to the config file
    spacy_pipeline = "de_core_news_md"  # a trained pipeline, used when installed

    [text.rules."de.sentence-length"]
    severity = "error"              # for every profile
    max_words = 14                  # an option, for every profile
    [text.rules."de.sentence-length".leicht]
    max_words = 10                  # an option for one profile

    [text.rules."de.negation"]
    enabled = false
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from checkers.text.errors import TextInputError
from checkers.text.rules.base import PROFILES, RuleMeta, Severity

CompoundStyle = Literal["mediopunkt", "hyphen"]
SEVERITIES = ("error", "warning", "info")
DEFAULT_MAX_CHARS = 200_000
CONFIG_FILE_NAME = "a11y.toml"
_TEXT_KEYS = {
    "profile",
    "lang",
    "compound_style",
    "max_chars",
    "glossaries",
    "spacy_pipeline",
    "rules",
    "max_findings",
}


@dataclass(frozen=True, slots=True)
class RuleOverride:
    enabled: bool | None = None
    severity: Severity | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    per_profile: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """What one rule sees for one check: its profile, severity and merged options."""

    profile: str
    severity: Severity
    options: Mapping[str, Any]
    compound_style: CompoundStyle = "mediopunkt"

    def __getitem__(self, key: str) -> Any:
        return self.options[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)


@dataclass(frozen=True, slots=True)
class TextConfig:
    profile: str = "einfach"
    lang: str = "de"
    compound_style: CompoundStyle = "mediopunkt"
    max_chars: int = DEFAULT_MAX_CHARS
    max_findings: int = 5_000
    glossaries: tuple[Path, ...] = ()
    spacy_pipeline: str | None = None
    rules: Mapping[str, RuleOverride] = field(default_factory=dict)

    def settings_for(self, meta: RuleMeta, profile: str) -> RuleSettings | None:
        """Merged settings, or None when the rule is off for this profile."""
        override = self.rules.get(meta.id, RuleOverride())
        severity = meta.severity.get(profile)
        if override.enabled is False:
            return None
        if override.enabled is True and severity is None:
            severity = "info"
        profile_options = override.per_profile.get(profile, {})
        if "severity" in profile_options:
            severity = profile_options["severity"]
        elif override.severity is not None and severity is not None:
            severity = override.severity
        if severity is None or profile_options.get("enabled") is False:
            return None
        options = dict(meta.options.get(profile, {}))
        options.update(override.options)
        options.update(
            {k: v for k, v in profile_options.items() if k not in ("severity", "enabled")}
        )
        return RuleSettings(profile, severity, options, self.compound_style)


def _config_error(path: Path, de: str, en: str) -> TextInputError:
    return TextInputError("config", f"{path}: {de}", f"{path}: {en}")


def load_config(path: Path | None = None, search_from: Path | None = None) -> TextConfig:
    """Read ``[text]`` from a11y.toml (explicit path, or found in ``search_from``); defaults if
    none."""
    if path is None:
        candidate = (search_from or Path.cwd()) / CONFIG_FILE_NAME
        if not candidate.is_file():
            return TextConfig()
        path = candidate
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _config_error(path, "Die Datei gibt es nicht.", "The file does not exist.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as error:
        # RecursionError: arrays or tables nested deeper than the TOML parser goes.
        raise _config_error(
            path, f"Die Datei ist kein gültiges TOML: {error}", f"Not valid TOML: {error}"
        ) from None
    return parse_text_config(data.get("text", {}), path)


def parse_text_config(table: Mapping[str, Any], path: Path) -> TextConfig:
    unknown = sorted(set(table) - _TEXT_KEYS)
    if unknown:
        keys = ", ".join(f"text.{key}" for key in unknown)
        raise _config_error(path, f"Unbekannte Schlüssel: {keys}", f"Unknown keys: {keys}")
    profile = _expect(table, "profile", str, "einfach", path)
    if profile not in PROFILES:
        raise _config_error(
            path,
            f"text.profile: unbekanntes Profil {profile!r}",
            f"text.profile: unknown {profile!r}",
        )
    style = _expect(table, "compound_style", str, "mediopunkt", path)
    if style not in ("mediopunkt", "hyphen"):
        raise _config_error(
            path,
            "text.compound_style muss 'mediopunkt' oder 'hyphen' sein.",
            "text.compound_style must be 'mediopunkt' or 'hyphen'.",
        )
    glossaries = tuple(
        (path.parent / entry).resolve() for entry in _expect(table, "glossaries", list, [], path)
    )
    rules: dict[str, RuleOverride] = {}
    for rule_id, spec in _expect(table, "rules", dict, {}, path).items():
        rules[rule_id] = _parse_rule_override(rule_id, spec, path)
    return TextConfig(
        profile=profile,
        lang=_expect(table, "lang", str, "de", path),
        compound_style=style,  # type: ignore[arg-type]
        max_chars=_expect(table, "max_chars", int, DEFAULT_MAX_CHARS, path),
        max_findings=_expect(table, "max_findings", int, 5_000, path),
        glossaries=glossaries,
        spacy_pipeline=_expect(table, "spacy_pipeline", str, None, path),
        rules=rules,
    )


def _parse_rule_override(rule_id: str, spec: Any, path: Path) -> RuleOverride:
    if not isinstance(spec, dict):
        raise _config_error(
            path,
            f"text.rules.{rule_id} muss eine Tabelle sein.",
            f"text.rules.{rule_id}: not a table",
        )
    enabled = spec.get("enabled")
    severity = spec.get("severity")
    if severity is not None and severity not in SEVERITIES:
        raise _config_error(
            path,
            f"text.rules.{rule_id}.severity: {severity!r} ist keine Stufe (error, warning, info).",
            f"text.rules.{rule_id}.severity: {severity!r} is not error, warning or info.",
        )
    per_profile = {k: v for k, v in spec.items() if k in PROFILES and isinstance(v, dict)}
    options = {
        k: v for k, v in spec.items() if k not in PROFILES and k not in ("enabled", "severity")
    }
    return RuleOverride(enabled, severity, options, per_profile)


def _expect(table: Mapping[str, Any], key: str, kind: type, default: Any, path: Path) -> Any:
    value = table.get(key, default)
    if value is not None and not isinstance(value, kind):
        raise _config_error(
            path,
            f"text.{key}: falscher Typ {type(value).__name__}, erwartet {kind.__name__}.",
            f"text.{key}: wrong type {type(value).__name__}, expected {kind.__name__}.",
        )
    return value
