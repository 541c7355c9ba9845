"""The lexical morphology analyzer: token features, clauses, and the passive, Konjunktiv and
genitive detectors (mixed in from their own modules).
"""

from __future__ import annotations

from checkers.text.lexicon import Lexicon, get_lexicon
from checkers.text.morph.genitive import GenitiveMixin
from checkers.text.morph.hits import MorphHit
from checkers.text.morph.passive import PassiveMixin
from checkers.text.morph.rewrite import Rewriter
from checkers.text.morph.subjunctive import SubjunctiveMixin
from checkers.text.morph.wordinfo import _Tok, _WordInfo
from checkers.text.morph.wordlists import (
    BOUNDARY_PUNCT,
    CLOSING_QUOTES,
    DEEP_FOR,
    F_APOS,
    F_BOUNDARY,
    F_CAP,
    F_GEN,
    F_GEN_C,
    F_INF,
    F_INF_C,
    F_MODAL,
    F_PART,
    F_PART_C,
    F_SEIN,
    F_SEIN_INF,
    F_SUBJ,
    F_SUBJ_C,
    F_WERDEN,
    F_WORD,
    F_WORDEN,
    F_ZU,
    F_ZUINF,
    F_ZUINF_C,
    GEN_FEM_PL_DETERMINERS,
    GEN_IF_NOUN_IN_S,
    GEN_ONLY_DETERMINERS,
    GEN_PREPOSITIONS,
    GEN_PRONOUNS,
    K1_FIXED,
    K1_SUBJECT_FORMS,
    K2_FIXED,
    MODAL_FINITE,
    NAME_GEN_TIME_HEADS,
    OPENING_QUOTES,
    PARTICIPLE_OVERRIDES,
    PASSIVE_TARGET,
    PASSIVE_TRIGGER,
    SEIN_FINITE,
    SOLLTE_FORMS,
    WERDEN_FINITE,
)
from checkers.text.segment import Sentence
from checkers.text.tokens import Token


