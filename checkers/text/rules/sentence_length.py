"""de.sentence-length: sentences longer than the profile allows.

Leichte Sprache asks for short sentences (practice: 8 to 12 words), Einfache Sprache for 15 to 20
(Netzwerk Leichte Sprache; DIN SPEC 33429; ISO 24495-1). Words are counted per list item, so a
list without punctuation is not one long sentence. Suggestions are split points: before a
subordinate clause or at a coordinating conjunction that joins two clauses.
Known false positives: long enumerations inside one sentence are counted as they are written.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Fix, Hit, rule
from checkers.text.rules.clauses import split_points

META = rule_meta(__file__)


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
