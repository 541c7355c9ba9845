"""Genitive articles and determiners with their noun, genitive prepositions, Saxon and postposed
name genitives, dessen/deren/wessen.
"""

from __future__ import annotations

from checkers.text.morph.hits import MorphHit
from checkers.text.morph.rewrite import Rewriter
from checkers.text.morph.wordinfo import _Tok, _verbish, _WordInfo
from checkers.text.morph.wordlists import (
    APOSTROPHE_ONLY,
    ATTRIBUTIVE_QUANTIFIERS,
    CLAUSE_SUBJECTS,
    DATIVE_MARKERS,
    DEGREE_ADVERBS,
    DETERMINERS,
    ENGLISH_FUNCTION_WORDS,
    EPITHETS,
    F_APOS,
    F_CAP,
    F_GEN,
    F_GEN_C,
    F_MODAL,
    F_SEIN,
    F_WERDEN,
    F_WORD,
    GEN_FEM_PL_DETERMINERS,
    GEN_IF_NOUN_IN_S,
    GEN_ONLY_DETERMINERS,
    GEN_PLURAL_ONLY,
    GEN_PREPOSITIONS,
    GEN_PRONOUNS,
    GEN_SOFT_PREPOSITIONS,
    GEN_VERBS,
    NAME_GEN_TIME_HEADS,
    PARTITIVE_HEADS,
    QUANTITY_NOUNS,
)


