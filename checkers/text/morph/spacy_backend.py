"""Morphology from a trained spaCy pipeline (Mood=Sub, Case=Gen, aux:pass).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from checkers.text.morph.hits import MorphHit
from checkers.text.segment import Sentence


class SpacyMorphAnalyzer:
    """Uses a trained spaCy pipeline's morphology (Mood=Sub, Case=Gen, aux:pass)."""

    def __init__(self, nlp: Callable[[str], Any], *, include_zustandspassiv: bool = True) -> None:
        self.nlp = nlp
        self.include_zustandspassiv = include_zustandspassiv

    def analyze(self, sentence: Sentence, text: str) -> list[MorphHit]:
        base = sentence.start
        doc = self.nlp(text[sentence.start:sentence.end])
        spans = [(base + t.idx, base + t.idx + len(t.text)) for t in doc]
        hits: list[MorphHit] = []
        gen_run: list[int] = []
        for k, tok in enumerate(doc):
            morph = tok.morph
            if "Sub" in morph.get("Mood") and "Fin" in morph.get("VerbForm"):
                tense = morph.get("Tense")
                sub = "konjunktiv-2" if "Past" in tense else "konjunktiv-1"
                hits.append(self._hit(sentence, "subjunctive", sub, [spans[k]], tok.lemma_))
            passive = tok.dep_ == "aux:pass" or (
                tok.lemma_ == "werden" and "Part" in tok.head.morph.get("VerbForm")
                and tok.head is not tok
            )
            if passive and (self.include_zustandspassiv or tok.lemma_ != "sein"):
                head = tok.head
                sub = "zustandspassiv" if tok.lemma_ == "sein" else "vorgangspassiv"
                pair = [spans[k], spans[head.i - doc[0].i]]
                hits.append(self._hit(sentence, "passive", sub, pair, head.lemma_))
            if "Gen" in morph.get("Case"):
                gen_run.append(k)
                continue
            if gen_run:
                hits.append(self._genitive(sentence, doc, spans, gen_run))
                gen_run = []
        if gen_run:
            hits.append(self._genitive(sentence, doc, spans, gen_run))
        return hits

    def _genitive(self, sentence: Sentence, doc: Any, spans: list[tuple[int, int]],
                  run: list[int]) -> MorphHit:
        head = next((k for k in reversed(run) if doc[k].pos_ in ("NOUN", "PROPN")), run[-1])
        return self._hit(sentence, "genitive", "genitive-article", [spans[k] for k in run],
                         doc[head].lemma_)

    @staticmethod
    def _hit(sentence: Sentence, kind: str, subkind: str, spans: Sequence[tuple[int, int]],
             lemma: str | None) -> MorphHit:
        start = min(s for s, _ in spans)
        end = max(e for _, e in spans)
        idx = tuple(i for i, t in enumerate(sentence.tokens)
                    if any(t.start < e and s < t.end for s, e in spans))
        return MorphHit(kind, subkind, start, end, idx, lemma=lemma)
