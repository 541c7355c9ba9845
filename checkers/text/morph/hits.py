"""What an analyzer reports: :class:`MorphHit`, and the :class:`MorphAnalyzer` protocol.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from checkers.text.segment import Sentence


@dataclass(frozen=True, slots=True)
class MorphHit:
    """One passive construction, subjunctive verb or genitive phrase in a sentence.

    ``replacement`` rewrites ``text[replaces[0]:replaces[1]]``; ``replaces`` is the hit span for
    subjunctive and genitive hits and the whole sentence for passive rewrites into active voice.
    """

    kind: str  # "passive" | "subjunctive" | "genitive"
    subkind: str
    start: int
    end: int
    tokens: tuple[int, ...]
    agent: tuple[int, int] | None = None
    lemma: str | None = None
    replacement: str | None = None
    replaces: tuple[int, int] | None = None


class MorphAnalyzer(Protocol):
    def analyze(self, sentence: Sentence, text: str) -> list[MorphHit]: ...
