"""Every glossary entry's own examples are tests: a fail example is found by the text check's
matcher (in every tense and word order the example uses), a pass example is not."""

from __future__ import annotations

import pytest

from checkers.text.analysis import AnalyzedText
from glossaries import load_glossaries

ENTRIES = [entry for entry in load_glossaries() if entry.examples]
CASES = [
    pytest.param(
        entry, example, id=f"{entry.kind}:{entry.term}:{'fail' if example.fails else 'pass'}"
    )
    for entry in ENTRIES
    for example in entry.examples
]


def _found(checker, text: str, entry) -> list[str]:
    doc = AnalyzedText.build(text, "de", "leicht", checker.resources)
    matcher = checker.resources.terms
    return [
        doc.text[hit.start : hit.end]
        for sentence in doc.sentences
        for hit in matcher.find(sentence, (entry.kind,))
        if hit.entry.term == entry.term
    ]


@pytest.mark.parametrize(("entry", "example"), CASES)
def test_glossary_example(checker, entry, example) -> None:
    found = _found(checker, example.text, entry)
    if example.fails:
        assert found, f"{entry.term!r} not found in {example.text!r}"
    else:
        assert not found, f"{entry.term!r} found in pass example {example.text!r}: {found}"


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
def test_idioms_in_every_tense(checker, text: str, term: str) -> None:
    entry = next(e for e in load_glossaries() if e.term == term)
    assert _found(checker, text, entry)
