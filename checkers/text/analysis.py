"""The analysed text every rule reads: tokens, sentences, blocks and shared resources.

Expensive views (morphology per sentence) are computed once, on first use, and shared by rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from checkers.text.segment import Sentence, segment
from checkers.text.tokens import Token, tokenize

if TYPE_CHECKING:
    from checkers.text.source import Block, Extracted


@dataclass(slots=True)
class Resources:
    """Loaded once per process (the service's lifespan hook, the CLI's first call)."""

    lexicon: Any
    glossary: Any
    terms: Any  # checkers.text.terms.TermMatcher
    morph: Any  # checkers.text.morph.MorphAnalyzer


@dataclass
class AnalyzedText:
    text: str
    lang: str
    profile: str
    resources: Resources
    extracted: Extracted | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        text: str,
        lang: str,
        profile: str,
        resources: Resources,
        extracted: Extracted | None = None,
    ) -> AnalyzedText:
        tokens = tokenize(text)
        return cls(text, lang, profile, resources, extracted, tokens, segment(text, tokens))

    @cached_property
    def morph_hits(self) -> list[list[Any]]:
        """Morphology hits per sentence (same order as ``sentences``)."""
        analyzer = self.resources.morph
        return [analyzer.analyze(sentence, self.text) for sentence in self.sentences]

    @cached_property
    def marked_passages(self) -> list[Any]:
        """Passages the markup declares to be in another language (``lang`` attributes)."""
        from checkers.text.passages import marked_passages

        return marked_passages(self.extracted, self.lang)

    @cached_property
    def unmarked_passages(self) -> list[Any]:
        """Sentences in another language that nothing marks as such (found by the identifier)."""
        from checkers.text.passages import unmarked_passages

        return unmarked_passages(self.text, self.sentences, self.lang, self.marked_passages)

    @cached_property
    def other_language_spans(self) -> list[tuple[int, int]]:
        """Spans the rules of this text's language must not read."""
        spans = [(p.start, p.end) for p in (*self.marked_passages, *self.unmarked_passages)]
        return sorted(spans)

    def in_other_language(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.other_language_spans)

    @cached_property
    def _block_starts(self) -> tuple[list[int], list[Block]]:
        blocks = list(self.extracted.blocks) if self.extracted else []
        return [block.start for block in blocks], blocks

    def block_at(self, offset: int) -> Block | None:
        from bisect import bisect_right

        starts, blocks = self._block_starts
        index = bisect_right(starts, offset) - 1
        if index >= 0 and blocks[index].start <= offset < max(blocks[index].end, offset + 1):
            return blocks[index]
        return None

    def is_heading(self, sentence: Sentence) -> bool:
        block = self.block_at(sentence.start)
        if block is not None:
            return block.kind in ("heading", "title", "caption", "label", "button", "link")
        # Plain text: a short line without closing punctuation that stands on its own.
        return (
            sentence.terminal is None
            and len(sentence.words) <= 8
            and "\n" not in (self.text[sentence.start : sentence.end])
        )
