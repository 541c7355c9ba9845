"""de.abbreviation: abbreviations and unexplained acronyms.

Leichte Sprache writes words out; Einfache Sprache explains an acronym at its first use
(Netzwerk Leichte Sprache; BITV 2.0 Anlage 2 Teil 2; WCAG 3.1.4 Abbreviations, AAA).
Expansions come from ``glossaries/data/abbreviations.yaml``. Unknown all-caps words of 2 to 6
letters count as acronyms unless the text explains them in parentheses ("Europäische Union
(EU)") or they are common (an allow-list). Known false positives: names written in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.grammar import month_names
from checkers.text.rules._glossary import glossary_hits
from checkers.text.rules.base import Fix, Hit, de_en, rule

_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5}s?$")
_NOT_ACRONYMS = frozenset({"OK", "TV", "PC", "CD", "DVD", "USB", "WLAN", "SMS", "PIN", "TAN"})

META = rule_meta(__file__)

WEEKDAYS = {
    "Mo.": "Montag",
    "Di.": "Dienstag",
    "Mi.": "Mittwoch",
    "Do.": "Donnerstag",
    "Fr.": "Freitag",
    "Sa.": "Samstag",
    "So.": "Sonntag",
}
# "Mo.–Fr.", "Mo. - Fr.", "Mo. bis Fr.": a range of days.
_RANGE = re.compile(r"\s*(?:[–—-]|bis)\s*")
_NAME = re.compile(
    rf"\s+(?!(?:{'|'.join(month_names())}|Uhr)\b)(?:Dr\.\s+)?[A-ZÄÖÜ][a-zäöüß]+"
)
_TIME_OR_DATE = re.compile(r"\s*(?:,\s*)?(?:\d|von\b|ab\b|geschlossen|geöffnet|und\b|[–—-])")


def _read_weekdays(doc: AnalyzedText, hits: list[Hit]) -> list[Hit]:
    """Abbreviations read in context: "Fr." next to another weekday or a time is "Freitag",
    not "Frau"; a range "Mo.–Fr." becomes "Montag bis Freitag" in one suggestion."""
    out: list[Hit] = []
    index = 0
    while index < len(hits):
        hit = hits[index]
        term = doc.text[hit.start : hit.end]
        index += 1
        if term not in WEEKDAYS:
            out.append(hit)
            continue
        following = hits[index] if index < len(hits) else None
        last = doc.text[following.start : following.end] if following else ""
        if following and last in WEEKDAYS and _RANGE.fullmatch(doc.text[hit.end : following.start]):
            expansion = f"{WEEKDAYS[term]} bis {WEEKDAYS[last]}"
            params = {**hit.params, "term": doc.text[hit.start : following.end]}
            params["replacement"] = expansion
            out.append(
                Hit(hit.start, following.end, params, [Fix(expansion)], severity=hit.severity)
            )
            index += 1
            continue
        if term == "Fr." and _NAME.match(doc.text[hit.end : hit.end + 30]):
            hit.fixes = [Fix("Frau")]  # "Fr. Müller"
            hit.params = {**hit.params, "replacement": "Frau"}
        elif _TIME_OR_DATE.match(doc.text[hit.end : hit.end + 12]):
            hit.fixes = [Fix(WEEKDAYS[term])]
            hit.params = {**hit.params, "replacement": WEEKDAYS[term]}
        out.append(hit)
    return out


def _tokens_in(doc: AnalyzedText, hit: Hit) -> list:  # type: ignore[type-arg]
    return [t for t in doc.tokens if hit.start <= t.start and t.end <= hit.end]


UNKNOWN_ACRONYM = de_en(
    "„{term}“ ist eine Abkürzung. Erklären Sie sie beim ersten Mal.",
    "“{term}” is an acronym. Explain it the first time you use it.",
)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    known: set[tuple[int, int]] = set()
    hits = list(glossary_hits(doc, settings, ("abbreviation", "acronym")))
    for hit in _read_weekdays(doc, hits):
        known.update({(hit.start, hit.end), *((t.start, t.end) for t in _tokens_in(doc, hit))})
        yield hit
    explained = set(re.findall(r"\(([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5})\)", doc.text))
    lexicon = doc.resources.lexicon
    for sentence in doc.sentences:
        for token in sentence.tokens:
            if token.kind != "word" or (token.start, token.end) in known:
                continue
            text = token.text
            if not _ACRONYM.match(text) or text in _NOT_ACRONYMS or len(text) < 2:
                continue
            if settings.get("acronyms_explained_ok") and text.rstrip("s") in explained:
                continue
            if lexicon is not None and lexicon.zipf(text.capitalize()) > 4.5:
                continue  # a shouted everyday word ("BITTE") is not an acronym
            yield Hit(token.start, token.end, {"term": text}, message=UNKNOWN_ACRONYM)


RULES = (check,)
