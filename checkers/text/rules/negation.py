"""de.negation: negations, and double negations above all.

Flags "nicht", the forms of "kein", "nie", "niemals", "niemand", "nichts", "nirgends",
"weder … noch" (Leichte Sprache: every negation, because a small word changes the whole meaning
and is easily overlooked), and double negations in every profile: two negations in one clause
("Niemand darf nicht …", "nicht ohne") or a negation before an un-adjective ("nicht unwichtig").
Netzwerk Leichte Sprache: "Schreiben Sie positiv"; DIN SPEC 33429; ISO 24495-1 advises against
double negatives.
Suggestions come from a small antonym list of the module's own ("nicht erlaubt" -> "verboten",
"Vergessen Sie nicht" -> "Denken Sie an"); they must be reviewed: the meaning can shift.
Known false positives: "nicht nur … sondern auch" and "nicht wahr" are skipped; negations in
quoted speech are counted like any other.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Fix, Hit, de_en, rule
from checkers.text.rules.clauses import SUBORDINATORS
from checkers.text.segment import Sentence
from checkers.text.tokens import Token

NEGATORS = frozenset(
    [
        "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "keins", "keinerlei",
        "nie", "niemals", "niemand", "niemanden", "niemandem", "nichts", "nirgends", "nirgendwo",
        "nirgendwohin", "keinesfalls", "keineswegs", "weder",
    ]
)
# Counted only as the second part of a double negation: "nicht ohne Ihren Ausweis".
SECOND_ONLY = frozenset({"ohne"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "und", "oder", "aber", "sondern"})
# "un-" words that are not negated adjectives.
UN_EXCEPTIONS = frozenset(
    [
        "unbedingt", "ungefähr", "unheimlich", "unglaublich", "unten", "unter", "unterwegs",
        "unser", "unsere", "uns", "und", "um", "unmittelbar", "unverzüglich",
    ]
)
# Words after "nicht X" that close the phrase, so that "nicht X" can be replaced on its own.
CLOSERS_AFTER_ADJECTIVE = frozenset(
    [
        "und", "oder", "aber", "sondern", "ist", "sind", "war", "waren", "wird", "werden",
        "wurde", "wurden", "sein", "bin", "bist", "seid", "gewesen", "bleibt", "bleiben",
    ]
)
# Our own antonym list: "nicht X" -> Y. Only pairs whose meaning stays the same in ordinary
# administrative texts; "nicht möglich" -> "unmöglich" is deliberately missing (no simpler).
ANTONYMS = {
    "erlaubt": "verboten", "verboten": "erlaubt", "krank": "gesund", "gesund": "krank",
    "richtig": "falsch", "falsch": "richtig", "genug": "zu wenig", "oft": "selten",
    "immer": "manchmal", "weit": "nah", "schwer": "leicht", "einfach": "schwer",
    "leicht": "schwer", "geöffnet": "geschlossen", "geschlossen": "geöffnet", "offen": "zu",
    "pünktlich": "zu spät", "gut": "schlecht", "schlecht": "gut", "viel": "wenig",
    "viele": "wenige", "früh": "spät", "spät": "früh", "kalt": "warm", "warm": "kalt",
    "laut": "leise", "leise": "laut", "groß": "klein", "klein": "groß", "schnell": "langsam",
    "langsam": "schnell", "teuer": "günstig", "gleich": "anders", "neu": "alt",
    "vollständig": "unvollständig", "bezahlt": "offen", "bestanden": "durchgefallen",
}
PHRASE_ANTONYMS = {("zu", "spät"): "pünktlich", ("mehr", "gültig"): "abgelaufen"}
NOTE_REVIEW = de_en(
    "Prüfen Sie, ob die Bedeutung gleich bleibt.",
    "Check that the meaning stays the same.",
)

MESSAGE_DOUBLE = de_en(
    "Doppelte Verneinung: '{words}'. Das ist sehr schwer zu verstehen. Sagen Sie es positiv.",
    "Double negation: '{words}'. This is very hard to understand. Say it positively.",
)
EXPLANATION_DOUBLE = de_en(
    "Zwei Verneinungen heben sich auf: 'nicht unwichtig' heißt 'wichtig'. Schreiben Sie "
    "das direkt.",
    "Two negations cancel out: 'nicht unwichtig' means 'wichtig'. Write that directly.",
)

META = rule_meta(__file__)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    single = bool(settings.get("single", False))
    double_severity = settings.get("double_severity")
    lexicon = doc.resources.lexicon
    for sentence in doc.sentences:
        yield from _check_sentence(doc, sentence, single, double_severity, lexicon)


def _check_sentence(
    doc: AnalyzedText, sentence: Sentence, single: bool, double_severity: str | None,
    lexicon: object,
) -> Iterator[Hit]:
    tokens = sentence.tokens
    count = len(tokens)
    negations: list[int] = []
    for index, token in enumerate(tokens):
        lower = token.text.lower()
        if token.kind != "word" or lower not in NEGATORS:
            continue
        following = tokens[index + 1].text.lower() if index + 1 < count else ""
        if lower == "nicht" and following in ("nur", "wahr"):
            continue  # "nicht nur … sondern auch" adds; "nicht wahr?" asks
        negations.append(index)
    if not negations:
        return
    doubled: set[int] = set()
    for hit, members in _double_negations(tokens, negations, lexicon, doc.text):
        doubled.update(members)
        if double_severity:
            hit.severity = double_severity  # type: ignore[assignment]
        yield hit
    if not single:
        return
    for index in negations:
        if index in doubled:
            continue
        token = tokens[index]
        yield Hit(
            token.start, token.end, {"word": token.text}, _suggestions(doc, tokens, index),
        )


def _clause_id(tokens: list[Token]) -> list[int]:
    """Clause number per token: a new clause at commas, coordinators and subordinators."""
    ids: list[int] = []
    current = 0
    for token in tokens:
        lower = token.text.lower()
        if lower in CLAUSE_BREAKS or lower in SUBORDINATORS:
            current += 1
        ids.append(current)
    return ids


def _double_negations(
    tokens: list[Token], negations: list[int], lexicon: object, text: str
) -> Iterator[tuple[Hit, list[int]]]:
    """Double negations per clause, each with the indices of the negations it covers."""
    clause = _clause_id(tokens)
    by_clause: dict[int, list[int]] = {}
    for index in negations:
        if tokens[index].text.lower() == "weder":
            continue  # "weder … noch" is one negation; it never doubles with itself
        by_clause.setdefault(clause[index], []).append(index)
    for index, token in enumerate(tokens):
        if token.text.lower() in SECOND_ONLY:
            earlier = [n for n in by_clause.get(clause[index], []) if n < index]
            if earlier:
                by_clause[clause[index]].append(index)
    for members in by_clause.values():
        members.sort()
        if len(members) >= 2:
            first, second = members[0], members[1]
            yield _double_hit(tokens, text, first, second), members
            continue
        first = members[0]
        # "nicht unwichtig", "kein unwichtiges Thema", "nicht ganz unüblich".
        for offset in (1, 2):
            position = first + offset
            if position >= len(tokens) or clause[position] != clause[first]:
                break
            if _is_un_adjective(tokens[position].text, lexicon):
                hit = _double_hit(tokens, text, first, position)
                if offset == 1 and tokens[first].text.lower() == "nicht":
                    # "nicht unwichtig" -> "wichtig"; with a word between ("nicht ganz
                    # unwichtig") the meaning is weaker, so no rewrite is offered.
                    hit.fixes.append(Fix(tokens[position].text[2:], note=NOTE_REVIEW))
                yield hit, [first]
                break


def _double_hit(tokens: list[Token], text: str, first: int, last: int) -> Hit:
    start, end = tokens[first].start, tokens[last].end
    return Hit(
        start, end, {"words": text[start:end], "word": tokens[first].text},
        message=MESSAGE_DOUBLE, explanation=EXPLANATION_DOUBLE,
    )


def _is_un_adjective(word: str, lexicon: object) -> bool:
    if not word.startswith("un") or len(word) < 6 or word in UN_EXCEPTIONS:
        return False
    base = word[2:]
    # The base must be a word of its own (wichtig, üblich, möglich); adjectives are lower case.
    return base.islower() and bool(lexicon.is_known(base))  # type: ignore[attr-defined]


def _suggestions(doc: AnalyzedText, tokens: list[Token], index: int) -> list[Fix]:
    token = tokens[index]
    if token.text.lower() != "nicht":
        return []
    fixes: list[Fix] = []
    imperative = _forget_imperative(doc, tokens, index)
    if imperative is not None:
        fixes.append(imperative)
    count = len(tokens)
    following = tokens[index + 1] if index + 1 < count else None
    if following is None or following.kind != "word":
        return fixes
    after = tokens[index + 2] if index + 2 < count else None
    phrase = (following.text.lower(), after.text.lower() if after else "")
    if phrase in PHRASE_ANTONYMS:
        closer = tokens[index + 3] if index + 3 < count else None
        if closer is None or _closes(closer):
            fixes.append(Fix(PHRASE_ANTONYMS[phrase], token.start, after.end,  # type: ignore[union-attr]
                             note=NOTE_REVIEW))
        return fixes
    antonym = ANTONYMS.get(following.text)
    if antonym is not None and (after is None or _closes(after)):
        fixes.append(Fix(antonym, token.start, following.end, note=NOTE_REVIEW))
    return fixes


def _closes(token: Token) -> bool:
    return token.kind == "punct" or token.text.lower() in CLOSERS_AFTER_ADJECTIVE


def _forget_imperative(doc: AnalyzedText, tokens: list[Token], index: int) -> Fix | None:
    """'Vergessen Sie (bitte) X nicht' / 'Vergessen Sie nicht X' -> 'Denken Sie (bitte) an X'."""
    start = 0
    if tokens and tokens[0].text.lower() == "bitte":
        start = 1
    if len(tokens) < start + 3 or tokens[start].text.lower() != "vergessen":
        return None
    if tokens[start + 1].text != "Sie":
        return None
    politeness = ""
    body_start = start + 2
    if tokens[body_start].text.lower() == "bitte":
        politeness = " bitte"
        body_start += 1
    lead = "Denken" if start == 0 else "denken"
    first = tokens[start]
    if index == body_start:
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None:
            return None
        if following.text == ",":
            # "Vergessen Sie nicht, den Antrag …" -> "Denken Sie daran, den Antrag …"
            return Fix(f"{lead} Sie{politeness} daran", first.start, tokens[index].end,
                       note=NOTE_REVIEW)
        end = _phrase_end(tokens, index + 1)
        if end is None:
            return None
        object_text = doc.text[following.start : tokens[end].end]
        return Fix(f"{lead} Sie{politeness} an {object_text}", first.start, tokens[end].end,
                   note=NOTE_REVIEW)
    # Object between: "Vergessen Sie den Termin nicht."
    between = tokens[body_start:index]
    if not between or len(between) > 5 or any(t.kind == "punct" for t in between):
        return None
    closer = tokens[index + 1] if index + 1 < len(tokens) else None
    if closer is not None and closer.kind != "punct":
        return None
    object_text = doc.text[between[0].start : between[-1].end]
    return Fix(f"{lead} Sie{politeness} an {object_text}", first.start, tokens[index].end,
               note=NOTE_REVIEW)


def _phrase_end(tokens: list[Token], start: int) -> int | None:
    """Index of the last word of a short object before the sentence end, else None."""
    for position in range(start, min(len(tokens), start + 6)):
        if tokens[position].kind == "punct":
            return position - 1 if position > start else None
    return None


RULES = (check,)
