"""Every text rule's pass and fail examples are its tests; meta-tests keep the records complete."""

from __future__ import annotations

import importlib
import re
from dataclasses import replace

import pytest

from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings, TextConfig
from checkers.text.rules import all_rules
from checkers.text.rules.base import PROFILES, Example, Rule
from checkers.text.source import extract

RULES = all_rules()
CASES = [
    pytest.param(rule, example, id=f"{rule.meta.id}-{'fail' if example.fails else 'pass'}-{n}")
    for rule in RULES
    for n, example in enumerate(rule.meta.examples)
]


def run_example(checker, rule: Rule, example: Example):
    extracted = extract(example.text, "auto")
    doc = AnalyzedText.build(extracted.text, "de", example.profile, checker.resources, extracted)
    settings = checker.config.settings_for(rule.meta, example.profile)
    assert settings is not None, f"{rule.meta.id} is off for profile {example.profile}"
    settings = replace(settings, options={**settings.options, **example.options})
    return doc, list(rule.check(doc, settings))


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(checker, rule: Rule, example: Example) -> None:
    doc, hits = run_example(checker, rule, example)
    spans = [doc.text[h.start : h.end] for h in hits]
    if not example.fails:
        assert hits == [], f"pass example flagged: {spans}"
        return
    assert hits, f"fail example not flagged: {example.text!r}"
    if example.flagged is not None:
        assert example.flagged in spans, f"expected span {example.flagged!r}, got {spans}"
    if example.suggestion is not None:
        suggestions = [f.text for h in hits for f in h.fixes]
        assert example.suggestion in suggestions, f"suggestions were {suggestions}"


def test_rule_records_complete() -> None:
    ids = [r.meta.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        meta = rule.meta
        assert re.fullmatch(r"de\.[a-z]+(-[a-z]+)*", meta.id), meta.id
        for field in (meta.title, meta.message, meta.explanation):
            assert field.get("de") and field.get("en"), meta.id
        assert set(meta.severity) == set(PROFILES), meta.id
        assert meta.standards, meta.id
        assert any(e.fails for e in meta.examples), f"{meta.id} has no fail example"
        assert any(not e.fails for e in meta.examples), f"{meta.id} has no pass example"
        module = importlib.import_module(rule.check.__module__)
        assert module.__doc__ and len(module.__doc__) > 40, f"{meta.id}: module docstring"


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
