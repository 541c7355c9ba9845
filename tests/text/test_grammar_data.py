"""The German grammar data (checkers/text/grammar/*.yaml): every file loads and passes its schema,
a broken file is refused with the place of the problem, and the facts the modules share agree."""

from __future__ import annotations

import copy

import pytest
import yaml

from checkers.text import grammar
from checkers.text.grammar import GrammarDataError, load, month_names, month_numbers, words


@pytest.mark.parametrize("topic", sorted(grammar.SCHEMAS))
def test_every_topic_loads_and_passes_its_schema(topic: str) -> None:
    data = load(topic)
    assert data
    assert load(topic) is data  # read once per process


def test_unknown_topic_is_refused() -> None:
    with pytest.raises(GrammarDataError, match="unknown grammar topic"):
        load("adverbs")


def _raw(topic: str) -> dict:
    path = grammar.resources.files(grammar.__name__).joinpath(f"{topic}.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_schema_names_the_place_of_each_problem() -> None:
    data = _raw("verbs")
    broken = copy.deepcopy(data)
    del broken["prefixes"]["separable"]
    broken["present"]["sein"] = ["bin", "bist", "ist"]
    broken["genitiv_verbs"] = "bedarf"
    problems = grammar._validate(broken, grammar.SCHEMAS["verbs"], "")
    assert "prefixes.separable: missing" in problems
    assert "genitiv_verbs: unknown key" in problems
    assert any(p.startswith("present: sein: expected 4 items") for p in problems)
    assert grammar._validate(data, grammar.SCHEMAS["verbs"], "") == []


def test_empty_word_list_is_refused() -> None:
    data = _raw("closed")
    data["coordinators"]["clauses"] = "   "
    problems = grammar._validate(data, grammar.SCHEMAS["closed"], "")
    assert problems == [
        "coordinators.clauses: expected a non-empty whitespace-separated word list"
    ]


def test_months() -> None:
    assert month_names()[0] == "Januar" and month_names()[-1] == "Dezember"
    assert len(month_names()) == 12
    assert month_numbers()["jänner"] == 1 and month_numbers()["märz"] == 3


def test_soft_genitive_prepositions_are_genitive_prepositions() -> None:
    assert words("prepositions", "genitive_or_dative") <= words("prepositions", "genitive")


@pytest.mark.parametrize(
    ("lemma", "aux"),
    [("abstürzen", "s"), ("erfolgen", "s"), ("vertreten", "h"), ("verlaufen", "?"),
     ("starten", "?"), ("gehen", "s"), ("bekommen", "h")],
)
def test_preterite_and_morphology_read_one_auxiliary_table(lemma: str, aux: str) -> None:
    """Before, the verbs taking sein were listed twice with different contents (the preterite
    rule suggested "hat abgestürzt"; the passive detector knew "ist abgestürzt")."""
    from checkers.text.morph import LexicalMorphAnalyzer
    from checkers.text.rules.preterite import aux_of

    assert aux_of(lemma) == aux
    assert LexicalMorphAnalyzer._sein_perfect(lemma) == (aux != "h")


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Die Wasserversorgung erfolgte über Brunnen.",
         "Die Wasserversorgung ist über Brunnen erfolgt."),
        ("Er vertrat den Wahlkreis.", "Er hat den Wahlkreis vertreten."),
        ("Die Operation verlief ohne Komplikationen.", None),  # not "hat … verlaufen"
    ],
)
def test_preterite_rewrite_uses_the_shared_auxiliary(text: str, suggestion: str | None) -> None:
    from checkers.text.engine import CheckRequest, TextChecker

    report = TextChecker.create().check(CheckRequest(text, "plain", "de", "leicht"))
    found = [f for f in report.findings if f.rule_id == "de.preterite"]
    assert len(found) == 1
    texts = [s.text for s in found[0].suggestions]
    assert texts == ([suggestion] if suggestion else [])
