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
from typing import Any, Protocol

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
WERDEN_FINITE = _words(
    "wird werden wurde wurden würde würden werde wirst wurdest würdest werdet wurdet würdet "
    "werdest wurdst"
)
SEIN_FINITE = _words(
    "ist sind war waren bin bist seid warst wart wäre wären wärst wärest wäret wärt sei seien "
    "seiest seist seiet"
)
MODAL_FINITE = _words(
    "muss musst müssen müsst musste musstest mussten musstet müsste müsstest müssten müsstet "
    "müsse kann kannst können könnt konnte konntest konnten konntet könnte könntest könnten "
    "könntet könne soll sollst sollen sollt sollte solltest sollten solltet solle darf darfst "
    "dürfen dürft durfte durftest durften durftet dürfte dürftest dürften dürftet dürfe will "
    "willst wollen wollt wollte wolltest wollten wolltet wolle mag magst mögen mögt mochte "
    "möchte möchtest möchten möchtet möge lässt lassen ließ ließen"
)
MODAL_INFINITIVE = _words("müssen können sollen dürfen wollen mögen lassen")
# Verbs that build the perfect with sein ("ist gegangen"): sein + their participle is active.
# Matched as the end of the lemma ("ankommen" ends in "kommen"); exceptions below.
SEIN_PERFECT_BASES = _words(
    "gehen kommen fahren fliegen laufen rennen reisen ziehen springen fallen steigen sinken "
    "wachsen sterben werden sein bleiben geschehen passieren gelingen misslingen scheitern "
    "entstehen erscheinen verschwinden begegnen folgen schwimmen kriechen wandern klettern eilen "
    "fliehen reiten rollen rutschen segeln stürzen weichen gleiten schreiten schleichen platzen "
    "explodieren erwachen aufwachen einschlafen ertrinken erlöschen schmelzen landen starten "
    "stranden erkranken genesen zurückkehren heimkehren umkehren auftreten eintreten austreten "
    "zurücktreten beitreten aufstehen auferstehen eintreffen ausbrechen zusammenbrechen "
    "aufbrechen einbrechen abbrennen gelangen geraten verunglücken auswandern einwandern "
    "emigrieren flüchten verreisen vergehen vorkommen umkommen verderben erfrieren verhungern "
    "verdursten ersticken verblühen verwelken verrotten verheilen altern joggen spazieren "
    "aufwachsen erfolgen zerfallen verfallen zerbrechen zurückweichen verlaufen abreisen "
    "aufsteigen umsteigen einsteigen aussteigen abstürzen sitzenbleiben"
)
SEIN_PERFECT_EXCEPTIONS = _words(
    "vertreten verfahren verziehen verfolgen erfahren erziehen überfahren überziehen "
    "unterziehen überfallen übersteigen überkommen anziehen beziehen einbeziehen vollziehen "
    "heranziehen hinzuziehen betreten übertreten vertreten befolgen verfolgen"
)
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
    "beeindruckt"
)
ADJECTIVAL_AFTER_WERDEN = _words("bekannt verrückt erwachsen verwandt bestimmt gelegen")
DEGREE_ADVERBS = _words(
    "sehr ziemlich total äußerst besonders echt recht überaus höchst so zu allzu wirklich"
)
SEPARABLE_PREFIXES = tuple(
    sorted(
        _words(
            "ab an auf aus bei da dar durch ein entgegen fest fort frei her herab heran herauf "
            "heraus herbei herein herüber herum herunter hervor hin hinab hinauf hinaus hinein "
            "hinüber hinunter hinzu los mit nach nieder statt teil um unter vor voran voraus "
            "vorbei vorüber weg weiter wieder zu zurecht zurück zusammen zuvor bekannt fertig "
            "kennen kaputt sicher stand über offen hoch klar bereit gut still fern gegenüber "
            "wiederauf wiederher ernst richtig schwarz voll"
        ),
        key=len,
        reverse=True,
    )
)
INSEPARABLE_PREFIXES = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "hinter", "wider",
                        "über", "unter", "durch", "um", "voll")
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
AGENT_PREPOSITIONS = _words("von vom durch")
DETERMINERS = _words(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
    "keines mein meine meinen meinem meiner meines dein deine deinen deinem deiner deines sein "
    "seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren "
    "unserem unserer unseres euer eure euren eurem eurer eures dieser diese diesen diesem dieses "
    "jener jene jenen jenem jenes jeder jede jeden jedem jedes welcher welche welchen welchem "
    "welches alle allen aller beide beiden beider viele vielen vieler einige einigen einiger "
    "mehrere mehreren mehrerer manche manchen mancher solche solchen solcher"
)
PERSONAL_SUBJECTS = _words("ich du wir ihr")
THIRD_PERSON_SUBJECTS = _words("er sie es man das dies jemand niemand wer jeder keiner einer")