class GenitiveMixin:
    """The genitive detector, mixed into checkers.text.morph.lexical.LexicalMorphAnalyzer."""

    info: _WordInfo
    rewriter: Rewriter
    include_zustandspassiv: bool
    _attributive_memo: dict[str, bool]

    # -- genitive --------------------------------------------------------------------------------
    def _genitives(self, toks: list[_Tok]) -> list[MorphHit]:
        hits: list[MorphHit] = []
        covered: set[int] = set()
        words = toks
        n = len(words)
        for j in range(n):
            tok = words[j]
            if j in covered:
                continue
            if tok.flags & F_GEN:
                found = self._genitive_at(words, j)
            elif tok.flags & F_GEN_C and 0 < j < n - 1 and words[j - 1].flags & F_CAP:
                found = self._strong_genitive(words, j)
            else:
                continue
            if found is None and j >= 2 and j - 2 in covered and tok.flags & F_GEN and \
                    words[j - 1].low in ("und", "oder", "sowie"):
                found = self._coordinated_genitive(words, j)
            if found is None:
                continue
            subkind, first, last, head = found
            covered.update(range(first, last + 1))
            hits.append(self.rewriter.genitive_hit(words, subkind, first, last, head))
        return hits

    def _coordinated_genitive(self, words: list[_Tok],
                              j: int) -> tuple[str, int, int, int] | None:
        """"die Höhe der Zulagen und der Boni": the second conjunct is genitive, too."""
        low = words[j].low
        if low != "des" and low not in GEN_ONLY_DETERMINERS and \
                low not in GEN_FEM_PL_DETERMINERS:
            return None
        end = self._np_end(words, j)
        if end < 0 or (low in GEN_FEM_PL_DETERMINERS and
                       self._masculine_singular(words[end].text)):
            return None
        return "genitive-article", j, end, end

    def _name_tail(self, words: list[_Tok], k: int) -> int:
        """Extend a head the lexicon does not know over the rest of a name: "der Royal Navy",
        "einer Nectar Card", "der Bank of Scotland"."""
        n = len(words)
        for _ in range(2):
            if k + 2 < n and words[k + 1].low == "of" and words[k + 2].flags & F_CAP:
                k += 2
                continue
            if k + 1 < n and words[k + 1].flags & F_CAP and words[k + 1].flags & F_WORD and \
                    words[k + 1].start - words[k].end <= 1 and self._foreign(words[k].text) and \
                    words[k + 1].low not in DETERMINERS and words[k + 1].low not in CLAUSE_SUBJECTS:
                k += 1
                continue
            break
        return k

    def _foreign(self, text: str) -> bool:
        """A word neither the lemma table nor the gender heads know ("Royal", "Facebook")."""
        return self.info.lemma(text) is None and self.rewriter.gender(text) is None

    def _np_end(self, words: list[_Tok], j: int) -> int:
        """Last index of the noun phrase that starts after words[j] (adjectives + noun)."""
        n = len(words)
        k = j + 1
        det = words[j].low
        while k < n:
            t = words[k]
            if t.text in (",", "(", ")") and k > j + 1 and k + 1 < n and (
                    (words[k + 1].flags & F_WORD and not words[k + 1].flags & F_CAP) or
                    (t.text == ")" and words[k + 1].flags & F_CAP)):
                k += 1  # "eines milden, mediterranen Klimas", "der (inländischen) Investoren"
                continue
            if t.text == "(" and k == j + 1:
                k += 1
                continue
            if not t.flags & F_WORD or t.flags & F_CAP:
                break
            if t.low in DEGREE_ADVERBS or t.low == "hoch":
                if k + 1 < n and words[k + 1].flags & F_WORD and not words[k + 1].flags & F_CAP:
                    k += 1  # "Darius' hoch angesehener Feldherr"
                    continue
                return -1
            if t.low in ("und", "oder") and k + 1 < n and words[k + 1].low == det and \
                    det in DETERMINERS:
                k += 2  # "der mazedonischen und der persischen Oberschicht"
                continue
            if not self._attributive(t.low):
                return -1
            k += 1
        if k < n and words[k].flags & F_CAP and words[k].flags & F_WORD:
            # capitalised adjectives in names: "des Pazifischen Ozeans", "der Vereinigten Staaten"
            while k + 1 < n and words[k + 1].flags & F_CAP and words[k + 1].flags & F_WORD and \
                    words[k].low.endswith(("ischen", "ische", "igten", "igen", "lichen")):
                k += 1
            return self._name_tail(words, k)
        if k < n and words[k].text[:1].isdigit():
            if k + 1 < n and words[k + 1].flags & F_CAP and self._noun(words[k + 1]):
                return k + 1  # "des 8. Jahrhunderts"
            return k
        return -1

    def _attributive(self, low: str) -> bool:
        """Inflected adjective or participle inside a noun phrase ("neuen", "eingereichten")."""
        cached = self._attributive_memo.get(low)
        if cached is None:
            cached = self._attributive_memo[low] = self._attributive_uncached(low)
        return cached

    def _attributive_uncached(self, low: str) -> bool:
        if low in ("und", "oder", "sowie"):
            return True
        if low in ATTRIBUTIVE_QUANTIFIERS:
            return True  # "eines der vielen Häuser", "der beiden Länder"
        if low in DETERMINERS or not low.endswith(("e", "en", "er", "es", "em")):
            return False
        lemma = self.info.lemma(low)
        if lemma is None:
            if low.endswith(("ischen", "ische", "lichen", "liche", "igen", "ige")):
                return True
            # "privilegierten": an inflected participle the lexicon does not list
            stem = low[:-1] if low.endswith("e") else low[:-2]
            if stem.endswith("t") and self.info.participle(stem) is not None:
                return True
            return self._compound_adjective(low)
        # uninflected words are their own lemma ("über", "aber", "gegen"); verbs are not NPs
        return lemma != low and not self._finite_verb(low) and not self.info.is_infinitive(low)

    def _compound_adjective(self, low: str) -> bool:
        """Unknown compound whose last part is an inflected adjective ("umsatzstärksten")."""
        for cut in range(3, len(low) - 4):
            tail = low[cut:]
            lemma = self.info.lemma(tail)
            if lemma is not None:
                return lemma != tail and lemma.islower() and not _verbish(lemma)
        return False

    def _prev_word(self, words: list[_Tok], j: int) -> _Tok | None:
        if j == 0:
            return None
        prev = words[j - 1]
        return prev if prev.flags & F_WORD or prev.text[:1].isdigit() else None

    def _genitive_at(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        """(subkind, first index, last index, head noun index) of a genitive starting at j."""
        tok = words[j]
        low = tok.low
        n = len(words)
        if low in GEN_PRONOUNS:
            last = j + 1 if j + 1 < n and self._noun(words[j + 1]) else j
            return "relative-genitive", j, last, last
        if low in GEN_PREPOSITIONS:
            return self._genitive_preposition(words, j)
        if low == "des" or low in GEN_ONLY_DETERMINERS:
            end = self._np_end(words, j)
            if end < 0:
                if low == "des" and j + 1 < n and words[j + 1].low == "weiteren":
                    return "genitive-article", j, j + 1, j + 1
                if low != "des" and j + 1 < n and words[j + 1].low == "der":
                    # "eines der Häuser", "eines der größten Probleme"
                    last = max(self._np_end(words, j + 1), j + 1)
                    return "genitive-article", j, last, last
                return None
            return "genitive-article", j, end, end
        if low in GEN_IF_NOUN_IN_S:
            end = self._np_end(words, j)
            if end >= 0 and self._genitive_s(words[end].text):
                return "genitive-article", j, end, end
            return None
        if low in GEN_FEM_PL_DETERMINERS:
            return self._genitive_der(words, j)
        if tok.text in NAME_GEN_TIME_HEADS:
            return self._bare_genitive(words, j)
        if tok.flags & F_CAP:
            return self._saxon(words, j)
        return None

    def _bare_genitive(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        """Article-less genitive after Anfang/Ende/Mitte: "Ende nächsten Jahres"."""
        if j + 2 >= len(words):
            return None
        adj, noun = words[j + 1], words[j + 2]
        if adj.flags & F_CAP or not adj.low.endswith("en") or not noun.flags & F_CAP:
            return None
        if not self._genitive_s(noun.text):
            return None
        return "genitive-article", j + 1, j + 2, j + 2

    def _genitive_s(self, noun: str) -> bool:
        """"Jahres", "Monats", "Kindes": masculine/neuter genitive singular ending."""
        if not noun.endswith("s"):
            return False
        lem = self.info.lemma(noun)
        return bool(lem) and lem != noun and noun in (lem + "s", lem + "es")

    def _genitive_der(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        prev = self._prev_word(words, j)
        if prev is None:
            return None
        end = self._np_end(words, j)
        if end < 0:
            return None
        low = words[j].low
        after_noun = self._head_noun(words, j - 1) and prev.low not in DETERMINERS and not (
            prev is words[0] and not self.lex.is_noun(prev.text)
        )
        if after_noun and prev.text in QUANTITY_NOUNS and low in GEN_PLURAL_ONLY:
            after_noun = False
        partitive = prev.low in PARTITIVE_HEADS or prev.low.endswith("sten") or (
            prev.text.isdigit() and len(prev.text) <= 3
        )
        if words[end].text in EPITHETS:
            return None  # "Plinius der Ältere"
        adj = words[j + 1].low
        if end > j + 1 and adj.endswith("e") and adj not in ATTRIBUTIVE_QUANTIFIERS:
            return None  # "der erfolgreichste Film": a weak -e adjective is never genitive
        if low in ("der", "dieser", "jener", "jeder") and self._masculine_singular(words[end].text):
            return None  # "auf kanadischem Boden der Nationalpark": masculine, so nominative
        if after_noun and j >= 2 and self._bare_after_verb(words, j - 1):
            return None  # "1887 gelang Berliner der Durchbruch": dative + nominative
        if prev.low in GEN_VERBS or after_noun or partitive:
            return "genitive-article", j, end, end
        return None

    def _head_noun(self, words: list[_Tok], k: int) -> bool:
        """words[k] is a noun: a lexicon noun, or a capitalised word inside the sentence that is
        not a pronoun ("Parteibüro", "Betrug", "Übertreffen")."""
        tok = words[k]
        if self._noun(tok):
            return True
        if not tok.flags & F_CAP or k == 0 or not tok.text.isalpha() or \
                tok.low in CLAUSE_SUBJECTS or tok.low in DETERMINERS:
            return False
        before = words[k - 1]
        return bool(before.flags & F_WORD) and before.text not in ENGLISH_FUNCTION_WORDS

    def _strong_genitive(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        """Article-less genitive after a noun: "Anteil neuer Wohnungen", "Anschein privilegierten
        Zugangs"."""
        if not self._noun(words[j - 1]) or not self._attributive(words[j].low):
            return None
        end = self._np_end(words, j - 1)
        if end < 0 or not words[end].text.isalpha():
            return None
        head = words[end].text
        if words[j].low.endswith("er"):
            if self._masculine_singular(head) or (self.rewriter.gender(head) == "m" and \
                    self.info.lemma(head) in (None, head)):
                return None  # "ein Mann neuer Art" is fine, "Kunde neuer Vertrag" is not
            return "genitive-article", j, end, end
        if self._genitive_s(head):
            return "genitive-article", j, end, end
        return None

    def _masculine_singular(self, noun: str) -> bool:
        lemma = self.info.lemma(noun)
        return lemma == noun and self.rewriter.gender(noun) == "m"

    def _bare_after_verb(self, words: list[_Tok], k: int) -> bool:
        """words[k] is a bare name/noun right after a finite verb ("sagte Peter der …")."""
        before = words[k - 1]
        for m in range(k - 2, max(k - 5, -1), -1):
            if words[m].low in DETERMINERS:
                return False  # "die am weitesten verbreitete Form der …": attributive
            if not words[m].flags & F_WORD or words[m].flags & F_CAP:
                break
        return bool(before.flags & F_WORD) and not before.flags & F_CAP and (
            self._finite_verb(before.low) or before.flags & (F_SEIN | F_WERDEN | F_MODAL)
        )

    def _genitive_preposition(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        n = len(words)
        low = words[j].low
        if j + 1 >= n or not words[j + 1].flags & F_WORD:
            return None
        nxt = words[j + 1]
        if nxt.low in DATIVE_MARKERS or nxt.low in ("zu", "von", "dass", "wie"):
            return None
        if low == "während" and self._waehrend_conjunction(words, j):
            return None
        if low in ("statt", "anstatt") and nxt.low in ("zu", "dass"):
            return None
        if low == "laut" and not (nxt.flags & F_CAP or nxt.low in DETERMINERS):
            return None  # adjective "laut"
        if nxt.low in GEN_ONLY_DETERMINERS or nxt.low in GEN_FEM_PL_DETERMINERS or \
                nxt.low in GEN_IF_NOUN_IN_S:
            end = self._np_end(words, j + 1)
            if end < 0:
                return None
            if nxt.low in GEN_IF_NOUN_IN_S and not self._genitive_s(words[end].text):
                return None
            return "genitive-preposition", j, end, end
        if nxt.low in DETERMINERS:
            return None  # "den/die/das" after a genitive preposition: dative/accusative use
        end = self._np_end(words, j)
        if end < 0:
            return None
        head = words[end].text
        if low in GEN_SOFT_PREPOSITIONS and not (self._genitive_s(head) or
                                                 self._saxon_shape(head)):
            return None
        if not nxt.flags & F_CAP and nxt.low.endswith("em"):
            return None  # "trotz großem Interesse": dative
        return "genitive-preposition", j, end, end

    def _waehrend_conjunction(self, words: list[_Tok], j: int) -> bool:
        """"Während der Bus wartete, …" (conjunction) vs "Während der Sitzung wurde …"."""
        n = len(words)
        nxt = words[j + 1]
        if nxt.low in CLAUSE_SUBJECTS or (
            nxt.low not in ("der", "des", "einer", "eines") and not nxt.flags & F_CAP
        ):
            return True  # pronoun or "die/das": a subordinate clause
        after = words[j + 2] if j + 2 < n else None
        if nxt.low == "der" and after is not None and not after.flags & F_CAP and \
                after.low.endswith("e") and self._attributive(after.low):
            return True  # "Während der globale Anstieg …": nominative, so a conjunction
        if nxt.low == "der":
            end = self._np_end(words, j + 1)
            if end >= 0 and not self._maybe_masculine_singular(words[end].text):
                return False  # "während der Wintermonate", "während der Sitzung": no nominative
        k = j + 1
        while k < n and (words[k].flags & F_WORD or words[k].text[:1].isdigit()):
            k += 1
        if k < n and words[k].text not in (",", ".", "!", "?", ";", "–", "("):
            return False
        # conjunction: the first verb of the stretch is its last word ("…, der Bus wartete,")
        for m in range(j + 2, k):
            t = words[m]
            if t.flags & F_CAP:
                continue
            if t.flags & (F_SEIN | F_WERDEN | F_MODAL) or self._finite_verb(t.low):
                return m == k - 1
        return False

    def _maybe_masculine_singular(self, noun: str) -> bool:
        """The noun may be a masculine singular ("Bus", "Busfahrer"), judged by its last part
        when the lexicon does not know the whole word; unknown words may be."""
        for cut in range(len(noun) - 2):
            tail = noun[cut:] if cut == 0 else noun[cut].upper() + noun[cut + 1:]
            lemma = self.info.lemma(tail)
            if lemma is not None:
                return lemma == tail and self.rewriter.gender(tail) in ("m", None)
        return self.rewriter.gender(noun) in ("m", None)

    def _finite_verb(self, low: str) -> bool:
        lemma = self.info.lemma(low)
        return bool(lemma) and lemma != low and self.info.is_infinitive(lemma) and not (
            self.info.participle(low)
        )

    def _saxon(self, words: list[_Tok], j: int) -> tuple[str, int, int, int] | None:
        tok = words[j]
        n = len(words)
        if tok.flags & F_APOS and tok.text.endswith(APOSTROPHE_ONLY):
            # "Darius' Feldherr", "Max’ Bruder": the apostrophe is the genitive ending
            end = self._np_end(words, j)
            if end >= 0 and words[end].flags & F_CAP:
                return "saxon-genitive", j, end, j
            return None
        if not self._saxon_shape(tok.text):
            return None
        prev = self._prev_word(words, j)
        if prev is not None and (prev.low in DETERMINERS or prev.text in QUANTITY_NOUNS or
                                 prev.low in ENGLISH_FUNCTION_WORDS):
            return None
        if prev is not None and not prev.flags & F_CAP and prev.low.endswith(("e", "en")) and \
                not _verbish(self.info.lemma(prev.low)) and prev.low not in ("ohne", "gegen"):
            return None  # "neuen Autos": adjective + plural
        end = self._np_end(words, j)
        if end >= 0 and self._noun(words[end]):
            if prev is not None and prev.flags & F_CAP and prev is not words[0] and \
                    self.info.lemma(prev.text) is None:
                return None  # "United States Geological Survey"
            return "saxon-genitive", j, end, j
        nxt = words[j + 1] if j + 1 < n else None
        postposed = prev is not None and self._noun(prev) and prev.text not in (
            NAME_GEN_TIME_HEADS
        ) and (nxt is None or not nxt.flags & F_CAP) and self.info.lemma(prev.text) is not None
        if postposed and tok.text.endswith("s") and not tok.text.endswith("'s"):
            return "saxon-genitive", j, j, j
        return None
