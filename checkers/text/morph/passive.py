"""Passive voice: werden-passive in every tense and mood, sein + zu-infinitive with modal-passive
meaning and the Zustandspassiv; the agent phrase ("vom Amt") separately.
"""

from __future__ import annotations

from checkers.text.morph.hits import MorphHit
from checkers.text.morph.rewrite import Rewriter
from checkers.text.morph.wordinfo import _prefix_chain, _Tok, _WordInfo
from checkers.text.morph.wordlists import (
    ACCUSATIVE_PRONOUNS,
    ADJECTIVAL_AFTER_WERDEN,
    ADJECTIVAL_PARTICIPLES,
    AGENT_PREPOSITIONS,
    CLAUSE_SUBJECTS,
    CONJ_COORD,
    DEGREE_ADVERBS,
    DETERMINERS,
    F_CAP,
    F_MODAL,
    F_PART,
    F_SEIN,
    F_SEIN_INF,
    F_WERDEN,
    F_WORD,
    F_WORDEN,
    F_ZU,
    F_ZUINF,
    FUTUR_SUBJECTS,
    MODAL_ANY,
    PREPOSITIONS,
    SEIN_PERFECT_BASES,
    SEIN_PERFECT_EXCEPTIONS,
    SUBORDINATORS,
    ZU_BLOCKERS,
    ZU_PREDICATIVES,
)
from checkers.text.segment import Sentence


