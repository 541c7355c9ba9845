"""Shared check for rules whose knowledge is glossary data (Amtsdeutsch, abbreviations, ...)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from checkers.rules import SEVERITIES, severity_rank
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.inflect import agree
from checkers.text.rules.base import Fix, Hit, de_en
from checkers.text.terms import iter_term_hits


def glossary_hits(
    doc: AnalyzedText, settings: RuleSettings, kinds: tuple[str, ...]
) -> Iterator[Hit]:
    lexicon = doc.resources.lexicon
    found = list(iter_term_hits(doc, kinds))
    explained = _explained_from(doc, found)
    for sentence, hit in found:
        entry = hit.entry
        if entry.term in explained and hit.start >= explained[entry.term]:
            continue  # the text explains the term; a reader who met it once knows it
        flagged = doc.text[hit.start : hit.end]
        replaceable = len(hit.tokens) == hit.tokens[-1] - hit.tokens[0] + 1 and not entry.verb
        previous = _previous_word(sentence, hit.tokens[0])
        fixes = []
        replacements = []
        for replacement in entry.replacements:
            fitted = _fit(flagged, entry, replacement, lexicon, previous) if replaceable else None
            replacements.append(fitted or replacement)
            if fitted is not None:
                fixes.append(Fix(_match_case(flagged, fitted)))
            else:
                fixes.append(
                    Fix(replacement, note=de_en("Satz anpassen.", "Adjust the sentence."))
                )
        # An entry may be milder than the rule's default ("info"), never harsher than the rule.
        severity = None
        # (A glossary severity outside the known names counts as a warning.)
        rank = severity_rank(entry.severity) if entry.severity in SEVERITIES else 1
        if rank < severity_rank(settings.severity):
            severity = entry.severity
        explanation = entry.explanation
        yield Hit(
            hit.start,
            hit.end,
            {
                "term": flagged,
                "replacement": replacements[0] if replacements else "",
                "explanation_de": explanation.get("de", ""),
                "explanation_en": explanation.get("en") or explanation.get("de", ""),
            },
            fixes,
            severity=severity,  # type: ignore[arg-type]
        )


def _fit(
    flagged: str, entry: Any, replacement: str, lexicon: Any, previous: str | None
) -> str | None:
    """The replacement as it must stand in place of ``flagged``, or None when the sentence
    around it has to change (then the suggestion says so instead of proposing wrong German)."""
    term = entry.term
    if len(term.split()) == 1 and term[:1].isupper() and flagged[:1].isupper():
        # A noun: the replacement takes the same number and case ("Vordrucke" -> "Formulare").
        if flagged.casefold() == term.casefold():
            return replacement
        return agree(flagged, term, replacement, lexicon, previous)
    if len(term.split()) == 1 and len(replacement.split()) > 1 and _is_verb_phrase(replacement):
        # "antragsberechtigt" -> "darf beantragen": an adjective becomes a verb phrase, the
        # sentence must be rebuilt around it.
        return None
    return replacement


_VERB_STARTS = frozenset({"darf", "dürfen", "muss", "müssen", "kann", "können", "soll", "sollen"})


def _is_verb_phrase(text: str) -> bool:
    words = text.split()
    return words[0].casefold() in _VERB_STARTS or words[-1].endswith(("en", "ern", "eln"))


def _previous_word(sentence: Any, index: int) -> str | None:
    tokens = sentence.tokens
    return tokens[index - 1].text if index > 0 else None


# "X ist ein ...", "X bedeutet ...", "Der X ist der ...". "ist der/die/das" followed by a
# number is a date or an amount ("Stichtag ist der 1. Januar"), not an explanation.
_DEFINITION = re.compile(
    r"\s+(?:(?P<copula>(?:ist|sind)\s+(?:ein|eine|einer|(?P<definite>der|die|das))\b(?!\s*\d))"
    r"|bedeutet\b|heißt\b|meint\b)"
)
# A term after one of these is in a prepositional phrase, not the subject being explained
# ("In einem Härtefall ist eine Ausnahme möglich").
_PREPOSITIONS = frozenset(
    "an am auf aus bei beim durch für gegen hinter in im mit nach neben ohne seit über um "
    "unter vom von vor während wegen zu zum zur zwischen".split()
)


def _explained_from(doc: AnalyzedText, found: list[tuple[Any, Any]]) -> dict[str, int]:
    """Terms the text explains, with the offset of the explanation: "Wohngeld (Geld für die
    Miete)", "Ein Bescheid ist ein Brief vom Amt", "Sozialgesetzbuch (SGB)"."""
    explained: dict[str, int] = {}
    for sentence, hit in found:
        term = hit.entry.term
        if term in explained:
            continue
        after = doc.text[hit.end : hit.end + 12]
        before = doc.text[max(0, hit.start - 1) : hit.start]
        in_subject = hit.tokens[0] <= 2 and not any(  # "Ein Bescheid ist ...", "Das ABZ ist ..."
            token.text.lower() in _PREPOSITIONS for token in sentence.tokens[: hit.tokens[0]]
        )
        # "Sozialgesetzbuch (SGB)": the term alone in parentheses after its long form. A term
        # that only opens a parenthesis ("(vgl. Seite 4)") is not explained by it.
        parenthesis = (before == "(" and after.startswith(")")) or after.startswith((" (", "("))
        definition = _DEFINITION.match(after) if in_subject else None
        if definition and definition.group("copula") and not term[:1].isupper():
            # "ist der/die/das" explains a noun; after an adverb or a postposition
            # ("Zwischenzeitlich ist die Frist ...", "Dem Bericht zufolge ist die ...") it
            # is the verb of the sentence.
            definition = None
        if definition and definition.group("definite") and hit.tokens[0] == 0:
            # A bare noun before "ist das ..." names what it is, it does not explain the word
            # ("Rechtsgrundlage ist das Bundesmeldegesetz"); "Der Stichtag ist der Tag, ..." does.
            definition = None
        if parenthesis or definition:
            explained[term] = hit.start
    return explained


def _match_case(original: str, replacement: str) -> str:
    """Keep a capital at the start of the sentence ("Gemäß" -> "Nach")."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def glossary_check(kinds: tuple[str, ...]) -> Callable[[AnalyzedText, RuleSettings], Iterator[Hit]]:
    def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
        return glossary_hits(doc, settings, kinds)

    return check
