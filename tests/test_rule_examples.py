"""One test runs every example of every rule: static and BITV page rules, text rules, translation
QA rules and every glossary entry's examples (through the text check's real matcher).

An example states exactly what it expects (:class:`checkers.rules.Example`): nothing, or findings
that are all ``failed`` or all ``needs_review``, at the marked selector or span, with the marked
suggestions. Every message is filled in German and English (a missing placeholder raises). The
meta-tests keep the records complete: unique ids, a pass and a flagging example per rule,
messages in both languages with the same placeholders.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import replace
from typing import Any

import pytest

from checkers.page.dom import Page
from checkers.page.rule import PageContext, PageRule, run_rules
from checkers.rules import (
    LOCALES,
    Example,
    Messages,
    Observed,
    RuleMeta,
    fill,
    localized,
    mismatches,
    placeholders,
)
from checkers.text.analysis import AnalyzedText
from checkers.text.rules import all_rules as text_rules
from checkers.text.rules.base import PROFILES, Rule, in_scope
from checkers.text.source import extract
from glossaries import load_glossaries
from translators.qa import RULES as QA_RULES
from translators.qa import QaRule, check_case, example_case


def _page_rules() -> list[PageRule]:
    from checkers.page import bitv, static

    return [*static.all_rules(), *bitv.all_rules()]


PAGE_RULES = _page_rules()
TEXT_RULES = list(text_rules())
GLOSSARY = [entry for entry in load_glossaries() if entry.examples]
METAS: list[RuleMeta] = [
    *(r.meta for r in PAGE_RULES),
    *(r.meta for r in TEXT_RULES),
    *(r.meta for r in QA_RULES),
]


def _cases(family: str, rules: list[Any]) -> list[Any]:
    return [
        pytest.param(family, rule, example, id=f"{rule.meta.id}-{example.kind}-{n}")
        for rule in rules
        for n, example in enumerate(rule.meta.examples)
    ]


CASES = _cases("page", PAGE_RULES) + _cases("text", TEXT_RULES) + _cases("qa", list(QA_RULES))


# --- running one example -------------------------------------------------------------------


def observe_page(rule: PageRule, example: Example) -> list[Observed]:
    found: list[Observed] = []
    for locale in LOCALES:
        page = Page(example.text, example.url)
        context = PageContext(page=page)
        for key, value in example.context.items():
            if key == "linked":
                pages = {role: Page(html, url) for role, (url, html) in value.items()}
                setattr(context, key, pages)
            else:
                setattr(context, key, value)
        findings = run_rules([rule], context, locale)
        # run_rules keeps a page going when a rule raises; an example must not hide that.
        assert context.failed_rules == [], f"{rule.meta.id} raised (see the log)"
        if locale == "de":
            found = [
                Observed(f.outcome, f.location.selector, (), f.message) for f in findings
            ]
    return found


def observe_text(checker: Any, rule: Rule, example: Example) -> list[Observed]:
    extracted = extract(example.text, "auto")
    doc = AnalyzedText.build(extracted.text, "de", example.profile, checker.resources, extracted)
    settings = checker.config.settings_for(rule.meta, example.profile)
    assert settings is not None, f"{rule.meta.id} is off for profile {example.profile}"
    settings = replace(settings, options={**settings.options, **example.options})
    found = []
    for hit in rule.check(doc, settings):
        if not in_scope(rule.meta, doc, hit.start):
            continue  # the engine drops it too
        for locale in LOCALES:  # every message fills in both languages, or raises
            fill(localized(hit.message or rule.meta.message, locale), hit.params, rule.meta.id)
            fill(localized(hit.explanation or rule.meta.explanation, locale), hit.params)
        message = fill(localized(hit.message or rule.meta.message, "de"), hit.params)
        suggestions = tuple(fix.text for fix in hit.fixes)
        found.append(
            Observed(rule.meta.outcome, doc.text[hit.start : hit.end], suggestions, message)
        )
    return found


def observe_qa(rule: QaRule, example: Example) -> list[Observed]:
    case = example_case(example)
    found = []
    for locale in LOCALES:
        findings = [f for f in check_case(case, locale) if f.rule_id == rule.meta.id]
        if locale == "de":
            found = [Observed(f.outcome, None, (), f.message) for f in findings]
    return found


@pytest.mark.parametrize(("family", "rule", "example"), CASES)
def test_rule_example(request: pytest.FixtureRequest, family: str, rule: Any, example: Example):
    if family == "page":
        found = observe_page(rule, example)
    elif family == "text":
        found = observe_text(request.getfixturevalue("checker"), rule, example)
    else:
        found = observe_qa(rule, example)
    problems = mismatches(example, found)
    assert problems == [], f"{rule.meta.id}: {example.text[:160]!r}\n" + "\n".join(problems)


# The text rule that reports each kind of glossary entry.
GLOSSARY_RULES = {
    "abbreviation": "de.abbreviation",
    "acronym": "de.abbreviation",
    "amtsdeutsch": "de.glossary-term",
    "term": "de.glossary-term",
    "foreign-word": "de.foreign-word",
    "funktionsverbgefuege": "de.nominal-style",
    "idiom": "de.idiom",
}
GLOSSARY_CASES = [
    pytest.param(entry, example, id=f"{entry.kind}:{entry.term}:{example.kind}")
    for entry in GLOSSARY
    for example in entry.examples
]


def glossary_hits(checker: Any, text: str, entry: Any) -> list[tuple[int, int]]:
    doc = AnalyzedText.build(text, "de", "leicht", checker.resources)
    return [
        (hit.start, hit.end)
        for sentence in doc.sentences
        for hit in checker.resources.terms.find(sentence, (entry.kind,))
        if hit.entry.term == entry.term
    ]


def glossary_spans(checker: Any, text: str, entry: Any) -> list[str]:
    return [text[start:end] for start, end in glossary_hits(checker, text, entry)]


def observe_glossary(checker: Any, entry: Any, example: Example) -> list[Observed]:
    """What the real matcher finds of ``entry`` in the example, each hit with the outcome and
    suggestions of the text check's findings on it (Leichte Sprache). A hit the check does not
    report shows as "not reported"."""
    from checkers.text.engine import CheckRequest

    hits = glossary_hits(checker, example.text, entry)
    if not hits:
        return []
    report = checker.check(CheckRequest(text=example.text, profile="leicht", format="plain"))
    found = []
    for start, end in hits:
        # By the rule of its kind, or by another rule on exactly that span: the engine folds
        # two findings with the same advice on one span into one ("§" -> "Paragraf").
        covering = [
            f
            for f in report.findings
            if (f.location.start, f.location.end) == (start, end)
            or (
                f.rule_id == GLOSSARY_RULES[entry.kind]
                and (f.location.start or 0) <= start
                and (f.location.end or 0) >= end
            )
        ]
        outcomes = sorted({f.outcome for f in covering})
        outcome = " and ".join(outcomes) or "not reported"
        found.append(
            Observed(
                outcome,
                example.text[start:end],
                tuple(s.text for f in covering for s in f.suggestions),
                "; ".join(f"{f.rule_id}: {f.excerpt}" for f in report.findings),
            )
        )
    return found


@pytest.mark.parametrize(("entry", "example"), GLOSSARY_CASES)
def test_glossary_example(checker: Any, entry: Any, example: Example) -> None:
    """A glossary entry's example runs like every rule example: a fail example is found by the
    real matcher exactly at its span (in every tense and word order it uses) and reported there
    by the text check, with its suggestions; a pass example is not found."""
    problems = mismatches(example, observe_glossary(checker, entry, example))
    assert problems == [], f"{entry.term!r} in {example.text!r}:\n" + "\n".join(problems)


def test_glossary_fail_examples_name_their_span() -> None:
    unnamed = [(e.term, x.text) for e in GLOSSARY for x in e.examples if x.fails and not x.at]
    assert unnamed == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Das Grillfest fällt leider ins Wasser.", "ins Wasser fallen"),
        ("Das Grillfest fiel ins Wasser.", "ins Wasser fallen"),
        ("Das Grillfest ist ins Wasser gefallen.", "ins Wasser fallen"),
        ("Wenn es regnet, fällt das Fest ins Wasser.", "ins Wasser fallen"),
        ("Er hält uns auf dem Laufenden.", "auf dem Laufenden halten"),
    ],
)
def test_idioms_in_every_tense(checker: Any, text: str, term: str) -> None:
    entry = next(e for e in load_glossaries() if e.term == term)
    assert glossary_spans(checker, text, entry)


# --- the examples compare exactly -----------------------------------------------------------


def test_a_finding_elsewhere_or_of_the_other_outcome_does_not_count() -> None:
    example = Example("<img id='i'>", expect="failed", at="#i")
    assert mismatches(example, [Observed("failed", "#i")]) == []
    assert mismatches(example, [Observed("needs_review", "#i")])
    assert mismatches(example, [Observed("failed", "#j")])
    assert mismatches(example, [Observed("failed", "#i"), Observed("failed", "#j")])
    assert mismatches(example, [])
    assert mismatches(Example("<p>", expect=None), [Observed("needs_review", None)])
    with_suggestion = Example("z. B.", expect="failed", at="z. B.", suggestions=("zum Beispiel",))
    assert mismatches(with_suggestion, [Observed("failed", "z. B.", ("etwa",))])


# --- the records are complete ---------------------------------------------------------------


def test_rule_ids_unique_and_named() -> None:
    ids = [meta.id for meta in METAS]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for meta in METAS:
        assert re.fullmatch(r"(static|bitv|de|translation)\.[a-z0-9]+(-[a-z0-9]+)*", meta.id)
        prefix = {"static": "static", "bitv": "bitv", "text": "de", "translation": "translation"}
        assert meta.id.startswith(prefix[meta.engine] + "."), (meta.id, meta.engine)


def _language_neutral(template: str, locale: str) -> set[str]:
    suffix = "_" + locale
    return {p.removesuffix(suffix) for p in placeholders(template)}


def all_messages(meta: RuleMeta) -> dict[str, Messages]:
    """Every message the record carries, by name."""
    out = {"title": meta.title, "message": meta.message, "explanation": meta.explanation}
    out.update({f"variant {name}": v.message for name, v in meta.variants.items()})
    return out


@pytest.mark.parametrize("meta", METAS, ids=lambda m: m.id)
def test_record_complete(meta: RuleMeta) -> None:
    assert any(e.expect is not None for e in meta.examples), f"{meta.id} has no fail example"
    assert any(e.expect is None for e in meta.examples), f"{meta.id} has no pass example"
    assert meta.standards or meta.wcag, f"{meta.id}: no standard reference"
    for name, messages in all_messages(meta).items():
        assert set(LOCALES) <= set(messages), (meta.id, name)
        assert all(messages[locale].strip() for locale in LOCALES), (meta.id, name)
        # The same placeholders in every language (each filled from the same params; a
        # "{found_de}" / "{found_en}" pair is one placeholder in its language's form).
        named = [_language_neutral(messages[locale], locale) for locale in LOCALES]
        assert all(n == named[0] for n in named), (meta.id, name, named)
    if meta.engine == "text":
        assert set(meta.severity) == set(PROFILES), meta.id  # type: ignore[arg-type]
        for example in meta.examples:
            # A text finding always has a span: a flagging example names it.
            assert example.expect is None or example.at, (meta.id, example.text)
    else:
        assert isinstance(meta.severity, str), meta.id
    for criterion in meta.wcag:
        assert re.fullmatch(r"\d\.\d{1,2}\.\d{1,2}", criterion), (meta.id, criterion)
    for act in meta.act:
        assert re.fullmatch(r"[0-9a-z]{6}", act), (meta.id, act)


@pytest.mark.parametrize(
    "rule", [*PAGE_RULES, *TEXT_RULES], ids=lambda r: r.meta.id
)
def test_rule_module_documented(rule: Any) -> None:
    module = importlib.import_module(rule.check.__module__)
    assert module.__doc__ and len(module.__doc__) > 40, f"{rule.meta.id}: module docstring"
    if rule.meta.engine in ("static", "bitv"):
        expected_module = rule.meta.id.split(".", 1)[1].replace("-", "_")
        assert module.__name__.rsplit(".", 1)[1] == expected_module, rule.meta.id


def test_registries_find_every_rule_module() -> None:
    """No hand-written lists: each package's rule modules are all found."""
    from pathlib import Path

    import checkers.page.bitv
    import checkers.page.static

    for package, engine in ((checkers.page.static, "static"), (checkers.page.bitv, "bitv")):
        found = {r.meta.id for r in PAGE_RULES if r.meta.engine == engine}
        modules = {
            p.stem
            for p in Path(package.__file__).parent.glob("*.py")
            if not p.stem.startswith("_") and "@page_rule(" in p.read_text(encoding="utf-8")
        }
        assert {i.split(".", 1)[1].replace("-", "_") for i in found} == modules
