"""Text metrics: counts, the classic formulas and the project's calibrated score (also per
sentence)."""

from __future__ import annotations

from typing import Any

from checkers.text.readability import (
    flesch_amstad,
    flesch_kincaid_grade,
    flesch_reading_ease,
    lix,
    wiener_sachtextformel,
)
from checkers.text.score import score_document, score_sentence, sentence_features
from checkers.text.segment import Sentence
from checkers.text.syllables import count_syllables


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


ENGLISH_LEVELS = ((80.0, "leicht"), (60.0, "einfach"), (30.0, "standard"))


def english_level(score: float) -> str:
    for threshold, level in ENGLISH_LEVELS:
        if score >= threshold:
            return level
    return "schwer"


def compute_metrics(
    sentences: list[Sentence], lang: str, lexicon: Any, to_source: Any
) -> dict[str, Any]:
    words = syllables = three_plus = one_syllable = long_words = 0
    per_sentence: list[dict[str, Any]] = []
    sentence_scores: list[tuple[float, int]] = []
    counted = 0
    for sentence in sentences:
        sentence_words = [w for w in sentence.words if w.kind != "url"]
        if not sentence_words:
            continue
        counted += 1
        s_syllables = 0
        for word in sentence_words:
            n = count_syllables(word.text, lang)
            s_syllables += n
            three_plus += n >= 3
            one_syllable += n == 1
            long_words += len(word.text) > 6
        words += len(sentence_words)
        syllables += s_syllables
        start, end = to_source(sentence.start, sentence.end)
        entry: dict[str, Any] = {
            "start": start,
            "end": end,
            "words": len(sentence_words),
            "syllables": s_syllables,
        }
        if lang == "de":
            sentence_score = score_sentence(sentence_features(sentence, lexicon))
            entry["score"] = round(sentence_score, 1)
            sentence_scores.append((sentence_score, len(sentence_words)))
        per_sentence.append(entry)
    metrics: dict[str, Any] = {"words": words, "sentences": counted, "syllables": syllables}
    if lang == "de":
        metrics["flesch_amstad"] = _round(flesch_amstad(words, counted, syllables))
        metrics["wiener_sachtextformel"] = _round(
            wiener_sachtextformel(words, counted, three_plus, long_words, one_syllable, variant=4)
        )
        metrics["lix"] = _round(lix(words, counted, long_words))
        score, level = score_document(sentence_scores)
        metrics["score"] = _round(score)
        metrics["level"] = level
    elif lang == "en":
        ease = flesch_reading_ease(words, counted, syllables)
        metrics["flesch_reading_ease"] = _round(ease)
        metrics["flesch_kincaid_grade"] = _round(flesch_kincaid_grade(words, counted, syllables))
        # English has no calibrated model here: the score is Flesch Reading Ease (0..100, the
        # same direction), its level from Flesch's own bands (>= 80 easy, >= 60 plain, >= 30
        # fairly difficult to difficult, below that very difficult).
        if ease is not None:
            score = max(0.0, min(100.0, ease))
            metrics["score"] = _round(score)
            metrics["level"] = english_level(score)
            metrics["score_basis"] = "flesch_reading_ease"
    metrics["sentence_metrics"] = per_sentence
    return metrics
