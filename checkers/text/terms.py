"""Finds glossary entries in analysed text: single words with their inflected forms, fixed
multi-word phrases, and verb phrases whose verb stands apart ("stellen … zur Verfügung").

Built once per glossary; matching is one dictionary look-up per token.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from checkers.text.segment import Sentence
from checkers.text.tokens import Token, tokenize

# Inflection endings tried when a word is not found as written ("Bescheides" -> "Bescheid").
_MEMO_LIMIT = 100_000
_ENDINGS = ("ern", "en", "em", "er", "es", "n", "s", "e")
# Sentences are already split; a "." inside one ends an abbreviation or an ordinal ("1. Juli").
_CLAUSE_BREAKS = frozenset({"!", "?", ";", ":"})
_SEPARABLE = tuple(
    sorted(
        """ab an auf aus bei durch ein fest fort her hin los mit nach vor weg weiter wieder zu
        zurück zusammen statt teil dar""".split(),
        key=len,
        reverse=True,
    )
)


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
        # Word forms repeat (Zipf): the entries of a form are looked up once. Bounded, because
        # the service keeps one matcher for its lifetime.
        self._entries_memo: dict[tuple[str, str], list[Any]] = {}
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

    def find(
        self,
        sentence: Sentence,
        kinds: Iterable[str] | None = None,
        cache: dict[int, tuple[list[TermHit], list[TermHit]]] | None = None,
    ) -> list[TermHit]:
        """Glossary entries of ``kinds`` in ``sentence``. Several rules ask for different kinds
        in the same sentence: with a ``cache`` the matching runs once and each call filters."""
        if cache is None:
            phrases, singles = self._match(sentence)
        else:
            found = cache.get(id(sentence))
            if found is None:
                found = cache[id(sentence)] = self._match(sentence)
            phrases, singles = found
        wanted = set(kinds) if kinds is not None else None
        hits = [h for h in phrases if _wanted(h.entry, wanted)]
        # A word inside a wanted phrase is not reported on its own ("Anspruch" in "in Anspruch
        # nehmen"); phrases of kinds not asked for do not hide it.
        covered = {index for hit in hits for index in hit.tokens}
        hits += [
            h for h in singles if _wanted(h.entry, wanted) and h.tokens[0] not in covered
        ]
        hits.sort(key=lambda h: (h.start, -h.end))
        return _drop_nested(hits)

    def _match(self, sentence: Sentence) -> tuple[list[TermHit], list[TermHit]]:
        """Every phrase hit and every single-word hit of every kind (before filtering)."""
        tokens = sentence.tokens
        keys = [token_key(t.text) for t in tokens]
        phrases: list[TermHit] = []
        for index, key in enumerate(keys):
            for phrase, entry in self._multi.get(key, ()):
                if tuple(keys[index : index + len(phrase)]) == phrase:
                    span = tuple(range(index, index + len(phrase)))
                    phrases.append(TermHit(entry, tokens[index].start, tokens[span[-1]].end, span))
            for phrase, entry in self._verbs.get(key, ()):
                if tuple(keys[index : index + len(phrase)]) != phrase:
                    continue
                verb_indices = self._find_verb(tokens, index, len(phrase), entry.verb)
                if verb_indices is None:
                    continue
                span = tuple(sorted({*range(index, index + len(phrase)), *verb_indices}))
                phrases.append(TermHit(entry, tokens[span[0]].start, tokens[span[-1]].end, span))
        singles: list[TermHit] = []
        for index, token in enumerate(tokens):
            if token.kind not in ("word", "abbrev", "symbol"):
                continue
            entries = self._single_entries(token, keys[index])
            for entry in entries:
                singles.append(TermHit(entry, token.start, token.end, (index,)))
            if not entries and "-" in token.text and token.kind == "word":
                singles.extend(self._hyphen_parts(token, index))
        return phrases, singles

    def _hyphen_parts(self, token: Token, index: int) -> list[TermHit]:
        """Entries inside a hyphenated compound: "Kfz-Steuer", "Feedback-Kultur"."""
        hits: list[TermHit] = []
        offset = 0
        for part in token.text.split("-"):
            if len(part) >= 2:
                start = token.start + offset
                part_token = replace(token, text=part, start=start, end=start + len(part))
                for entry in self._single_entries(part_token, token_key(part)):
                    hits.append(TermHit(entry, start, start + len(part), (index,)))
            offset += len(part) + 1
        return hits

    def _single_entries(self, token: Token, key: str) -> list[Any]:
        memo_key = (token.text, token.kind)
        found = self._entries_memo.get(memo_key)
        if found is None:
            if len(self._entries_memo) >= _MEMO_LIMIT:
                self._entries_memo.clear()
            found = self._entries_memo[memo_key] = self._lookup_entries(token, key)
        return found

    def _lookup_entries(self, token: Token, key: str) -> list[Any]:
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

    def _find_verb(
        self, tokens: list[Token], index: int, length: int, verb: str
    ) -> tuple[int, ...] | None:
        """A form of ``verb`` in the same clause as the phrase (before or after it); for a
        separable verb also its particle ("nehmen ... Kontakt auf")."""
        verb = verb.casefold()
        found = self._verb_form(tokens, index, length, verb)
        if found is not None:
            return (found,)
        prefix = _separable_prefix(verb)
        if not prefix:
            return None
        base = self._verb_form(tokens, index, length, verb[len(prefix) :])
        if base is None:
            return None
        # The particle closes the clause after the finite verb: "Wir nehmen ... Kontakt auf."
        for position in range(max(base, index) + 1, len(tokens)):
            token = tokens[position]
            if token.text in _CLAUSE_BREAKS or token.text == ",":
                break
            if token.text.casefold() == prefix:
                return (base, position)
        return None

    def _verb_form(self, tokens: list[Token], index: int, length: int, verb: str) -> int | None:
        forms = _verb_forms(verb)
        lexicon = self.lexicon
        for direction in (-1, 1):
            position = index - 1 if direction < 0 else index + length
            while 0 <= position < len(tokens):
                token = tokens[position]
                if token.text in _CLAUSE_BREAKS:
                    break
                if token.kind == "word":
                    lower = token.text.casefold()
                    if lower == verb or lower in forms:
                        return position
                    lemma = lexicon.lemma(token.text) if lexicon is not None else None
                    if lemma and lemma.casefold() == verb:
                        return position
                position += direction
        return None


_UMLAUT = (("au", "äu"), ("a", "ä"), ("o", "ö"), ("u", "ü"), ("e", "i"), ("e", "ie"))


def _separable_prefix(verb: str) -> str:
    for prefix in _SEPARABLE:
        if verb.startswith(prefix) and len(verb) - len(prefix) >= 4:
            return prefix
    return ""


@lru_cache(maxsize=4096)
def _verb_forms(verb: str) -> frozenset[str]:
    """Forms the lemma table may miss or misfile: present forms with a changed vowel and the
    weak participle ("gefasst")."""
    stem = verb[:-2] if verb.endswith("en") else verb[:-1] if verb.endswith("n") else verb
    forms = set(_strong_present_forms(verb))
    forms.update({"ge" + stem + "t", "ge" + stem + "et", stem + "t", stem + "e", stem + "st"})
    return frozenset(forms)


@lru_cache(maxsize=4096)
def _strong_present_forms(verb: str) -> frozenset[str]:
    """Present forms with a changed vowel ("fallen" -> "fällt", "halten" -> "hält", "treten" ->
    "tritt"): the lemma table files some of them under another verb ("fällt" -> "fällen")."""
    stem = verb[:-2] if verb.endswith("en") else verb[:-1] if verb.endswith("n") else verb
    forms: set[str] = set()
    for plain, changed in _UMLAUT:
        position = stem.rfind(plain)
        if position < 0:
            continue
        variant = stem[:position] + changed + stem[position + len(plain) :]
        forms.update({variant + "t", variant + "st", variant + "est"})
        if variant.endswith("t"):
            forms.add(variant)  # "hält", "tritt" (with the doubled t below)
            forms.add(variant + "t")
    return frozenset(forms)


def _add_once(index: dict[str, list[Any]], key: str, entry: Any) -> None:
    bucket = index.setdefault(key, [])
    if not any(existing is entry for existing in bucket):
        bucket.append(entry)


def _wanted(entry: Any, wanted: set[str] | None) -> bool:
    return wanted is None or entry.kind in wanted


def _drop_nested(hits: list[TermHit]) -> list[TermHit]:
    """Keep the longest match where matches overlap ("in Anspruch nehmen" over "Anspruch").

    One entry found twice at one place (as a fixed phrase and as a verb phrase: "Nägel mit
    Köpfen machen") is one hit."""
    kept: list[TermHit] = []
    for hit in hits:
        if any(h.entry is hit.entry and h.start <= hit.start < h.end for h in kept):
            continue
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
    # One match per sentence for all glossary rules of this check (kept on the analysed text).
    cache = doc.__dict__.setdefault("_term_matches", {})
    for sentence in doc.sentences:
        for hit in matcher.find(sentence, kinds, cache):
            if doc.profile in hit.entry.profiles:
                yield sentence, hit
