"""The project's own understandability score for German, calibrated against readers' ratings.

Classic formulas (Flesch-Amstad, Wiener Sachtextformel, LIX) only see sentence length and word
length. Readers also stumble over rare words and over clause structure, and they do not mind a
long but familiar noun ("Arbeits-Platz"). This module computes a handful of such surface features
per sentence in plain Python (no parser, no numpy: it runs on every sentence of every check) and
combines them with a ridge regression fitted by ``scripts/calibrate_score.py`` on TextComplexityDE
(sentences rated 1 = very easy .. 7 = very hard by learners of German), on the development half
of the rated sentences only, so that the other half measures it. The fitted coefficients live in
``score_model.json`` next to this file.

Scale: ``score`` is 0 (very hard) .. 100 (very easy), a linear map of the predicted rating:
``score = 100 * (7 - mos) / 6``. A document's score aggregates its sentences' scores, and its
``level`` (leicht, einfach, standard, schwer) comes from thresholds stored in the model file,
chosen so that a sentence's level agrees best with the level of the readers' rating.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from checkers.text.grammar import case_prepositions, words
from checkers.text.segment import Sentence

MODEL_PATH = Path(__file__).with_name("score_model.json")
LEVELS = ("leicht", "einfach", "standard", "schwer")
MOS_MIN, MOS_MAX = 1.0, 7.0
# Zipf of the most frequent German words is about 7.4 ("die", "und"); rarity = 7 - zipf, so
# function words cost nothing and an unknown word (zipf 0.3) costs the most.
RARITY_BASE = 7.0
UNCOMMON_ZIPF = 4.0  # below about one occurrence per 100,000 words
LONG_WORD = 6  # letters; the LIX / Wiener Sachtextformel definition

NOMINAL_SUFFIXES = tuple(
    """
    ung ungen heit heiten keit keiten tion tionen ität itäten ismus nis nisse schaft schaften
    """.split()
)
# Clause openers after a comma: subordinating conjunctions, w-words and relative pronouns.
SUBORDINATORS = (
    words("closed", "subordinators", "conjunctions") | words("closed", "subordinators", "adverbs")
    | words("closed", "relative_pronouns")
)
PREPOSITIONS = case_prepositions()  # before a relative pronoun: ", mit dem"
_OPENING = frozenset({"(", "["})


# -- features ------------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def _form_zipf(lexicon: Any, form: str) -> float:
    """Zipf frequency of a word form regardless of case.

    The frequency table is case-sensitive: "Die" at a sentence start would look four times rarer
    than "die", while a noun is almost never written in lower case. Adding both spellings'
    frequencies gives the frequency a reader actually experienced.
    """
    exact = lexicon.zipf(form)
    lower = form.lower()
    if lower == form:
        return exact
    folded = lexicon.zipf(lower)
    return math.log10(10.0**exact + 10.0**folded)


@lru_cache(maxsize=200_000)
def word_zipf(lexicon: Any, word: str) -> float:
    """Zipf frequency of a word token; hyphenated compounds use the mean of their parts.

    Leichte Sprache splits compounds on purpose ("Arbeits-Platz", "Wohn·Geld") so that each part
    is a familiar word; scoring the whole (unknown) string would punish exactly that.
    """
    if "·" in word:  # the Mediopunkt of Leichte Sprache marks the same split as a hyphen
        word = word.replace("·", "-")
    if "-" in word:
        parts = [part for part in word.split("-") if part]
        if len(parts) > 1:
            return sum(_form_zipf(lexicon, part) for part in parts) / len(parts)
        if parts:
            word = parts[0]  # truncated part of a coordination ("Geld- und Kreditinstitute")
    return _form_zipf(lexicon, word)


def sentence_features(sentence: Sentence, lexicon: Any = None) -> dict[str, float]:
    """Surface features of one sentence; the model uses the subset named in its JSON file.

    ``lexicon`` needs ``zipf(word)`` and ``is_noun(word)`` (``checkers.text.lexicon.Lexicon``);
    None loads the process-wide one.
    """
    if lexicon is None:
        from checkers.text.lexicon import get_lexicon

        lexicon = get_lexicon()
    # Only the sentence-initial word needs it; a lexicon without noun information just does not
    # count a capitalised first word as a noun.
    is_noun = getattr(lexicon, "is_noun", None)
    tokens = sentence.tokens
    n_words = letters = longest = long_words = nouns = lexical = suffixes = numbers = 0
    commas = clauses = parentheses = 0
    zipfs: list[float] = []
    previous = ""
    before_previous = ""
    first = True
    for token in tokens:
        kind = token.kind
        text = token.text
        if kind == "punct":
            if text == ",":
                commas += 1
            elif text in _OPENING:
                parentheses += 1
            before_previous, previous = previous, text
            continue
        if kind not in ("word", "abbrev", "number"):
            continue
        n_words += 1
        size = len(text)
        letters += size
        longest = max(longest, size)
        long_words += size > LONG_WORD
        lower = text.lower()
        if lower in SUBORDINATORS and (
            previous == "," or (before_previous == "," and previous in PREPOSITIONS)
        ):
            clauses += 1
        before_previous, previous = previous, lower
        if kind == "number":
            numbers += 1  # digits are easy to read and have no meaningful word frequency
            first = False
            continue
        lexical += 1
        zipfs.append(word_zipf(lexicon, text))
        if text[:1].isupper() and (not first or (is_noun is not None and is_noun(text))):
            nouns += 1
        if lower.endswith(NOMINAL_SUFFIXES):
            suffixes += 1
        first = False

    rarities = sorted((max(0.0, RARITY_BASE - z) for z in zipfs), reverse=True)
    uncommon = sum(z < UNCOMMON_ZIPF for z in zipfs)
    share = 1.0 / lexical if lexical else 0.0
    zipfs.sort()
    return {
        "words": float(n_words),
        "log_words": math.log1p(n_words),
        "log_letters": math.log1p(letters),
        "letters_per_word": letters / n_words if n_words else 0.0,
        "long_words": float(long_words),
        "long_share": long_words / n_words if n_words else 0.0,
        "longest_word": float(longest),
        "log_rare_top3": math.log1p(sum(rarities[:3])),
        "rarity_mean": sum(rarities) * share,
        "zipf_p25": zipfs[len(zipfs) // 4] if zipfs else RARITY_BASE,
        "log_uncommon": math.log1p(uncommon),
        "uncommon_share": uncommon * share,
        "noun_share": nouns * share,
        "nominal_suffixes": float(suffixes),
        "commas": float(commas),
        "clauses": float(clauses),
        "parentheses": float(parentheses),
        "numbers": float(numbers),
    }


# -- model ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScoreModel:
    features: tuple[str, ...]
    means: tuple[float, ...]
    stds: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    # Document aggregation: score = (1 - w) * mean + w * mean of the hardest quarter, the mean
    # weighted by words when ``word_weighted``.
    hard_quartile_weight: float
    word_weighted: bool
    # Lower bounds of the score for leicht, einfach, standard (below the last: schwer).
    thresholds: tuple[float, float, float]
    meta: dict[str, Any]


def _model_from_json(data: dict[str, Any]) -> ScoreModel:
    sentence = data["sentence_model"]
    features = tuple(sentence["features"])
    columns = (sentence["means"], sentence["stds"], sentence["coefficients"])
    if any(len(column) != len(features) for column in columns):
        raise ValueError("score model: feature, mean, std and coefficient lists differ in length")
    levels = data["levels"]
    return ScoreModel(
        features=features,
        means=tuple(float(v) for v in sentence["means"]),
        stds=tuple(float(v) or 1.0 for v in sentence["stds"]),
        coefficients=tuple(float(v) for v in sentence["coefficients"]),
        intercept=float(sentence["intercept"]),
        hard_quartile_weight=float(data["document_model"]["hard_quartile_weight"]),
        word_weighted=bool(data["document_model"].get("word_weighted", True)),
        thresholds=(float(levels["leicht"]), float(levels["einfach"]), float(levels["standard"])),
        meta={k: v for k, v in data.items() if k not in ("sentence_model", "levels")},
    )


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> ScoreModel:
    """Read the committed coefficients (a few hundred bytes of JSON: well under a millisecond)."""
    with path.open(encoding="utf-8") as fh:
        return _model_from_json(json.load(fh))


def mos_to_score(mos: float) -> float:
    """Map a 1..7 complexity rating to the 0..100 understandability score (100 = easiest)."""
    return min(100.0, max(0.0, 100.0 * (MOS_MAX - mos) / (MOS_MAX - MOS_MIN)))


def predict_complexity(features: dict[str, float], model: ScoreModel | None = None) -> float:
    """Predicted complexity on the raters' 1 (very easy) .. 7 (very hard) scale, clipped."""
    model = model or load_model()
    mos = model.intercept
    for name, mean, std, coefficient in zip(
        model.features, model.means, model.stds, model.coefficients, strict=True
    ):
        # A feature the caller did not compute counts as average rather than failing the check.
        mos += coefficient * (features.get(name, mean) - mean) / std
    return min(MOS_MAX, max(MOS_MIN, mos))


