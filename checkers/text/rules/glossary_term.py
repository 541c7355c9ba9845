"""de.glossary-term: Amtsdeutsch and other terms that the glossaries replace or explain.

Leichte and Einfache Sprache ask for common words (Netzwerk Leichte Sprache; BITV 2.0 Anlage 2
Teil 2; ISO 24495-1). The knowledge is data: ``glossaries/data/amtsdeutsch.yaml`` and the
project's own glossary files. Known false positives: a term that is defined in the text itself.
"""

from __future__ import annotations

from checkers.rules.data import rule_meta
from checkers.text.rules._glossary import glossary_check
from checkers.text.rules.base import rule

META = rule_meta(__file__)

RULES = (rule(META)(glossary_check(("amtsdeutsch", "term"))),)
