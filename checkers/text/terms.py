"""Finds glossary entries in analysed text: single words with their inflected forms, fixed
multi-word phrases, and verb phrases whose verb stands apart ("stellen … zur Verfügung").

Built once per glossary; matching is one dictionary look-up per token.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from checkers.text.segment import Sentence
from checkers.text.tokens import Token, tokenize

# Inflection endings tried when a word is not found as written ("Bescheides" -> "Bescheid").
_ENDINGS = ("ern", "en", "em", "er", "es", "n", "s", "e")
_CLAUSE_BREAKS = frozenset({".", "!", "?", ";", ":"})


def token_key(token_text: str) -> str:
    return token_text.replace(" ", "").casefold()


@dataclass(frozen=True, slots=True)
class TermHit:
    entry: Any  # glossaries.GlossaryEntry
    start: int
    end: int
    tokens: tuple[int, ...]  # indices into sentence.tokens


class TermMatcher:
    def __init__(self, glossary: Any, lexicon: Any) -> None:
        self.lexicon = lexicon
        self._single: dict[str, list[Any]] = {}
        self._single_exact: dict[str, list[Any]] = {}
        self._multi: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self._verbs: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for entry in glossary or ():
            if entry.verb and entry.phrase:
                keys = tuple(token_key(t.text) for t in tokenize(entry.phrase))
                if keys:
                    self._verbs.setdefault(keys[0], []).append((keys, entry))
            for surface in entry.surfaces:
                keys = tuple(token_key(t.text) for t in tokenize(surface))
                if not keys:
                    continue
                # Two surfaces of one entry ("z. B.", "z.B.") can share a key: index it once,
                # or the entry is reported twice.
                if len(keys) == 1:
                    if entry.case_sensitive:
                        _add_once(self._single_exact, surface.replace(" ", ""), entry)
                    else:
                        _add_once(self._single, keys[0], entry)
                elif not any(
                    k == keys and e is entry for k, e in self._multi.get(keys[0], ())
                ):
                    self._multi.setdefault(keys[0], []).append((keys, entry))

    def find(self, sentence: Sentence, kinds: Iterable[str] | None = None) -> list[TermHit]:
        wanted = set(kinds) if kinds is not None else None
        tokens = sentence.tokens
        keys = [token_key(t.text) for t in tokens]
        hits: list[TermHit] = []
        covered: set[int] = set()
        for index, key in enumerate(keys):
            for phrase, entry in self._multi.get(key, ()):
                if _wanted(entry, wanted) and tuple(keys[index : index + len(phrase)]) == phrase:
                    span = tuple(range(index, index + len(phrase)))
                    hits.append(TermHit(entry, tokens[index].start, tokens[span[-1]].end, span))
                    covered.update(span)
            for phrase, entry in self._verbs.get(key, ()):
                if not _wanted(entry, wanted):
                    continue
                if tuple(keys[index : index + len(phrase)]) != phrase:
                    continue
                verb_index = self._find_verb(tokens, index, len(phrase), entry.verb)
                if verb_index is None:
                    continue
                span = tuple(sorted({*range(index, index + len(phrase)), verb_index}))
                hits.append(TermHit(entry, tokens[span[0]].start, tokens[span[-1]].end, span))
                covered.update(span)
        for index, token in enumerate(tokens):
            if index in covered or token.kind not in ("word", "abbrev", "symbol"):
                continue
            for entry in self._single_entries(token, keys[index]):
                if _wanted(entry, wanted):
                    hits.append(TermHit(entry, token.start, token.end, (index,)))
        hits.sort(key=lambda h: (h.start, -h.end))
        return _drop_nested(hits)

    def _single_entries(self, token: Token, key: str) -> list[Any]:
        found = self._single_exact.get(token.text.replace(" ", ""))
        if found:
            return found
        found = self._single.get(key)
        if found or token.kind != "word" or len(key) < 5:
            return found or []
        for ending in _ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= 4:
                found = self._single.get(key[: -len(ending)])
                if found:
                    return found
        lemma = self.lexicon.lemma(token.text) if self.lexicon is not None else None
        return self._single.get(lemma.casefold(), []) if lemma else []

    def _find_verb(self, tokens: list[Token], index: int, length: int, verb: str) -> int | None:
        """A form of ``verb`` in the same clause as the phrase (before or after it)."""
        verb = verb.casefold()
        lexicon = self.lexicon
        for direction in (-1, 1):
            position = index - 1 if direction < 0 else index + length
            while 0 <= position < len(tokens):
                token = tokens[position]
                if token.text in _CLAUSE_BREAKS:
                    break
                if token.kind == "word":
                    lower = token.text.casefold()
                    lemma = lexicon.lemma(token.text) if lexicon is not None else None
                    if lower == verb or (lemma and lemma.casefold() == verb):
                        return position
                position += direction
        return None


def _add_once(index: dict[str, list[Any]], key: str, entry: Any) -> None:
    bucket = index.setdefault(key, [])
    if not any(existing is entry for existing in bucket):
        bucket.append(entry)


def _wanted(entry: Any, wanted: set[str] | None) -> bool:
    return wanted is None or entry.kind in wanted


def _drop_nested(hits: list[TermHit]) -> list[TermHit]:
    """Keep the longest match where matches overlap ("in Anspruch nehmen" over "Anspruch")."""
    kept: list[TermHit] = []
    for hit in hits:
        nested = any(h.start <= hit.start and hit.end <= h.end and h is not hit for h in kept)
        if nested and not any(h.start == hit.start and h.end == hit.end for h in kept):
            continue
        kept.append(hit)
    return kept


def iter_term_hits(doc: Any, kinds: Iterable[str]) -> Iterator[tuple[Sentence, TermHit]]:
    matcher = doc.resources.terms
    if matcher is None:
        return
    kinds = tuple(kinds)
    for sentence in doc.sentences:
        for hit in matcher.find(sentence, kinds):
            if doc.profile in hit.entry.profiles:
                yield sentence, hit
