"""Shared check for rules whose knowledge is glossary data (Amtsdeutsch, abbreviations, ...)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules.base import Fix, Hit, de_en
from checkers.text.terms import iter_term_hits

_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def glossary_hits(
    doc: AnalyzedText, settings: RuleSettings, kinds: tuple[str, ...]
) -> Iterator[Hit]:
    for _sentence, hit in iter_term_hits(doc, kinds):
        entry = hit.entry
        flagged = doc.text[hit.start : hit.end]
        replaceable = len(hit.tokens) == hit.tokens[-1] - hit.tokens[0] + 1 and not entry.verb
        fixes = [
            Fix(_match_case(flagged, replacement))
            if replaceable
            else Fix(replacement, note=de_en("Satz anpassen.", "Adjust the sentence."))
            for replacement in entry.replacements
        ]
        # An entry may be milder than the rule's default ("info"), never harsher than the rule.
        severity = None
        if _SEVERITY_RANK.get(entry.severity, 1) < _SEVERITY_RANK[settings.severity]:
            severity = entry.severity
        explanation = entry.explanation
        yield Hit(
            hit.start,
            hit.end,
            {
                "term": flagged,
                "replacement": entry.replacements[0] if entry.replacements else "",
                "explanation_de": explanation.get("de", ""),
                "explanation_en": explanation.get("en") or explanation.get("de", ""),
            },
            fixes,
            severity=severity,  # type: ignore[arg-type]
        )


def _match_case(original: str, replacement: str) -> str:
    """Keep a capital at the start of the sentence ("Gemäß" -> "Nach")."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def glossary_check(kinds: tuple[str, ...]) -> Callable[[AnalyzedText, RuleSettings], Iterator[Hit]]:
    def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
        return glossary_hits(doc, settings, kinds)

    return check
