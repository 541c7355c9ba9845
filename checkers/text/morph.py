"""Passive voice, Konjunktiv (I and II) and genitive in German sentences, without a trained model.

What it flags
    * passive: werden-passive in every tense and mood ("wird geprüft", "wurde gegründet",
      "ist geprüft worden", "muss geprüft werden", "würde bezahlt"), sein + zu-infinitive with
      modal-passive meaning ("ist bis Freitag einzureichen", "ist leicht zu verstehen") and, when
      ``include_zustandspassiv`` is set, the Zustandspassiv ("ist geschlossen"). The agent phrase
      ("vom Amt", "durch die Versicherung") is reported separately.
    * subjunctive: Konjunktiv II (wäre, hätte, würde + infinitive, könnte, müsste, strong forms
      such as käme, gäbe, ginge), Konjunktiv I (sei, habe, könne, "er komme", "man nehme") and
      "sollte" when it gives advice or a condition rather than a past plan; "möchte" and polite
      requests get the subkind "hoeflichkeit" so a rule can treat them gently.
    * genitive: genitive articles and determiners with their noun ("des Antrags", "einer
      Freundin" after a noun, "einer der"), genitive prepositions (wegen, trotz, während, …),
      Saxon and postposed name genitives ("Peters Auto", "die Hauptstadt Bayerns") and
      dessen/deren/wessen.

Which standard asks for it
    Leichte Sprache (Netzwerk Leichte Sprache rules; DIN SPEC 33429 "Empfehlungen für Deutsche
    Leichte Sprache") asks for active voice, no Konjunktiv and no genitive; Einfache Sprache
    (DIN 8581-1) and the BITV 2.0 / WCAG 3.1.5 "Reading Level" advice recommend the same in
    plain-language texts.

How
    Patterns over the token stream plus the spaCy lookup tables (via ``checkers.text.lexicon``):
    a word is a past participle when the lemma table maps it to a verb and its shape fits
    (ge-…-t/-en, separable prefix + ge, inseparable prefix, -ieren); a participle counts only in
    the verb cluster (clause end or directly before werden/worden/sein). A trained spaCy
    pipeline can be plugged in with :func:`get_morph_analyzer`.

Known false positives / negatives
    * Dative "der" after a noun in verb-final clauses ("…, weil das Kind der Mutter half") reads
      as a genitive; a bare -s plural before a noun ("mit Autos Waren …") as a Saxon genitive.
    * Participles spelled like the infinitive ("erhalten", "vergessen") after werden count as
      passive only with an agent or a modal (otherwise Futur I wins: "Sie wird es erhalten").
    * Zustandspassiv vs. adjective is a judgement call; lexicalised adjectival participles
      ("verheiratet", "interessiert", "bekannt") and sein-perfect verbs ("ist gegangen") are
      excluded by lists, rarer ones slip through.
    * Narrative "sollte" ("Er sollte Recht behalten") without a past-time cue is read as
      Konjunktiv II; weak Konjunktiv II identical to the preterite ("kaufte") is never flagged.
    * Konjunktiv I on -e ("er komme") needs a visible 3rd-person subject next to the verb.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from checkers.text.grammar import form_to_lemma, table, word_tuple, words
from checkers.text.lexicon import Lexicon, get_lexicon
from checkers.text.segment import Sentence
from checkers.text.tokens import Token

log = logging.getLogger(__name__)

__all__ = [
    "LexicalMorphAnalyzer",
    "MorphAnalyzer",
    "MorphHit",
    "SpacyMorphAnalyzer",
    "get_morph_analyzer",
]


@dataclass(frozen=True, slots=True)
class MorphHit:
    """One passive construction, subjunctive verb or genitive phrase in a sentence.

    ``replacement`` rewrites ``text[replaces[0]:replaces[1]]``; ``replaces`` is the hit span for
    subjunctive and genitive hits and the whole sentence for passive rewrites into active voice.
    """

    kind: str  # "passive" | "subjunctive" | "genitive"
    subkind: str
    start: int
    end: int
    tokens: tuple[int, ...]
    agent: tuple[int, int] | None = None
    lemma: str | None = None
    replacement: str | None = None
    replaces: tuple[int, int] | None = None


class MorphAnalyzer(Protocol):
    def analyze(self, sentence: Sentence, text: str) -> list[MorphHit]: ...


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- closed word classes ----------------------------------------------------------------------
WERDEN_FINITE = words("closed", "finite_forms", "werden")
SEIN_FINITE = words("closed", "finite_forms", "sein")
MODAL_FINITE = words("closed", "finite_forms", "modal_and_lassen")
MODAL_INFINITIVE = words("closed", "modal_infinitives")
MODAL_ANY = MODAL_INFINITIVE | MODAL_FINITE
# Verbs that build the perfect with sein ("ist gegangen"): sein + their participle is active.
# Matched as the end of the lemma ("ankommen" ends in "kommen"); exceptions below.
SEIN_PERFECT_BASES = words("verbs", "sein_perfect", "bases")
SEIN_PERFECT_EXCEPTIONS = words("verbs", "sein_perfect", "haben_exceptions")
# Participles used as adjectives after sein/werden ("ist verheiratet", "wird bekannt").
ADJECTIVAL_PARTICIPLES = _words(
    "bekannt verwandt verheiratet geschieden verlobt verliebt interessiert begeistert geeignet "
    "beliebt berühmt gespannt besorgt gewohnt gewöhnt überzeugt entschlossen beschäftigt "
    "verpflichtet berechtigt befugt betroffen enttäuscht erstaunt überrascht erschöpft gestresst "
    "genervt verärgert verwirrt aufgeregt verzweifelt gelangweilt verwöhnt erkältet verschieden "
    "bestimmt angesehen ausgezeichnet verrückt erwachsen bemüht befreundet verabredet verhindert "
    "begabt gebildet aufgeschlossen ausgeschlossen gefragt gelassen entspannt motiviert "
    "engagiert konzentriert erfahren gewillt geneigt gelegen zufrieden verantwortlich "
    "angebracht angemessen bedacht gespalten verbunden vertraut verschlossen erleichtert "
    "beeindruckt aufgeschmissen gerecht umstritten gesund angewiesen"
)
ADJECTIVAL_AFTER_WERDEN = _words("bekannt verrückt erwachsen verwandt bestimmt gelegen")
DEGREE_ADVERBS = words("closed", "degree_adverbs")
SEPARABLE_PREFIXES = tuple(sorted(words("verbs", "prefixes", "separable"), key=len, reverse=True))
# Strong participles the lemma table lacks or maps to a wrong verb.
PARTICIPLE_OVERRIDES = table("verbs", "participle_overrides")
INSEPARABLE_PREFIXES = word_tuple("verbs", "prefixes", "inseparable")
ZU_BLOCKERS = _words(  # "um … zu", "ohne … zu": the infinitive belongs to its own clause
    "um ohne statt anstatt außer als"
)
# Predicatives that take a zu-infinitive without any passive meaning ("Sie ist bereit zu helfen").
ZU_PREDICATIVES = _words(
    "bereit fähig imstande gewillt wichtig schön nötig notwendig sinnvoll ratsam erforderlich "
    "möglich unmöglich interessant erlaubt verboten gestattet verpflichtet berechtigt befugt "
    "gezwungen bemüht entschlossen froh stolz glücklich traurig nett freundlich angenehm "
    "gefährlich üblich dabei gewohnt zeit lage pflicht aufgabe ziel absicht plan spaß zu "
    "besser am daran dran"
)
AGENT_PREPOSITIONS = words("prepositions", "passive_agent")
DETERMINERS = words("closed", "determiners")
PERSONAL_SUBJECTS = words("closed", "pronouns", "non_third_person_subject")
FUTUR_SUBJECTS = words("closed", "pronouns", "futur_subject")
ACCUSATIVE_PRONOUNS = words("closed", "pronouns", "accusative")
PREPOSITIONS = (
    words("prepositions", "dative") | words("prepositions", "accusative")
    | words("prepositions", "two_way") | frozenset(table("prepositions", "contractions"))
)
SUBORDINATORS = words("closed", "subordinators", "morph")
CLAUSE_SUBJECTS = words("closed", "pronouns", "subject")
THIRD_PERSON_SUBJECTS = words("closed", "pronouns", "third_person_subject")

# --- subjunctive forms --------------------------------------------------------------------------
K2_FIXED = form_to_lemma("verbs", "konjunktiv_2", "forms")
SOLLTE_FORMS = words("closed", "finite_forms", "sollte")
K1_FIXED = form_to_lemma("verbs", "konjunktiv_1", "forms")
# Forms that are Konjunktiv I only with a 3rd-person singular subject ("er habe" vs "ich habe").
K1_SUBJECT_FORMS = form_to_lemma("verbs", "konjunktiv_1", "third_person_forms")
K1_STOP = _words(
    "bitte danke gerne nahe lange eine keine meine deine seine ihre unsere eure diese jene jede "
    "welche solche manche alle beide viele wenige einige mehrere andere ohne ende heute gerade "
    "leere weite ganze ähnliche"
)
NO_DERIVED_K2 = words("verbs", "konjunktiv_2", "not_derived")
PAST_CUES = _words(
    "gestern vorgestern damals früher einst zuvor ursprünglich vorher letzte letzten letztes "
    "letzter vergangene vergangenen vergangenes erweisen herausstellen behalten"
)
SPEECH_PRETERITES = words("verbs", "speech_preterites")
COMMON_PRETERITES = words("verbs", "common_preterites")

# --- genitive triggers --------------------------------------------------------------------------
GEN_ONLY_DETERMINERS = words("closed", "genitive_determiners", "only")
GEN_IF_NOUN_IN_S = words("closed", "genitive_determiners", "before_noun_in_s")
GEN_FEM_PL_DETERMINERS = words("closed", "genitive_determiners", "feminine_or_plural")
GEN_PLURAL_ONLY = words("closed", "genitive_determiners", "plural_only")
GEN_PRONOUNS = words("closed", "pronouns", "genitive")
GEN_PREPOSITIONS = words("prepositions", "genitive")
# Prepositions that take a genitive only with a visible genitive ending (else read as dative).
GEN_SOFT_PREPOSITIONS = words("prepositions", "genitive_or_dative")
DATIVE_MARKERS = words("closed", "dative_markers")
PARTITIVE_HEADS = _words(
    "einer eines eine keiner keines keine jeder jedes jede viele einige manche alle beide "
    "wenige mehrere welche meisten denen zwei drei vier fünf sechs sieben acht neun zehn "
    "hälfte teil rest großteil mehrheit"
)
GEN_VERBS = words("verbs", "genitive_object")
QUANTITY_NOUNS = _words("Menge Reihe Anzahl Paar Dutzend Haufen Liste Sammlung Stück Sorte")
EPITHETS = _words("Große Ältere Jüngere Erste Zweite Dritte Vierte Heilige Kahle Fromme Weise "
                  "Kühne Gute Letzte Dicke Lange Schöne Starke")
NAME_GEN_TIME_HEADS = _words("Anfang Ende Mitte Beginn")

BOUNDARY_PUNCT = frozenset(",;:()[]{}–—„“”\"«»‹›…!?")
CONJ_COORD = words("closed", "coordinators")

# feature bits, computed once per distinct token text
F_WERDEN = 1 << 0
F_WORDEN = 1 << 1
F_SEIN = 1 << 2
F_MODAL = 1 << 3
F_PART = 1 << 4
F_ZU = 1 << 5
F_ZUINF = 1 << 6
F_SUBJ = 1 << 7
F_GEN = 1 << 8
F_NOUN = 1 << 9
F_BOUNDARY = 1 << 10
F_WORD = 1 << 11
F_INF = 1 << 12
F_CAP = 1 << 13
F_SEIN_INF = 1 << 14
# Candidate bits: cheap spelling tests; the lexicon is asked only when a sentence needs it.
F_PART_C = 1 << 15
F_INF_C = 1 << 16
F_ZUINF_C = 1 << 17
F_SUBJ_C = 1 << 18
DEEP_FOR = ((F_PART, F_PART_C), (F_ZUINF, F_ZUINF_C), (F_SUBJ, F_SUBJ_C))

PASSIVE_TRIGGER = F_WERDEN | F_WORDEN | F_SEIN
PASSIVE_TARGET = F_PART_C | F_ZUINF_C | F_ZU


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
        if len(w) < 5 or not w.isalpha() or not w.endswith(("t", "en")):
            return None
        if w in {"worden", "geworden", "gewesen", "gehabt"}:
            return None
        if w in PARTICIPLE_OVERRIDES:
            return PARTICIPLE_OVERRIDES[w], False
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
        if len(low) < 3 or low in SOLLTE_FORMS or low in K2_FIXED or low in DETERMINERS:
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


# --- rewriting: conjugation, noun gender, suggested replacements --------------------------------
IRREGULAR_PRESENT = table("verbs", "present")  # 1sg, 2sg, 3sg, plural
PERSON_INDEX = {"1sg": 0, "2sg": 1, "3sg": 2, "pl": 3}
# Gender of frequent (head) nouns, for "vom Amt" -> "das Amt"; compounds take their head's gender.
GENDER_HEADS = {
    **dict.fromkeys(words("nouns", "gender", "neuter"), "n"),
    **dict.fromkeys(words("nouns", "gender", "masculine"), "m"),
    **dict.fromkeys(words("nouns", "gender", "feminine"), "f"),
}
FEMININE_SUFFIXES = word_tuple("nouns", "suffixes", "feminine")
NEUTER_SUFFIXES = word_tuple("nouns", "suffixes", "neuter")
WEAK_MASCULINE_SUFFIXES = word_tuple("nouns", "suffixes", "weak_masculine")
DATIVE_TO_NOMINATIVE = table("closed", "declension", "dative_to_nominative")
GEN_TO_DATIVE = table("closed", "declension", "genitive_to_dative")
# genitive -> dative (feminine singular form, plural form)
GEN_FEM_TO_DATIVE = table("closed", "declension", "genitive_feminine_to_dative")
K1_TO_INDICATIVE = table("verbs", "konjunktiv_1", "to_indicative")
K2_TO_INDICATIVE = table("verbs", "konjunktiv_2", "to_indicative")  # 3sg/1sg resolved below
CAN_READING = _words(
    "sehen hören erkennen finden erreichen bekommen erwarten verstehen lesen erleben kaufen"
)
CAN_ADVERBS = _words("leicht schwer kaum nicht nur gut einfach schnell noch")
DATIVE_PRONOUNS = words("closed", "pronouns", "dative")


def _vowel_variants(stem: str) -> list[str]:
    """Stems with the strong-verb vowel change of the 2nd/3rd person ("geb" -> "gib", "gieb")."""
    variants: list[str] = []
    for i in range(len(stem) - 1, -1, -1):
        ch = stem[i]
        if ch not in "aeiouäöü":
            continue
        head, tail = stem[:i], stem[i + 1:]
        if ch == "a" and tail.startswith("u"):
            variants.append(head + "äu" + tail[1:])
        elif ch == "a":
            variants.append(head + "ä" + tail)
        elif ch == "e" and i > 0 and stem[i - 1] == "i":
            break
        elif ch == "e":
            variants += [head + "i" + tail, head + "ie" + tail]
        elif ch == "o":
            variants.append(head + "ö" + tail)
        break
    return variants


AMBIGUOUS_PREFIXES = words("verbs", "prefixes", "either")


class Rewriter:
    """Conjugation and noun-gender helpers, and the suggested rewrites of :class:`MorphHit`."""

    def __init__(self, info: _WordInfo) -> None:
        self.info = info

    def _noun(self, tok: _Tok) -> bool:
        return self.info.noun(tok.text)

    def separable(self, lemma: str, participle: str | None = None) -> tuple[str, str]:
        """Split a separable verb; "übersetzen" stays whole, "übergehen" splits (über-ge-)."""
        prefix, base = _split_separable(lemma)
        if not prefix or prefix not in AMBIGUOUS_PREFIXES:
            return prefix, base
        if participle is not None:
            return (prefix, base) if participle.startswith(prefix + "ge") else ("", lemma)
        if self.info.attested(prefix + "zu" + base, lemma):
            return prefix, base
        return "", lemma

    def _inf(self, tok: _Tok) -> bool:
        return self.info.is_infinitive(tok.low)

    # -- morphology helpers ------------------------------------------------------------------
    def conjugate(self, lemma: str, person: str, past: bool = False) -> str | None:
        """Present (or weak preterite) form of ``lemma``; None when not confident."""
        if past:
            return self._weak_past(lemma, person)
        for key, forms in IRREGULAR_PRESENT.items():
            # "übernehmen" -> "übernimmt": an inseparable prefix keeps the irregular forms
            if lemma.endswith(key) and _prefix_chain(lemma[: -len(key)]):
                return lemma[: -len(key)] + forms[PERSON_INDEX[person]]
        stem = _stem(lemma)
        if person == "pl":
            return lemma
        if person == "1sg":
            return stem[:-2] + stem[-1] + "e" if lemma.endswith("eln") else stem + "e"
        if person == "2sg":
            third = self.conjugate(lemma, "3sg")
            if third is None:
                return None
            return third[:-1] + "st" if third.endswith("t") and not third.endswith("st") else None
        strong = not self.info.attested(stem + "te", lemma) and not self.info.attested(
            stem + "ete", lemma)
        for variant in _vowel_variants(stem):
            form = variant if variant.endswith("t") else variant + "t"
            if self.info.attested(form, lemma):
                return form
            if strong and ("ä" in variant and "ä" not in stem) and self.info.lex.is_known(form):
                return form  # "fällt": the table files it under "fällen"
        regular = stem + ("et" if self._needs_e(stem) else "t")
        if stem.endswith(("s", "ß", "z", "x")):
            regular = stem + "t"
        if self.info.attested(regular, lemma) or lemma.endswith("ieren"):
            return regular
        if lemma.startswith("ge") and self.info.attested(regular, lemma[2:]):
            return regular  # "gewährt": the table files it under "währen"
        return None

    @staticmethod
    def _needs_e(stem: str) -> bool:
        if stem.endswith(("t", "d")):
            return True
        return len(stem) > 2 and stem[-1] in "mn" and stem[-2] not in "aeiouäöülrhmn"

    def _weak_past(self, verb: str, person: str) -> str | None:
        stem = _stem(verb)
        form = stem + ("ete" if self._needs_e(stem) else "te")
        if not self.info.attested(form, verb):
            return None
        return form + ("n" if person == "pl" else "")

    def gender(self, noun: str) -> str | None:
        low = noun.lower()
        if low in GENDER_HEADS:
            return GENDER_HEADS[low]
        for size in range(min(len(low) - 3, 14), 2, -1):
            head = low[-size:]
            if head in GENDER_HEADS:
                return GENDER_HEADS[head]
        if low.endswith(FEMININE_SUFFIXES):
            return "f"
        if low.endswith(NEUTER_SUFFIXES):
            return "n"
        return None

    # -- genitive ----------------------------------------------------------------------------
    def genitive_hit(self, words: list[_Tok], subkind: str, first: int, last: int,
                     head: int) -> MorphHit:
        noun = words[head].text
        lemma = self.info.lemma(noun) if words[head].flags & F_CAP else None
        replacement = None
        if subkind == "genitive-article":
            replacement = self._von_phrase(words, first, last)
        idx = tuple(sorted({words[first].i, words[last].i, words[head].i}))
        span = (words[first].start, words[last].end)
        return MorphHit("genitive", subkind, span[0], span[1], idx,
                        lemma=lemma or noun, replacement=replacement,
                        replaces=span if replacement else None)

    def _von_phrase(self, words: list[_Tok], first: int, last: int) -> str | None:
        """"des Lehrers" -> "vom Lehrer", "der Stadt" -> "von der Stadt" (after a noun only)."""
        if first == 0 or not self._noun(words[first - 1]) or last == first:
            return None
        det, noun = words[first].low, words[last].text
        if not words[last].flags & F_CAP:
            return None
        if last + 1 < len(words) and words[last + 1].low in ("und", "oder", "sowie"):
            return None  # "der Bürgerinnen und Bürger": the von-phrase would need both nouns
        middle = " ".join(w.text for w in words[first + 1:last])
        lemma = self.info.lemma(noun)
        if det in GEN_TO_DATIVE:
            if noun.endswith("s") and lemma and lemma != noun and noun in (lemma + "s",
                                                                          lemma + "es"):
                dative = lemma
            elif noun.endswith("n") and lemma and noun in (lemma + "n", lemma + "en"):
                dative = noun  # weak masculine: "des Kunden" -> "vom Kunden"
            else:
                return None
            article = GEN_TO_DATIVE[det]
            phrase = ("vom" if article == "dem" else "von " + article)
        elif det in GEN_FEM_TO_DATIVE:
            feminine, plural = GEN_FEM_TO_DATIVE[det]
            if lemma and lemma != noun and plural:  # plural: "der Kinder" -> "von den Kindern"
                dative = noun if noun.endswith(("n", "s")) else noun + "n"
                phrase = "von " + plural
            elif feminine and lemma == noun and not noun.endswith(
                ("er", "el", "en", "chen", "lein")
            ) and not (noun.startswith("Ge") and noun.endswith("e")):
                dative = noun
                phrase = "von " + feminine
            else:
                return None
        else:
            return None
        if words[first].text[:1].isupper():
            # "Ihres Antrags" -> "von Ihrem Antrag": keep the polite capital
            head, _, tail = phrase.partition(" ")
            phrase = head + " " + tail[:1].upper() + tail[1:] if tail else phrase
        return " ".join(p for p in (phrase, middle, dative) if p)

    # -- subjunctive ---------------------------------------------------------------------------
    def subjunctive_hit(self, clause: list[_Tok], j: int, subkind: str, lemma: str,
                        toks: list[_Tok]) -> MorphHit:
        idx = [j]
        if subkind == "wuerde-form":
            inf = next((k for k in range(j + 1, len(clause)) if self._inf(clause[k])
                        and not clause[k].flags & F_CAP), -1)
            if inf < 0 and j > 0 and self._inf(clause[j - 1]):
                inf = j - 1
            if inf >= 0:
                idx.append(inf)
        idx.sort()
        first, last = clause[idx[0]], clause[idx[-1]]
        replacement = None
        if self._indicative_is_safe(clause, j, subkind, toks):
            replacement = self._indicative(clause, j, subkind, lemma, idx)
        span = (first.start, last.end)
        return MorphHit("subjunctive", subkind, span[0], span[1],
                        tuple(clause[k].i for k in idx), lemma=lemma,
                        replacement=replacement, replaces=span if replacement else None)

    def _indicative_is_safe(self, clause: list[_Tok], j: int, subkind: str,
                            toks: list[_Tok]) -> bool:
        """Indicative keeps the meaning: reported speech, polite requests, present hypotheses.

        Not for verb-first conditions ("Sollten Sie Fragen haben"), optatives and formulas
        ("Es lebe …", "Gott sei Dank", "es sei denn"), main-clause Konjunktiv I ("Man nehme …")
        or the past counterfactual ("hätte … gewusst"), where the indicative says the opposite.
        """
        low = clause[j].low
        prev = clause[j - 1].low if j > 0 else ""
        nxt = clause[j + 1].low if j + 1 < len(clause) else ""
        first_clause = clause[0].start == next(t.start for t in toks if t.flags & F_WORD)
        if j == 0 and first_clause and subkind != "hoeflichkeit":
            return False  # verb-first condition or wish: "Sollten Sie …", "Wäre ich …"
        if prev == "gott" or nxt in ("denn", "dank"):
            return False
        if subkind == "konjunktiv-1":
            return not first_clause or clause[0].low in ("dass", "ob")
        # past counterfactual ("hätte … gewusst"): the indicative would state the opposite
        return not (low.startswith(("hätt", "wär")) and any(
            self.info.participle(t.low) for t in clause[j + 1:] if not t.flags & F_CAP
        ))

    @staticmethod
    def _person(clause: list[_Tok], low: str) -> str:
        if low.endswith("st"):
            return "2sg"
        if low.endswith(("en", "n")):
            return "pl"
        return "1sg" if any(t.low == "ich" for t in clause) else "3sg"

    def _indicative(self, clause: list[_Tok], j: int, subkind: str, lemma: str,
                    idx: list[int]) -> str | None:
        tok = clause[j]
        low = tok.low
        if subkind == "hoeflichkeit" and lemma == "mögen":
            return None
        if subkind == "hoeflichkeit" and low.startswith("hätte") and any(
            t.low in ("gern", "gerne") for t in clause[j + 1:j + 4]
        ):
            return "möchte" if low == "hätte" else "möchten" if low == "hätten" else None
        person = self._person(clause, low)
        if low in K1_TO_INDICATIVE and subkind == "konjunktiv-1":
            word = K1_TO_INDICATIVE[low]
        elif low in K2_TO_INDICATIVE:
            word = K2_TO_INDICATIVE[low][0 if person == "1sg" else 1]
        elif subkind == "wuerde-form" and len(idx) == 2:
            return self._wuerde_indicative(clause, j, idx, person)
        elif subkind in ("konjunktiv-1", "konjunktiv-2") and lemma not in K2_FIXED.values():
            word = self.conjugate(lemma, "3sg" if subkind == "konjunktiv-1" else person)
            if word is None or self.separable(lemma)[0]:
                return None
        else:
            return None
        return word[:1].upper() + word[1:] if tok.text[:1].isupper() else word

    def _wuerde_indicative(self, clause: list[_Tok], j: int, idx: list[int],
                           person: str) -> str | None:
        inf_k = idx[1] if idx[1] != j else idx[0]
        verb = clause[inf_k].low
        prefix, base = self.separable(verb)
        if inf_k < j:  # verb-final "…, wenn er kommen würde" -> "kommt"
            form = self.conjugate(verb if not prefix else base, person)
            return None if form is None else prefix + form
        if inf_k != len(clause) - 1:
            return None
        form = self.conjugate(base if prefix else verb, person)
        if form is None:
            return None
        middle = " ".join(t.text for t in clause[j + 1:inf_k])
        parts = [form, middle, prefix]
        result = " ".join(p for p in parts if p)
        return result[:1].upper() + result[1:] if clause[j].text[:1].isupper() else result

    # -- passive -----------------------------------------------------------------------------
    def passive_replacement(self, hit: MorphHit, toks: list[_Tok], sentence: Sentence,
                            text: str) -> MorphHit:
        try:
            rewrite = self._active_sentence(hit, toks, sentence, text)
        except (IndexError, KeyError, ValueError):
            rewrite = None
        if not rewrite:
            return hit
        return MorphHit(hit.kind, hit.subkind, hit.start, hit.end, hit.tokens, agent=hit.agent,
                        lemma=hit.lemma, replacement=rewrite,
                        replaces=(sentence.start, sentence.end))

    def _active_sentence(self, hit: MorphHit, toks: list[_Tok], sentence: Sentence,
                         text: str) -> str | None:
        if hit.subkind not in ("vorgangspassiv", "zu-infinitiv", "modal-passiv"):
            return None
        if sentence.terminal != "." or any(t.flags & F_BOUNDARY for t in toks[:-1]):
            return None
        words = [t for t in toks if t.flags & F_WORD or t.text[:1].isdigit()]
        by_index = {t.i: k for k, t in enumerate(words)}
        aux = [by_index[i] for i in hit.tokens if i in by_index]
        if not aux:
            return None
        finite = aux[0]
        if hit.subkind == "zu-infinitiv":
            return self._instruction(words, finite, hit, True, text)
        if hit.subkind == "modal-passiv":
            return self._instruction(words, finite, hit, False, text)
        if hit.agent is None:
            return None
        return self._agent_to_subject(words, finite, hit, text)

    def _subject_accusative(self, words: list[_Tok], end: int) -> str | None:
        """The noun phrase words[0:end] as an accusative object ("Der Antrag" -> "den Antrag")."""
        if end == 0:
            return None
        np = words[:end]
        if any(t.flags & (F_PART | F_WERDEN | F_SEIN | F_MODAL) and not t.flags & F_CAP
               for t in np[1:]) or any(t.low in ("und", "oder") for t in np):
            return None
        first = np[0].low
        rest = [t.text for t in np[1:]]
        noun = np[-1]
        if len(np) == 1:
            pronouns = {"er": "ihn", "es": "es", "ich": "mich", "wir": "uns"}
            if first in pronouns:
                return pronouns[first]
            return noun.text if self._noun(noun) else None
        if not noun.flags & F_CAP:
            return None
        if first in ("die", "das", "diese", "dieses", "eine", "ihre", "meine", "seine",
                     "unsere", "keine", "alle"):
            return " ".join([first, *rest])
        if first in ("der", "dieser", "jeder"):
            adjusted = [w + "n" if w.endswith("e") and not w[:1].isupper() else w
                        for w in rest[:-1]]
            return " ".join([first[:-1] + "en" if first != "der" else "den", *adjusted,
                             self._weak_accusative(noun.text)])
        if first in ("ein", "kein", "ihr", "mein", "sein", "unser", "dein"):
            gender = self.gender(noun.text)
            if gender == "n":
                return " ".join([first, *rest])
            if gender == "m" and len(np) == 2:
                return " ".join([first + "en", self._weak_accusative(noun.text)])
            return None
        if self._noun(np[0]) and all(t.flags & F_CAP for t in np):
            return " ".join(t.text for t in np)
        return None

    @staticmethod
    def _weak_accusative(noun: str) -> str:
        if noun.endswith("e"):
            return noun + "n"
        if noun.lower().endswith(WEAK_MASCULINE_SUFFIXES):
            return noun + "en"
        return noun

    def _instruction(self, words: list[_Tok], finite: int, hit: MorphHit, zu: bool,
                     text: str) -> str | None:
        """"Das Formular ist bis Freitag auszufüllen." -> "Füllen Sie das Formular … aus."."""
        fin = words[finite].low
        if (zu and fin not in ("ist", "sind")) or (not zu and fin not in ("muss", "müssen")):
            return None
        if words[-1].i not in hit.tokens:
            return None
        lemma = hit.lemma or ""
        if zu:
            verb_end = len(words) - 1
            verb_start = verb_end - 1 if words[verb_end - 1].low == "zu" else verb_end
        else:
            if words[-1].low != "werden":
                return None
            verb_end = len(words) - 2
            verb_start = verb_end
        if lemma in CAN_READING or not _verbish(lemma):
            return None
        middle_words = words[finite + 1:verb_start]
        middle = text[words[finite].end:words[verb_start].start].strip()
        if any(t.low in CAN_ADVERBS for t in middle_words) or any(
            t.low in ("nicht", "kein", "keine") for t in middle_words
        ):
            return None
        obj = self._subject_accusative(words, finite)
        if obj is None or obj in ("mich", "uns", "ihn", "es"):
            return None
        verb_tok = words[verb_end].low
        if zu and verb_start != verb_end:
            prefix, base = "", lemma  # "zu übersetzen": not separable
        elif zu:
            prefix, base = _split_separable(lemma)
        else:
            prefix, base = self.separable(lemma, verb_tok)
        verb = base if prefix else lemma
        head = "Seien" if verb == "sein" else verb[:1].upper() + verb[1:]
        parts = [head, "Sie", obj, middle, prefix]
        return " ".join(p for p in parts if p) + "."

    def _agent_to_subject(self, words: list[_Tok], finite: int, hit: MorphHit,
                          text: str) -> str | None:
        """"Der Antrag wird vom Amt geprüft." -> "Das Amt prüft den Antrag."."""
        fin = words[finite].low
        if fin not in ("wird", "werden", "wurde", "wurden"):
            return None
        past = fin.startswith("wurde")
        part_k = len(words) - 1
        if words[part_k].i not in hit.tokens or not words[part_k].flags & F_PART:
            return None
        assert hit.agent is not None
        agent_words = [k for k in range(finite + 1, part_k)
                       if words[k].start >= hit.agent[0] and words[k].end <= hit.agent[1]]
        if not agent_words:
            return None
        agent = self._agent_nominative([words[k] for k in agent_words])
        if agent is None:
            return None
        phrase, plural = agent
        obj = self._subject_accusative(words, finite)
        if obj is None:
            return None
        if words[0].text == "Sie" and finite == 1:
            if fin not in ("wird", "wurde"):
                return None
            obj = "sie"
        lemma = hit.lemma or ""
        prefix, base = self.separable(lemma, words[part_k].low)
        verb = self.conjugate(base if prefix else lemma, "pl" if plural else "3sg", past=past)
        if verb is None:
            return None
        middle = [words[k] for k in range(finite + 1, part_k) if k not in agent_words]
        datives = [t.text for t in middle if t.low in DATIVE_PRONOUNS]
        rest = text[words[finite].end:words[part_k].start]
        agent_text = text[hit.agent[0]:hit.agent[1]]
        for dative in datives:
            rest = rest.replace(f" {dative} ", " ", 1)
        others = " ".join(rest.replace(agent_text, " ", 1).split())
        parts = [phrase[:1].upper() + phrase[1:], verb, *datives, obj, others, prefix]
        return " ".join(p for p in parts if p) + "."

    def _agent_nominative(self, agent: list[_Tok]) -> tuple[str, bool] | None:
        """("das Amt", plural?) for "vom Amt"; None when gender or case is unclear."""
        prep = agent[0].low
        rest = agent[1:]
        if not rest or not rest[-1].flags & F_CAP:
            return None
        noun = rest[-1].text
        det = rest[0].low if rest[0].low in DETERMINERS else None
        adjectives = [t.text for t in rest[1 if det else 0:-1]]
        if any(a[:1].isupper() for a in adjectives) and det is not None:
            return None
        if prep == "vom" or det == "dem":
            if prep == "von" and det != "dem":
                return None
            gender = self.gender(noun)
            if gender not in ("m", "n") or (adjectives and prep == "vom" and len(rest) > 1):
                pass
            if gender not in ("m", "n"):
                return None
            article = "der" if gender == "m" else "das"
            adjs = [a[:-1] if a.endswith("en") else a for a in adjectives]
            return " ".join([article, *adjs, noun]), False
        if prep == "durch":
            if det in ("die", "das", "ein", "eine"):
                return " ".join(t.text for t in rest), False
            if det == "den" and not adjectives:
                return "der " + noun, False
            return None
        if det is None:
            # names ("von Robert Bosch") or bare plurals ("von Prüfern")
            if adjectives:
                return None
            words = [t.text for t in rest]
            if len(rest) == 1 and self._noun(rest[0]):
                plural = self._nominative_plural(noun)
                if plural is None:
                    return " ".join(words), False
                return plural, True
            return " ".join(words), False
        nominative = DATIVE_TO_NOMINATIVE.get(det)
        if nominative is None:
            return None
        if det == "den":
            plural = self._nominative_plural(noun) or noun
            return " ".join(["die", *adjectives, plural]), True
        if det in ("einem", "meinem", "deinem", "seinem", "ihrem", "unserem", "eurem", "keinem"):
            if adjectives:
                gender = self.gender(noun)
                if gender is None:
                    return None
                ending = "er" if gender == "m" else "es"
                adjectives = [a[:-2] + ending if a.endswith("en") else a for a in adjectives]
            return " ".join([nominative, *adjectives, noun]), False
        adjs = [a[:-1] if a.endswith("en") else a for a in adjectives]
        return " ".join([nominative, *adjs, noun]), False

    def _nominative_plural(self, noun: str) -> str | None:
        """"Forschern" -> "Forscher", "Ärzten" -> "Ärzte"; None when ``noun`` is not a dative
        plural we can undo."""
        if not noun.endswith("n"):
            return None
        lemma = self.info.lemma(noun)
        shorter = noun[:-1]
        if lemma and lemma != noun and shorter.endswith(("e", "er", "el")) and (
            self.info.lemma(shorter) == lemma
        ):
            return shorter
        if lemma and lemma != noun:
            return noun  # "Menschen": dative plural == nominative plural
        return None


class LexicalMorphAnalyzer:
    """Pattern + lexicon analyzer (no trained model). See the module docstring."""

    def __init__(self, lexicon: Lexicon | None = None, *,
                 include_zustandspassiv: bool = True) -> None:
        self.lex = lexicon or get_lexicon()
        self.info = _WordInfo(self.lex)
        self.include_zustandspassiv = include_zustandspassiv
        self._flags: dict[str, int] = {}
        self._deep: dict[str, tuple[int, int]] = {}
        self._saxon_memo: dict[str, bool] = {}
        self.rewriter = Rewriter(self.info)

    # -- token features --------------------------------------------------------------------
    def _token_flags(self, token: Token) -> int:
        text = token.text
        flags = self._flags.get(text)
        if flags is None:
            flags = self._flags[text] = self._compute_flags(text, token.kind)
        return flags

    def _compute_flags(self, text: str, kind: str) -> int:
        """Flags from closed word lists and spelling alone (no lexicon look-up)."""
        if kind == "punct":
            return F_BOUNDARY if text in BOUNDARY_PUNCT or text == "..." else 0
        if kind not in ("word", "abbrev"):
            return 0
        low = text.lower()
        flags = F_WORD
        if text[:1].isupper():
            flags |= F_CAP
        if low in WERDEN_FINITE:
            flags |= F_WERDEN
        elif low == "worden":
            flags |= F_WORDEN
        if low in SEIN_FINITE:
            flags |= F_SEIN
        elif low == "sein":
            flags |= F_SEIN_INF
        if low in MODAL_FINITE:
            flags |= F_MODAL
        if low == "zu":
            flags |= F_ZU
        if not low.isalpha():
            return flags | self._gen_flags(text, low)
        size = len(low)
        if size >= 5 and (low[-1] == "t" or low.endswith("en")):
            flags |= F_PART_C
        if size > 3 and low[-1] == "n":
            flags |= F_INF_C
        if size >= 7 and "zu" in low[2:]:
            flags |= F_ZUINF_C
        if low in K2_FIXED or low in K1_FIXED or low in K1_SUBJECT_FORMS or low in SOLLTE_FORMS:
            flags |= F_SUBJ
        elif size >= 4 and (low.endswith(("e", "est", "et")) or (
                low.endswith("en") and ("ä" in low or "ö" in low or "ü" in low))):
            flags |= F_SUBJ_C
        return flags | self._gen_flags(text, low)

    @staticmethod
    def _gen_flags(text: str, low: str) -> int:
        if (low in GEN_ONLY_DETERMINERS or low in GEN_IF_NOUN_IN_S or low in GEN_FEM_PL_DETERMINERS
                or low in GEN_PRONOUNS or low in GEN_PREPOSITIONS or text in NAME_GEN_TIME_HEADS):
            return F_GEN
        if text[:1].isupper() and len(text) >= 4 and (
            text.endswith(("'s", "’s")) or (text[-1] == "s" and not text.endswith(("ss", "ß")))
        ):
            return F_GEN  # possible Saxon genitive; _saxon_shape decides
        return 0

    def _noun(self, tok: _Tok) -> bool:
        return bool(tok.flags & F_CAP) and self.info.noun(tok.text)

    def _inf(self, tok: _Tok) -> bool:
        return bool(tok.flags & F_INF_C) and self.info.is_infinitive(tok.low)

    def _deep_flags(self, text: str, low: str, wanted: int) -> int:
        """The lexicon-backed bits in ``wanted`` for this word form, memoised per form."""
        known, value = self._deep.get(text, (0, 0))
        missing = wanted & ~known
        if missing:
            info = self.info
            if missing & F_PART and info.participle(low) is not None:
                value |= F_PART
            if missing & F_INF and info.is_infinitive(low):
                value |= F_INF
            if missing & F_ZUINF and info.zu_infinitive(low) is not None:
                value |= F_ZUINF
            if missing & F_SUBJ and (info.strong_k2(low) or info.k1_e(low)):
                value |= F_SUBJ
            known |= missing
            self._deep[text] = (known, value)
        return value & wanted

    def _saxon_shape(self, text: str) -> bool:
        """Capitalised word that may be a name + genitive s ("Peters", "Deutschlands", "Anna's")."""
        cached = self._saxon_memo.get(text)
        if cached is None:
            cached = self._saxon_memo[text] = self._saxon_shape_uncached(text)
        return cached

    def _saxon_shape_uncached(self, text: str) -> bool:
        if not text[:1].isupper() or len(text) < 4:
            return False
        if text.endswith(("'s", "’s")):
            return True
        if not text.endswith("s") or text.endswith(("ss", "ß")):
            return False
        stem = text[:-1]
        lem = self.info.lemma(text)
        if lem is not None and lem != stem:
            return False
        if lem is None and (not self.lex.is_known(stem) or self.info.lemma(stem) is not None):
            return False  # "Displays": an English plural of a known common noun
        # "Thomas", "Klaus", "Fotos": the -s form is the more frequent one, so it is the base.
        return self.lex.zipf(text) < self.lex.zipf(stem)

    def _prepare(self, sentence: Sentence) -> tuple[list[_Tok], int]:
        toks: list[_Tok] = []
        union = 0
        for i, token in enumerate(sentence.tokens):
            flags = self._token_flags(token)
            union |= flags
            if flags & (F_WORD | F_BOUNDARY) or token.kind == "number":
                toks.append(_Tok(i, token.text, token.text.lower(), flags, token.start,
                                 token.end))
        wanted = self._wanted(union)
        if wanted:
            triggers = 0
            for bit, candidate in DEEP_FOR:
                if wanted & bit:
                    triggers |= candidate
            for tok in toks:
                if tok.flags & triggers:
                    deep = self._deep_flags(tok.text, tok.low, wanted)
                    tok.flags |= deep
                    union |= deep
        return toks, union

    @staticmethod
    def _wanted(union: int) -> int:
        """Which lexicon-backed bits this sentence needs, judged from its cheap flags."""
        wanted = 0
        if union & PASSIVE_TRIGGER and union & PASSIVE_TARGET:
            wanted |= F_PART | F_ZUINF
        if union & F_SUBJ_C:
            wanted |= F_SUBJ
        return wanted

    # -- public API ----------------------------------------------------------------------------
    def analyze(self, sentence: Sentence, text: str) -> list[MorphHit]:
        toks, union = self._prepare(sentence)
        hits: list[MorphHit] = []
        if union & PASSIVE_TRIGGER and union & PASSIVE_TARGET:
            hits.extend(self._passives(toks, sentence, text))
        if union & F_SUBJ:
            hits.extend(self._subjunctives(toks))
        if union & F_GEN:
            hits.extend(self._genitives(toks))
        return hits

    # -- clauses ---------------------------------------------------------------------------------
    @staticmethod
    def _clauses(toks: list[_Tok]) -> list[list[_Tok]]:
        clauses: list[list[_Tok]] = []
        current: list[_Tok] = []
        depth = 0
        for tok in toks:
            # A parenthesis is an aside: "wurden Schweiß und Schmutz mit einer Strigilis
            # (Hautschaber) und Wasser entfernt" keeps its clause together.
            if tok.text in ("(", "["):
                depth += 1
                continue
            if tok.text in (")", "]"):
                depth = max(0, depth - 1)
                continue
            if depth:
                continue
            if tok.flags & F_BOUNDARY:
                if current:
                    clauses.append(current)
                current = []
            else:
                current.append(tok)
        if current:
            clauses.append(current)
        return clauses

    # -- passive -----------------------------------------------------------------------------------
    def _participle_at(self, clause: list[_Tok], j: int,
                       first_word: _Tok) -> tuple[str, bool] | None:
        tok = clause[j]
        if not tok.flags & F_PART:
            return None
        if tok.flags & F_CAP and tok is not first_word:
            return None  # a capitalised word mid-sentence is a noun ("die Gefangenen")
        return self.info.participle(tok.low)

    def _passives(self, toks: list[_Tok], sentence: Sentence, text: str) -> list[MorphHit]:
        hits: list[MorphHit] = []
        words = [t for t in toks if t.flags & F_WORD]
        if not words:
            return hits
        first_word = words[0]
        for clause in self._clauses(toks):
            hits.extend(self._clause_passives(clause, first_word))
            hits.extend(self._clause_zu_passives(clause))
        if hits:
            hits = [self.rewriter.passive_replacement(h, toks, sentence, text) for h in hits]
        return hits

    def _cluster_end(self, clause: list[_Tok], j: int, first_word: _Tok) -> int:
        """Skip coordinated participles: "geprüft und genehmigt werden" -> index of the last."""
        n = len(clause)
        while j + 2 < n and clause[j + 1].low in ("und", "oder", "sowie", "bzw") and (
            self._participle_at(clause, j + 2, first_word)
        ):
            j += 2
        return j

    def _clause_passives(self, clause: list[_Tok], first_word: _Tok) -> list[MorphHit]:
        hits: list[MorphHit] = []
        n = len(clause)
        used: set[int] = set()
        for j in range(n):
            if j in used:
                continue
            part = self._participle_at(clause, j, first_word)
            if part is None:
                continue
            lemma, ambiguous = part
            tok = clause[j]
            end_j = self._cluster_end(clause, j, first_word)
            group = list(range(j, end_j + 1, 2))
            used.update(group)
            nxt = clause[end_j + 1] if end_j + 1 < n else None
            hit = self._passive_for(clause, j, end_j, nxt, lemma, ambiguous, tok)
            if hit is None:
                continue
            subkind, aux = hit
            made = self._make_passive(clause, subkind, aux, group, lemma)
            if hits and aux and clause[aux[0]].i in hits[-1].tokens:
                # "wird geprüft und dem Kunden gutgeschrieben": one construction, one hit
                last = hits[-1]
                made = MorphHit(last.kind, last.subkind, last.start, made.end,
                                tuple(sorted(set(last.tokens) | set(made.tokens))),
                                agent=last.agent or made.agent, lemma=last.lemma)
                hits[-1] = made
                continue
            hits.append(made)
        return hits

    def _passive_for(self, clause: list[_Tok], j: int, end_j: int, nxt: _Tok | None, lemma: str,
                     ambiguous: bool, tok: _Tok) -> tuple[str, list[int]] | None:
        """(subkind, auxiliary indices) for participle clause[j..end_j], or None."""
        n = len(clause)
        low = tok.low
        modal_before = any(t.flags & F_MODAL for t in clause[:j])
        if nxt is not None and (nxt.flags & F_WERDEN or nxt.flags & F_WORDEN):
            k = end_j + 1
            after = clause[k + 1] if k + 1 < n else None
            if nxt.low == "worden":
                return "perfekt-passiv", [k, *self._finite_aux(clause, j, k, F_SEIN)]
            modal_after = after is not None and after.low in MODAL_ANY
            if nxt.low == "werden" and (modal_before or modal_after):
                aux = [k] + ([k + 1] if modal_after else self._finite_aux(clause, j, k, F_MODAL))
                return "modal-passiv", aux
            if ambiguous and (self._futur_reading(clause, k, j) or self._sein_perfect(lemma)):
                return None
            if low in ADJECTIVAL_AFTER_WERDEN:
                return None
            return "vorgangspassiv", [k, *self._finite_aux(clause, j, k, F_WERDEN)]
        if nxt is not None and nxt.low == "zu" and end_j + 2 < n and \
                clause[end_j + 2].low == "werden":
            return "vorgangspassiv", [end_j + 1, end_j + 2]  # "… ausgewählt zu werden"
        at_end = nxt is None or nxt.low in CONJ_COORD
        if at_end:
            werden = self._last_before(clause, j, F_WERDEN)
            if werden >= 0:
                if low in ADJECTIVAL_AFTER_WERDEN or (low in ADJECTIVAL_PARTICIPLES and \
                        self._degree_before(clause, j)):
                    return None
                if ambiguous and (self._futur_reading(clause, werden, j)
                                  or self._sein_perfect(lemma)):
                    return None  # "Das wird dir gefallen": fallen has no passive
                return "vorgangspassiv", [werden]
            sein = self._last_before(clause, j, F_SEIN)
            if sein >= 0 and self._stative(clause, j, lemma, low):
                return "zustandspassiv", [sein]
            return None
        if nxt is not None and (nxt.flags & F_SEIN or nxt.flags & F_SEIN_INF):
            # verb-final "…, dass die Tür geschlossen ist" / "muss erledigt sein"
            after = clause[end_j + 2] if end_j + 2 < n else None
            if nxt.flags & F_SEIN_INF and not (
                modal_before or any(t.flags & F_WERDEN for t in clause[:j])
                or (after is not None and after.flags & (F_MODAL | F_WERDEN))
            ):
                return None
            if after is not None and not after.flags & (F_MODAL | F_WERDEN | F_SEIN) and \
                    after.low not in CONJ_COORD:
                return None
            if self._stative(clause, j, lemma, low):
                return "zustandspassiv", [end_j + 1]
        return None

    def _futur_reading(self, clause: list[_Tok], werden: int, j: int) -> bool:
        """werden + form that is infinitive and participle ("erhalten"): Futur I or passive?

        Preterite werden and an agent mean passive; a personal-pronoun subject, an accusative
        pronoun or two noun phrases outside prepositional phrases mean Futur I ("Sie wird eine
        Bestätigung erhalten", "Die Kinder werden das Geschenk bekommen").
        """
        if clause[werden].low.startswith("wurd") or self._agent_span(clause, 0, j):
            return False
        phrases = 0
        for k in range(j):
            t = clause[k]
            if t.low in FUTUR_SUBJECTS or t.low in ACCUSATIVE_PRONOUNS:
                return True
            if t.low in DETERMINERS and (k == 0 or clause[k - 1].low not in PREPOSITIONS):
                phrases += 1
        return phrases >= 2

    @staticmethod
    def _last_before(clause: list[_Tok], j: int, flag: int) -> int:
        for k in range(j - 1, -1, -1):
            if clause[k].flags & flag:
                return k
        return -1

    @staticmethod
    def _finite_aux(clause: list[_Tok], j: int, k: int, flag: int) -> list[int]:
        """A finite auxiliary of the given kind before the participle or right after ``k``."""
        for m in range(j - 1, -1, -1):
            if clause[m].flags & flag:
                return [m]
        if k + 1 < len(clause) and clause[k + 1].flags & (flag | F_SEIN | F_MODAL | F_WERDEN):
            return [k + 1]
        return []

    @staticmethod
    def _degree_before(clause: list[_Tok], j: int) -> bool:
        return j > 0 and clause[j - 1].low in DEGREE_ADVERBS

    def _stative(self, clause: list[_Tok], j: int, lemma: str, low: str) -> bool:
        """sein + participle is a Zustandspassiv (not sein-perfect, not an adjective)."""
        if not self.include_zustandspassiv:
            return False
        if low in ADJECTIVAL_PARTICIPLES or self._degree_before(clause, j):
            return False
        return not self._sein_perfect(lemma)

    @staticmethod
    def _sein_perfect(lemma: str) -> bool:
        """The verb builds its perfect with sein ("ankommen", "verschwinden", "zurückkehren")."""
        if lemma in SEIN_PERFECT_EXCEPTIONS:
            return False
        for cut in range(len(lemma) - 3):
            base = lemma[cut:]
            if base in SEIN_PERFECT_BASES and _prefix_chain(lemma[:cut]):
                # be- verbs are transitive and take haben ("bekommen", "besteigen")
                return not lemma[:cut].endswith("be")
        return False

    def _make_passive(self, clause: list[_Tok], subkind: str, aux: list[int], group: list[int],
                      lemma: str) -> MorphHit:
        idx = sorted(set(aux) | set(group))
        first, last = clause[idx[0]], clause[idx[-1]]
        left = min(aux) if aux else group[0]
        right = group[0]
        agent = self._agent_span(clause, left if left < right else 0, right)
        return MorphHit("passive", subkind, first.start, last.end,
                        tuple(clause[k].i for k in idx), agent=agent, lemma=lemma)

    def _agent_span(self, clause: list[_Tok], left: int, right: int) -> tuple[int, int] | None:
        """Char span of "von/vom/durch + NP" between ``left`` and ``right`` (exclusive)."""
        for k in range(left, right):
            if clause[k].low not in AGENT_PREPOSITIONS:
                continue
            end = k
            has_head = False
            m = k + 1
            while m < right:
                t = clause[m]
                if t.low in DETERMINERS or t.low in ("und", "ihm", "ihr", "ihnen", "uns", "euch",
                                                     "mir", "dir"):
                    has_head = has_head or (t.low not in DETERMINERS and t.low != "und")
                elif t.flags & F_CAP:
                    has_head = True
                elif t.low.endswith(("e", "en", "er", "es", "em")) and not t.flags & F_PART and \
                        m + 1 < right and (clause[m + 1].flags & F_CAP or
                                           clause[m + 1].low.endswith(("en", "e"))):
                    pass  # attributive adjective ("von einem neuen Vorstand")
                elif t.low in ("rund", "etwa", "über", "mehr", "als") or t.text.isdigit():
                    pass
                else:
                    break
                end = m
                m += 1
            following = clause[m].low if m < len(clause) else ""
            if has_head and following != "bis" and not clause[k + 1].text[:1].isdigit():
                return clause[k].start, clause[end].end
        return None

    def _clause_zu_passives(self, clause: list[_Tok]) -> list[MorphHit]:
        """sein + zu-infinitive: "ist bis Freitag einzureichen", "sind zu beachten"."""
        hits: list[MorphHit] = []
        n = len(clause)
        sein = [k for k in range(n) if clause[k].flags & F_SEIN]
        if not sein:
            return hits
        for j in range(n):
            tok = clause[j]
            if tok.flags & F_ZUINF:
                verb, _ = self.info.zu_infinitive(tok.low) or ("", "")
                zu_idx, inf_idx = j, j
            elif tok.flags & F_ZU and j + 1 < n and self._inf(clause[j + 1]) and \
                    not clause[j + 1].flags & F_CAP:
                verb, zu_idx, inf_idx = clause[j + 1].low, j, j + 1
            else:
                continue
            if not self._zu_passive_context(clause, sein, zu_idx, inf_idx):
                continue
            aux = min(sein, key=lambda k: abs(k - zu_idx))
            idx = sorted({aux, zu_idx, inf_idx})
            hits.append(MorphHit(
                "passive", "zu-infinitiv", clause[idx[0]].start, clause[idx[-1]].end,
                tuple(clause[k].i for k in idx), lemma=verb,
            ))
        return hits

    @staticmethod
    def _zu_passive_context(clause: list[_Tok], sein: list[int], zu_idx: int,
                            inf_idx: int) -> bool:
        n = len(clause)
        if any(t.low in ZU_BLOCKERS for t in clause[:zu_idx]):
            return False
        before = clause[zu_idx - 1] if zu_idx > 0 else None
        if before is not None and before.low in ZU_PREDICATIVES:
            return False
        nxt = clause[inf_idx + 1] if inf_idx + 1 < n else None
        if nxt is None or nxt.low in CONJ_COORD:
            return any(k < zu_idx for k in sein)
        # verb-final "…, dass das Formular einzureichen ist" (not "X zu machen ist schwierig")
        return bool(nxt.flags & F_SEIN) and inf_idx + 2 == n and clause[0].low in SUBORDINATORS

    # -- subjunctive -----------------------------------------------------------------------------
    def _subjunctives(self, toks: list[_Tok]) -> list[MorphHit]:
        hits: list[MorphHit] = []
        for clause in self._clauses(toks):
            for j, tok in enumerate(clause):
                if not tok.flags & F_SUBJ:
                    continue
                if tok.flags & F_CAP and j > 0:
                    continue  # "Habe", "Ende" … mid-clause capital: a noun
                found = self._subjunctive_at(clause, j, toks)
                if found is not None:
                    hits.append(self.rewriter.subjunctive_hit(clause, j, *found, toks))
        return hits

    def _subjunctive_at(self, clause: list[_Tok], j: int,
                        toks: list[_Tok]) -> tuple[str, str] | None:
        """(subkind, lemma) when clause[j] is a Konjunktiv form in this context."""
        low = clause[j].low
        if low in K2_FIXED:
            lemma = K2_FIXED[low]
            if lemma == "mögen" or self._polite(clause, j, toks):
                return "hoeflichkeit", lemma
            if lemma == "werden" and self._has_infinitive(clause, j):
                return "wuerde-form", lemma
            return "konjunktiv-2", lemma
        if low in SOLLTE_FORMS:
            return ("konjunktiv-2", "sollen") if self._sollte_is_k2(clause, j, toks) else None
        if low in K1_FIXED:
            if low.startswith("sei") and self._imperative(clause, j):
                return None
            return "konjunktiv-1", K1_FIXED[low]
        if low in K1_SUBJECT_FORMS:
            lemma = K1_SUBJECT_FORMS[low]
            return ("konjunktiv-1", lemma) if self._third_person_subject(clause, j) else None
        if j > 0 and clause[j - 1].low in DETERMINERS:
            return None  # "die erbliche Würde": an adjective after an article
        lemma = self.info.strong_k2(low)
        if lemma:
            return "konjunktiv-2", lemma
        lemma = self.info.k1_e(low)
        if lemma and self._third_person_subject(clause, j):
            return "konjunktiv-1", lemma
        return None

    @staticmethod
    def _polite(clause: list[_Tok], j: int, toks: list[_Tok]) -> bool:
        """"Könnten Sie …?", "Würden Sie bitte …", "Ich hätte gern …"."""
        nxt = clause[j + 1].text if j + 1 < len(clause) else ""
        question = toks[-1].text == "?"
        if j == 0 and nxt in ("Sie", "du", "ihr") and question:
            return True
        return any(t.low in ("gern", "gerne", "bitte") for t in clause[j + 1 : j + 4])

    def _has_infinitive(self, clause: list[_Tok], j: int) -> bool:
        for k, t in enumerate(clause):
            if k == j or not self._inf(t) or t.flags & F_CAP:
                continue
            if k > j or k == j - 1:
                return True
        return False

    @staticmethod
    def _imperative(clause: list[_Tok], j: int) -> bool:
        """"Sei leise!", "Seien Sie pünktlich." (but "Sei es drum", "Gott sei Dank")."""
        if j != 0:
            return False
        nxt = clause[1] if len(clause) > 1 else None
        return nxt is None or nxt.low not in ("es", "er", "dem", "dies", "das", "man")

    def _third_person_subject(self, clause: list[_Tok], j: int) -> bool:
        if any(t.low == "ich" for t in clause):
            return False
        prev = clause[j - 1] if j > 0 else None
        nxt = clause[j + 1] if j + 1 < len(clause) else None
        if nxt is not None and nxt.low in PERSONAL_SUBJECTS:
            return False
        if prev is None:
            # clause-initial verb: imperative unless the subject follows ("Gebe Gott", "habe er")
            return nxt is not None and nxt.low in ("er", "es", "man")
        if nxt is None and clause[0].low in SUBORDINATORS:
            # verb-final "…, dass er das Geld genommen habe": any 3rd-person subject in the clause
            return not any(t.low in PERSONAL_SUBJECTS for t in clause) and any(
                t.low in ("er", "sie", "es", "man") or self._noun(t) for t in clause[1:j]
            )
        if prev.low in PERSONAL_SUBJECTS or (prev.text == "Sie" and j > 1):
            return False
        if prev.low in THIRD_PERSON_SUBJECTS and prev.text != "Sie":
            return True
        if prev.text == "Sie":
            return True  # clause-initial "Sie habe …" is "she"
        if self._noun(prev) and prev.low not in DETERMINERS:
            return True
        if prev.flags & F_CAP and j >= 2 and clause[j - 2].low in DETERMINERS:
            return True  # "das Fest finde": capitalised after an article is a noun
        if nxt is not None and (nxt.low in ("er", "es", "man", "sie") or nxt.low in DETERMINERS):
            return not prev.flags & F_ZU
        return False

    def _sollte_is_k2(self, clause: list[_Tok], j: int, toks: list[_Tok]) -> bool:
        """Advice/condition ("Sie sollten …", "Sollte der Zug …") vs past ("sollte 2019 …")."""
        if any(t.low in PAST_CUES or self._year(t) for t in clause):
            return False
        if clause[0].low == "als":
            return False
        # A preterite elsewhere in the sentence frames it in the past ("…, dem er 60 Jahre
        # angehören sollte"), except a trailing reporting clause ("…, sagte sie").
        for other in self._clauses(toks):
            if other[0].start == clause[0].start:
                continue
            if other[0].start > clause[0].start and len(other) <= 4 and any(
                t.low in SPEECH_PRETERITES for t in other
            ):
                continue
            if any(not t.flags & F_CAP and self.info.preterite(t.low) for t in other):
                return False
        return True

    @staticmethod
    def _year(tok: _Tok) -> bool:
        t = tok.text
        return len(t) == 4 and t.isdigit() and t[:2] in ("19", "20", "18")

    # -- genitive --------------------------------------------------------------------------------
    def _genitives(self, toks: list[_Tok]) -> list[MorphHit]:
        hits: list[MorphHit] = []
        covered: set[int] = set()
        words = toks
        n = len(words)
        for j in range(n):
            tok = words[j]
            if not tok.flags & F_GEN or j in covered:
                continue
            found = self._genitive_at(words, j)
            if found is None:
                continue
            subkind, first, last, head = found
            covered.update(range(first, last + 1))
            hits.append(self.rewriter.genitive_hit(words, subkind, first, last, head))
        return hits

    def _np_end(self, words: list[_Tok], j: int) -> int:
        """Last index of the noun phrase that starts after words[j] (adjectives + noun)."""
        n = len(words)
        k = j + 1
        while k < n and words[k].flags & F_WORD and not words[k].flags & F_CAP:
            if not self._attributive(words[k].low):
                return -1
            k += 1
        if k < n and words[k].flags & F_CAP and words[k].flags & F_WORD:
            # capitalised adjectives in names: "des Pazifischen Ozeans", "der Vereinigten Staaten"
            while k + 1 < n and words[k + 1].flags & F_CAP and words[k + 1].flags & F_WORD and \
                    words[k].low.endswith(("ischen", "ische", "igten", "igen", "lichen")):
                k += 1
            return k
        if k < n and words[k].text[:1].isdigit():
            return k
        return -1

    def _attributive(self, low: str) -> bool:
        """Inflected adjective or participle inside a noun phrase ("neuen", "eingereichten")."""
        if low in ("und", "oder", "sowie"):
            return True
        if low in DETERMINERS or not low.endswith(("e", "en", "er", "es", "em")):
            return False
        lemma = self.info.lemma(low)
        if lemma is None:
            return low.endswith(("ischen", "ische", "lichen", "liche", "igen", "ige"))
        # uninflected words are their own lemma ("über", "aber", "gegen"); verbs are not NPs
        return lemma != low and not self._finite_verb(low) and not self.info.is_infinitive(low)

    def _prev_word(self, words: list[_Tok], j: int) -> _Tok | None:
        if j == 0:
            return None
        prev = words[j - 1]
        return prev if prev.flags & F_WORD or prev.text[:1].isdigit() else None

    def _genitive_at(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        """(subkind, first index, last index, head noun index) of a genitive starting at j."""
        tok = words[j]
        low = tok.low
        n = len(words)
        if low in GEN_PRONOUNS:
            last = j + 1 if j + 1 < n and self._noun(words[j + 1]) else j
            return "relative-genitive", j, last, last
        if low in GEN_PREPOSITIONS:
            return self._genitive_preposition(words, j)
        if low == "des" or low in GEN_ONLY_DETERMINERS:
            end = self._np_end(words, j)
            if end < 0:
                if low == "des" and j + 1 < n and words[j + 1].low == "weiteren":
                    return "genitive-article", j, j + 1, j + 1
                if low != "des" and j + 1 < n and words[j + 1].low == "der":
                    return "genitive-article", j, j + 1, j + 1  # "eines der Häuser"
                return None
            return "genitive-article", j, end, end
        if low in GEN_IF_NOUN_IN_S:
            end = self._np_end(words, j)
            if end >= 0 and self._genitive_s(words[end].text):
                return "genitive-article", j, end, end
            return None
        if low in GEN_FEM_PL_DETERMINERS:
            return self._genitive_der(words, j)
        if tok.text in NAME_GEN_TIME_HEADS:
            return self._bare_genitive(words, j)
        if tok.flags & F_CAP:
            return self._saxon(words, j)
        return None

    def _bare_genitive(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        """Article-less genitive after Anfang/Ende/Mitte: "Ende nächsten Jahres"."""
        if j + 2 >= len(words):
            return None
        adj, noun = words[j + 1], words[j + 2]
        if adj.flags & F_CAP or not adj.low.endswith("en") or not noun.flags & F_CAP:
            return None
        if not self._genitive_s(noun.text):
            return None
        return "genitive-article", j + 1, j + 2, j + 2

    def _genitive_s(self, noun: str) -> bool:
        """"Jahres", "Monats", "Kindes": masculine/neuter genitive singular ending."""
        if not noun.endswith("s"):
            return False
        lem = self.info.lemma(noun)
        return bool(lem) and lem != noun and noun in (lem + "s", lem + "es")

    def _genitive_der(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        prev = self._prev_word(words, j)
        if prev is None:
            return None
        end = self._np_end(words, j)
        if end < 0:
            return None
        low = words[j].low
        after_noun = bool(self._noun(prev)) and prev.low not in DETERMINERS and not (
            prev is words[0] and not self.lex.is_noun(prev.text)
        )
        if after_noun and prev.text in QUANTITY_NOUNS and low in GEN_PLURAL_ONLY:
            after_noun = False
        partitive = prev.low in PARTITIVE_HEADS or prev.low.endswith("sten") or (
            prev.text.isdigit() and len(prev.text) <= 3
        )
        if words[end].text in EPITHETS:
            return None  # "Plinius der Ältere"
        if low in ("der", "dieser", "jener", "jeder") and self._masculine_singular(words[end].text):
            return None  # "auf kanadischem Boden der Nationalpark": masculine, so nominative
        if after_noun and j >= 2 and self._bare_after_verb(words, j - 1):
            return None  # "1887 gelang Berliner der Durchbruch": dative + nominative
        if prev.low in GEN_VERBS or after_noun or partitive:
            return "genitive-article", j, end, end
        return None

    def _masculine_singular(self, noun: str) -> bool:
        lemma = self.info.lemma(noun)
        return lemma == noun and self.rewriter.gender(noun) == "m"

    def _bare_after_verb(self, words: list[_Tok], k: int) -> bool:
        """words[k] is a bare name/noun right after a finite verb ("sagte Peter der …")."""
        before = words[k - 1]
        return bool(before.flags & F_WORD) and not before.flags & F_CAP and (
            self._finite_verb(before.low) or before.flags & (F_SEIN | F_WERDEN | F_MODAL)
        )

    def _genitive_preposition(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        n = len(words)
        low = words[j].low
        if j + 1 >= n or not words[j + 1].flags & F_WORD:
            return None
        nxt = words[j + 1]
        if nxt.low in DATIVE_MARKERS or nxt.low in ("zu", "von", "dass", "wie"):
            return None
        if low == "während" and self._waehrend_conjunction(words, j):
            return None
        if low in ("statt", "anstatt") and nxt.low in ("zu", "dass"):
            return None
        if low == "laut" and not (nxt.flags & F_CAP or nxt.low in DETERMINERS):
            return None  # adjective "laut"
        if nxt.low in GEN_ONLY_DETERMINERS or nxt.low in GEN_FEM_PL_DETERMINERS or \
                nxt.low in GEN_IF_NOUN_IN_S:
            end = self._np_end(words, j + 1)
            if end < 0:
                return None
            if nxt.low in GEN_IF_NOUN_IN_S and not self._genitive_s(words[end].text):
                return None
            return "genitive-preposition", j, end, end
        if nxt.low in DETERMINERS:
            return None  # "den/die/das" after a genitive preposition: dative/accusative use
        end = self._np_end(words, j)
        if end < 0:
            return None
        head = words[end].text
        if low in GEN_SOFT_PREPOSITIONS and not (self._genitive_s(head) or
                                                 self._saxon_shape(head)):
            return None
        if not nxt.flags & F_CAP and nxt.low.endswith("em"):
            return None  # "trotz großem Interesse": dative
        return "genitive-preposition", j, end, end

    def _waehrend_conjunction(self, words: list[_Tok], j: int) -> bool:
        """"Während der Bus wartete, …" (conjunction) vs "Während der Sitzung wurde …"."""
        n = len(words)
        nxt = words[j + 1]
        if nxt.low in CLAUSE_SUBJECTS or (
            nxt.low not in ("der", "des", "einer", "eines") and not nxt.flags & F_CAP
        ):
            return True  # pronoun or "die/das": a subordinate clause
        after = words[j + 2] if j + 2 < n else None
        if nxt.low == "der" and after is not None and not after.flags & F_CAP and \
                after.low.endswith("e") and self._attributive(after.low):
            return True  # "Während der globale Anstieg …": nominative, so a conjunction
        k = j + 1
        while k < n and (words[k].flags & F_WORD or words[k].text[:1].isdigit()):
            k += 1
        if k < n and words[k].text not in (",", ".", "!", "?", ";", "–", "("):
            return False
        # conjunction: the first verb of the stretch is its last word ("…, der Bus wartete,")
        for m in range(j + 2, k):
            t = words[m]
            if t.flags & F_CAP:
                continue
            if t.flags & (F_SEIN | F_WERDEN | F_MODAL) or self._finite_verb(t.low):
                return m == k - 1
        return False

    def _finite_verb(self, low: str) -> bool:
        lemma = self.info.lemma(low)
        return bool(lemma) and lemma != low and self.info.is_infinitive(lemma) and not (
            self.info.participle(low)
        )

    def _saxon(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        tok = words[j]
        if not self._saxon_shape(tok.text):
            return None
        n = len(words)
        prev = self._prev_word(words, j)
        if prev is not None and (prev.low in DETERMINERS or prev.text in QUANTITY_NOUNS):
            return None
        if prev is not None and not prev.flags & F_CAP and prev.low.endswith(("e", "en")) and \
                not _verbish(self.info.lemma(prev.low)) and prev.low not in ("ohne", "gegen"):
            return None  # "neuen Autos": adjective + plural
        end = self._np_end(words, j)
        if end >= 0 and self._noun(words[end]):
            if prev is not None and prev.flags & F_CAP and prev is not words[0] and \
                    self.info.lemma(prev.text) is None:
                return None  # "United States Geological Survey"
            return "saxon-genitive", j, end, j
        nxt = words[j + 1] if j + 1 < n else None
        postposed = prev is not None and self._noun(prev) and prev.text not in (
            NAME_GEN_TIME_HEADS
        ) and (nxt is None or not nxt.flags & F_CAP) and self.info.lemma(prev.text) is not None
        if postposed and tok.text.endswith("s") and not tok.text.endswith("'s"):
            return "saxon-genitive", j, j, j
        return None


class SpacyMorphAnalyzer:
    """Uses a trained spaCy pipeline's morphology (Mood=Sub, Case=Gen, aux:pass)."""

    def __init__(self, nlp: Callable[[str], Any], *, include_zustandspassiv: bool = True) -> None:
        self.nlp = nlp
        self.include_zustandspassiv = include_zustandspassiv

    def analyze(self, sentence: Sentence, text: str) -> list[MorphHit]:
        base = sentence.start
        doc = self.nlp(text[sentence.start:sentence.end])
        spans = [(base + t.idx, base + t.idx + len(t.text)) for t in doc]
        hits: list[MorphHit] = []
        gen_run: list[int] = []
        for k, tok in enumerate(doc):
            morph = tok.morph
            if "Sub" in morph.get("Mood") and "Fin" in morph.get("VerbForm"):
                tense = morph.get("Tense")
                sub = "konjunktiv-2" if "Past" in tense else "konjunktiv-1"
                hits.append(self._hit(sentence, "subjunctive", sub, [spans[k]], tok.lemma_))
            passive = tok.dep_ == "aux:pass" or (
                tok.lemma_ == "werden" and "Part" in tok.head.morph.get("VerbForm")
                and tok.head is not tok
            )
            if passive and (self.include_zustandspassiv or tok.lemma_ != "sein"):
                head = tok.head
                sub = "zustandspassiv" if tok.lemma_ == "sein" else "vorgangspassiv"
                pair = [spans[k], spans[head.i - doc[0].i]]
                hits.append(self._hit(sentence, "passive", sub, pair, head.lemma_))
            if "Gen" in morph.get("Case"):
                gen_run.append(k)
                continue
            if gen_run:
                hits.append(self._genitive(sentence, doc, spans, gen_run))
                gen_run = []
        if gen_run:
            hits.append(self._genitive(sentence, doc, spans, gen_run))
        return hits

    def _genitive(self, sentence: Sentence, doc: Any, spans: list[tuple[int, int]],
                  run: list[int]) -> MorphHit:
        head = next((k for k in reversed(run) if doc[k].pos_ in ("NOUN", "PROPN")), run[-1])
        return self._hit(sentence, "genitive", "genitive-article", [spans[k] for k in run],
                         doc[head].lemma_)

    @staticmethod
    def _hit(sentence: Sentence, kind: str, subkind: str, spans: Sequence[tuple[int, int]],
             lemma: str | None) -> MorphHit:
        start = min(s for s, _ in spans)
        end = max(e for _, e in spans)
        idx = tuple(i for i, t in enumerate(sentence.tokens)
                    if any(t.start < e and s < t.end for s, e in spans))
        return MorphHit(kind, subkind, start, end, idx, lemma=lemma)


def get_morph_analyzer(pipeline: str | None = None, *,
                       include_zustandspassiv: bool = True) -> MorphAnalyzer:
    """A spaCy-backed analyzer when ``pipeline`` loads, else the lexical one (with a warning)."""
    if pipeline:
        try:
            import spacy

            nlp = spacy.load(pipeline)
        except Exception as exc:
            log.warning("spaCy pipeline %r not loadable (%s); using the lexical morph analyzer",
                        pipeline, exc)
        else:
            if any(name in nlp.pipe_names for name in ("morphologizer", "tagger")):
                return SpacyMorphAnalyzer(nlp, include_zustandspassiv=include_zustandspassiv)
            log.warning("spaCy pipeline %r has no morphologizer; using the lexical analyzer",
                        pipeline)
    return LexicalMorphAnalyzer(include_zustandspassiv=include_zustandspassiv)


def analyze_text(text: str, analyzer: MorphAnalyzer | None = None,
                 sentences: Iterable[Sentence] | None = None) -> list[MorphHit]:
    """Convenience: segment ``text`` and collect the hits of all sentences."""
    from checkers.text.segment import segment

    analyzer = analyzer or get_morph_analyzer()
    result: list[MorphHit] = []
    for sentence in sentences if sentences is not None else segment(text):
        result.extend(analyzer.analyze(sentence, text))
    return result
