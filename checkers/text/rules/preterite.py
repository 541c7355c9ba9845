"""de.preterite: Präteritum of full verbs and Plusquamperfekt (Leichte Sprache: use Perfekt).

Flags the simple past of full verbs ("ging", "prüfte", "bekam") and the past perfect ("hatte …
geprüft", "war … gegangen"). Netzwerk Leichte Sprache and DIN SPEC 33429 ask for the Perfekt,
the tense of spoken German; sein, haben, werden, the modal verbs and "wissen" stay in the
Präteritum (option ``exempt_lemmas``), as they do in speech.
Suggestions: the sentence in the Perfekt ("Der Mitarbeiter prüfte Ihren Antrag." -> "Der
Mitarbeiter hat Ihren Antrag geprüft."), only when the auxiliary (haben or sein) and the
participle are certain: strong and mixed verbs come from the module's own table, weak verbs are
built from the lemma and checked against the lexicon. For the Plusquamperfekt the auxiliary is
put in the present ("hatte" -> "hat").
Known false positives: weak past forms that are also Konjunktiv II ("Wenn er zahlte, …" reads
the same), inflected participles used as adjectives after words the rule does not know.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.grammar import auxiliary_overrides, load, word_tuple, words
from checkers.text.rules.base import Fix, Hit, de_en, rule
from checkers.text.rules.clauses import RELATIVES, SUBORDINATORS
from checkers.text.segment import Sentence
from checkers.text.tokens import Token

# lemma, past stem, participle, auxiliary (h = haben, s = sein, ? = depends on the meaning), and
# the auxiliary of the verbs the table does not settle: checkers/text/grammar/verbs.yaml.
_STRONG_TABLE = load("verbs")["strong"]
AUX_OVERRIDES = auxiliary_overrides()
# Weak verbs with sein: movement and change of state.
WEAK_SEIN = words("verbs", "auxiliary", "sein")
INSEPARABLE = word_tuple("verbs", "prefixes", "inseparable")
# The rule's own subset of the separable prefixes (checkers/text/grammar/verbs.yaml): with all of
# them, "überwiesen", "übergossen", "unterlag" are read as particle verbs (measured: 8 new hits,
# most of them false).
SEPARABLE = (
    "ab", "an", "auf", "aus", "bei", "dabei", "dar", "durch", "ein", "fest", "fort", "her",
    "heraus", "herein", "hin", "hinaus", "los", "mit", "nach", "statt", "teil", "um", "vor",
    "voran", "vorbei", "weg", "weiter", "wieder", "zu", "zurück", "zusammen",
)
_SEPARABLE_SET = frozenset(SEPARABLE)
_PREFIXES = tuple(sorted(INSEPARABLE + SEPARABLE, key=len, reverse=True))
DEFAULT_EXEMPT = (
    "sein", "haben", "werden", "können", "müssen", "dürfen", "sollen", "wollen", "mögen",
    "wissen",
)
AUX_FORMS = {
    "h": {"1sg": "habe", "2sg": "hast", "3sg": "hat", "pl": "haben", "2pl": "habt"},
    "s": {"1sg": "bin", "2sg": "bist", "3sg": "ist", "pl": "sind", "2pl": "seid"},
}
PAST_PERFECT_AUX = {
    "hatte": ("h", "sg"), "hattest": ("h", "2sg"), "hatten": ("h", "pl"), "hattet": ("h", "2pl"),
    "war": ("s", "sg"), "warst": ("s", "2sg"), "waren": ("s", "pl"), "wart": ("s", "2pl"),
}
# Before these words a "-te"/"-ten" form is an adjective: "die bezahlte Rechnung".
ATTRIBUTIVE_CUES = frozenset(
    [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
        "eines", "kein", "keine", "keinen", "keinem", "keiner", "dieser", "diese", "dieses",
        "diesen", "diesem", "jeder", "jede", "jedes", "jeden", "jedem", "mein", "meine", "meinen",
        "meinem", "dein", "deine", "sein", "seine", "seinen", "seinem", "ihr", "ihre", "ihren",
        "ihrem", "unser", "unsere", "unseren", "unserem", "Ihr", "alle", "allen", "viele",
        "vielen", "wenige", "einige", "mehrere", "beide", "beiden", "sehr", "besonders", "mit",
        "von", "für", "ohne", "nach", "bei", "aus", "zu", "zum", "zur", "in", "im", "an", "am",
        "auf", "über", "unter", "vor", "durch", "gegen", "bis",
    ]
)
CLAUSE_PUNCT = frozenset({",", ";", ":", "–", "—", "(", ")", ".", "!", "?", "…", "..."})
COORDINATORS = words("closed", "coordinators", "clauses")
AMBIGUOUS_AT_START = frozenset(
    [
        "da", "damit", "als", "wie", "bis", "seit", "während", "wo", "warum", "weshalb", "wieso",
        "womit", "wofür", "wodurch", "worauf",
    ]
)
SUBJECT_PRONOUNS = words("closed", "pronouns", "subject") | {"Sie"}

MESSAGE_PAST_PERFECT = de_en(
    "Plusquamperfekt ('{word}') ist schwer. Schreiben Sie im Perfekt.",
    "The past perfect ('{word}') is hard. Use the Perfekt.",
)
NOTE = de_en("Prüfen Sie die Wort·stellung.", "Check the word order.")


@dataclass(frozen=True, slots=True)
class PastForm:
    lemma: str
    person: str  # "sg" (1st or 3rd), "2sg", "pl", "2pl"
    participle: str | None
    aux: str  # "h", "s" or "?"


def _strong_forms() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Past form -> (lemma, person), and lemma -> (participle, aux)."""
    forms: dict[str, tuple[str, str]] = {}
    lemmas: dict[str, tuple[str, str]] = {}
    for entry in _STRONG_TABLE.replace("\n", ";").split(";"):
        parts = entry.split()
        if not parts:
            continue
        lemma, stem, participle, aux = parts
        lemmas[lemma] = (participle, aux)
        if stem.endswith("te"):  # mixed verbs: brachte, dachte, kannte
            endings = {"sg": "", "2sg": "st", "pl": "n", "2pl": "t"}
        elif stem.endswith(("s", "ß", "z")):
            endings = {"sg": "", "2sg": "est", "pl": "en", "2pl": "t"}
        elif stem.endswith(("t", "d")):
            endings = {"sg": "", "2sg": "est", "pl": "en", "2pl": "et"}
        else:
            endings = {"sg": "", "2sg": "st", "pl": "en", "2pl": "t"}
        for person, ending in endings.items():
            forms.setdefault(stem + ending, (lemma, person))
    return forms, lemmas


