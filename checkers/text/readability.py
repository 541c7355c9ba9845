"""Classic readability formulas on counts (pure functions).

German: Flesch Reading Ease after Amstad (1978), the four Wiener Sachtextformeln (Bamberger and
Vanecek 1984), LIX (Björnsson 1968). English: Flesch Reading Ease and Flesch-Kincaid grade.
Every function returns None when there are no words or sentences.
"""

from __future__ import annotations


def flesch_amstad(words: int, sentences: int, syllables: int) -> float | None:
    """180 − ASL − 58.5 · ASW, clipped to 0..100."""
    if not words or not sentences:
        return None
    value = 180 - words / sentences - 58.5 * syllables / words
    return max(0.0, min(100.0, value))


def wiener_sachtextformel(
    words: int,
    sentences: int,
    words_3plus_syllables: int,
    long_words: int,
    one_syllable_words: int,
    variant: int = 4,
) -> float | None:
    """School grade (4 = easy … 15 = very hard). MS = % words with ≥ 3 syllables, SL = words per
    sentence, IW = % words with more than 6 letters, ES = % one-syllable words."""
    if not words or not sentences:
        return None
    ms = 100 * words_3plus_syllables / words
    sl = words / sentences
    iw = 100 * long_words / words
    es = 100 * one_syllable_words / words
    if variant == 1:
        return 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875
    if variant == 2:
        return 0.2007 * ms + 0.1682 * sl + 0.1373 * iw - 2.779
    if variant == 3:
        return 0.2963 * ms + 0.1905 * sl - 1.1144
    if variant == 4:
        return 0.2744 * ms + 0.2656 * sl - 1.693
    raise ValueError(f"variant must be 1 to 4, not {variant}")


def lix(words: int, sentences: int, long_words: int) -> float | None:
    """Words per sentence + percentage of words with more than 6 letters."""
    if not words or not sentences:
        return None
    return words / sentences + 100 * long_words / words


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float | None:
    if not words or not sentences:
        return None
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float | None:
    if not words or not sentences:
        return None
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59
