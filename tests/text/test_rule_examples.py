"""The text rules: the core ids are present, default options reach the rules. (Every rule's
examples and the records' completeness: ``tests/test_rule_examples.py``.)"""

from __future__ import annotations

from checkers.text.config import RuleSettings, TextConfig
from checkers.text.rules import all_rules
from checkers.text.rules.base import PROFILES

RULES = all_rules()


def test_core_rule_ids_present() -> None:
    core = {
        "de.sentence-length",
        "de.subordinate-clause",
        "de.passive-voice",
        "de.subjunctive",
        "de.genitive",
        "de.negation",
        "de.abbreviation",
        "de.number-format",
        "de.compound-word",
        "de.foreign-word",
        "de.nominal-style",
        "de.special-character",
        "de.glossary-term",
        "de.impersonal",
        "de.idiom",
    }
    assert core <= {r.meta.id for r in RULES}


def test_settings_types() -> None:
    """Default options are keyed by real profiles, named, and reach the rule unchanged."""
    config = TextConfig()
    for rule in RULES:
        assert set(rule.meta.options) <= set(PROFILES), rule.meta.id
        for profile, options in rule.meta.options.items():
            assert all(isinstance(key, str) and key for key in options), rule.meta.id
            settings = config.settings_for(rule.meta, profile)
            if settings is not None:
                assert dict(settings.options) == dict(options), (rule.meta.id, profile)
                assert settings.severity == rule.meta.severity[profile]
    settings = RuleSettings("leicht", "error", {"a": 1})
    assert (settings.get("a"), settings["a"], settings.get("b", 2)) == (1, 1, 2)
