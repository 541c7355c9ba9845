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
    words = replacement.split()
    if len(words) == 1 and words[0].casefold() in _CONJUNCTIONS:
        # "aufgrund" -> "weil": a conjunction needs a clause with a verb after it.
        return None
    if _is_clause(words):
        # "beschlussfähig" -> "genug Mitglieder sind da", "Kostenübernahme" -> "wir bezahlen".
        return None
    single = len(term.split()) == 1
    if single and term[:1].isupper() and flagged[:1].isupper():
        if len(words) == 2 and _is_verb_phrase(replacement) and "zu" not in words[1][1:]:
            return None  # "Terminvereinbarung" -> "Termin machen": "nach Termin machen"
        if previous and previous.isalpha() and words[0].islower():
            return None  # "zur Antragstellung" -> "beim Beantragen": two prepositions
        # A noun: the replacement takes the same number and case ("Vordrucke" -> "Formulare").
        if flagged.casefold() == term.casefold():
            if not _same_article(term, replacement, previous, lexicon):
                return None  # "die Dienststelle" -> "das Amt": the article must change too
            return replacement
        return agree(flagged, term, replacement, lexicon, previous)
    if single and _is_verb_entry(term, entry):
        # "bewilligt" -> "genehmigen", "Wird dies unterlassen" -> "nicht tun": a verb form
        # other than the infinitive needs the replacement conjugated; the table cannot.
        if flagged.casefold() != term.casefold() or term.startswith(_PARTICIPLE_PREFIXES):
            return None
        return replacement
    if single and len(words) == 1 and flagged.casefold() != term.casefold():
        ending = flagged.casefold().removeprefix(term.casefold())
        if ending in _ADJECTIVE_ENDINGS and flagged.casefold().startswith(term.casefold()):
            # An adjective keeps its ending: "erforderliche Unterlagen" -> "nötige".
            return replacement + ending if replacement.islower() else None
    if single and len(words) > 1 and _is_verb_phrase(replacement):
        # "antragsberechtigt" -> "darf beantragen": an adjective becomes a verb phrase, the
        # sentence must be rebuilt around it.
        return None
    return replacement


_VERB_STARTS = frozenset({"darf", "dürfen", "muss", "müssen", "kann", "können", "soll", "sollen"})
_CONJUNCTIONS = frozenset({"weil", "wenn", "dass", "damit", "obwohl", "falls", "ob", "da"})
_PRONOUNS = frozenset({"ich", "du", "er", "sie", "es", "wir", "ihr", "man"})
_FINITE = frozenset({"ist", "sind", "hat", "haben", "gibt", "wird", "werden", "kann", "können"})
_ADJECTIVE_ENDINGS = frozenset({"e", "en", "em", "er", "es"})
# Verbs with these prefixes have a past participle equal to or ending like a finite form
# ("unterlassen", "vergessen", "erhalten"): the flagged word may be a participle.
_PARTICIPLE_PREFIXES = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "unter", "über")


def _is_verb_phrase(text: str) -> bool:
    words = text.split()
    last = words[-1]
    return words[0].casefold() in _VERB_STARTS or (
        last.islower() and last.endswith(("en", "ern", "eln", "tun", "sein"))
    )


def _is_clause(words: list[str]) -> bool:
    """A replacement with its own subject or finite verb ("wir bezahlen", "es gibt")."""
    lowered = [w.casefold() for w in words]
    return len(words) > 1 and (lowered[0] in _PRONOUNS or any(w in _FINITE for w in lowered))


def _is_verb_entry(term: str, entry: Any) -> bool:
    """A lower-case infinitive whose replacements are infinitives too ("bewilligen")."""
    return (
        term.islower()
        and term.endswith(("en", "ern", "eln"))
        and any(_is_verb_phrase(r) for r in entry.replacements)
    )


# Words before a noun that show its gender. In the dative (and genitive) masculine and neuter
# share the article ("im Amt", "im Büro"), so there only feminine against the rest matters.
_DETERMINERS = frozenset("die eine einer der zur keine das ein einen des eines".split())
_DATIVE_MN = frozenset("dem einem im am zum vom beim".split())
_FEMININE_ENDINGS = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "ion",
    "tät",
    "ik",
    "ei",
    "ie",
    "ur",
    "enz",
    "anz",
    "e",
)
_NEUTER_ENDINGS = ("chen", "lein", "ment", "um", "tum", "nis")
# Gender of replacement nouns that the endings do not tell (the glossary's common ones).
_KNOWN_GENDER = {
    "amt": "n",
    "büro": "n",
    "formular": "n",
    "geld": "n",
    "haus": "n",
    "papier": "n",
    "besuch": "m",
    "termin": "m",
    "antrag": "m",
    "brief": "m",
    "bescheid": "m",
    "plan": "m",
    "ort": "m",
    "raum": "m",
    "vertrag": "m",
    "nachweis": "m",
    "beschluss": "m",
    "beitrag": "m",
    "zettel": "m",
    "ausweis": "m",
    "lohn": "m",
    "grund": "m",
    "schein": "m",
    "tag": "m",
    "zeit": "f",
    "frist": "f",
    "hilfe": "f",
    "wohnung": "f",
    "stelle": "f",
    "arbeit": "f",
    "kosten": None,
    "eltern": None,
    "leute": None,
}


def _gender(noun: str) -> str | None:
    low = noun.casefold()
    for size in range(len(low) - 2, 0, -1):  # a compound takes the gender of its last part
        if low[-size:] in _KNOWN_GENDER:
            return _KNOWN_GENDER[low[-size:]]
    if low.endswith(_NEUTER_ENDINGS):
        return "n"
    if low.endswith(_FEMININE_ENDINGS):
        return "f"
    return None


def _same_article(term: str, replacement: str, previous: str | None, lexicon: Any) -> bool:
    """False when the word before the term shows a gender the replacement does not share
    ("eine persönliche Vorsprache" -> "Besuch", "zur Antragstellung" -> "Antrag")."""
    words = replacement.split()
    if not previous or not previous.isalpha() or not words[0][:1].isupper() or "." in term:
        return True
    before = previous.casefold()
    mine, theirs = _gender(term), _gender(words[0])
    if before in _DATIVE_MN:
        return mine is not None and theirs is not None and (mine == "f") == (theirs == "f")
    if before not in _DETERMINERS and not _is_adjective_form(previous, lexicon):
        return True  # a preposition or verb before the noun: no article to agree with
    return mine is not None and mine == theirs


def _is_adjective_form(word: str, lexicon: Any) -> bool:
    """An inflected adjective: the lemma table files "persönliche" under "persönlich"."""
    if not word.islower():
        return False
    for ending in ("e", "er", "es", "en", "em"):
        if word.endswith(ending) and lexicon.lemma(word) == word[: -len(ending)]:
            return True
    return False


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