STRONG_FORMS, STRONG_LEMMAS = _strong_forms()
# Participle -> lemma: the lexicon lacks some ("gefahren" is listed as an adjective).
STRONG_PARTICIPLES = {participle: lemma for lemma, (participle, _) in STRONG_LEMMAS.items()}

META = rule_meta(__file__)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    exempt = frozenset(settings.get("exempt_lemmas", DEFAULT_EXEMPT))
    past_perfect = bool(settings.get("past_perfect", True))
    lexicon = doc.resources.lexicon
    for sentence in doc.sentences:
        tokens = sentence.tokens
        for index, token in enumerate(tokens):
            if token.kind != "word":
                continue
            text = token.text
            if text[:1].isupper() and index != 0:
                continue  # nouns; a verb is capitalised only as the first word
            lower = text.lower()
            if past_perfect and lower in PAST_PERFECT_AUX:
                hit = _past_perfect(doc, sentence, index, lexicon)
                if hit is not None:
                    yield hit
                continue
            form = past_form(lower, lexicon)
            if form is None or form.lemma in exempt:
                continue
            previous = tokens[index - 1].text.lower() if index else ""
            if previous in ATTRIBUTIVE_CUES and lower.endswith(("te", "ten")):
                continue  # "die bezahlte Rechnung": an adjective
            fixes = []
            rewrite = _perfect_sentence(doc, sentence, index, form, lexicon)
            if rewrite is not None:
                fixes.append(Fix(rewrite, sentence.start, sentence.end, note=NOTE))
            yield Hit(token.start, token.end, {"word": text}, fixes)


