"""The compound splitter on the gold list (own annotated list, tests/text/data/compounds_gold.tsv):
linking elements stay with their part, word boundaries are respected. The test half was not used
for tuning; its threshold leaves room for the unseen words."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from checkers.text.compounds import format_compound, split_compound
from checkers.text.lexicon import get_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return get_lexicon()


SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "eval_compounds.py"


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_compounds", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("half", "minimum"), [("dev", 0.97), ("test", 0.95)])
def test_gold_accuracy(half: str, minimum: float) -> None:
    module = _eval_module()
    rows = module.read_gold(half)
    assert len(rows) >= 250
    accuracy, errors = module.evaluate(rows)
    print(f"compound gold {half}: {len(rows)} words, accuracy {accuracy:.3f}")
    assert accuracy >= minimum, errors[:20]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Haushaltsmitglieder", "Haushalts·mitglieder"),
        ("Mitwirkungspflicht", "Mitwirkungs·pflicht"),
        ("Einkommensnachweise", "Einkommens·nachweise"),
        ("Wohngeldbehörde", "Wohngeld·behörde"),
        ("Bundesgleichstellungsgesetz", "Bundes·gleichstellungs·gesetz"),
    ],
)
def test_issue_examples(lexicon, word: str, expected: str) -> None:
    assert format_compound(split_compound(word, lexicon)) == expected


@pytest.mark.parametrize(
    "word", ["Nachbarschaft", "Voraussetzungen", "Verwaltung", "Veranstaltung", "Gesundheit"]
)
def test_derived_words_stay_whole(lexicon, word: str) -> None:
    assert split_compound(word, lexicon) is None