# --- subjunctive forms --------------------------------------------------------------------------
K2_FIXED = {
    **dict.fromkeys(_words("wäre wären wärst wärest wäret wärt"), "sein"),
    **dict.fromkeys(_words("hätte hätten hättest hättet"), "haben"),
    **dict.fromkeys(_words("würde würden würdest würdet"), "werden"),
    **dict.fromkeys(_words("könnte könnten könntest könntet"), "können"),
    **dict.fromkeys(_words("müsste müssten müsstest müsstet"), "müssen"),
    **dict.fromkeys(_words("dürfte dürften dürftest dürftet"), "dürfen"),
    **dict.fromkeys(_words("möchte möchten möchtest möchtet"), "mögen"),
    **dict.fromkeys(_words("wüsste wüssten wüsstest wüsstet"), "wissen"),
    **dict.fromkeys(_words("bräuchte bräuchten bräuchtest"), "brauchen"),
    **dict.fromkeys(_words("täte täten tätest"), "tun"),
    **dict.fromkeys(_words("stünde stünden stände ständen"), "stehen"),
    **dict.fromkeys(_words("brächte brächten dächte dächten"), "bringen"),
}
K2_FIXED["dächte"] = K2_FIXED["dächten"] = "denken"
SOLLTE_FORMS = _words("sollte sollten solltest solltet")
K1_FIXED = {
    **dict.fromkeys(_words("sei seien seiest seist seiet"), "sein"),
    "könne": "können", "könnest": "können", "müsse": "müssen", "müssest": "müssen",
    "dürfe": "dürfen", "solle": "sollen", "sollest": "sollen", "wolle": "wollen",
    "möge": "mögen", "mögest": "mögen", "wisse": "wissen", "wissest": "wissen",
}
# Forms that are Konjunktiv I only with a 3rd-person singular subject ("er habe" vs "ich habe").
K1_SUBJECT_FORMS = {"habe": "haben", "werde": "werden", "habest": "haben", "werdest": "werden"}
K1_STOP = _words(
    "bitte danke gerne nahe lange eine keine meine deine seine ihre unsere eure diese jene jede "
    "welche solche manche alle beide viele wenige einige mehrere andere ohne ende heute gerade "
    "leere weite ganze ähnliche"
)
NO_DERIVED_K2 = _words("sein haben werden wissen tun müssen können sollen dürfen wollen mögen")
PAST_CUES = _words(
    "gestern vorgestern damals früher einst zuvor ursprünglich vorher letzte letzten letztes "
    "letzter vergangene vergangenen vergangenes erweisen herausstellen behalten"
)
COMMON_PRETERITES = _words(
    "war waren hatte hatten wurde wurden kam kamen ging gingen gab gaben sagte sagten wusste "
    "wussten konnte konnten musste mussten wollte wollten durfte durften stand standen lag "
    "lagen sah sahen fand fanden blieb blieben entschied entschieden"
)