_CACHE: dict[int, dict[str, PastForm | None]] = {}
_CACHE_LIMIT = 50_000


def past_form(word: str, lexicon: Any) -> PastForm | None:
    """The Präteritum reading of a lower-case word form, or None (memoised per lexicon: the
    same few thousand words come again and again)."""
    cache = _CACHE.setdefault(id(lexicon), {})
    if word in cache:
        return cache[word]
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    result = cache[word] = _past_form(word, lexicon)
    return result


def _past_form(word: str, lexicon: Any) -> PastForm | None:
    if word in STRONG_PARTICIPLES:
        return None  # "verloren" is also the participle; after "war" it is one
    if word in STRONG_FORMS:
        lemma, person = STRONG_FORMS[word]
        participle, aux = STRONG_LEMMAS[lemma]
        return PastForm(lemma, person, participle, AUX_OVERRIDES.get(lemma, aux))
    prefixed = _prefixed_strong(word, lexicon)
    if prefixed is not None:
        return prefixed
    if not word.endswith(("te", "ten", "test", "tet")):
        return None
    lemma = lexicon.verb_lemma(word)
    if lemma is None or lemma in STRONG_LEMMAS:
        return None
    stem = lemma[:-1] if lemma.endswith(("eln", "ern")) else lemma[:-2]
    for infix in ("te", "ete"):
        base = stem + infix
        for person, ending in (("sg", ""), ("2sg", "st"), ("pl", "n"), ("2pl", "t")):
            if word == base + ending:
                participle = _weak_participle(lemma, stem, lexicon)
                aux = AUX_OVERRIDES.get(lemma) or ("s" if _core(lemma) in WEAK_SEIN else "h")
                return PastForm(lemma, person, participle, aux)
    return None


def aux_of(lemma: str) -> str:
    """'h', 's' or '?' (depends on the meaning) for a verb lemma."""
    if lemma in AUX_OVERRIDES:
        return AUX_OVERRIDES[lemma]
    if lemma in STRONG_LEMMAS:
        return STRONG_LEMMAS[lemma][1]
    core = _core(lemma)
    if core in STRONG_LEMMAS:
        return STRONG_LEMMAS[core][1]
    for prefix in INSEPARABLE:
        rest = lemma[len(prefix) :]
        if lemma.startswith(prefix) and rest in STRONG_LEMMAS:
            return "?" if STRONG_LEMMAS[rest][1] != "h" else "h"
    return "s" if core in WEAK_SEIN else "h"


def _core(lemma: str) -> str:
    """The verb without a separable particle: 'einwandern' -> 'wandern'."""
    for prefix in _PREFIXES:
        if prefix in _SEPARABLE_SET and lemma.startswith(prefix) and len(lemma) > len(prefix) + 3:
            return lemma[len(prefix) :]
    return lemma


def _prefixed_strong(word: str, lexicon: Any) -> PastForm | None:
    """'bekam' = be + kam, 'umzogen' = um + zogen; confirmed by the lexicon's lemma."""
    for prefix in _PREFIXES:
        if not word.startswith(prefix) or len(word) - len(prefix) < 2:
            continue
        rest = word[len(prefix) :]
        if rest not in STRONG_FORMS:
            continue
        base_lemma, person = STRONG_FORMS[rest]
        lemma = prefix + base_lemma
        if lexicon.verb_lemma(word) != lemma:
            continue
        base_participle, base_aux = STRONG_LEMMAS[base_lemma]
        if prefix in INSEPARABLE:
            participle = prefix + base_participle.removeprefix("ge")
            # A sein-verb with an inseparable prefix often takes haben (bekommen): unsure.
            aux = AUX_OVERRIDES.get(lemma, "?" if base_aux != "h" else "h")
        else:
            participle = prefix + base_participle
            aux = AUX_OVERRIDES.get(lemma, base_aux)
        return PastForm(lemma, person, participle, aux)
    return None


