"""Terminology for one language pair: do-not-translate terms and enforced glossary translations.

Why placeholders: an MT model cannot be told "use this word", but it can be given a token to
carry through. A do-not-translate term (a product name, "Bürgeramt Nord") becomes ``<xN/>`` that
restores to itself; a glossary term ("Antragsteller" → "applicant") becomes ``<xN/>`` that restores
to its agreed translation. Sources: glossary entries with ``do_not_translate: true`` or a
``translations`` entry for the target language (``glossaries/``, YAML or TBX), plus a plain list
from the configuration. The glossaries are German-first: for another source language an entry
counts when it has translations for both languages.

Known limits: the term is inserted in its base form, so inflection and articles around it are the
model's (or the reviewer's) job; matching is on whole words, case-insensitive unless the entry
says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossaries.model import Glossary, GlossaryEntry


@dataclass(frozen=True, slots=True)
class Term:
    source: str  # the surface found in the source text
    target: str | None  # None: keep the source verbatim (do not translate)
    case_sensitive: bool = False

    @property
    def keep(self) -> bool:
        return self.target is None


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int
    end: int
    term: Term
    text: str


class Terminology:
    """Terms to protect in one direction; :meth:`find` returns non-overlapping, longest matches."""

    def __init__(self, terms: Iterable[Term] = ()) -> None:
        # An empty (or blank) source would match everywhere between two non-word characters.
        self.terms: tuple[Term, ...] = tuple(t for t in terms if t.source and t.source.strip())
        self._folded = {t.source.casefold(): t for t in self.terms if not t.case_sensitive}
        self._exact = {t.source: t for t in self.terms if t.case_sensitive}
        surfaces = sorted({t.source for t in self.terms}, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(s) for s in surfaces) + r")(?!\w)",
                re.IGNORECASE,
            )
            if surfaces
            else None
        )

    def __bool__(self) -> bool:
        return bool(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, text: str) -> list[TermMatch]:
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            surface = match.group(0)
            term = self._exact.get(surface) or self._folded.get(surface.casefold())
            if term is not None:
                found.append(TermMatch(match.start(), match.end(), term, surface))
        return found

    @classmethod
    def for_pair(
        cls,
        glossary: Glossary | Iterable[GlossaryEntry] | None,
        source: str,
        target: str,
        do_not_translate: Iterable[str] = (),
    ) -> Terminology:
        terms: dict[tuple[str, bool], Term] = {}

        def add(surface: str, translation: str | None, case_sensitive: bool) -> None:
            surface = " ".join(surface.split())
            if surface:
                key = (surface if case_sensitive else surface.casefold(), case_sensitive)
                terms.setdefault(key, Term(surface, translation, case_sensitive))

        for word in do_not_translate:
            add(word, None, True)
        for entry in glossary or ():
            if entry.disabled:
                continue
            if entry.do_not_translate:
                for surface in _surfaces(entry, source):
                    add(surface, None, entry.case_sensitive)
                continue
            translation = entry.translations.get(target)
            if translation:
                for surface in _surfaces(entry, source):
                    add(surface, translation, entry.case_sensitive)
        return cls(terms.values())


def _surfaces(entry: GlossaryEntry, source: str) -> tuple[str, ...]:
    # Glossary entries are written in German; other source languages use the entry's own
    # translation into that language as the surface to look for.
    if source == "de":
        return entry.surfaces
    translated = entry.translations.get(source)
    if entry.do_not_translate:
        return entry.surfaces
    return (translated,) if translated else ()
