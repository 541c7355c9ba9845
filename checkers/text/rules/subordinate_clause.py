"""de.subordinate-clause: subordinate and relative clauses, and clauses nested in clauses.

Leichte Sprache (Netzwerk Leichte Sprache, DIN SPEC 33429): no subordinate clauses; each one is
flagged, except a leading "Wenn …, (dann) …", which the Netzwerk rules allow (option
``allow_conditional_first``). Einfache Sprache: at most one per sentence and no nesting;
standard texts: no nesting (ISO 24495-1 asks for simple sentence structure).
Clauses are found without a parser (see clauses.py): a conjunction, or a relative pronoun after
a comma, up to the next comma. Nesting depth: a clause that follows directly on the comma of the
previous clause depends on it ("…, ob der Antrag, den Sie gestellt haben, …").
Suggestions: "…, weil X" -> "… Der Grund ist: X." and a relative clause as a main clause of its
own: "Der Antrag, den Sie stellen, ist wichtig." -> "Sie stellen einen Antrag. Der Antrag ist
wichtig." Both only for simple shapes.
Known false positives: "der/die/das" after a comma in a list of nouns is skipped when a noun
follows directly, but "…, die neue Adresse …" style lists with adjectives can still slip through.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Fix, Hit, de_en, rule
from checkers.text.rules.clauses import LEAD_INS, Clause, split_points, subordinate_clauses
from checkers.text.rules.preterite import SEPARABLE
from checkers.text.segment import Sentence
from checkers.text.tokens import Token

CONDITIONALS = frozenset({"wenn", "falls", "sofern"})
ARTICLE_RELATIVES = frozenset({"der", "die", "das", "den", "dem"})
SUBJECTS = frozenset({"Sie", "wir", "ich", "er", "sie", "es"})
# Sentence-initial head noun: introduce it with the indefinite article ("einen Antrag").
INDEFINITE = {"den": "einen", "das": "ein", "dem": "einem"}
TERMINALS = frozenset({".", "!", "?"})
# Clauses that complete a word of the clause before them (its verb or a noun).
COMPLEMENT_WORDS = frozenset(
    ["dass", "daß", "ob", "was", "wer", "wie", "wo", "wann", "warum", "wieso", "weshalb"]
)

MESSAGE_CLAUSE = de_en(
    "Nebensatz mit '{word}'. Machen Sie einen eigenen Satz daraus.",
    "Subordinate clause with '{word}'. Make it a sentence of its own.",
)
MESSAGE_NESTED = de_en(
    "Die Nebensätze sind ineinander verschachtelt. Machen Sie mehrere Sätze.",
    "The clauses are nested. Write several sentences.",
)

META = rule_meta(__file__)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    max_clauses = settings.get("max_clauses")
    max_depth = settings.get("max_depth")
    allow_conditional = bool(settings.get("allow_conditional_first", False))
    lexicon = doc.resources.lexicon
    for sentence in doc.sentences:
        clauses = subordinate_clauses(sentence)
        if not clauses:
            continue
        if allow_conditional:
            clauses = [c for c in clauses if not (c.start_index == 0 and c.word in CONDITIONALS)]
        if not clauses:
            continue
        tokens = sentence.tokens
        depth = nesting_depth(tokens, clauses)
        too_deep = max_depth is not None and depth > int(max_depth)
        if max_clauses == 0:
            for clause in clauses:
                yield _clause_hit(doc, sentence, clause, lexicon)
            continue
        too_many = max_clauses is not None and len(clauses) > int(max_clauses)
        if not (too_many or too_deep):
            continue
        fixes: list[Fix] = []
        for clause in clauses:
            fixes.extend(_fixes(doc, sentence, clause, lexicon))
        yield Hit(
            sentence.start, sentence.end,
            {"count": len(clauses), "max_clauses": max_clauses, "depth": depth},
            fixes, message=MESSAGE_NESTED if too_deep else None,
        )


def nesting_depth(tokens: list[Token], clauses: list[Clause]) -> int:
    """1 for a clause under the main clause, 2 for a clause inside (or depending on) another.

    A clause that follows directly on the comma of the previous one is nested when the previous
    one is not finished yet (its verb is still missing: "ob der Antrag, den Sie …, …") or when
    it is a relative, dass, ob or w-clause (it completes a word of the previous clause). An
    adverbial clause after a finished one ("…, ob Sie Geld bekommen, weil …") is taken as a
    sibling: it may just as well belong to the main clause.
    """
    deepest = 0
    previous: Clause | None = None
    previous_depth = 0
    for clause in clauses:
        comma = _comma_before(tokens, clause)
        depth = 1
        if previous is not None and comma == previous.end_index:
            finished = tokens[previous.end_index - 1].text.islower()
            if not finished or clause.kind == "relative" or clause.word in COMPLEMENT_WORDS:
                depth = previous_depth + 1
            else:
                depth = previous_depth
        deepest = max(deepest, depth)
        previous, previous_depth = clause, depth
    return deepest


def _comma_before(tokens: list[Token], clause: Clause) -> int:
    index = clause.start_index - 1
    if index >= 0 and tokens[index].text != ",":
        index -= 1  # a preposition before a relative pronoun: ", in dem …"
    return index if index >= 0 and tokens[index].text == "," else -1


def _clause_hit(doc: AnalyzedText, sentence: Sentence, clause: Clause, lexicon: Any) -> Hit:
    tokens = sentence.tokens
    first = clause.start_index
    if clause.kind == "relative" and first > 0 and tokens[first - 1].text != ",":
        first -= 1  # include the preposition: "in dem Sie wohnen"
    start = tokens[first].start
    end = tokens[clause.end_index - 1].end
    return Hit(
        start, end, {"word": tokens[clause.start_index].text},
        _fixes(doc, sentence, clause, lexicon), message=MESSAGE_CLAUSE,
    )


def _fixes(doc: AnalyzedText, sentence: Sentence, clause: Clause, lexicon: Any) -> list[Fix]:
    texts: list[str] = []
    if clause.word in LEAD_INS:
        lead = LEAD_INS[clause.word]
        texts.extend(t for t in split_points(doc, sentence) if lead in t)
    if clause.kind == "relative":
        rewrite = relative_rewrite(doc, sentence, clause, lexicon)
        if rewrite is not None:
            texts.append(rewrite)
    return [Fix(t, sentence.start, sentence.end) for t in dict.fromkeys(texts)]


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def relative_rewrite(
    doc: AnalyzedText, sentence: Sentence, clause: Clause, lexicon: Any
) -> str | None:
    """A relative clause as a main clause of its own, for the simple shapes:
    'Der Antrag, den Sie stellen, …' and '…, das Sie ausgefüllt haben.'"""
    tokens = sentence.tokens
    text = doc.text
    rel_index = clause.start_index
    relative = tokens[rel_index].text.lower()
    if relative not in ARTICLE_RELATIVES:
        return None
    preposition = None
    comma_index = rel_index - 1
    if tokens[comma_index].text != ",":
        preposition = tokens[comma_index].text
        comma_index -= 1
    noun_index = comma_index - 1
    if noun_index < 1:
        return None
    noun = tokens[noun_index]
    if noun.kind != "word" or not noun.text[:1].isupper():
        return None
    if tokens[noun_index - 1].text.lower() not in ARTICLE_RELATIVES | {"des"}:
        return None  # only "article + noun": adjectives would need new endings
    body = tokens[rel_index + 1 : clause.end_index]
    if not body or any(t.kind != "word" for t in body) or not body[-1].text.islower():
        return None
    head_first = noun_index == 1
    after = tokens[clause.end_index] if clause.end_index < len(tokens) else None
    if after is None:
        return None
    if head_first and after.text != ",":
        return None
    if not head_first and after.text not in TERMINALS:
        return None
    nominative = preposition is None and relative in ("der", "die", "das") and (
        body[0].text not in SUBJECTS
    )
    if nominative:
        subject = f"{_capitalize(relative)} {noun.text}"
        middle = body[:-1]
        object_text = ""
    else:
        if body[0].text not in SUBJECTS or len(body) < 2:
            return None
        subject = _capitalize(body[0].text) if body[0].text != "Sie" else "Sie"
        middle = body[1:-1]
        article = relative
        if head_first and preposition is None:
            article = INDEFINITE.get(relative, relative)
        object_text = f"{preposition + ' ' if preposition else ''}{article} {noun.text}"
    new = _main_clause(subject, body[-1].text, middle, object_text, lexicon)
    if new is None:
        return None
    if head_first:
        head = text[tokens[0].start : noun.end]
        rest_start = clause.end_index + 1
        if rest_start >= len(tokens):
            return None
        rest = text[tokens[rest_start].start : sentence.end]
        return f"{new}. {head} {rest}"
    main = text[sentence.start : tokens[comma_index].start].rstrip()
    return f"{main}. {new}{after.text}"


def _main_clause(
    subject: str, verb: str, middle: list[Token], object_text: str, lexicon: Any
) -> str | None:
    """Subject, finite verb, adverbials, object, non-finite verbs, particle."""
    nonfinite: list[str] = []
    adverbials = [t.text for t in middle]
    while adverbials and adverbials[-1].islower() and (
        lexicon.verb_lemma(adverbials[-1]) is not None or adverbials[-1] == "zu"
    ):
        nonfinite.insert(0, adverbials.pop())
    particle = ""
    finite = verb
    for prefix in SEPARABLE:
        rest = verb[len(prefix) :]
        if verb.startswith(prefix) and len(rest) > 3 and lexicon.verb_lemma(rest) is not None:
            whole = lexicon.verb_lemma(verb)
            if whole is not None and whole == prefix + (lexicon.verb_lemma(rest) or ""):
                finite, particle = rest, prefix
                break
    parts = [subject, finite, *adverbials]
    if object_text:
        parts.append(object_text)
    parts.extend(nonfinite)
    if particle:
        parts.append(particle)
    return " ".join(p for p in parts if p)


RULES = (check,)
