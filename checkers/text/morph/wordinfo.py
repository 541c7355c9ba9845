"""Word analysis: is a form an infinitive, a participle, a zu-infinitive, a Konjunktiv, a preterite,
a noun? Answers come from the spaCy lookup tables (``checkers.text.lexicon``) plus spelling,
memoised per distinct word form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from checkers.text.lexicon import Lexicon
from checkers.text.morph.wordlists import (
    COMMON_PRETERITES,
    DETERMINERS,
    INSEPARABLE_PREFIXES,
    IRREGULAR_PRESENT_FORMS,
    K1_STOP,
    K2_FIXED,
    NO_DERIVED_K2,
    PARTICIPLE_OVERRIDES,
    SEPARABLE_PREFIXES,
    SOLLTE_FORMS,
)


def _verbish(lemma: str | None) -> bool:
    """Lower-case lemma shaped like a German infinitive (gehen, ändern, sammeln, tun, sein)."""
    return bool(lemma) and lemma.islower() and len(lemma) > 2 and lemma.endswith("n")


def _stem(lemma: str) -> str:
    """Present stem: prüfen -> prüf, ändern -> änder, tun -> tu."""
    if lemma.endswith("en"):
        return lemma[:-2]
    return lemma[:-1]


@lru_cache(maxsize=50_000)
def _split_separable(lemma: str) -> tuple[str, str]:
    """("aus", "füllen") for "ausfüllen"; ("", lemma) when no separable prefix fits."""
    for prefix in SEPARABLE_PREFIXES:
        if lemma.startswith(prefix):
            rest = lemma[len(prefix):]
            if len(rest) >= 4 and _verbish(rest):
                return prefix, rest
    return "", lemma


_ALL_PREFIXES = frozenset(SEPARABLE_PREFIXES) | frozenset(INSEPARABLE_PREFIXES)


def _prefix_chain(prefix: str) -> bool:
    """"" or a sequence of verb prefixes ("zurück", "wiederauf", "heraus")."""
    if not prefix:
        return True
    return any(prefix.startswith(p) and _prefix_chain(prefix[len(p):]) for p in _ALL_PREFIXES)


_UMLAUT_BACK = {"ä": "a", "ö": "o", "ü": "u"}


class _WordInfo:
    """Memoised lexicon predicates. Each method is called once per distinct word form."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._participle: dict[str, tuple[str, bool] | None] = {}
        self._zu_inf: dict[str, tuple[str, str] | None] = {}
        self._k2: dict[str, str | None] = {}
        self._k1e: dict[str, str | None] = {}
        self._infinitive: dict[str, bool] = {}
        self._preterite: dict[str, bool] = {}
        self._noun: dict[str, bool] = {}
        self._lemma_cache: dict[str, str | None] = {}

    def lemma(self, word: str) -> str | None:
        cached = self._lemma_cache.get(word, 0)
        if cached == 0:
            cached = self._lemma_cache[word] = self.lex.lemma(word)
        return cached  # type: ignore[return-value]

    def attested(self, form: str, lemma: str) -> bool:
        return self.lemma(form) == lemma

    # -- infinitives and participles -----------------------------------------------------------
    def is_infinitive(self, low: str) -> bool:
        hit = self._infinitive.get(low)
        if hit is None:
            hit = self._infinitive[low] = (
                _verbish(low) and low not in DETERMINERS and len(low) > 3
                and self._verb_infinitive(low)
            )
        return hit

    def _verb_infinitive(self, low: str) -> bool:
        """The lemma table maps ``low`` (or a finite form of it) to ``low`` itself.

        The table sometimes prefers an adjective ("schicken" -> "schick"), so a preterite or
        present form pointing back at the infinitive is accepted as well.
        """
        names = (low, low[:1].upper() + low[1:])  # "Vereinbaren": nominalised infinitive
        own = self.lemma(low)
        stem = _stem(low)
        if own in names:
            # adjectives in -en ("offen", "trocken") inflect: "offene" -> "offen"; verbs do not
            if self.lemma(low + "e") != low and self.lemma(low + "er") != low:
                return True
            return any(self.lemma(stem + ending) in names for ending in ("te", "t"))
        if own is None:
            return False
        return any(self.lemma(stem + ending) in names for ending in ("te", "t", "ete", "e"))

    def participle(self, low: str) -> tuple[str, bool] | None:
        """(verb lemma, ambiguous with the infinitive) when ``low`` is an uninflected participle."""
        if low in self._participle:
            return self._participle[low]
        result = self._participle_uncached(low)
        self._participle[low] = result
        return result

    def _participle_uncached(self, w: str) -> tuple[str, bool] | None:
        if w in PARTICIPLE_OVERRIDES:
            return PARTICIPLE_OVERRIDES[w], False
        if len(w) < 5 or not w.isalpha() or not w.endswith(("t", "en")):
            return None
        if w in {"worden", "geworden", "gewesen", "gehabt"}:
            return None
        lem = self.lemma(w)
        if lem and w.startswith("ge") and not lem.startswith("ge") and _verbish(lem):
            # "gewährt" is filed under "währen", but "gewähren" (inseparable ge-) is the verb
            # almost every reader means; the more frequent of the two wins.
            ge_verb = "ge" + lem
            if self.lex.is_known(ge_verb) and self.lex.zipf(ge_verb) > self.lex.zipf(lem):
                lem = ge_verb
        if not _verbish(lem) or lem in {"werden", "sein", "haben"}:
            return self._participle_fallback(w)
        assert lem is not None
        if lem != w:
            if not self._participle_shape(w, lem):
                return None
            return lem, self.is_infinitive(w)  # "gefallen" is an infinitive, too
        # The table maps the form to itself: an infinitive that doubles as participle
        # ("erhalten") or a participle the table lists as its own lemma ("angeboten").
        fallback = self._participle_fallback(w)
        if fallback is not None:
            # "gefallen", "geraten" are infinitives too ("Das wird dir gefallen")
            return fallback[0], self.is_infinitive(w)
        return (lem, True) if self._ambiguous_participle(w) else None

    def _present_or_preterite(self, w: str, lem: str) -> bool:
        stem = _stem(lem)
        endings = ("e", "st", "t", "et", "est", "te", "ten", "tet", "test", "ete", "eten")
        return any(w == stem + e for e in endings)

    def _ge_position(self, w: str, lem: str) -> int:
        """Index of the participle "ge" in ``w`` (after a separable prefix), or -1."""
        if w.startswith("ge") and not lem.startswith("ge"):
            return 0
        prefix, _ = _split_separable(lem)
        if prefix and w.startswith(prefix + "ge") and not lem.startswith(prefix + "ge"):
            return len(prefix)
        if lem.startswith("ge") and w.startswith("ge"):
            return 0
        return -1

    def _participle_shape(self, w: str, lem: str) -> bool:
        k = self._ge_position(w, lem)
        if k >= 0:
            rest = w[k + 2:]
            if len(rest) >= 2 and not self._present_or_preterite(w, lem):
                return True
        prefix, _ = _split_separable(lem)
        body = w[len(prefix):] if prefix and w.startswith(prefix) else w
        inseparable = (body.startswith(INSEPARABLE_PREFIXES) or w.startswith(INSEPARABLE_PREFIXES)
                       or lem.endswith("ieren"))
        if w.startswith(INSEPARABLE_PREFIXES) and not body.startswith(INSEPARABLE_PREFIXES):
            prefix = ""  # "übersetzt": über- is inseparable here
        if not inseparable:
            return False
        stem = _stem(lem)
        if w in (stem + "t", stem + "et"):
            # Weak inseparable verbs: participle == 3sg present ("bearbeitet"); only when the
            # ge-form is not attested ("geerntet" shows that "erntet" is a finite form).
            cut = len(prefix)
            return not self.attested(w[:cut] + "ge" + w[cut:], lem)
        if w.endswith("t") and not w.endswith(("cht", "nnt", "sst", "ßt")):
            return False  # "bereit" is not a form of "bereiten"
        return not self._present_or_preterite(w, lem)

    def _ambiguous_participle(self, w: str) -> bool:
        """Strong verbs with an inseparable prefix: participle == infinitive ("erhalten")."""
        prefix, _ = _split_separable(w)
        body = w[len(prefix):]
        if not (body.startswith(INSEPARABLE_PREFIXES) or w.startswith(INSEPARABLE_PREFIXES)):
            return False
        if w.startswith(INSEPARABLE_PREFIXES):
            body = w
        insep = next(p for p in INSEPARABLE_PREFIXES if body.startswith(p))
        base = body[len(insep):]
        if len(base) < 5:
            return False  # "gehen", "geben", "gelten" are simple verbs
        if w not in ("vergessen", "geschehen") and not self.attested("ge" + base, base):
            return False  # "besitzen": the participle is "besessen", not the infinitive
        # a weak verb (attested -te preterite) has a participle in -t, not the infinitive
        return not (self.attested(_stem(w) + "te", w) or self.attested(_stem(w) + "ete", w))

    def _participle_fallback(self, w: str) -> tuple[str, bool] | None:
        """ge-…-t / ge-…-en forms the lemma table lacks ("gepasst", "gebeten", "angeboten")."""
        lem = self.lemma(w)
        if lem is not None and lem != w:
            return None  # the table knows it as something else (adjective, noun)
        for prefix in ("", *SEPARABLE_PREFIXES):
            if not w.startswith(prefix + "ge"):
                continue
            rest = w[len(prefix) + 2:]
            if len(rest) < 3:
                continue
            if rest.endswith("en"):
                candidates = [rest]
                sub = self.participle("ge" + rest) if prefix else None
                if sub and not sub[1]:
                    return prefix + sub[0], False
            elif rest.endswith("et"):
                candidates = [rest[:-2] + "en", rest[:-1] + "en"]
            else:
                candidates = [rest[:-1] + "en"]
            for cand in candidates:
                if self.is_infinitive(cand):
                    return prefix + cand, False
        if lem is None and w.endswith("iert") and len(w) >= 8 and self.lex.is_known(w[:-1] + "en"):
            return w[:-1] + "en", False  # "zertifiziert": -ieren verbs the table lacks
        if w.endswith("t"):
            # weak inseparable verbs the table lacks ("vereinbart" -> "vereinbaren")
            prefix, _ = _split_separable(w)
            body = w[len(prefix):]
            if body.startswith(INSEPARABLE_PREFIXES) or w.startswith(INSEPARABLE_PREFIXES):
                for cand in (w[:-1] + "en", w[:-2] + "en", w[:-1] + "n"):
                    if self.is_infinitive(cand):
                        return cand, False
        return None

    def zu_infinitive(self, low: str) -> tuple[str, str] | None:
        """("einreichen", "ein") for "einzureichen"; None for anything else."""
        if low in self._zu_inf:
            return self._zu_inf[low]
        result = None
        if len(low) >= 7 and "zu" in low[2:]:
            for prefix in SEPARABLE_PREFIXES:
                if low.startswith(prefix + "zu"):
                    verb = prefix + low[len(prefix) + 2:]
                    if self.is_infinitive(verb) or self.lemma(low) == verb:
                        result = (verb, prefix)
                        break
        self._zu_inf[low] = result
        return result

    # -- subjunctive -----------------------------------------------------------------------------
    def strong_k2(self, low: str) -> str | None:
        """Lemma when ``low`` is a strong Konjunktiv II (käme, gäbe, ginge, hielte, läge)."""
        if low in self._k2:
            return self._k2[low]
        result = self._strong_k2_uncached(low)
        self._k2[low] = result
        return result

    def _strong_k2_uncached(self, w: str) -> str | None:
        for ending in ("est", "et", "en", "e"):
            if w.endswith(ending) and len(w) - len(ending) >= 2:
                base = w[: -len(ending)]
                break
        else:
            return None
        lem = self.lemma(w)
        if not _verbish(lem) or lem in NO_DERIVED_K2 or w in DETERMINERS:
            return None
        assert lem is not None
        if not self.is_infinitive(lem):
            return None
        umlaut = next((i for i in range(len(base) - 1, -1, -1) if base[i] in _UMLAUT_BACK), -1)
        if umlaut >= 0:
            pret = base[:umlaut] + _UMLAUT_BACK[base[umlaut]] + base[umlaut + 1:]
        elif ending == "en":
            return None  # "gingen" is also the indicative preterite plural
        else:
            pret = base
        if self.lemma(pret) != lem or (pret.endswith("t") and not umlaut >= 0):
            return None
        if pret.endswith("en") or self.participle(pret) is not None:
            return None  # "erhaltene": an inflected participle
        if self.is_infinitive(w) or (ending == "e" and self.is_infinitive(w + "n")):
            return None  # "führen", "führe" belong to führen, not to fahren
        stem = _stem(lem)
        if pret in (stem, stem + "t", stem + "et", stem + "st") or self._present_or_preterite(
            pret + "e", lem
        ):
            return None
        if umlaut >= 0 and pret.endswith("t") and pret[:-1] + "en" == lem:
            return None
        return lem

    def noun(self, text: str) -> bool:
        cached = self._noun.get(text)
        if cached is None:
            cached = self._noun[text] = bool(text[:1].isupper() and self.lex.is_noun(text)
                                             and text.lower() not in DETERMINERS)
        return cached

    def preterite(self, low: str) -> bool:
        """Indicative preterite ("wusste", "zog", "verzögerten"), for the tense of "sollte"."""
        cached = self._preterite.get(low)
        if cached is None:
            cached = self._preterite[low] = self._preterite_uncached(low)
        return cached

    def _preterite_uncached(self, low: str) -> bool:
        if low in COMMON_PRETERITES:
            return True
        if len(low) < 3 or low in SOLLTE_FORMS or low in K2_FIXED or low in DETERMINERS or \
                low in IRREGULAR_PRESENT_FORMS:
            return False
        lemma = self.lemma(low)
        if lemma is None or lemma == low or not self.is_infinitive(lemma):
            return False
        if self.is_infinitive(low) or self.participle(low) or self.strong_k2(low):
            return False
        prefix, base = _split_separable(lemma)
        stem = _stem(base if prefix and not low.startswith(prefix) else lemma)
        if low in (stem + "te", stem + "ten", stem + "ete", stem + "eten"):
            return True
        present = (stem, stem + "e", stem + "st", stem + "t", stem + "et", stem + "en")
        return low not in present and not low.endswith(("t", "st", "e")) and not (
            low.endswith("en") and self.lemma(low[:-2] + "t") == lemma and low[:-2] == stem
        )

    def k1_e(self, low: str) -> str | None:
        """Lemma when ``low`` is a verb form stem + e ("komme", "gebe", "arbeite")."""
        if low in self._k1e:
            return self._k1e[low]
        result = None
        if low.endswith("e") and len(low) >= 4 and low not in K1_STOP and low.isalpha():
            lem = self.lemma(low)
            if lem is not None and lem.islower() and not _verbish(lem):
                lem = None  # the table reads it as adjective/adverb ("lange" -> lang)
            elif not _verbish(lem):
                candidates = [low + "n"]
                if low.endswith(("ere", "ele")):
                    candidates.append(low[:-1] + "n")  # "dauere" -> "dauern"
                lem = next((c for c in candidates if self.is_infinitive(c)), None)
            elif not self.is_infinitive(lem):
                lem = None
            if lem is not None and lem not in NO_DERIVED_K2:
                stem = _stem(lem)
                if low == stem + "e" or (
                    lem.endswith(("eln", "ern")) and low == stem[:-2] + stem[-1] + "e"
                ):
                    result = lem
        self._k1e[low] = result
        return result


@dataclass(slots=True)
class _Tok:
    i: int  # index into sentence.tokens
    text: str
    low: str
    flags: int
    start: int
    end: int
