"""de.nominal-style: Funktionsverbgefüge and heavy nominal style.

Leichte and Einfache Sprache prefer verbs to nouns ("entscheiden" instead of "eine Entscheidung
treffen"; Netzwerk Leichte Sprache, DIN SPEC 33429, ISO 24495-1). Funktionsverbgefüge come from
``glossaries/data/funktionsverbgefuege.yaml``; a sentence with several nominalisations
(-ung, -heit, -keit, -ion, -ität, -nahme) is flagged as nominal style.
Known false positives: established nouns such as "Wohnung" or "Zeitung" (an allow-list excludes
the common ones).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules._glossary import glossary_hits
from checkers.text.rules.base import Hit, de_en, rule

NOMINAL_SUFFIXES = (
    "ung",
    "ungen",
    "heit",
    "keit",
    "heiten",
    "keiten",
    "ion",
    "ionen",
    "ität",
    "nahme",
    "nahmen",
)
# Everyday nouns with these endings that no reader stumbles over.
COMMON = frozenset(
    [
        "wohnung",
        "zeitung",
        "rechnung",
        "meinung",
        "zeitungen",
        "wohnungen",
        "rechnungen",
        "ordnung",
        "achtung",
        "hoffnung",
        "übung",
        "prüfung",
        "nation",
        "information",
        "informationen",
        "region",
        "religion",
        "station",
        "person",
        "million",
        "millionen",
        "milliarde",
        "stadt",
        "gesundheit",
        "freiheit",
        "sicherheit",
        "krankheit",
        "kindheit",
        "gelegenheit",
        "möglichkeit",
        "arbeit",
        "mannschaft",
        "hochzeit",
        "mahlzeit",
        "zeit",
        "kleinigkeit",
        "einladung",
        "anmeldung",
        "ausbildung",
        "bildung",
        "beratung",
        "hilfe",
        "erfahrung",
    ]
)

META = rule_meta(__file__)

NOMINAL_MESSAGE = de_en(
    "Der Satz hat {count} Haupt·wörter wie „{examples}“. Sagen Sie es mit Verben.",
    "The sentence has {count} nominalisations such as “{examples}”. Say it with verbs.",
)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    yield from glossary_hits(doc, settings, ("funktionsverbgefuege",))
    limit = int(settings["max_nominalisations"])
    for sentence in doc.sentences:
        nominal = [
            t.text
            for t in sentence.words
            if t.kind == "word"
            and t.text[:1].isupper()
            and len(t.text) > 5
            and t.text.lower().endswith(NOMINAL_SUFFIXES)
            and t.text.lower() not in COMMON
        ]
        if len(nominal) > limit:
            yield Hit(
                sentence.start,
                sentence.end,
                {"count": len(nominal), "examples": ", ".join(nominal[:3])},
                message=NOMINAL_MESSAGE,
            )


RULES = (check,)