class LexicalMorphAnalyzer(PassiveMixin, SubjunctiveMixin, GenitiveMixin):
    """Pattern + lexicon analyzer (no trained model). See the module docstring."""

    def __init__(self, lexicon: Lexicon | None = None, *,
                 include_zustandspassiv: bool = True) -> None:
        self.lex = lexicon or get_lexicon()
        self.info = _WordInfo(self.lex)
        self.include_zustandspassiv = include_zustandspassiv
        self._flags: dict[str, int] = {}
        self._deep: dict[str, tuple[int, int]] = {}
        self._saxon_memo: dict[str, bool] = {}
        self._attributive_memo: dict[str, bool] = {}
        self.rewriter = Rewriter(self.info)

    # -- token features --------------------------------------------------------------------
    def _token_flags(self, token: Token) -> int:
        text = token.text
        flags = self._flags.get(text)
        if flags is None:
            flags = self._flags[text] = self._compute_flags(text, token.kind)
        return flags

    def _compute_flags(self, text: str, kind: str) -> int:
        """Flags from closed word lists and spelling alone (no lexicon look-up)."""
        if kind == "punct":
            return F_BOUNDARY if text in BOUNDARY_PUNCT or text == "..." else 0
        if kind not in ("word", "abbrev"):
            return 0
        low = text.lower()
        flags = F_WORD
        if text[:1].isupper():
            flags |= F_CAP
        if low in WERDEN_FINITE:
            flags |= F_WERDEN
        elif low == "worden":
            flags |= F_WORDEN
        if low in SEIN_FINITE:
            flags |= F_SEIN
        elif low == "sein":
            flags |= F_SEIN_INF
        if low in MODAL_FINITE:
            flags |= F_MODAL
        if low == "zu":
            flags |= F_ZU
        if not low.isalpha():
            return flags | self._gen_flags(text, low)
        size = len(low)
        if (size >= 5 and (low[-1] == "t" or low.endswith("en"))) or low in PARTICIPLE_OVERRIDES:
            flags |= F_PART_C
        if size > 3 and low[-1] == "n":
            flags |= F_INF_C
        if size >= 7 and "zu" in low[2:]:
            flags |= F_ZUINF_C
        if low in K2_FIXED or low in K1_FIXED or low in K1_SUBJECT_FORMS or low in SOLLTE_FORMS:
            flags |= F_SUBJ
        elif size >= 4 and (low.endswith(("e", "est", "et")) or (
                low.endswith("en") and ("ä" in low or "ö" in low or "ü" in low))):
            flags |= F_SUBJ_C
        return flags | self._gen_flags(text, low)

    @staticmethod
    def _gen_flags(text: str, low: str) -> int:
        if (low in GEN_ONLY_DETERMINERS or low in GEN_IF_NOUN_IN_S or low in GEN_FEM_PL_DETERMINERS
                or low in GEN_PRONOUNS or low in GEN_PREPOSITIONS or text in NAME_GEN_TIME_HEADS):
            return F_GEN
        if not text[:1].isupper():
            return F_GEN_C if len(low) >= 5 and low.endswith(("er", "en")) else 0
        if len(text) >= 4 and (
            text.endswith(("'s", "’s")) or (text[-1] == "s" and not text.endswith(("ss", "ß")))
        ):
            return F_GEN  # possible Saxon genitive; _saxon_shape decides
        return 0

    def _noun(self, tok: _Tok) -> bool:
        return bool(tok.flags & F_CAP) and self.info.noun(tok.text)

    def _inf(self, tok: _Tok) -> bool:
        return bool(tok.flags & F_INF_C) and self.info.is_infinitive(tok.low)

    def _deep_flags(self, text: str, low: str, wanted: int) -> int:
        """The lexicon-backed bits in ``wanted`` for this word form, memoised per form."""
        known, value = self._deep.get(text, (0, 0))
        missing = wanted & ~known
        if missing:
            info = self.info
            if missing & F_PART and info.participle(low) is not None:
                value |= F_PART
            if missing & F_INF and info.is_infinitive(low):
                value |= F_INF
            if missing & F_ZUINF and info.zu_infinitive(low) is not None:
                value |= F_ZUINF
            if missing & F_SUBJ and (info.strong_k2(low) or info.k1_e(low)):
                value |= F_SUBJ
            known |= missing
            self._deep[text] = (known, value)
        return value & wanted

    def _saxon_shape(self, text: str) -> bool:
        """Capitalised word that may be a name + genitive s ("Peters", "Deutschlands", "Anna's")."""
        cached = self._saxon_memo.get(text)
        if cached is None:
            cached = self._saxon_memo[text] = self._saxon_shape_uncached(text)
        return cached

    def _saxon_shape_uncached(self, text: str) -> bool:
        if not text[:1].isupper() or len(text) < 4:
            return False
        if text.endswith(("'s", "’s")):
            return True
        if not text.endswith("s") or text.endswith(("ss", "ß")):
            return False
        stem = text[:-1]
        lem = self.info.lemma(text)
        if lem is not None and lem != stem:
            return False
        if lem is None and (not self.lex.is_known(stem) or self.info.lemma(stem) is not None):
            return False  # "Displays": an English plural of a known common noun
        # "Thomas", "Klaus", "Fotos": the -s form is the more frequent one, so it is the base.
        return self.lex.zipf(text) < self.lex.zipf(stem)

    def _prepare(self, sentence: Sentence) -> tuple[list[_Tok], int]:
        toks: list[_Tok] = []
        union = 0
        for i, token in enumerate(sentence.tokens):
            flags = self._token_flags(token)
            union |= flags
            if flags & (F_WORD | F_BOUNDARY) or token.kind == "number":
                toks.append(_Tok(i, token.text, token.text.lower(), flags, token.start,
                                 token.end))
            elif token.text in ("'", "’") and toks and toks[-1].end == token.start:
                toks[-1].flags |= F_APOS
        wanted = self._wanted(union)
        if wanted:
            triggers = 0
            for bit, candidate in DEEP_FOR:
                if wanted & bit:
                    triggers |= candidate
            for tok in toks:
                if tok.flags & triggers:
                    deep = self._deep_flags(tok.text, tok.low, wanted)
                    tok.flags |= deep
                    union |= deep
        return toks, union

    @staticmethod
    def _wanted(union: int) -> int:
        """Which lexicon-backed bits this sentence needs, judged from its cheap flags."""
        wanted = 0
        if union & PASSIVE_TRIGGER and union & PASSIVE_TARGET:
            wanted |= F_PART | F_ZUINF
        if union & F_SUBJ_C:
            wanted |= F_SUBJ
        return wanted

    # -- public API ----------------------------------------------------------------------------
    def analyze(self, sentence: Sentence, text: str) -> list[MorphHit]:
        toks, union = self._prepare(sentence)
        hits: list[MorphHit] = []
        if union & PASSIVE_TRIGGER and union & PASSIVE_TARGET:
            hits.extend(self._passives(toks, sentence, text))
        if union & F_SUBJ:
            hits.extend(self._subjunctives(toks))
        if union & (F_GEN | F_GEN_C):
            hits.extend(self._genitives(toks))
        return hits

    # -- clauses ---------------------------------------------------------------------------------
    @staticmethod
    def _inner_punct(toks: list[_Tok]) -> set[int]:
        """Punctuation that does not end a clause: quotes around a few words ("wurde
        „zertifiziert“"), commas in a list or apposition of names and nouns ("durch Erosion,
        Versalzung und Urbanisierung", "von Brisbane, Sallyanne Atkinson, zum … ernannt")."""
        inside: set[int] = set()
        n = len(toks)
        for i, tok in enumerate(toks):
            text = tok.text
            if text in OPENING_QUOTES:
                e = i + 1
                while e < n and e - i <= 5 and toks[e].flags & F_WORD:
                    e += 1
                if i + 1 < e < n and e - i <= 5 and toks[e].text in CLOSING_QUOTES:
                    inside.update((i, e))
            elif text == "," and i > 0 and toks[i - 1].flags & F_CAP:
                e = i + 1
                while e < n and toks[e].flags & F_CAP and toks[e].flags & F_WORD:
                    e += 1
                if 1 <= e - i - 1 <= 3 and e < n and (
                        toks[e].text == "," or toks[e].low in ("und", "oder", "sowie")):
                    inside.add(i)
                    if toks[e].text == ",":
                        inside.add(e)
        return inside

    @staticmethod
    def _clauses(toks: list[_Tok]) -> list[list[_Tok]]:
        clauses: list[list[_Tok]] = []
        current: list[_Tok] = []
        depth = 0
        inside = LexicalMorphAnalyzer._inner_punct(toks)
        for k, tok in enumerate(toks):
            if k in inside:
                continue
            # A parenthesis is an aside: "wurden Schweiß und Schmutz mit einer Strigilis
            # (Hautschaber) und Wasser entfernt" keeps its clause together.
            if tok.text in ("(", "["):
                depth += 1
                continue
            if tok.text in (")", "]"):
                depth = max(0, depth - 1)
                continue
            if depth:
                continue
            if tok.flags & F_BOUNDARY:
                if current:
                    clauses.append(current)
                current = []
            else:
                current.append(tok)
        if current:
            clauses.append(current)
        return clauses
