"""de.genitive: genitive constructions.

Leichte Sprache avoids the genitive (Netzwerk Leichte Sprache; BITV 2.0 Anlage 2 Teil 2); the
suggestion rewrites it with "von" ("das Haus des Lehrers" -> "das Haus von dem Lehrer").
Detected from articles, genitive prepositions, "-s" names and "dessen/deren"
(``checkers/text/morph.py``). Known false positives: "der" before a feminine noun after a noun
can be dative in rare word orders.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules._morph import morph_hits, to_hit
from checkers.text.rules.base import Example, Hit, RuleMeta, de_en, rule

META = RuleMeta(
    id="de.genitive",
    title=de_en("Genitiv", "Genitive"),
    message=de_en(
        "„{span}“ ist Genitiv. Schreiben Sie es mit „von“.",
        "“{span}” is genitive. Rephrase it with “von”.",
    ),
    explanation=de_en(
        "Der Genitiv ist für viele Menschen schwer. Mit „von“ ist es leichter: "
        "„das Auto von Peter“ statt „Peters Auto“.",
        "Many readers find the genitive hard. “von” is easier: “das Auto von Peter” instead "
        "of “Peters Auto”.",
    ),
    standards=("Leichte Sprache: kein Genitiv", "BITV 2.0 Anlage 2 Teil 2"),
    severity={"leicht": "warning", "einfach": "info", "standard": None},
    examples=(
        Example("Das ist das Haus des Lehrers.", fails=True, flagged="des Lehrers"),
        Example("Das ist das Haus von dem Lehrer.", fails=False),
        Example("Wegen des Regens fällt das Fest aus.", fails=True),
        Example("Wir helfen der Frau.", fails=False),
    ),
)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    for sentence, hit in morph_hits(doc, "genitive"):
        yield to_hit(doc, sentence, hit)


RULES = (check,)