def _weak_participle(lemma: str, stem: str, lexicon: Any) -> str | None:
    ending = "et" if stem.endswith(("t", "d")) or (
        stem.endswith(("m", "n")) and len(stem) > 2 and stem[-2] not in "aeiouäöülrh"
    ) else "t"
    particle = ""
    core_stem = stem
    for prefix in SEPARABLE:
        if lemma.startswith(prefix) and lexicon.verb_lemma(lemma[len(prefix) :]) == lemma[
            len(prefix) :
        ] and len(lemma) > len(prefix) + 3:
            particle, core_stem = prefix, stem[len(prefix) :]
            break
    # Verbs in -ieren and with an inseparable prefix have no "ge" (informiert, bezahlt); the
    # prefix test is by spelling only, so the lexicon decides between the two candidates.
    candidates = [particle + "ge" + core_stem + ending]
    if lemma.endswith("ieren") or core_stem.startswith(INSEPARABLE):
        candidates.append(particle + core_stem + ending)
    for candidate in candidates:
        if lexicon.verb_lemma(candidate) == lemma:
            return candidate
        if particle and lexicon.verb_lemma(candidate[len(particle) :]) == lemma[len(particle) :]:
            return candidate  # "zurückgeschickt": the lexicon knows "geschickt"
    return None


def _person(tokens: list[Token], start: int, end: int, person: str) -> str:
    """1st or 3rd person for a singular form: 'ich' anywhere in the clause (a coordinated
    clause without its own subject shares the clause range with the first one)."""
    if person != "sg":
        return person
    return "1sg" if any(t.text in ("ich", "Ich") for t in tokens[start:end]) else "3sg"


def _clause_bounds(tokens: list[Token], index: int, lexicon: Any) -> tuple[int, int]:
    """Token range of the clause around ``index``: up to punctuation, or up to a coordinator
    that starts a new clause ("und er schickte", "und schickte")."""
    start = index
    while start > 0 and tokens[start - 1].text not in CLAUSE_PUNCT:
        start -= 1
    end = index + 1
    while end < len(tokens) and tokens[end].text not in CLAUSE_PUNCT:
        lower = tokens[end].text.lower()
        if lower in COORDINATORS and end + 1 < len(tokens) and (
            tokens[end + 1].text in SUBJECT_PRONOUNS or _finite(tokens[end + 1].text, lexicon)
        ):
            break
        end += 1
    return start, end


def _finite(word: str, lexicon: Any) -> bool:
    if not word.islower():
        return False
    lemma = lexicon.verb_lemma(word)
    return lemma is not None and lemma != word and not word.startswith("ge")


def _is_subordinate(tokens: list[Token], start: int, end: int) -> bool:
    """Does the clause tokens[start:end] begin with a conjunction or relative pronoun?"""
    first = tokens[start].text.lower() if start < len(tokens) else ""
    if start == 0:
        # At the sentence start "Der …" is an article and "Da …", "Als …" may be adverbs;
        # they open a clause only when a comma closes it ("Als Sie anriefen, …").
        if first in AMBIGUOUS_AT_START:
            return end < len(tokens) and tokens[end].text == ","
        return first in SUBORDINATORS
    if first in SUBORDINATORS or first in RELATIVES:
        return True
    return start + 1 < len(tokens) and tokens[start + 1].text.lower() in RELATIVES


