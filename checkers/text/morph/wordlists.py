"""Word lists and token feature bits of the morphology analyzer.

The grammar facts (closed word classes, prepositions, verb tables, noun gender) come from
``checkers.text.grammar``; the cue lists here are the analyzer's own heuristics.
"""

from __future__ import annotations

from checkers.text.grammar import (
    case_prepositions,
    form_to_lemma,
    strong_verbs,
    table,
    word_tuple,
    words,
)


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
SEIN_PERFECT_BASES = frozenset(
    lemma for lemma, (_, _, aux) in strong_verbs().items() if aux != "h"
) | words("verbs", "auxiliary", "sein") | words("verbs", "auxiliary", "either")
# "gefallen" (to please) takes haben, but the participle of "fallen" is spelled the same and is
# the one met after sein ("ist ins Wasser gefallen").
SEIN_PERFECT_EXCEPTIONS = words("verbs", "auxiliary", "haben") - {"gefallen"}
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
    "beeindruckt aufgeschmissen gerecht umstritten gesund angewiesen kompliziert"
)
ADJECTIVAL_AFTER_WERDEN = _words("bekannt verrückt erwachsen verwandt bestimmt gelegen kompliziert")
DEGREE_ADVERBS = words("closed", "degree_adverbs")
SEPARABLE_PREFIXES = tuple(sorted(words("verbs", "prefixes", "separable"), key=len, reverse=True))
# Strong participles the lemma table lacks or maps to a wrong verb.
PARTICIPLE_OVERRIDES = table("verbs", "participle_overrides")
# Inseparable, or either way ("übersetzen"); "wieder" only in "wiederholen", read as separable.
INSEPARABLE_PREFIXES = word_tuple("verbs", "prefixes", "inseparable") + tuple(
    prefix for prefix in word_tuple("verbs", "prefixes", "either") if prefix != "wieder"
)
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
PREPOSITIONS = case_prepositions() | frozenset(table("prepositions", "contractions"))
# Words that open a verb-final clause: conjunctions, w-words, relative pronouns.
SUBORDINATORS = (
    words("closed", "subordinators", "conjunctions") | words("closed", "subordinators", "adverbs")
    | words("closed", "subordinators", "pronouns") | words("closed", "relative_pronouns")
)
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
# Irregular present forms ("wird", "hat", "weiß"): never preterites.
IRREGULAR_PRESENT_FORMS = frozenset(
    form for forms in table("verbs", "present").values() for form in forms
)

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
    "einem einen keinem keinen jedem jeden "
    "wenige mehrere welche meisten denen zwei drei vier fünf sechs sieben acht neun zehn "
    "hälfte teil rest großteil mehrheit"
)
GEN_VERBS = words("verbs", "genitive_object")
QUANTITY_NOUNS = _words("Menge Reihe Anzahl Paar Dutzend Haufen Liste Sammlung Stück Sorte")
EPITHETS = _words("Große Ältere Jüngere Erste Zweite Dritte Vierte Heilige Kahle Fromme Weise "
                  "Kühne Gute Letzte Dicke Lange Schöne Starke")
NAME_GEN_TIME_HEADS = _words("Anfang Ende Mitte Beginn")
# Determiner-like words that also stand as adjectives after an article ("der vielen Häuser").
ATTRIBUTIVE_QUANTIFIERS = _words("vielen wenigen beiden anderen einzelnen meisten")
# English words before a capitalised -s word: "Health and Hospitals Corporation" is a name.
ENGLISH_FUNCTION_WORDS = _words("and of the for with by &")
# Names whose genitive is a bare apostrophe ("Darius'", "Max'", "Grass'").
APOSTROPHE_ONLY = ("s", "x", "z", "ß")

OPENING_QUOTES = frozenset("„‚«»›‹\"“")
CLOSING_QUOTES = frozenset("“”‘«»‹›\"")
BOUNDARY_PUNCT = frozenset(",;:()[]{}–—„“”\"«»‹›…!?")
CONJ_COORD = words("closed", "coordinators", "clauses") | words("closed", "coordinators", "phrases")

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
F_APOS = 1 << 19  # an apostrophe follows the word directly ("Darius'")
F_GEN_C = 1 << 20  # lower-case -er/-en word: a strong adjective of an article-less genitive?
DEEP_FOR = ((F_PART, F_PART_C), (F_ZUINF, F_ZUINF_C), (F_SUBJ, F_SUBJ_C))

PASSIVE_TRIGGER = F_WERDEN | F_WORDEN | F_SEIN
PASSIVE_TARGET = F_PART_C | F_ZUINF_C | F_ZU
