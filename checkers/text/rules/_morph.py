"""Shared plumbing for rules that read the morphology hits (passive, Konjunktiv, genitive)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checkers.text.analysis import AnalyzedText
from checkers.text.rules.base import Fix, Hit


def morph_hits(doc: AnalyzedText, kind: str) -> Iterator[tuple[Any, Any]]:
    for sentence, hits in zip(doc.sentences, doc.morph_hits, strict=True):
        for hit in hits:
            if hit.kind == kind:
                yield sentence, hit


def replacement_fixes(doc: AnalyzedText, sentence: Any, hit: Any) -> list[Fix]:
    """A replacement that reads as a whole sentence replaces the sentence, else the span."""
    replacement = getattr(hit, "replacement", None)
    if not replacement:
        return []
    if replacement[-1:] in ".!?" and replacement[:1].isupper():
        return [Fix(replacement, sentence.start, sentence.end)]
    return [Fix(replacement)]


def to_hit(doc: AnalyzedText, sentence: Any, hit: Any, **params: Any) -> Hit:
    return Hit(
        hit.start,
        hit.end,
        {"span": doc.text[hit.start : hit.end], **params},
        replacement_fixes(doc, sentence, hit),
    )