class PassiveMixin:
    """The passive detector, mixed into checkers.text.morph.lexical.LexicalMorphAnalyzer."""

    info: _WordInfo
    rewriter: Rewriter
    include_zustandspassiv: bool

    # -- passive -----------------------------------------------------------------------------------
    def _participle_at(self, clause: list[_Tok], j: int,
                       first_word: _Tok) -> tuple[str, bool] | None:
        tok = clause[j]
        if not tok.flags & F_PART:
            return None
        if tok.flags & F_CAP and tok is not first_word:
            return None  # a capitalised word mid-sentence is a noun ("die Gefangenen")
        return self.info.participle(tok.low)

    def _passives(self, toks: list[_Tok], sentence: Sentence, text: str) -> list[MorphHit]:
        hits: list[MorphHit] = []
        words = [t for t in toks if t.flags & F_WORD]
        if not words:
            return hits
        first_word = words[0]
        for clause in self._clauses(toks):
            hits.extend(self._clause_passives(clause, first_word))
            hits.extend(self._clause_zu_passives(clause))
        if hits:
            hits = [self.rewriter.passive_replacement(h, toks, sentence, text) for h in hits]
        return hits

    def _cluster_end(self, clause: list[_Tok], j: int, first_word: _Tok) -> int:
        """Skip coordinated participles: "geprüft und genehmigt werden" -> index of the last."""
        n = len(clause)
        while j + 2 < n and clause[j + 1].low in ("und", "oder", "sowie", "bzw") and (
            self._participle_at(clause, j + 2, first_word)
        ):
            j += 2
        return j

    def _clause_passives(self, clause: list[_Tok], first_word: _Tok) -> list[MorphHit]:
        hits: list[MorphHit] = []
        n = len(clause)
        used: set[int] = set()
        for j in range(n):
            if j in used:
                continue
            part = self._participle_at(clause, j, first_word)
            if part is None:
                continue
            lemma, ambiguous = part
            tok = clause[j]
            end_j = self._cluster_end(clause, j, first_word)
            group = list(range(j, end_j + 1, 2))
            used.update(group)
            nxt = clause[end_j + 1] if end_j + 1 < n else None
            hit = self._passive_for(clause, j, end_j, nxt, lemma, ambiguous, tok)
            if hit is None:
                continue
            subkind, aux = hit
            made = self._make_passive(clause, subkind, aux, group, lemma)
            if hits and aux and clause[aux[0]].i in hits[-1].tokens:
                # "wird geprüft und dem Kunden gutgeschrieben": one construction, one hit
                last = hits[-1]
                made = MorphHit(last.kind, last.subkind, last.start, made.end,
                                tuple(sorted(set(last.tokens) | set(made.tokens))),
                                agent=last.agent or made.agent, lemma=last.lemma)
                hits[-1] = made
                continue
            hits.append(made)
        return hits

    def _passive_for(self, clause: list[_Tok], j: int, end_j: int, nxt: _Tok | None, lemma: str,
                     ambiguous: bool, tok: _Tok) -> tuple[str, list[int]] | None:
        """(subkind, auxiliary indices) for participle clause[j..end_j], or None."""
        n = len(clause)
        low = tok.low
        modal_before = any(t.flags & F_MODAL for t in clause[:j])
        if nxt is not None and (nxt.flags & F_WERDEN or nxt.flags & F_WORDEN):
            k = end_j + 1
            after = clause[k + 1] if k + 1 < n else None
            if nxt.low == "worden":
                return "perfekt-passiv", [k, *self._finite_aux(clause, j, k, F_SEIN)]
            modal_after = after is not None and after.low in MODAL_ANY
            if nxt.low == "werden" and (modal_before or modal_after):
                aux = [k] + ([k + 1] if modal_after else self._finite_aux(clause, j, k, F_MODAL))
                return "modal-passiv", aux
            if ambiguous and (self._futur_reading(clause, k, j) or self._sein_perfect(lemma)):
                return None
            if low in ADJECTIVAL_AFTER_WERDEN:
                return None
            return "vorgangspassiv", [k, *self._finite_aux(clause, j, k, F_WERDEN)]
        if nxt is not None and nxt.low == "zu" and end_j + 2 < n and \
                clause[end_j + 2].low == "werden":
            return "vorgangspassiv", [end_j + 1, end_j + 2]  # "… ausgewählt zu werden"
        at_end = nxt is None or nxt.low in CONJ_COORD
        if at_end:
            werden = self._last_before(clause, j, F_WERDEN)
            if werden >= 0:
                if low in ADJECTIVAL_AFTER_WERDEN or (low in ADJECTIVAL_PARTICIPLES and \
                        self._degree_before(clause, j)):
                    return None
                if ambiguous and (self._futur_reading(clause, werden, j)
                                  or self._sein_perfect(lemma)):
                    return None  # "Das wird dir gefallen": fallen has no passive
                return "vorgangspassiv", [werden]
            sein = self._last_before(clause, j, F_SEIN)
            if sein >= 0 and self._stative(clause, j, lemma, low):
                return "zustandspassiv", [sein]
            return None
        if nxt is not None and (nxt.flags & F_SEIN or nxt.flags & F_SEIN_INF):
            # verb-final "…, dass die Tür geschlossen ist" / "muss erledigt sein"
            after = clause[end_j + 2] if end_j + 2 < n else None
            if nxt.flags & F_SEIN_INF and not (
                modal_before or any(t.flags & F_WERDEN for t in clause[:j])
                or (after is not None and after.flags & (F_MODAL | F_WERDEN))
            ):
                return None
            if after is not None and not after.flags & (F_MODAL | F_WERDEN | F_SEIN) and \
                    after.low not in CONJ_COORD:
                return None
            if self._stative(clause, j, lemma, low):
                return "zustandspassiv", [end_j + 1]
        return None

    def _futur_reading(self, clause: list[_Tok], werden: int, j: int) -> bool:
        """werden + form that is infinitive and participle ("erhalten"): Futur I or passive?

        Preterite werden and an agent mean passive; a personal-pronoun subject, an accusative
        pronoun or two noun phrases outside prepositional phrases mean Futur I ("Sie wird eine
        Bestätigung erhalten", "Die Kinder werden das Geschenk bekommen").
        """
        if clause[werden].low.startswith("wurd") or self._agent_span(clause, 0, j):
            return False
        phrases = 0
        for k in range(j):
            t = clause[k]
            if t.low in FUTUR_SUBJECTS or t.low in ACCUSATIVE_PRONOUNS:
                return True
            if t.low in DETERMINERS and (k == 0 or clause[k - 1].low not in PREPOSITIONS):
                phrases += 1
        return phrases >= 2

    @staticmethod
    def _last_before(clause: list[_Tok], j: int, flag: int) -> int:
        for k in range(j - 1, -1, -1):
            if clause[k].flags & flag:
                return k
        return -1

    @staticmethod
    def _finite_aux(clause: list[_Tok], j: int, k: int, flag: int) -> list[int]:
        """A finite auxiliary of the given kind before the participle or right after ``k``."""
        for m in range(j - 1, -1, -1):
            if clause[m].flags & flag:
                return [m]
        if k + 1 < len(clause) and clause[k + 1].flags & (flag | F_SEIN | F_MODAL | F_WERDEN):
            return [k + 1]
        return []

    @staticmethod
    def _degree_before(clause: list[_Tok], j: int) -> bool:
        return j > 0 and clause[j - 1].low in DEGREE_ADVERBS

    def _stative(self, clause: list[_Tok], j: int, lemma: str, low: str) -> bool:
        """sein + participle is a Zustandspassiv (not sein-perfect, not an adjective)."""
        if not self.include_zustandspassiv:
            return False
        if low in ADJECTIVAL_PARTICIPLES or self._degree_before(clause, j):
            return False
        return not self._sein_perfect(lemma)

    @staticmethod
    def _sein_perfect(lemma: str) -> bool:
        """The verb builds its perfect with sein ("ankommen", "verschwinden", "zurückkehren")."""
        if lemma in SEIN_PERFECT_EXCEPTIONS:
            return False
        for cut in range(len(lemma) - 3):
            base = lemma[cut:]
            if base in SEIN_PERFECT_BASES and _prefix_chain(lemma[:cut]):
                # be- verbs are transitive and take haben ("bekommen", "besteigen")
                return not lemma[:cut].endswith("be")
        return False

    def _make_passive(self, clause: list[_Tok], subkind: str, aux: list[int], group: list[int],
                      lemma: str) -> MorphHit:
        idx = sorted(set(aux) | set(group))
        first, last = clause[idx[0]], clause[idx[-1]]
        left = min(aux) if aux else group[0]
        right = group[0]
        agent = self._agent_span(clause, left if left < right else 0, right)
        return MorphHit("passive", subkind, first.start, last.end,
                        tuple(clause[k].i for k in idx), agent=agent, lemma=lemma)

    def _agent_span(self, clause: list[_Tok], left: int, right: int) -> tuple[int, int] | None:
        """Char span of "von/vom/durch + NP" between ``left`` and ``right`` (exclusive)."""
        for k in range(left, right):
            if clause[k].low not in AGENT_PREPOSITIONS:
                continue
            end = k
            has_head = False
            m = k + 1
            while m < right:
                t = clause[m]
                if t.low in DETERMINERS or t.low in ("und", "ihm", "ihr", "ihnen", "uns", "euch",
                                                     "mir", "dir"):
                    has_head = has_head or (t.low not in DETERMINERS and t.low != "und")
                elif t.flags & F_CAP:
                    has_head = True
                elif t.low.endswith(("e", "en", "er", "es", "em")) and not t.flags & F_PART and \
                        m + 1 < right and (clause[m + 1].flags & F_CAP or
                                           clause[m + 1].low.endswith(("en", "e"))):
                    pass  # attributive adjective ("von einem neuen Vorstand")
                elif t.low in ("rund", "etwa", "über", "mehr", "als") or t.text.isdigit():
                    pass
                else:
                    break
                end = m
                m += 1
            following = clause[m].low if m < len(clause) else ""
            if has_head and following != "bis" and not clause[k + 1].text[:1].isdigit():
                return clause[k].start, clause[end].end
        return None

    def _clause_zu_passives(self, clause: list[_Tok]) -> list[MorphHit]:
        """sein + zu-infinitive: "ist bis Freitag einzureichen", "sind zu beachten"."""
        hits: list[MorphHit] = []
        n = len(clause)
        sein = [k for k in range(n) if clause[k].flags & F_SEIN]
        if not sein:
            return hits
        for j in range(n):
            tok = clause[j]
            if tok.flags & F_ZUINF:
                verb, _ = self.info.zu_infinitive(tok.low) or ("", "")
                zu_idx, inf_idx = j, j
            elif tok.flags & F_ZU and j + 1 < n and self._inf(clause[j + 1]) and \
                    not clause[j + 1].flags & F_CAP:
                verb, zu_idx, inf_idx = clause[j + 1].low, j, j + 1
            else:
                continue
            if not self._zu_passive_context(clause, sein, zu_idx, inf_idx):
                continue
            aux = min(sein, key=lambda k: abs(k - zu_idx))
            idx = sorted({aux, zu_idx, inf_idx})
            hits.append(MorphHit(
                "passive", "zu-infinitiv", clause[idx[0]].start, clause[idx[-1]].end,
                tuple(clause[k].i for k in idx), lemma=verb,
            ))
        return hits

    @staticmethod
    def _zu_passive_context(clause: list[_Tok], sein: list[int], zu_idx: int,
                            inf_idx: int) -> bool:
        n = len(clause)
        if any(t.low in ZU_BLOCKERS for t in clause[:zu_idx]):
            return False
        before = clause[zu_idx - 1] if zu_idx > 0 else None
        if before is not None and before.low in ZU_PREDICATIVES:
            return False
        nxt = clause[inf_idx + 1] if inf_idx + 1 < n else None
        if nxt is None or nxt.low in CONJ_COORD:
            before_sein = [k for k in sein if k < zu_idx]
            if not before_sein:
                return False
            # "ist alles im Lot und er scheint … zu suchen": a new subject after the
            # coordinator starts a clause of its own
            return not any(
                clause[m].low in CONJ_COORD and clause[m + 1].low in CLAUSE_SUBJECTS
                for m in range(before_sein[-1] + 1, zu_idx - 1)
            )
        # verb-final "…, dass das Formular einzureichen ist" (not "X zu machen ist schwierig")
        return bool(nxt.flags & F_SEIN) and inf_idx + 2 == n and clause[0].low in SUBORDINATORS