# --- genitive triggers --------------------------------------------------------------------------
GEN_ONLY_DETERMINERS = _words(
    "des eines meines deines seines ihres unseres unsres eures keines"
)
GEN_IF_NOUN_IN_S = _words("dieses jedes jenes welches manches solches")
GEN_FEM_PL_DETERMINERS = _words(
    "der einer meiner deiner seiner ihrer unserer unsrer eurer keiner dieser jener jeder "
    "mancher solcher welcher vieler einiger mehrerer aller beider sämtlicher anderer"
)
GEN_PLURAL_ONLY = _words("vieler einiger mehrerer aller beider sämtlicher")
GEN_PRONOUNS = _words("dessen deren wessen derer")
GEN_PREPOSITIONS = _words(
    "wegen trotz während aufgrund innerhalb außerhalb mittels bezüglich hinsichtlich anlässlich "
    "statt anstatt infolge zwecks seitens binnen angesichts oberhalb unterhalb diesseits "
    "jenseits längs zugunsten ungeachtet anhand mithilfe aufseiten inmitten unweit anstelle "
    "abseits mangels kraft namens zuzüglich abzüglich einschließlich ausschließlich inklusive "
    "exklusive laut dank entlang"
)
# Prepositions that take a genitive only with a visible genitive ending (else read as dative).
GEN_SOFT_PREPOSITIONS = _words(
    "laut dank entlang einschließlich ausschließlich inklusive exklusive zuzüglich abzüglich "
    "binnen mangels kraft namens"
)
DATIVE_MARKERS = _words(
    "dem einem diesem jenem jedem keinem meinem deinem seinem ihrem unserem eurem welchem "
    "mir dir ihm uns euch ihnen allem vielem"
)
PARTITIVE_HEADS = _words(
    "einer eines eine keiner keines keine jeder jedes jede viele einige manche alle beide "
    "wenige mehrere welche meisten denen zwei drei vier fünf sechs sieben acht neun zehn "
    "hälfte teil rest großteil mehrheit"
)
GEN_VERBS = _words("bedarf bedürfen bedurfte bedürfe gedenken gedachte gedachten gedenkt")
QUANTITY_NOUNS = _words("Menge Reihe Anzahl Paar Dutzend Haufen Liste Sammlung Stück Sorte")
NAME_GEN_TIME_HEADS = _words("Anfang Ende Mitte Beginn")

BOUNDARY_PUNCT = frozenset(",;:()[]{}–—„“”\"«»‹›…!?.")
CONJ_COORD = _words("und oder sowie bzw. bzw sondern aber denn")

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

PASSIVE_TRIGGER = F_WERDEN | F_WORDEN | F_SEIN
PASSIVE_TARGET = F_PART | F_ZUINF | F_ZU


def _verbish(lemma: str | None) -> bool:
    """Lower-case lemma shaped like a German infinitive (gehen, ändern, sammeln, tun, sein)."""
    return bool(lemma) and lemma.islower() and len(lemma) > 2 and lemma.endswith("n")


def _stem(lemma: str) -> str:
    """Present stem: prüfen -> prüf, ändern -> änder, tun -> tu."""
    if lemma.endswith("en"):
        return lemma[:-2]
    return lemma[:-1]


def _split_separable(lemma: str) -> tuple[str, str]:
    """("aus", "füllen") for "ausfüllen"; ("", lemma) when no separable prefix fits."""
    for prefix in SEPARABLE_PREFIXES:
        rest = lemma[len(prefix):]
        if lemma.startswith(prefix) and len(rest) >= 4 and _verbish(rest):
            return prefix, rest
    return "", lemma


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
                _verbish(low) and self.lemma(low) == low and low not in DETERMINERS
                and len(low) > 3
            )
        return hit

    def participle(self, low: str) -> tuple[str, bool] | None:
        """(verb lemma, ambiguous with the infinitive) when ``low`` is an uninflected participle."""
        if low in self._participle:
            return self._participle[low]
        result = self._participle_uncached(low)
        self._participle[low] = result
        return result

    def _participle_uncached(self, w: str) -> tuple[str, bool] | None:
        if len(w) < 5 or not w.isalpha() or not (w.endswith("t") or w.endswith("en")):
            return None
        if w in {"worden", "geworden", "gewesen", "gehabt"}:
            return None
        lem = self.lemma(w)
        if not _verbish(lem) or lem in {"werden", "sein", "haben"}:
            return self._participle_fallback(w)
        assert lem is not None
        if lem == w:
            return (lem, True) if self._ambiguous_participle(w) else None
        return (lem, False) if self._participle_shape(w, lem) else None

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
        prefix, base = _split_separable(lem)
        body = w[len(prefix):] if prefix and w.startswith(prefix) else w
        inseparable = body.startswith(INSEPARABLE_PREFIXES) or lem.endswith("ieren")
        if not inseparable:
            return False
        stem = _stem(lem)
        if w in (stem + "t", stem + "et"):
            # Weak inseparable verbs: participle == 3sg present ("bearbeitet"); only when the
            # ge-form is not attested ("geerntet" shows that "erntet" is a finite form).
            cut = len(prefix)
            return not self.attested(w[:cut] + "ge" + w[cut:], lem)
        return not self._present_or_preterite(w, lem)

    def _ambiguous_participle(self, w: str) -> bool:
        """Strong verbs with an inseparable prefix: participle == infinitive ("erhalten")."""
        prefix, _ = _split_separable(w)
        body = w[len(prefix):]
        if not body.startswith(INSEPARABLE_PREFIXES):
            return False
        if self.attested(_stem(w) + "te", w) or self.attested(_stem(w) + "ete", w):
            return False  # weak verb: its participle ends in -t
        return True

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
                if sub:
                    return prefix + sub[0], False
            elif rest.endswith("et"):
                candidates = [rest[:-2] + "en", rest[:-1] + "en"]
            else:
                candidates = [rest[:-1] + "en"]
            for cand in candidates:
                if _verbish(cand) and self.lemma(cand) == cand:
                    return prefix + cand, False
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
        if not _verbish(lem) or lem in NO_DERIVED_K2:
            return None
        assert lem is not None
        umlaut = next((i for i in range(len(base) - 1, -1, -1) if base[i] in _UMLAUT_BACK), -1)
        if umlaut >= 0:
            pret = base[:umlaut] + _UMLAUT_BACK[base[umlaut]] + base[umlaut + 1:]
        elif ending == "en":
            return None  # "gingen" is also the indicative preterite plural
        else:
            pret = base
        if self.lemma(pret) != lem or pret.endswith("t") and not umlaut >= 0:
            return None
        stem = _stem(lem)
        if pret in (stem, stem + "t", stem + "et", stem + "st") or self._present_or_preterite(
            pret + "e", lem
        ):
            return None
        if umlaut >= 0 and pret.endswith("t") and pret[:-1] + "en" == lem:
            return None
        return lem

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
                lem = next((c for c in (low + "n", low[:-1] + "n") if self.is_infinitive(c)),
                           None)
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


