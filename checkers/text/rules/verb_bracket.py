"""de.verb-bracket: a wide Satzklammer, many words between the two parts of the verb.

Flags a main clause whose finite verb (werden, haben, sein, a modal verb, or a separable verb)
stands far from its second part at the clause end: the participle or infinitive ("Wir werden
Ihnen den Bescheid nach Prüfung aller Unterlagen zusenden") or the separable particle ("Wir
senden Ihnen den Bescheid nach Prüfung aller Unterlagen zu"). Readers must keep the sentence in
mind until the verb is complete. DIN 8581-1 / ISO 24495-1 ask for sentence structures that are
easy to follow; the threshold (option ``max_gap``, words between the parts) is a practitioners'
value, not from the standard.
Subordinate clauses are skipped: their verb is at the end by rule, not by choice.
No rewrite is generated; the message says to move information out of the middle.
Known false positives: "sein" + a participle used as an adjective counts as a bracket, and a
lexicon gap can make a clause-final adjective look like a participle.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.grammar import words
from checkers.text.rules.base import Hit, rule
from checkers.text.rules.clauses import subordinate_clauses
from checkers.text.rules.preterite import SEPARABLE
from checkers.text.tokens import Token

# Finite forms of the auxiliaries, the modal verbs and lassen.
_AUXILIARIES = ("werden", "haben", "sein", "modal_and_lassen")
FINITE_AUX = frozenset().union(
    *(words("closed", "finite_forms", verb) for verb in _AUXILIARIES)
)
_SEPARABLE_SET = frozenset(SEPARABLE)
# "." is no break: inside a sentence it belongs to an ordinal or a date ("am 3. März").
SEGMENT_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "!", "?", "…", "...", '"'})
WORD_KINDS = frozenset({"word", "abbrev", "number"})

META = rule_meta(__file__)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    max_gap = settings.get("max_gap")
    if max_gap is None:
        return
    max_gap = int(max_gap)
    lexicon = doc.resources.lexicon
    for sentence in doc.sentences:
        tokens = sentence.tokens
        if len(sentence.words) <= max_gap + 2:
            continue  # too short to hold a wide bracket: the common case, kept cheap
        subordinate_starts = set()
        for clause in subordinate_clauses(sentence):
            subordinate_starts.add(clause.start_index)
            subordinate_starts.add(clause.start_index - 1)  # a preposition before "dem"
        start = 0
        for index in range(len(tokens) + 1):
            if index < len(tokens) and tokens[index].text not in SEGMENT_BREAKS:
                continue
            if index > start and start not in subordinate_starts:
                hit = _bracket(tokens[start:index], max_gap, lexicon)
                if hit is not None:
                    yield hit
            start = index + 1


def _is_verb_form(word: str, lexicon: Any) -> bool:
    return word.islower() and (word in FINITE_AUX or lexicon.verb_lemma(word) is not None)


def _bracket(segment: list[Token], max_gap: int, lexicon: Any) -> Hit | None:
    words = [t for t in segment if t.kind in WORD_KINDS]
    if len(words) < max_gap + 2:
        return None
    last = words[-1]
    finite_index = None
    complement = None
    if last.text in _SEPARABLE_SET:
        # "Wir senden Ihnen … zu": the finite verb is the first word whose lemma forms a verb
        # with the particle.
        for position, word in enumerate(words[:-1]):
            if not _finite_position(position, word):
                continue
            lemma = lexicon.verb_lemma(word.text.lower())
            if lemma is not None and lexicon.verb_lemma(last.text + lemma) == last.text + lemma:
                finite_index, complement = position, len(words) - 1
                break
    else:
        for position, word in enumerate(words[:-1]):
            if word.text.lower() in FINITE_AUX and _finite_position(position, word):
                finite_index = position
                break
        if finite_index is None:
            return None
        # The verb cluster at the end: "zusenden", "gestellt werden", "zu stellen".
        complement = len(words)
        while complement - 1 > finite_index and (
            _is_verb_form(words[complement - 1].text, lexicon)
            or words[complement - 1].text == "zu"
        ):
            complement -= 1
        if complement == len(words):
            return None  # no verb at the end: "Das ist … wichtig"
    if finite_index is None or complement is None:
        return None
    gap = complement - finite_index - 1
    if gap <= max_gap:
        return None
    finite = words[finite_index]
    return Hit(finite.start, last.end, {"gap": gap, "max_gap": max_gap})


def _finite_position(position: int, word: Token) -> bool:
    """Finite verbs are lower case, except as the first word ("Werden Sie …")."""
    return word.text.islower() or position == 0


RULES = (check,)
