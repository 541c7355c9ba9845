"""The shared rule framework (checkers.rules): the strict message fill, the severity order, the
example type and the registry."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest

from checkers.page.dom import Page
from checkers.page.rule import PageContext, PageHit, RuleMeta, page_rule, run_rules
from checkers.rules import (
    SEVERITIES,
    Example,
    MessageError,
    de_en,
    discover,
    fill,
    localized,
    placeholders,
    severity_rank,
)


def test_fill_names_the_missing_placeholder_and_the_rule() -> None:
    assert fill("Das Bild {name} fehlt.", {"name": "a.png"}) == "Das Bild a.png fehlt."
    with pytest.raises(MessageError, match=r"static\.x.*\['name'\]"):
        fill("Das Bild {name} fehlt.", {}, "static.x")


def test_fill_rejects_a_stray_brace_and_keeps_an_escaped_one() -> None:
    with pytest.raises(MessageError):
        fill("a:focus { outline: 0 }", {})
    assert fill("a:focus {{ outline: 0 }}", {}) == "a:focus { outline: 0 }"
    assert placeholders("{term} und {term}, {expected}") == {"term", "expected"}


def test_localized_falls_back_to_german() -> None:
    assert localized({"de": "Hallo"}, "en") == "Hallo"
    assert localized(de_en("Hallo", "Hello"), "en") == "Hello"


def test_one_severity_order() -> None:
    assert [severity_rank(s) for s in SEVERITIES] == [0, 1, 2]
    assert severity_rank("error") > severity_rank("warning") > severity_rank("info")


def test_example_states_its_outcome() -> None:
    assert Example("<p>", expect=None).kind == "pass"
    assert Example("<p>", expect="needs_review").fails
    with pytest.raises(ValueError, match="expect"):
        Example("<p>", expect="fails")  # type: ignore[arg-type]


def _meta(rule_id: str) -> RuleMeta:
    return RuleMeta(
        id=rule_id,
        engine="static",
        title=de_en("T", "T"),
        message=de_en("Fehlt: {what}", "Missing: {what}"),
        explanation=de_en("E", "E"),
        severity="error",
        wcag=("1.1.1",),
        examples=(),
    )


def test_a_rule_with_an_unfilled_message_fails_alone() -> None:
    """On a page, a rule whose hit lacks a placeholder value is listed as failed; the other
    rules still report."""

    @page_rule(_meta("static.broken"))
    def broken(context: PageContext):
        yield PageHit(None, {})

    @page_rule(_meta("static.fine"))
    def fine(context: PageContext):
        yield PageHit(None, {"what": "alt"})

    context = PageContext(page=Page("<p>x</p>", "https://www.example.de/"))
    findings = run_rules([broken, fine], context, "de")
    assert [f.message for f in findings] == ["Fehlt: alt"]
    assert context.failed_rules == ["static.broken"]


def test_registry_finds_modules_and_refuses_duplicate_ids(tmp_path, monkeypatch) -> None:
    package = tmp_path / "fake_rules"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "b_rule.py").write_text("RULES = ('de.b',)\n")
    (package / "a_rule.py").write_text("RULES = ('de.a',)\n")
    (package / "_helper.py").write_text("RULES = ('de.hidden',)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    found = discover("fake_rules", lambda m: getattr(m, "RULES", ()), lambda r: r)
    assert found == ["de.a", "de.b"]  # sorted by id, private modules skipped
    (package / "c_rule.py").write_text("RULES = ('de.a',)\n")
    with pytest.raises(RuntimeError, match="duplicate rule ids"):
        discover("fake_rules", lambda m: getattr(m, "RULES", ()), lambda r: r)
    for name in [n for n in sys.modules if n.startswith("fake_rules")]:
        del sys.modules[name]


def test_text_rule_scope_limits_the_blocks_it_reads(checker) -> None:
    """A text rule whose scope names "paragraph" reports nothing in a heading or list item."""
    from checkers.text.engine import CheckRequest, TextChecker
    from checkers.text.rules.base import Hit, rule

    def every_sentence(doc, settings):
        for sentence in doc.sentences:
            yield Hit(sentence.start, sentence.end, {})

    meta = RuleMeta(
        id="de.every-sentence",
        title=de_en("T", "T"),
        message=de_en("Satz", "Sentence"),
        explanation=de_en("E", "E"),
        severity={"leicht": "info", "einfach": "info", "standard": "info"},
        examples=(),
        standards=("test",),
    )
    text = "# Eine Überschrift\n\nEin Absatz steht hier.\n\n- Ein Punkt der Liste\n"
    request = CheckRequest(text=text, format="markdown", profile="leicht", lang="de")
    everywhere = TextChecker(checker.config, checker.resources, [rule(meta)(every_sentence)])
    assert len(everywhere.check(request).findings) == 3
    scoped_meta = replace(meta, scope=("paragraph",))
    scoped = TextChecker(checker.config, checker.resources, [rule(scoped_meta)(every_sentence)])
    assert [f.excerpt for f in scoped.check(request).findings] == ["Ein Absatz steht hier."]
