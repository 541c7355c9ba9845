"""de.foreign-word: foreign words and anglicisms that readers may not know.

Leichte Sprache avoids foreign words or explains them; Einfache Sprache explains them (Netzwerk
Leichte Sprache; DIN SPEC 33429). The words and their German alternatives are glossary data
(``glossaries/data/foreign-words.yaml``). Known false positives: words that became everyday German
for the audience ("Computer"); switch them off in a project glossary with ``disabled: true``.
"""

from __future__ import annotations

from checkers.text.rules._glossary import glossary_check
from checkers.text.rules.base import Example, RuleMeta, de_en, rule

META = RuleMeta(
    id="de.foreign-word",
    title=de_en("Fremdwörter", "Foreign words"),
    message=de_en(
        "„{term}“ ist ein Fremdwort. Besser: „{replacement}“.",
        "“{term}” is a foreign word. Better: “{replacement}”.",
    ),
    explanation=de_en("{explanation_de}", "{explanation_en}"),
    standards=("Leichte Sprache: keine Fremdwörter", "DIN SPEC 33429"),
    severity={"leicht": "warning", "einfach": "info", "standard": "info"},
    examples=(
        Example(
            "Wir laden Sie zu unserem Workshop ein.",
            expect="failed",
            at="Workshop",
            suggestions=("Arbeitsgruppe",),
        ),
        Example("Wir laden Sie zu unserem Treffen ein.", expect=None),
        Example("Bitte geben Sie uns ein Feedback.", expect="failed", at="Feedback"),
    ),
)

RULES = (rule(META)(glossary_check(("foreign-word",))),)
