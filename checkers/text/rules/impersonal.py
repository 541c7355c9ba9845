"""de.impersonal: "man" where the text could address the reader with "Sie".

Flags every "man". Leichte Sprache (Netzwerk Leichte Sprache, DIN SPEC 33429) asks to address
readers directly; Einfache Sprache and plain-language guides (ISO 24495-1) recommend it too.
LanguageTool's SentenceWithManRule is the model. The suggestion rewrites "man" with its verb so
that the verb agrees: "man muss" -> "Sie müssen", "kann man" -> "können Sie", "wenn man krank
ist" -> "wenn Sie krank sind". Verb forms come from a small table (sein, haben, werden, modals,
common past and subjunctive forms) and otherwise from the lexicon's lemma, which is the
"Sie"-form of every German verb except "sein".
Known false positives: generic statements where "Sie" changes the meaning ("Man sagt, dass …"
means "people say"); the suggestion is for review.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Fix, Hit, de_en, rule
from checkers.text.rules.clauses import RELATIVES, SUBORDINATORS
from checkers.text.segment import Sentence
from checkers.text.tokens import Token

# 3rd person singular -> "Sie"-form where the lemma does not give it (sein, modals, past and
# subjunctive forms).
SIE_FORMS = {
    "ist": "sind", "war": "waren", "wäre": "wären", "sei": "seien",
    "hat": "haben", "hatte": "hatten", "hätte": "hätten",
    "wird": "werden", "wurde": "wurden", "würde": "würden",
    "muss": "müssen", "musste": "mussten", "müsste": "müssten",
    "kann": "können", "konnte": "konnten", "könnte": "könnten",
    "darf": "dürfen", "durfte": "durften", "dürfte": "dürften",
    "soll": "sollen", "sollte": "sollten",
    "will": "wollen", "wollte": "wollten",
    "mag": "mögen", "mochte": "mochten", "möchte": "möchten",
    "weiß": "wissen", "wusste": "wussten",
    "tut": "tun", "tat": "taten",
}
W_WORDS = frozenset(
    [
        "was", "wer", "wie", "wo", "wann", "warum", "wohin", "woher", "womit", "wofür", "worauf",
        "wozu",
    ]
)
CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?", "…", "...", "(", ")", "–"})
NOTE = de_en(
    "Prüfen Sie, ob wirklich die Leserin oder der Leser gemeint ist.",
    "Check that the reader is really meant.",
)

META = rule_meta(__file__)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    lexicon = doc.resources.lexicon
    for sentence in doc.sentences:
        for index, token in enumerate(sentence.tokens):
            if token.kind == "word" and token.text in ("man", "Man"):
                fix = _rewrite(doc, sentence, index, lexicon)
                yield Hit(token.start, token.end, {"word": token.text},
                          [fix] if fix else [Fix("Sie", note=NOTE)])


def sie_form(word: str, lexicon: Any) -> str | None:
    """The verb form that goes with 'Sie' for a 3rd-person-singular form, or None."""
    lower = word.lower()
    if lower in SIE_FORMS:
        return SIE_FORMS[lower]
    lemma = lexicon.verb_lemma(lower)
    if lemma is None or lemma == lower:
        return None  # not a verb, or an infinitive (not finite)
    # "gemacht" is a participle (its lemma lacks the "ge"); "geht", "gehört" are finite.
    participle = lower.startswith("ge") and not lemma.startswith("ge")
    if lower.endswith("t") and not participle:
        return "sind" if lemma == "sein" else lemma  # present tense: "findet" -> "finden"
    # Past and subjunctive forms: "machte" -> "machten", "ging" -> "gingen".
    for candidate in (lower + "n", lower + "en"):
        if lexicon.verb_lemma(candidate) == lemma:
            return candidate
    return None


def _cased(form: str, like: Token) -> str:
    return form[:1].upper() + form[1:] if like.text[:1].isupper() else form


def _rewrite(doc: AnalyzedText, sentence: Sentence, index: int, lexicon: Any) -> Fix | None:
    tokens = sentence.tokens
    man = tokens[index]
    previous = tokens[index - 1] if index else None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if previous is not None and previous.kind == "word":
        lower = previous.text.lower()
        if lower in SUBORDINATORS or lower in RELATIVES or lower in W_WORDS:
            # Verb-final clause: "wenn man krank ist" -> "wenn Sie krank sind".
            return _verb_final(doc, tokens, index, lexicon)
        form = sie_form(previous.text, lexicon)
        if form is not None:
            return Fix(f"{_cased(form, previous)} Sie", previous.start, man.end, note=NOTE)
    if following is not None and following.kind == "word":
        form = sie_form(following.text, lexicon)
        if form is not None:
            return Fix(f"Sie {form}", man.start, following.end, note=NOTE)
    return None


def _verb_final(doc: AnalyzedText, tokens: list[Token], index: int, lexicon: Any) -> Fix | None:
    man = tokens[index]
    end = index + 1
    while end < len(tokens) and tokens[end].text not in CLAUSE_END:
        end += 1
    if end - 1 <= index:
        return None
    verb = tokens[end - 1]
    form = sie_form(verb.text, lexicon) if verb.kind == "word" else None
    if form is None:
        return None
    middle = doc.text[man.end : verb.start]
    return Fix(f"Sie{middle}{form}", man.start, verb.end, note=NOTE)


RULES = (check,)
