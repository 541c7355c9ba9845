"""de.compound-word: long compounds not split (Leichte Sprache), or split against the spelling rules
(Einfache Sprache).

Leichte Sprache splits long compounds so they can be read part by part: with a Mediopunkt
("Bundes·gleichstellungs·gesetz", Hildesheim rules, DIN SPEC 33429) or a hyphen
("Bundes-Gleichstellungs-Gesetz", Netzwerk Leichte Sprache); the style is configurable. Einfache
Sprache keeps standard spelling, so there the rule flags Leichte-Sprache splits instead.
Parts come from the frequency lexicon (``checkers/text/compounds.py``). Known false positives:
names and rare technical words the lexicon splits oddly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.compounds import format_compound, split_compound
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Fix, Hit, de_en, rule

META = rule_meta(__file__)

FEMININE_SUFFIXES = frozenset({"in", "innen"})

STANDARD_SPELLING = de_en(
    "„{term}“: In Einfacher Sprache schreibt man das Wort zusammen: „{replacement}“.",
    "“{term}”: plain German writes the word as one: “{replacement}”.",
)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    lexicon = doc.resources.lexicon
    if settings["mode"] == "split":
        yield from _unsplit(doc, settings, lexicon)
    else:
        yield from _split_against_spelling(doc, lexicon)


def _unsplit(doc: AnalyzedText, settings: RuleSettings, lexicon: object) -> Iterator[Hit]:
    min_letters = int(settings["min_letters"])
    for token in doc.tokens:
        text = token.text
        if token.kind != "word" or len(text) < min_letters or not text[:1].isupper():
            continue
        if "·" in text or "-" in text:
            continue
        parts = split_compound(text, lexicon)
        if not parts or len(parts) < 2 or any(len(p) <= 3 for p in parts[1:-1]):
            # A short part inside the word is a syllable more often than a word:
            # "Medi·kam·ente" is no compound, "Schul·land·heim" is.
            continue
        if parts[-1].casefold() in FEMININE_SUFFIXES:
            continue  # "Mieter·innen": the ending of the feminine form is no word of its own
        if len(parts) == 2 and _from_particle_verb(parts, lexicon):
            continue  # "Feststellung" comes from "feststellen": "Fest·stellung" misleads
        replacement = format_compound(parts, settings.get("style", settings.compound_style))
        yield Hit(
            token.start, token.end, {"term": text, "replacement": replacement}, [Fix(replacement)]
        )


def _from_particle_verb(parts: list[str], lexicon: Any) -> bool:
    """A noun made from a particle verb ("Feststellung" <- "feststellen") is one word."""
    rest = parts[1].casefold()
    stem = rest[:-3] + "en" if rest.endswith("ung") else rest
    verb_lemma = getattr(lexicon, "verb_lemma", None)
    return verb_lemma is not None and verb_lemma(parts[0].casefold() + stem) is not None


def _split_against_spelling(doc: AnalyzedText, lexicon: object) -> Iterator[Hit]:
    for token in doc.tokens:
        text = token.text
        if token.kind != "word" or ("·" not in text and "-" not in text):
            continue
        parts = [p for p in text.replace("·", "-").split("-") if p]
        if len(parts) < 2 or not all(p[:1].isalpha() for p in parts):
            continue
        joined = parts[0] + "".join(p.lower() for p in parts[1:])
        # A hyphen is standard spelling in many words (E-Mail, Baden-Württemberg, names): only
        # flag it when the joined word is itself a known, ordinary word.
        hyphen_only = "-" in text and "·" not in text
        if hyphen_only and (not lexicon.is_known(joined) or any(len(p) < 3 for p in parts)):  # type: ignore[attr-defined]
            continue
        yield Hit(
            token.start,
            token.end,
            {"term": text, "replacement": joined},
            [Fix(joined)],
            message=STANDARD_SPELLING,
        )


RULES = (check,)