def score_sentence(features: dict[str, float], model: ScoreModel | None = None) -> float:
    """Understandability of one sentence, 0 (very hard) .. 100 (very easy)."""
    return mos_to_score(predict_complexity(features, model))


def level_for(score: float, model: ScoreModel | None = None) -> str:
    """Level name for a 0..100 document score."""
    leicht, einfach, standard = (model or load_model()).thresholds
    if score >= leicht:
        return "leicht"
    if score >= einfach:
        return "einfach"
    if score >= standard:
        return "standard"
    return "schwer"


def aggregate_scores(
    scored: Sequence[tuple[float, int]], hard_quartile_weight: float, word_weighted: bool = True
) -> float | None:
    """Document score from (sentence score, word count) pairs.

    The word-weighted mean is what a reader experiences on average; blending in the mean of the
    hardest quarter of sentences keeps a few very hard sentences from hiding in many easy ones.
    """
    pairs = [(float(score), max(0, int(words))) for score, words in scored]
    if not pairs:
        return None
    total_words = sum(words for _, words in pairs)
    if word_weighted and total_words:
        mean = sum(score * words for score, words in pairs) / total_words
    else:
        mean = sum(score for score, _ in pairs) / len(pairs)
    if hard_quartile_weight <= 0.0:
        return mean
    hardest = sorted(score for score, _ in pairs)[: max(1, math.ceil(len(pairs) / 4))]
    return (1.0 - hard_quartile_weight) * mean + hard_quartile_weight * (
        sum(hardest) / len(hardest)
    )


def score_document(
    sentences: Iterable[tuple[float, int]], model: ScoreModel | None = None
) -> tuple[float | None, str | None]:
    """(score 0..100, level) of a document from its sentences' (score, word count) pairs.

    The pairs are what ``compute_metrics`` collects: ``(score_sentence(...), len(words))``.
    A document without scored sentences has neither score nor level: (None, None).
    """
    model = model or load_model()
    score = aggregate_scores(list(sentences), model.hard_quartile_weight, model.word_weighted)
    if score is None:
        return None, None
    return score, level_for(score, model)
