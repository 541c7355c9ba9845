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
    data["coordinators"] = "   "
    problems = grammar._validate(data, grammar.SCHEMAS["closed"], "")
    assert problems == ["coordinators: expected a non-empty whitespace-separated word list"]


def test_months() -> None:
    assert month_names()[0] == "Januar" and month_names()[-1] == "Dezember"
    assert len(month_names()) == 12
    assert month_numbers()["jänner"] == 1 and month_numbers()["märz"] == 3


def test_soft_genitive_prepositions_are_genitive_prepositions() -> None:
    assert words("prepositions", "genitive_or_dative") <= words("prepositions", "genitive")
