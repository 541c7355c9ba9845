"""de.pronoun-reference: "Er", "Ihn", "Ihm" at the start of a sentence with two possible nouns.

Flags a sentence that starts with er/ihn/ihm when the sentence before names at least two
different masculine nouns: "Der Vermieter schreibt einen Brief an den Mieter. Er muss …" (who
must?). Netzwerk Leichte Sprache and DIN SPEC 33429 ask for clear references: repeat the noun
instead of a pronoun. The finding needs review; the suggestions repeat each candidate noun.
Without a parser or gender lexicon, a noun counts as masculine only where its article shows it
unambiguously: "einen/keinen/den … + noun" (accusative singular, the noun not ending in -n like
a dative plural) and "der + noun" as the subject (first word, or right after the verb).
"es"/"sie" are left out: "es" is mostly an expletive ("Es gibt …") and "Sie" the polite address.
Known false negatives by design: most ambiguous references are not found (precision first).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Fix, Hit, de_en, rule
from checkers.text.segment import Sentence

PRONOUN_ARTICLES = {"Er": "Der", "Ihn": "Den", "Ihm": "Dem"}
MASCULINE_ACCUSATIVE = frozenset(
    [
        "einen", "keinen", "den", "diesen", "jeden", "jenen", "seinen", "ihren", "Ihren",
        "unseren", "meinen", "deinen", "euren",
    ]
)
# Words that show a subject already stands before the verb.
SUBJECT_STARTERS = frozenset(
    [
        "der", "die", "das", "ein", "eine", "kein", "keine", "ich", "du", "er", "sie", "es",
        "wir", "ihr", "man", "mein", "meine", "unser", "unsere",
    ]
)
NOTE = de_en(
    "Prüfen Sie, welches Wort gemeint ist.",
    "Check which noun is meant.",
)

META = rule_meta(__file__)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    minimum = int(settings.get("min_candidates", 2))
    lexicon = doc.resources.lexicon
    previous: Sentence | None = None
    for sentence in doc.sentences:
        first = sentence.tokens[0] if sentence.tokens else None
        if previous is not None and first is not None and first.text in PRONOUN_ARTICLES:
            candidates = masculine_nouns(previous, lexicon)
            if len(candidates) >= minimum:
                article = PRONOUN_ARTICLES[first.text]
                fixes = [Fix(f"{article} {noun}", note=NOTE) for noun in candidates]
                yield Hit(
                    first.start, first.end,
                    {"pronoun": first.text, "candidates": ", ".join(candidates)}, fixes,
                )
        previous = sentence


def masculine_nouns(sentence: Sentence, lexicon: Any) -> list[str]:
    """Nouns of the sentence whose article shows a masculine singular, in order, distinct."""
    tokens = sentence.tokens
    found: list[str] = []
    for index, token in enumerate(tokens[:-1]):
        noun = tokens[index + 1]
        if noun.kind != "word" or not noun.text[:1].isupper() or noun.text == "Sie":
            continue
        article = token.text
        if article in MASCULINE_ACCUSATIVE or article.lower() in MASCULINE_ACCUSATIVE:
            # "den Mietern" is a dative plural; singular masculine nouns rarely end in -n.
            masculine = not noun.text.endswith("n")
        elif article in ("Der", "der"):
            # The subject: the first word, or right after the finite verb when no subject came
            # before ("Dann ruft der …"); otherwise "der" is a feminine dative or genitive
            # ("Der Mann gibt der Frau …").
            before = tokens[index - 1].text if index else ""
            masculine = index == 0 or (
                before.islower() and lexicon.verb_lemma(before) not in (None, before)
                and not any(t.text.lower() in SUBJECT_STARTERS for t in tokens[: index - 1])
            )
        else:
            continue
        if masculine and lexicon.is_noun(noun.text) and noun.text not in found:
            found.append(noun.text)
    return found


RULES = (check,)
