"""Clause structure from word lists: where subordinate and relative clauses start, and rewrites that
split a long sentence into main clauses. Shared by de.sentence-length and de.subordinate-clause.

Without a parser, a verb-final clause is the stretch from a subordinating conjunction (or a
relative pronoun after a comma) to the next comma or the sentence end; its last word is taken as
the finite verb. Moving that verb to second place after the subject gives a main clause:
"weil Sie umgezogen sind" -> "Sie sind umgezogen".
Words that are also adverbs, prepositions or question words (da, damit, als, bis, wo, …) open a
clause only after a comma, or at the sentence start when a comma closes the clause; der/die/das
after a comma followed directly by a noun is an article in a list, not a relative pronoun.
"""

from __future__ import annotations

from dataclasses import dataclass

from checkers.text.analysis import AnalyzedText
from checkers.text.grammar import case_prepositions, words
from checkers.text.segment import Sentence
from checkers.text.tokens import Token

SUBORDINATORS = words("closed", "subordinators", "conjunctions") | words(
    "closed", "subordinators", "adverbs"
)
RELATIVES = words("closed", "relative_pronouns")
PREPOSITIONS_BEFORE_RELATIVE = case_prepositions()
COORDINATORS = words("closed", "coordinators", "clauses")
PRONOUNS = words("closed", "pronouns", "subject") | {"Sie"}
ARTICLES = words("closed", "determiners")
LEAD_INS = {"weil": "Der Grund ist:", "da": "Der Grund ist:", "denn": "Der Grund ist:"}


@dataclass(frozen=True, slots=True)
class Clause:
    start_index: int  # index in sentence.tokens of the introducing word
    end_index: int  # exclusive
    kind: str  # "subordinate" | "relative"
    word: str  # the introducing word


# Words that open a clause only in some positions: after a comma, or at the sentence start when a
# comma closes the clause ("Als Sie anriefen, …"). Elsewhere they are adverbs, prepositions or
# question words: "Da müssen Sie hin.", "bis Ende März", "so schnell wie möglich", "Wo wohnen Sie?".
AMBIGUOUS_INTRODUCERS = frozenset(
    [
        "da", "damit", "als", "wie", "bis", "während", "seit", "wo", "wohin", "woher", "warum",
        "weshalb", "wieso", "womit", "wofür", "wodurch", "worauf", "worüber", "wovon", "wozu",
    ]
)
# Question words that open an indirect question or free relative clause after a comma only.
INTERROGATIVES = frozenset({"was", "wer", "wann"})
# Capitalised words after der/die/das that still allow a relative clause: ", die Sie kennen".
FORMAL_PRONOUNS = frozenset({"Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"})
_CLAUSE_END = frozenset({",", ".", ";", ":", "!", "?"})


def subordinate_clauses(sentence: Sentence) -> list[Clause]:
    tokens = sentence.tokens
    clauses: list[Clause] = []
    count = len(tokens)
    for index, token in enumerate(tokens):
        lower = token.text.lower()
        previous = tokens[index - 1].text if index else ""
        kind = None
        if lower in AMBIGUOUS_INTRODUCERS or lower in INTERROGATIVES:
            if previous == ",":
                kind = "subordinate"
            elif (
                index == 0 and lower in AMBIGUOUS_INTRODUCERS and sentence.terminal != "?"
                and _clause_end(tokens, index) < count
                and tokens[_clause_end(tokens, index)].text == ","
            ):
                kind = "subordinate"  # "Als Sie anriefen, waren wir nicht da."
        elif lower in SUBORDINATORS:
            kind = "subordinate"
        elif lower in RELATIVES and (
            previous == ","
            or (previous.lower() in PREPOSITIONS_BEFORE_RELATIVE and _before(tokens, index - 1))
        ) and not _article_use(tokens, index):
            kind = "relative"
        if kind is None:
            continue
        if lower == "da" and index + 1 < count and tokens[index + 1].text.lower() in (
            "ist", "sind", "war", "gibt", "steht", "liegt",
        ):
            continue  # "da ist ..." is the adverb
        end = _clause_end(tokens, index)
        if end - index >= 3:
            clauses.append(Clause(index, end, kind, lower))
    return clauses


def _clause_end(tokens: list[Token], index: int) -> int:
    end = index + 1
    while end < len(tokens) and tokens[end].text not in _CLAUSE_END:
        end += 1
    return end


