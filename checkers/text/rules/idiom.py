"""de.idiom: idioms and metaphors that readers take literally.

Leichte Sprache avoids figurative speech (Netzwerk Leichte Sprache: "in letzter Minute" ->
"gerade noch rechtzeitig"). The idioms and their literal paraphrases are glossary data
(``glossaries/data/idioms.yaml``); a verb that stands apart is found in the same clause.
Recall is low by design: only listed idioms are found.
"""

from __future__ import annotations

from checkers.rules.data import rule_meta
from checkers.text.rules._glossary import glossary_check
from checkers.text.rules.base import rule

META = rule_meta(__file__)

RULES = (rule(META)(glossary_check(("idiom",))),)
