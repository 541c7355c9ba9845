"""Konjunktiv I and II, "sollte" as advice or condition, polite "möchte".
"""

from __future__ import annotations

from checkers.text.morph.hits import MorphHit
from checkers.text.morph.rewrite import Rewriter
from checkers.text.morph.wordinfo import _Tok, _WordInfo
from checkers.text.morph.wordlists import (
    DETERMINERS,
    F_CAP,
    F_SUBJ,
    F_ZU,
    K1_FIXED,
    K1_SUBJECT_FORMS,
    K2_FIXED,
    PAST_CUES,
    PERSONAL_SUBJECTS,
    SOLLTE_FORMS,
    SPEECH_PRETERITES,
    SUBORDINATORS,
    THIRD_PERSON_SUBJECTS,
)


class SubjunctiveMixin:
    """The Konjunktiv detector, mixed into checkers.text.morph.lexical.LexicalMorphAnalyzer."""

    info: _WordInfo
    rewriter: Rewriter
    include_zustandspassiv: bool

    # -- subjunctive -----------------------------------------------------------------------------
    def _subjunctives(self, toks: list[_Tok]) -> list[MorphHit]:
        hits: list[MorphHit] = []
        for clause in self._clauses(toks):
            for j, tok in enumerate(clause):
                if not tok.flags & F_SUBJ:
                    continue
                if tok.flags & F_CAP and j > 0:
                    continue  # "Habe", "Ende" … mid-clause capital: a noun
                found = self._subjunctive_at(clause, j, toks)
                if found is not None:
                    hits.append(self.rewriter.subjunctive_hit(clause, j, *found, toks))
        return hits

    def _subjunctive_at(self, clause: list[_Tok], j: int,
                        toks: list[_Tok]) -> tuple[str, str] | None:
        """(subkind, lemma) when clause[j] is a Konjunktiv form in this context."""
        low = clause[j].low
        if low in K2_FIXED:
            lemma = K2_FIXED[low]
            if lemma == "mögen" or self._polite(clause, j, toks):
                return "hoeflichkeit", lemma
            if lemma == "werden" and self._has_infinitive(clause, j):
                return "wuerde-form", lemma
            return "konjunktiv-2", lemma
        if low in SOLLTE_FORMS:
            return ("konjunktiv-2", "sollen") if self._sollte_is_k2(clause, j, toks) else None
        if low in K1_FIXED:
            if low.startswith("sei") and self._imperative(clause, j):
                return None
            return "konjunktiv-1", K1_FIXED[low]
        if low in K1_SUBJECT_FORMS:
            lemma = K1_SUBJECT_FORMS[low]
            return ("konjunktiv-1", lemma) if self._third_person_subject(clause, j) else None
        if j > 0 and clause[j - 1].low in DETERMINERS:
            return None  # "die erbliche Würde": an adjective after an article
        lemma = self.info.strong_k2(low)
        if lemma:
            return "konjunktiv-2", lemma
        lemma = self.info.k1_e(low)
        if lemma and self._third_person_subject(clause, j):
            return "konjunktiv-1", lemma
        return None

    @staticmethod
    def _polite(clause: list[_Tok], j: int, toks: list[_Tok]) -> bool:
        """"Könnten Sie …?", "Würden Sie bitte …", "Ich hätte gern …"."""
        nxt = clause[j + 1].text if j + 1 < len(clause) else ""
        question = toks[-1].text == "?"
        if j == 0 and nxt in ("Sie", "du", "ihr") and question:
            return True
        return any(t.low in ("gern", "gerne", "bitte") for t in clause[j + 1 : j + 4])

    def _has_infinitive(self, clause: list[_Tok], j: int) -> bool:
        for k, t in enumerate(clause):
            if k == j or not self._inf(t) or t.flags & F_CAP:
                continue
            if k > j or k == j - 1:
                return True
        return False

    @staticmethod
    def _imperative(clause: list[_Tok], j: int) -> bool:
        """"Sei leise!", "Seien Sie pünktlich." (but "Sei es drum", "Gott sei Dank")."""
        if j != 0:
            return False
        nxt = clause[1] if len(clause) > 1 else None
        return nxt is None or nxt.low not in ("es", "er", "dem", "dies", "das", "man")

    def _third_person_subject(self, clause: list[_Tok], j: int) -> bool:
        if any(t.low == "ich" for t in clause):
            return False
        prev = clause[j - 1] if j > 0 else None
        nxt = clause[j + 1] if j + 1 < len(clause) else None
        if nxt is not None and nxt.low in PERSONAL_SUBJECTS:
            return False
        if prev is None:
            # clause-initial verb: imperative unless the subject follows ("Gebe Gott", "habe er")
            return nxt is not None and nxt.low in ("er", "es", "man")
        if nxt is None and clause[0].low in SUBORDINATORS:
            # verb-final "…, dass er das Geld genommen habe": any 3rd-person subject in the clause
            return not any(t.low in PERSONAL_SUBJECTS for t in clause) and any(
                t.low in ("er", "sie", "es", "man") or self._noun(t) for t in clause[1:j]
            )
        if prev.low in PERSONAL_SUBJECTS or (prev.text == "Sie" and j > 1):
            return False
        if prev.low in THIRD_PERSON_SUBJECTS and prev.text != "Sie":
            return True
        if prev.text == "Sie":
            return True  # clause-initial "Sie habe …" is "she"
        if self._noun(prev) and prev.low not in DETERMINERS:
            return True
        if prev.flags & F_CAP and j >= 2 and clause[j - 2].low in DETERMINERS:
            return True  # "das Fest finde": capitalised after an article is a noun
        if nxt is not None and (nxt.low in ("er", "es", "man", "sie") or nxt.low in DETERMINERS):
            return not prev.flags & F_ZU
        return False

    def _sollte_is_k2(self, clause: list[_Tok], j: int, toks: list[_Tok]) -> bool:
        """Advice/condition ("Sie sollten …", "Sollte der Zug …") vs past ("sollte 2019 …")."""
        if any(t.low in PAST_CUES or self._year(t) for t in clause):
            return False
        if clause[0].low == "als":
            return False
        # A preterite elsewhere in the sentence frames it in the past ("…, dem er 60 Jahre
        # angehören sollte"), except a trailing reporting clause ("…, sagte sie").
        for other in self._clauses(toks):
            if other[0].start == clause[0].start:
                continue
            if other[0].start > clause[0].start and len(other) <= 4 and any(
                t.low in SPEECH_PRETERITES for t in other
            ):
                continue
            if any(not t.flags & F_CAP and self.info.preterite(t.low) for t in other):
                return False
        return True

    @staticmethod
    def _year(tok: _Tok) -> bool:
        t = tok.text
        return len(t) == 4 and t.isdigit() and t[:2] in ("19", "20", "18")
