"""de.idiom: idioms and metaphors that readers take literally.

Leichte Sprache avoids figurative speech (Netzwerk Leichte Sprache: "in letzter Minute" ->
"gerade noch rechtzeitig"). The idioms and their literal paraphrases are glossary data
(``glossaries/data/idioms.yaml``); a verb that stands apart is found in the same clause.
Recall is low by design: only listed idioms are found.
"""

from __future__ import annotations

from checkers.text.rules._glossary import glossary_check
from checkers.text.rules.base import Example, RuleMeta, de_en, rule

META = RuleMeta(
    id="de.idiom",
    title=de_en("Redewendungen", "Idioms"),
    message=de_en(
        "„{term}“ ist eine Redewendung. Sagen Sie es direkt: „{replacement}“.",
        "“{term}” is an idiom. Say it directly: “{replacement}”.",
    ),
    explanation=de_en("{explanation_de}", "{explanation_en}"),
    standards=("Leichte Sprache: keine Redewendungen", "DIN SPEC 33429"),
    severity={"leicht": "warning", "einfach": "info", "standard": None},
    examples=(
        Example("Der Antrag kam in letzter Minute.", expect="failed", at="in letzter Minute"),
        Example("Der Antrag kam gerade noch rechtzeitig.", expect=None),
    ),
)

RULES = (rule(META)(glossary_check(("idiom",))),)
