"""de.glossary-term: Amtsdeutsch and other terms that the glossaries replace or explain.

Leichte and Einfache Sprache ask for common words (Netzwerk Leichte Sprache; BITV 2.0 Anlage 2
Teil 2; ISO 24495-1). The knowledge is data: ``glossaries/data/amtsdeutsch.yaml`` and the
project's own glossary files. Known false positives: a term that is defined in the text itself.
"""

from __future__ import annotations

from checkers.text.rules._glossary import glossary_check
from checkers.text.rules.base import Example, RuleMeta, de_en, rule

META = RuleMeta(
    id="de.glossary-term",
    title=de_en("Amtsdeutsch und schwere Wörter", "Officialese and hard words"),
    message=de_en(
        "„{term}“ ist ein schweres Wort. Besser: „{replacement}“.",
        "“{term}” is a hard word. Better: “{replacement}”.",
    ),
    explanation=de_en("{explanation_de}", "{explanation_en}"),
    standards=("Leichte Sprache: bekannte Wörter", "BITV 2.0 Anlage 2 Teil 2", "ISO 24495-1"),
    severity={"leicht": "warning", "einfach": "warning", "standard": "info"},
    examples=(
        Example(
            "Bitte reichen Sie die Unterlagen fristgerecht ein.",
            expect="failed",
            at="fristgerecht",
            profile="einfach",
        ),
        Example("Bitte schicken Sie uns die Unterlagen bis Freitag.", expect=None),
        Example(
            "Sie erhalten den Bescheid per Post.",
            expect="failed",
            at="Bescheid",
            profile="leicht",
        ),
    ),
)

RULES = (rule(META)(glossary_check(("amtsdeutsch", "term"))),)
