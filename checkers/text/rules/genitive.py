"""de.genitive: genitive constructions.

Leichte Sprache avoids the genitive (Netzwerk Leichte Sprache; BITV 2.0 Anlage 2 Teil 2); the
suggestion rewrites it with "von" ("das Haus des Lehrers" -> "das Haus von dem Lehrer").
Detected from articles, genitive prepositions, "-s" names and "dessen/deren"
(``checkers/text/morph/``). Known false positives: "der" before a feminine noun after a noun
can be dative in rare word orders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules._morph import morph_hits, to_hit
from checkers.text.rules.base import Fix, Hit, de_en, rule

META = rule_meta(__file__)


GENITIVE_PREPOSITIONS = {
    "wegen": "weil",
    "aufgrund": "weil",
    "infolge": "weil",
    "trotz": "obwohl",
    "ungeachtet": "obwohl",
    "zwecks": "damit",  # "zwecks Prüfung" -> "damit wir prüfen können"
    "mangels": "weil",  # "mangels Nachweis" -> "weil der Nachweis fehlt"
}
PREPOSITION_MESSAGE = de_en(
    "„{span}“ ist Genitiv. Schreiben Sie einen Satz mit „{conjunction}“.",
    "“{span}” is genitive. Write a clause with “{conjunction}” instead.",
)
# Quantifiers whose genitive plural becomes "von" + dative plural ("aller Mitglieder" ->
# "von allen Mitgliedern").
QUANTIFIERS = {
    "aller": "allen",
    "vieler": "vielen",
    "beider": "beiden",
    "einiger": "einigen",
    "mehrerer": "mehreren",
    "zahlreicher": "zahlreichen",
}
_PARTICIPLE = re.compile(r"^(?P<stem>[a-zäöüß]+)end(?:er|en|es|em|e)$")


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    lexicon = doc.resources.lexicon
    for sentence, hit in morph_hits(doc, "genitive"):
        found = to_hit(doc, sentence, hit)
        words = doc.text[hit.start : hit.end].split()
        first = words[0].casefold() if words else ""
        if first in GENITIVE_PREPOSITIONS:
            conjunction = GENITIVE_PREPOSITIONS[first]
            found.message = PREPOSITION_MESSAGE
            found.params["conjunction"] = conjunction
            clause = _participle_clause(words[1:], conjunction, lexicon)
            if clause:
                found.fixes = [_clause_fix(doc, sentence, hit, clause)]
        elif first in QUANTIFIERS and len(words) == 2 and words[1][:1].isupper():
            noun = words[1]
            dative = noun if noun.endswith(("n", "s")) else noun + "n"
            found.fixes = [Fix(_capital_like(words[0], f"von {QUANTIFIERS[first]} {dative}"))]
        yield found


def _participle_clause(words: list[str], conjunction: str, lexicon: Any) -> str | None:
    """ "fehlender Unterlagen" -> "weil Unterlagen fehlen": a present participle becomes the
    verb of a clause with its noun as the subject."""
    if len(words) != 2 or not words[1][:1].isupper():
        return None
    match = _PARTICIPLE.match(words[0])
    if not match:
        return None
    verb = match["stem"] + "en"
    if lexicon is None or not lexicon.is_known(verb):
        return None
    noun = words[1]
    lemma = lexicon.lemma(noun) or noun
    if lemma != noun and noun.endswith(("es", "s")) and lemma[:1].isupper():
        return f"{conjunction} {lemma} {match['stem']}t"  # "fehlenden Geldes" -> "Geld fehlt"
    if lemma != noun or noun.endswith(("en", "n", "e", "er")):
        return f"{conjunction} {noun} {verb}"  # plural: "Unterlagen fehlen"
    return None


def _clause_fix(doc: AnalyzedText, sentence: Any, hit: Any, clause: str) -> Fix:
    """At the start of the sentence the clause takes the Vorfeld ("Weil Unterlagen fehlen,
    kann ..."); elsewhere it moves to the end of the sentence ("..., weil Unterlagen fehlen.")."""
    if hit.start == sentence.start:
        return Fix(clause[:1].upper() + clause[1:] + ",")
    text = doc.text
    rest = (text[sentence.start : hit.start] + text[hit.end : sentence.end]).split()
    joined = " ".join(rest)
    end = joined[-1:] if joined[-1:] in ".!?" else ""
    body = joined[: len(joined) - len(end)].rstrip(" ,")
    return Fix(f"{body}, {clause}{end or '.'}", sentence.start, sentence.end)


def _capital_like(original: str, text: str) -> str:
    return text[:1].upper() + text[1:] if original[:1].isupper() else text


RULES = (check,)
