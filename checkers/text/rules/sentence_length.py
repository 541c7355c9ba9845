"""de.sentence-length: sentences longer than the profile allows.

Leichte Sprache asks for short sentences (practice: 8 to 12 words), Einfache Sprache for 15 to 20
(Netzwerk Leichte Sprache; DIN SPEC 33429; ISO 24495-1). Words are counted per list item, so a
list without punctuation is not one long sentence. Suggestions are split points: before a
subordinate clause or at a coordinating conjunction that joins two clauses.
Known false positives: long enumerations inside one sentence are counted as they are written.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Example, Fix, Hit, RuleMeta, de_en, rule
from checkers.text.rules.clauses import split_points

META = RuleMeta(
    id="de.sentence-length",
    title=de_en("Satzlänge", "Sentence length"),
    message=de_en(
        "Der Satz hat {words} Wörter. Erlaubt sind {max_words}. Teilen Sie den Satz.",
        "The sentence has {words} words; the limit is {max_words}. Split the sentence.",
    ),
    explanation=de_en(
        "Kurze Sätze sind leichter zu verstehen. Schreiben Sie nur eine Aussage in einen Satz.",
        "Short sentences are easier to understand. Put one statement in each sentence.",
    ),
    standards=("Leichte Sprache: kurze Sätze", "DIN SPEC 33429", "ISO 24495-1"),
    severity={"leicht": "error", "einfach": "warning", "standard": "info"},
    options={
        "leicht": {"max_words": 10},
        "einfach": {"max_words": 15},
        "standard": {"max_words": 25},
    },
    # Sentence length is the one rule that reads any language (English texts get it too).
    languages=("de", "en"),
    examples=(
        Example("Sie bekommen das Geld jeden Monat.", expect=None),
        Example(
            "Wir prüfen Ihren Antrag, weil Sie im letzten Monat umgezogen sind und wir Ihre neue "
            "Adresse noch nicht kennen.",
            expect="failed",
            at="Wir prüfen Ihren Antrag, weil Sie im letzten Monat umgezogen sind und wir "
            "Ihre neue Adresse noch nicht kennen.",
            suggestions=("Wir prüfen Ihren Antrag. Der Grund ist: Sie sind im letzten Monat "
            "umgezogen und wir kennen Ihre neue Adresse noch nicht.",),
        ),
        Example(
            "Das brauchen Sie:\n- Ihren Ausweis\n- die Meldebescheinigung\n- den Mietvertrag",
            expect=None,
        ),
    ),
)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    max_words = int(settings["max_words"])
    for sentence in doc.sentences:
        words = [w for w in sentence.words if w.kind != "url"]
        if len(words) <= max_words:
            continue
        # The split points know German conjunctions only; other texts get the finding alone.
        fixes = [Fix(text) for text in split_points(doc, sentence)] if doc.lang == "de" else []
        yield Hit(
            sentence.start,
            sentence.end,
            {"words": len(words), "max_words": max_words},
            fixes,
        )


RULES = (check,)
