"""Make a glossary replacement agree with the word it replaces: a plural stays plural
("Vordrucke" -> "Formulare"), a dative plural keeps its -n ("den Vordrucken" -> "den
Formularen"), a genitive its -s ("des Vordrucks" -> "des Formulars").

The lemma table maps forms to lemmas but not back, so the plural of a replacement noun is found
by trying the German plural endings and keeping the most frequent form the table files under
that noun. When no form is certain the caller keeps the citation form and asks the editor to
adapt the sentence, rather than proposing wrong German.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from checkers.text.grammar import words

Number = Literal["singular", "plural", "dative-plural", "genitive"]
_PLURAL_ENDINGS = ("e", "en", "n", "er", "nen", "s")
# Determiners before a noun in -s that show the genitive ("des Workshops", "dieses Jahres").
_GENITIVE = words("closed", "genitive_determiners", "only") | words(
    "closed", "genitive_determiners", "before_noun_in_s"
)
_UMLAUT = {"a": "ä", "o": "ö", "u": "ü", "au": "äu"}


def _umlauted(word: str) -> str | None:
    for plain in ("au", "a", "o", "u"):
        position = word.rfind(plain)
        if position >= 0:
            return word[:position] + _UMLAUT[plain] + word[position + len(plain) :]
    return None


def number_of(flagged: str, term: str, lexicon: Any, previous: str | None = None) -> Number | None:
    """How ``flagged`` (a form of the noun ``term``) is inflected; ``previous`` is the word
    before it (an article tells a genitive from an English -s plural: "des Workshops")."""
    low, base = flagged.casefold(), term.casefold()
    if low == base:
        return "singular"
    stems = [base]
    umlaut = _umlauted(base)
    if umlaut:
        stems.append(umlaut)
    for stem in stems:
        if not low.startswith(stem):
            continue
        suffix = low[len(stem) :]
        if stem == base and suffix in ("s", "es"):
            # "Vordrucks" is a genitive; "Teams" a plural: the table tells them apart only by
            # frequency, so -s counts as plural only for nouns without another plural.
            other = plural_of(term, lexicon)
            if other and other.casefold() == low:
                return "plural"
            if other is None and suffix == "s" and (previous or "").casefold() not in _GENITIVE:
                return "plural"  # "die Workshops": English nouns keep their -s plural
            return "genitive"
        if suffix in _PLURAL_ENDINGS or (stem != base and suffix in ("", "e", "er")):
            plural = plural_of(term, lexicon)
            if plural and low == plural.casefold() + "n" and not plural.endswith(("n", "s")):
                return "dative-plural"
            return "plural"
        if suffix in ("ern", "en", "n") and stem != base:
            return "dative-plural"
    return None


@lru_cache(maxsize=4096)
def _plural_cached(noun: str, lexicon: Any) -> str | None:
    if noun.endswith(("el", "er", "en")):
        # "der Zettel, die Zettel" but "die Regel, die Regeln": the -n form is the plural only
        # when it is about as common as the singular (else it is the dative plural).
        with_n = noun + "n"
        if lexicon.lemma(with_n) == noun and lexicon.zipf(with_n) >= lexicon.zipf(noun) - 0.5:
            return with_n
        return noun
    candidates = [noun + ending for ending in ("e", "en", "n", "er", "nen")]
    umlaut = _umlauted(noun)
    if umlaut:
        candidates += [umlaut + "e", umlaut + "er", umlaut]
    best: tuple[float, str] | None = None
    for candidate in candidates:
        lemma = lexicon.lemma(candidate)
        if lemma != noun:
            continue
        zipf = lexicon.zipf(candidate)
        # A dative plural ("Formularen") is rarer than its plural; the base form wins ties.
        if best is None or zipf > best[0]:
            best = (zipf, candidate)
    if best is not None:
        # "Formularen" can win only if "Formulare" is unknown: strip a dative -n then.
        form = best[1]
        if form.endswith("en") and form[:-1] != noun and lexicon.lemma(form[:-1]) == noun:
            form = form[:-1]
        return form
    if lexicon.lemma(noun + "s") == noun and noun[-1:] in "aeiouy":
        return noun + "s"  # "Kameras", "Autos"
    return None


def plural_of(noun: str, lexicon: Any) -> str | None:
    if lexicon is None or not noun[:1].isupper():
        return None
    found = _plural_cached(noun, lexicon)
    if found:
        return found
    # A compound inflects its last part: "Arbeitsgruppe" -> "Arbeitsgruppen".
    for cut in range(3, len(noun) - 3):
        head = noun[cut:].capitalize()
        plural = _plural_cached(head, lexicon)
        if plural:
            return noun[:cut] + plural.lower()
    if noun.endswith(("en", "er", "el", "chen", "lein")):
        return noun  # "das Treffen, die Treffen"; "der Lehrer, die Lehrer"
    return None


def _genitive_of(noun: str, lexicon: Any) -> str | None:
    for ending in ("s", "es"):
        if lexicon.lemma(noun + ending) == noun:
            return noun + ending
    return None


def agree(
    flagged: str, term: str, replacement: str, lexicon: Any, previous: str | None = None
) -> str | None:
    """``replacement`` inflected like ``flagged``; None when that cannot be done safely."""
    number = number_of(flagged, term, lexicon, previous)
    if number in (None, "singular"):
        return replacement if number == "singular" else None
    words = replacement.split()
    # The head noun: the first capitalised word ("Nachweis über Ihr Einkommen").
    head = next((i for i, w in enumerate(words) if w[:1].isupper() and w.isalpha()), None)
    if head is None:
        return None
    noun = words[head]
    if number == "genitive":
        form = _genitive_of(noun, lexicon)
    else:
        form = plural_of(noun, lexicon)
        if form and number == "dative-plural" and not form.endswith(("n", "s")):
            form += "n"
    if not form:
        return None
    if head > 0:
        return None  # an article or adjective before the noun would need to change too
    words[head] = form
    return " ".join(words)