def _article_use(tokens: list[Token], index: int) -> bool:
    """', die Meldebescheinigung und …' lists nouns: der/die/das is an article there, not a
    relative pronoun. A relative pronoun is followed by a pronoun, an adverb or the verb, rarely
    directly by a noun (genitive dessen/deren excepted)."""
    if tokens[index].text.lower() in ("dessen", "deren"):
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None or following.kind != "word":
        return False
    if following.text[:1].isupper():
        return following.text not in FORMAL_PRONOUNS
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    # ", die neue Adresse": adjective + noun.
    return (
        after is not None and after.kind == "word" and after.text[:1].isupper()
        and after.text not in FORMAL_PRONOUNS and following.text.endswith(("e", "en", "er", "es"))
        and following.text not in ("sie", "ihre", "ihren", "seine", "seinen")
    )


def _before(tokens: list[Token], index: int) -> bool:
    return index > 0 and tokens[index - 1].text == ","


def _subject_length(words: list[Token]) -> int:
    if not words:
        return 0
    if words[0].text in PRONOUNS or words[0].text.lower() in PRONOUNS:
        return 1
    if words[0].text.lower() in ARTICLES:
        for offset, word in enumerate(words[1:], start=1):
            if word.is_capitalized:
                return offset + 1
        return 0
    return 1 if words[0].is_capitalized else 0


def to_main_clause(text: str, words: list[Token]) -> str | None:
    """Verb-final clause words (without the conjunction) -> main-clause order, or None."""
    if len(words) < 2:
        return None
    subject = _subject_length(words)
    if subject == 0 or subject >= len(words) - 1:
        return None
    verb = words[-1]
    rest = words[subject:-1]
    parts = [w.text for w in words[:subject]] + [verb.text] + [w.text for w in rest]
    if parts[0] not in ("Sie",) and parts[0].lower() in PRONOUNS:
        parts[0] = parts[0].lower()
    return " ".join(parts)


def split_points(doc: AnalyzedText, sentence: Sentence) -> list[str]:
    """Rewrites of the sentence as several shorter sentences (best first); may be empty."""
    tokens = sentence.tokens
    rewrites: list[str] = []
    for clause in subordinate_clauses(sentence):
        if clause.word not in LEAD_INS or clause.start_index < 2:
            continue
        if tokens[clause.start_index - 1].text != ",":
            continue
        head = doc.text[sentence.start : tokens[clause.start_index - 1].start].rstrip()
        body = list(tokens[clause.start_index + 1 : clause.end_index])
        pieces = _split_coordinated(body)
        converted = [to_main_clause(doc.text, piece) for piece in pieces]
        if any(c is None for c in converted):
            continue
        tail = doc.text[tokens[clause.end_index - 1].end : sentence.end].strip(" ,")
        if tail not in ("", ".", "!", "?"):
            continue
        body_text = " und ".join(c for c in converted if c)
        rewrites.append(f"{head}. {LEAD_INS[clause.word]} {_capitalize(body_text)}.")
    coordinate = _split_at_coordinator(doc, sentence)
    if coordinate:
        rewrites.append(coordinate)
    return rewrites


def _split_coordinated(words: list[Token]) -> list[list[Token]]:
    """'Sie umgezogen sind und wir ... kennen' -> two verb-final clauses (when the second has a
    pronoun subject)."""
    pieces: list[list[Token]] = [[]]
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if word.text == "und" and following is not None and following.text in PRONOUNS:
            pieces.append([])
            continue
        pieces[-1].append(word)
    return [p for p in pieces if p]


def _split_at_coordinator(doc: AnalyzedText, sentence: Sentence) -> str | None:
    """', und/aber/oder/denn' + pronoun subject joins two main clauses: split there."""
    tokens = sentence.tokens
    for index in range(1, len(tokens) - 2):
        if tokens[index - 1].text != "," or tokens[index].text.lower() not in COORDINATORS:
            continue
        if tokens[index + 1].text not in PRONOUNS and tokens[index + 1].text.lower() not in (
            "dann", "danach", "deshalb", "trotzdem", "dort", "hier", "das", "die", "der",
        ):
            continue
        head = doc.text[sentence.start : tokens[index - 1].start].rstrip()
        word = tokens[index].text.lower()
        rest = doc.text[tokens[index + 1].start : sentence.end]
        lead = "" if word == "und" else word.capitalize() + " "
        if not lead:
            rest = _capitalize(rest)
        return f"{head}. {lead}{rest}"
    return None


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]
