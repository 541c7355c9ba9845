"""de.foreign-word: foreign words and anglicisms that readers may not know.

Leichte Sprache avoids foreign words or explains them; Einfache Sprache explains them (Netzwerk
Leichte Sprache; DIN SPEC 33429). The words and their German alternatives are glossary data
(``glossaries/data/foreign-words.yaml``). Known false positives: words that became everyday German
for the audience ("Computer"); switch them off in a project glossary with ``disabled: true``.
"""

from __future__ import annotations

from checkers.rules.data import rule_meta
from checkers.text.rules._glossary import glossary_check
from checkers.text.rules.base import rule

META = rule_meta(__file__)

RULES = (rule(META)(glossary_check(("foreign-word",))),)
