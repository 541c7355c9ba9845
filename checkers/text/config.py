"""Text-check configuration: per-profile thresholds, rule switches and the project's config file.

A project overrides defaults in ``a11y.toml`` under ``[text]`` (read and validated, with the
line of every mistake, by the one loader :mod:`a11y_core.config`)::

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

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from a11y_core.config import CONFIG_FILE_NAME, ConfigDocument, read_config
from a11y_core.config.schema import SEVERITIES, TEXT, Validator
from checkers.text.rules.base import PROFILES, RuleMeta, Severity

CompoundStyle = Literal["mediopunkt", "hyphen"]
DEFAULT_MAX_CHARS = 200_000
__all__ = [
    "CONFIG_FILE_NAME", "DEFAULT_MAX_CHARS", "SEVERITIES", "CompoundStyle", "RuleOverride",
    "RuleSettings", "TextConfig", "load_config", "parse_text_config", "text_config_of",
]


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


def load_config(path: Path | None = None, search_from: Path | None = None) -> TextConfig:
    """Read ``[text]`` from a11y.toml (explicit path, or found in ``search_from``); defaults if
    none. Mistakes are :class:`a11y_core.config.ConfigError` with the line of the key."""
    return text_config_of(read_config(path, search_from))


def text_config_of(document: ConfigDocument) -> TextConfig:
    """The ``[text]`` section of a validated document (:func:`a11y_core.config.read_config`)."""
    if document.path is None:
        return TextConfig()
    return _build(document.section("text"), document)


def parse_text_config(table: Mapping[str, Any], path: Path) -> TextConfig:
    """``[text]`` from an already parsed table (no source text: errors carry no line)."""
    document = ConfigDocument(path, "", {"text": dict(table)})
    Validator(document).table(table, TEXT, ("text",))
    return _build(table, document)


def _build(table: Mapping[str, Any], document: ConfigDocument) -> TextConfig:
    base = document.base_dir
    rules = {
        rule_id: _rule_override(spec) for rule_id, spec in table.get("rules", {}).items()
    }
    return TextConfig(
        profile=table.get("profile", "einfach"),
        lang=table.get("lang", "de"),
        compound_style=table.get("compound_style", "mediopunkt"),
        max_chars=table.get("max_chars", DEFAULT_MAX_CHARS),
        max_findings=table.get("max_findings", 5_000),
        glossaries=tuple((base / entry).resolve() for entry in table.get("glossaries", [])),
        spacy_pipeline=table.get("spacy_pipeline"),
        rules=rules,
    )


def _rule_override(spec: Mapping[str, Any]) -> RuleOverride:
    per_profile = {k: v for k, v in spec.items() if k in PROFILES and isinstance(v, dict)}
    options = {
        k: v for k, v in spec.items() if k not in PROFILES and k not in ("enabled", "severity")
    }
    return RuleOverride(spec.get("enabled"), spec.get("severity"), options, per_profile)