def _perfect_sentence(
    doc: AnalyzedText, sentence: Sentence, index: int, form: PastForm, lexicon: Any
) -> str | None:
    if form.aux == "?" or form.participle is None:
        return None
    tokens = sentence.tokens
    text = doc.text
    verb = tokens[index]
    start, end = _clause_bounds(tokens, index, lexicon)
    person = _person(tokens, start, end, form.person)
    participle, aux_kind = form.participle, form.aux
    if _is_subordinate(tokens, start, end) and index == end - 1 and start != index:
        aux = AUX_FORMS[aux_kind][person]
        return text[sentence.start : verb.start] + f"{participle} {aux}" + text[
            verb.end : sentence.end
        ]
    if _is_subordinate(tokens, start, end):
        return None
    last = tokens[end - 1]
    boundary = tokens[end].text if end < len(tokens) else ""
    if boundary == "," and index == end - 1:
        return None  # "Er ging, weil …, nach Hause": the clause goes on after the comma
    if end - 1 > index and last.text in _SEPARABLE_SET:
        combined = last.text + form.lemma
        known = lexicon.verb_lemma(combined) == combined
        if not known and form.lemma in STRONG_LEMMAS and form.aux != "h":
            return None  # an unknown particle verb of a sein-verb: the auxiliary is unsure
        # Particle verbs keep the simple verb's auxiliary (ankommen: sein, abnehmen: haben)
        # unless the override table knows better (aufstehen: sein).
        aux_kind = AUX_OVERRIDES.get(combined, aux_kind)
        if aux_kind == "?":
            return None
        participle = last.text + participle
        aux = AUX_FORMS[aux_kind][person]
        aux = aux.capitalize() if verb.text[:1].isupper() else aux
        return (
            text[sentence.start : verb.start] + aux + text[verb.end : last.start]
            + participle + text[last.end : sentence.end]
        )
    aux = AUX_FORMS[aux_kind][person]
    aux = aux.capitalize() if verb.text[:1].isupper() else aux
    if end - 1 == index:
        return text[sentence.start : verb.start] + f"{aux} {participle}" + text[
            verb.end : sentence.end
        ]
    return (
        text[sentence.start : verb.start] + aux + text[verb.end : last.end] + " " + participle
        + text[last.end : sentence.end]
    )


def _is_participle(word: str, lexicon: Any) -> str | None:
    """Lemma of a past participle ('gestellt', 'angekommen', 'informiert'), else None."""
    if not word.islower() or not word.endswith(("t", "en")):
        return None
    if word in STRONG_PARTICIPLES:
        return STRONG_PARTICIPLES[word]
    for prefix in SEPARABLE:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and rest in STRONG_PARTICIPLES:
            return prefix + STRONG_PARTICIPLES[rest]
    lemma = lexicon.verb_lemma(word)
    if lemma is None:
        return None
    if word == lemma:
        # "bekommen", "vergessen": participle and infinitive look alike; accept only
        # inseparable-prefix verbs, whose participle has no "ge".
        return lemma if word.startswith(INSEPARABLE) and not word.startswith("ge") else None
    if "ge" in word or word.endswith("iert"):
        return lemma
    return lemma if word.startswith(INSEPARABLE) and word.endswith("t") else None


def _past_perfect(
    doc: AnalyzedText, sentence: Sentence, index: int, lexicon: Any
) -> Hit | None:
    tokens = sentence.tokens
    aux_token = tokens[index]
    aux_kind, person = PAST_PERFECT_AUX[aux_token.text.lower()]
    start, end = _clause_bounds(tokens, index, lexicon)
    if index == end - 1 and index - 1 > start:
        participle_index = index - 1  # verb-final: "nachdem Sie gegangen waren"
    elif end - 1 > index:
        participle_index = end - 1
    else:
        return None
    candidate = tokens[participle_index]
    if participle_index > 0 and tokens[participle_index - 1].text == "zu":
        return None
    lemma = _is_participle(candidate.text, lexicon)
    if lemma is None:
        return None
    # "war geschlossen" is a state (Zustandspassiv); only sein-verbs form a past perfect.
    if aux_kind == "s" and aux_of(lemma) == "h":
        return None
    present = AUX_FORMS[aux_kind][_person(tokens, start, end, person)]
    if aux_token.text[:1].isupper():
        present = present.capitalize()
    first, last = sorted((index, participle_index))
    span_start, span_end = tokens[first].start, tokens[last].end
    return Hit(
        span_start, span_end, {"word": doc.text[span_start:span_end]},
        [Fix(present, aux_token.start, aux_token.end, note=NOTE)],
        message=MESSAGE_PAST_PERFECT,
    )


RULES = (check,)