class LexicalMorphAnalyzer:
    """Pattern + lexicon analyzer (no trained model). See the module docstring."""

    def __init__(self, lexicon: Lexicon | None = None, *,
                 include_zustandspassiv: bool = True) -> None:
        self.lex = lexicon or get_lexicon()
        self.info = _WordInfo(self.lex)
        self.include_zustandspassiv = include_zustandspassiv
        self._flags: dict[str, int] = {}
        from checkers.text.morph_rewrite import Rewriter  # noqa: PLC0415 - avoid import cycle

        self.rewriter = Rewriter(self.info)

    # -- token features --------------------------------------------------------------------
    def _token_flags(self, token: Token) -> int:
        text = token.text
        flags = self._flags.get(text)
        if flags is None:
            flags = self._flags[text] = self._compute_flags(text, token.kind)
        return flags

    def _compute_flags(self, text: str, kind: str) -> int:
        if kind == "punct":
            return F_BOUNDARY if text in BOUNDARY_PUNCT or text == "..." else 0
        if kind not in ("word", "abbrev"):
            return 0
        low = text.lower()
        info = self.info
        flags = F_WORD
        capital = text[:1].isupper()
        if capital:
            flags |= F_CAP
            if self.lex.is_noun(text) and low not in DETERMINERS:
                flags |= F_NOUN
        if low in WERDEN_FINITE:
            flags |= F_WERDEN
        elif low == "worden":
            flags |= F_WORDEN
        if low in SEIN_FINITE:
            flags |= F_SEIN
        if low == "sein":
            flags |= F_SEIN_INF
        if low in MODAL_FINITE:
            flags |= F_MODAL
        if low == "zu":
            flags |= F_ZU
        if info.is_infinitive(low):
            flags |= F_INF
        if info.participle(low) is not None:
            flags |= F_PART
        if info.zu_infinitive(low) is not None:
            flags |= F_ZUINF
        if (low in K2_FIXED or low in K1_FIXED or low in K1_SUBJECT_FORMS or low in SOLLTE_FORMS
                or info.strong_k2(low) or info.k1_e(low)):
            flags |= F_SUBJ
        if (low in GEN_ONLY_DETERMINERS or low in GEN_IF_NOUN_IN_S or low in GEN_FEM_PL_DETERMINERS
                or low in GEN_PRONOUNS or low in GEN_PREPOSITIONS or self._saxon_shape(text)):
            flags |= F_GEN
        return flags

    def _saxon_shape(self, text: str) -> bool:
        """Capitalised word that may be a name + genitive s ("Peters", "Deutschlands", "Anna's")."""
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
        if lem is None and not self.lex.is_known(stem):
            return False
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
        return toks, union

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
        for tok in toks:
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
    def _participle_at(self, clause: list[_Tok], j: int, first_word: _Tok) -> tuple[str, bool] | None:
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
            group = [k for k in range(j, end_j + 1, 2)]
            used.update(group)
            nxt = clause[end_j + 1] if end_j + 1 < n else None
            hit = self._passive_for(clause, j, end_j, nxt, lemma, ambiguous, tok)
            if hit is not None:
                subkind, aux = hit
                hits.append(self._make_passive(clause, subkind, aux, group, lemma))
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
                aux = [k] + self._finite_aux(clause, j, k, F_SEIN)
                return "perfekt-passiv", aux
            modal_after = after is not None and after.low in MODAL_INFINITIVE | MODAL_FINITE
            if nxt.low == "werden" and (modal_before or modal_after):
                if ambiguous and not (modal_before or modal_after):
                    return None
                aux = [k] + ([k + 1] if modal_after else self._finite_aux(clause, j, k, F_MODAL))
                return "modal-passiv", aux
            if ambiguous and not self._agent_span(clause, 0, j):
                return None
            if low in ADJECTIVAL_AFTER_WERDEN:
                return None
            aux = [k] + self._finite_aux(clause, j, k, F_WERDEN)
            return "vorgangspassiv", aux
        if nxt is not None and nxt.low == "zu" and end_j + 2 < n and clause[end_j + 2].low == "werden":
            return "vorgangspassiv", [end_j + 1, end_j + 2]
        at_end = nxt is None or nxt.low in CONJ_COORD
        if at_end:
            werden = self._last_before(clause, j, F_WERDEN)
            if werden >= 0:
                if low in ADJECTIVAL_AFTER_WERDEN or low in ADJECTIVAL_PARTICIPLES and \
                        self._degree_before(clause, j):
                    return None
                if ambiguous and not self._agent_span(clause, werden, j):
                    return None
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
        if lemma in SEIN_PERFECT_EXCEPTIONS:
            return False
        for cut in range(len(lemma) - 3):
            base = lemma[cut:]
            if base in SEIN_PERFECT_BASES:
                prefix = lemma[:cut]
                return not (prefix.endswith("be") and base not in SEIN_PERFECT_BASES - {"kommen"}
                            or prefix == "be")
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
                    has_head = has_head or t.low not in DETERMINERS and t.low != "und"
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
            elif tok.flags & F_ZU and j + 1 < n and clause[j + 1].flags & F_INF and \
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
    def _zu_passive_context(clause: list[_Tok], sein: list[int], zu_idx: int, inf_idx: int) -> bool:
        n = len(clause)
        if any(t.low in ZU_BLOCKERS for t in clause[:zu_idx]):
            return False
        before = clause[zu_idx - 1] if zu_idx > 0 else None
        if before is not None and (before.low in ZU_PREDICATIVES or before.flags & F_PART):
            return False
        nxt = clause[inf_idx + 1] if inf_idx + 1 < n else None
        if nxt is None or nxt.low in CONJ_COORD:
            return any(k < zu_idx for k in sein)
        # verb-final "…, dass das Formular einzureichen ist"
        return bool(nxt.flags & F_SEIN) and inf_idx + 1 in sein

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
                    hits.append(self.rewriter.subjunctive_hit(clause, j, *found))
        return hits

    def _subjunctive_at(self, clause: list[_Tok], j: int,
                        toks: list[_Tok]) -> tuple[str, str] | None:
        """(subkind, lemma) when clause[j] is a Konjunktiv form in this context."""
        low = clause[j].low
        if low in K2_FIXED:
            lemma = K2_FIXED[low]
            if lemma == "mögen" or self._polite(clause, j):
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
        lemma = self.info.strong_k2(low)
        if lemma:
            return "konjunktiv-2", lemma
        lemma = self.info.k1_e(low)
        if lemma and self._third_person_subject(clause, j):
            return "konjunktiv-1", lemma
        return None

    @staticmethod
    def _polite(clause: list[_Tok], j: int) -> bool:
        """"Könnten Sie …?", "Würden Sie bitte …", "Ich hätte gern …"."""
        nxt = clause[j + 1].text if j + 1 < len(clause) else ""
        if j == 0 and nxt in ("Sie", "du", "ihr"):
            return True
        return any(t.low in ("gern", "gerne", "bitte") for t in clause[j + 1 : j + 4])

    def _has_infinitive(self, clause: list[_Tok], j: int) -> bool:
        for k, t in enumerate(clause):
            if k == j or not t.flags & F_INF or t.flags & F_CAP:
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

    @staticmethod
    def _third_person_subject(clause: list[_Tok], j: int) -> bool:
        if any(t.low == "ich" for t in clause):
            return False
        prev = clause[j - 1] if j > 0 else None
        nxt = clause[j + 1] if j + 1 < len(clause) else None
        if nxt is not None and nxt.low in PERSONAL_SUBJECTS:
            return False
        if prev is None:
            # clause-initial verb: imperative unless the subject follows ("Gebe Gott", "habe er")
            return nxt is not None and nxt.low in ("er", "es", "man")
        if prev.low in PERSONAL_SUBJECTS or prev.text == "Sie" and j > 1:
            return False
        if prev.low in THIRD_PERSON_SUBJECTS and prev.text != "Sie":
            return True
        if prev.text == "Sie":
            return True  # clause-initial "Sie habe …" is "she"
        if prev.flags & F_NOUN and prev.low not in DETERMINERS:
            return True
        if nxt is not None and (nxt.low in ("er", "es", "man", "sie") or nxt.low in DETERMINERS):
            return not prev.flags & F_ZU
        return False

    def _sollte_is_k2(self, clause: list[_Tok], j: int, toks: list[_Tok]) -> bool:
        """Advice/condition ("Sie sollten …", "Sollte der Zug …") vs past ("sollte 2019 …")."""
        if any(t.low in PAST_CUES or self._year(t) for t in clause):
            return False
        if clause[0].low == "als":
            return False
        # a preterite in an earlier clause frames the sentence in the past
        first = clause[0]
        for t in toks:
            if t.start >= first.start:
                break
            if t.low in COMMON_PRETERITES:
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
            low = words[k].low
            if not low.endswith(("e", "en", "er", "es", "em", "sten")) and low not in (
                "und", "oder"
            ) and not words[k].text[:1].isdigit():
                return -1
            k += 1
        if k < n and words[k].flags & F_CAP and words[k].flags & F_WORD:
            # proper names of several words ("Anna Berger"), compounds with hyphen stay one token
            return k
        if k < n and words[k].text[:1].isdigit():
            return k
        return -1

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
            last = j + 1 if j + 1 < n and words[j + 1].flags & F_NOUN else j
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
        if tok.flags & F_CAP:
            return self._saxon(words, j)
        return None

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
        after_noun = bool(prev.flags & F_NOUN) and prev.low not in DETERMINERS and not (
            prev is words[0] and not self.lex.is_noun(prev.text)
        )
        if after_noun and prev.text in QUANTITY_NOUNS and low in GEN_PLURAL_ONLY:
            after_noun = False
        partitive = prev.low in PARTITIVE_HEADS or prev.low.endswith("sten") or (
            prev.text[:1].isdigit()
        )
        if prev.low in GEN_VERBS or after_noun or (partitive and not prev.flags & F_CAP) or (
            partitive and prev.low in ("hälfte", "teil", "rest", "großteil", "mehrheit")
        ):
            if low in GEN_PLURAL_ONLY or low == "der" or after_noun or partitive or \
                    prev.low in GEN_VERBS:
                return "genitive-article", j, end, end
        return None

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
        if nxt.low not in ("der", "des", "einer", "eines") and not nxt.flags & F_CAP:
            return True  # pronoun or "die/das": a subordinate clause
        k = j + 1
        while k < n and words[k].flags & F_WORD:
            k += 1
        last = words[k - 1]
        if k < n and words[k].text == "," and not last.flags & F_CAP:
            first_verb = next(
                (m for m in range(j + 2, k) if not words[m].flags & F_CAP
                 and (_verbish(self.info.lemma(words[m].low)) or words[m].flags & F_SEIN)
                 and not words[m].low.endswith(("en", "e")) or words[m].low in SEIN_FINITE),
                -1,
            )
            return first_verb == k - 1
        return False

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
        if end >= 0 and words[end].flags & F_NOUN:
            return "saxon-genitive", j, end, j
        nxt = words[j + 1] if j + 1 < n else None
        postposed = prev is not None and prev.flags & F_NOUN and prev.text not in (
            NAME_GEN_TIME_HEADS
        ) and (nxt is None or not nxt.flags & F_CAP)
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
        except Exception as exc:  # noqa: BLE001 - any load failure means: use the fallback
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
