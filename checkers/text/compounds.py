"""Splitting long German compounds into their parts, for Leichte Sprache ("Bundes·gleichstellungs·
gesetz" or "Bundes-Gleichstellungs-Gesetz").

Parts are found by dynamic programming over the frequency lexicon: every part must be a common
word (or a verb stem, "Wohn-"), optionally followed by a linking element (Fugen-s, -n, -en, -er,
-e), and the last part must be a noun. Among the possible splits the one whose rarest part is most
common wins, fewer parts breaking ties. Names and words without a good split stay whole.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

MIN_PART = 3
MIN_ZIPF = 2.8
PART_PENALTY = 0.75
MERGE_ZIPF = 2.5
SHORT_PART_ZIPF = 3.5
LINKS = ("", "s", "es", "n", "en", "er", "e", "ens")
# Short parts that are words but almost never compound parts (they make nonsense splits).
BAD_PARTS = frozenset(
    {
        "ach",
        "ung",
        "che",
        "ent",
        "ver",
        "ern",
        "ter",
        "ten",
        "ein",
        "den",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "ens",
        "end",
        "ige",
        "lich",
        "chen",
        "sen",
        "gen",
        "ren",
        "ben",
        "nis",
        "ion",
        "tät",
        "teller",
        "mitter",
        # Derivational suffixes that are also nouns ("Schaft") make "Nachbar·schaft".
        "set",
        "schaft",
        "schaften",
        "tum",
        "heit",
        "keit",
        # Prepositions and verb particles: "Mit·wirkung", "Nach·weis" are no compounds.
        "mit",
        "nach",
        "vor",
        "aus",
        "auf",
        "bei",
        "über",
        "unter",
        "durch",
        "gegen",
    }
)

_lexicon: Any = None


def _zipf(part: str) -> float:
    lex = _lexicon
    return max(lex.zipf(part.capitalize()), lex.zipf(part))


@lru_cache(maxsize=100_000)
def _part_score(part: str, last: bool) -> float:
    """Zipf of the part as a word (with a linking element stripped), or -1 if it is not one."""
    if len(part) < MIN_PART or part in BAD_PARTS:
        return -1.0
    best = -1.0
    for link in ("",) if last else LINKS:
        if link and not part.endswith(link):
            continue
        stem = part[: len(part) - len(link)] if link else part
        if len(stem) < MIN_PART or stem in BAD_PARTS:
            continue
        score = _zipf(stem)
        if len(stem) == MIN_PART and score < SHORT_PART_ZIPF:
            continue  # three letters: only very common words ("Bau", "Tag"), not "set"
        if not last and score < MIN_ZIPF and _lexicon.is_known(stem + "en"):
            score = _zipf(stem + "en") - 0.5  # a verb stem: "Wohn|geld", "Fahr|karte"
        if last and not _lexicon.is_noun(stem.capitalize()):
            score -= 1.5
        best = max(best, score)
    return best if best >= MIN_ZIPF else -1.0


def _merit(candidate: tuple[float, int, tuple[str, ...]]) -> tuple[float, int]:
    # The rarest part decides, but every extra part costs: "Aufenthalts|erlaubnis" beats
    # "Auf|enthalts|erlaubnis" although "auf" is more common than "aufenthalt".
    return (candidate[0] + PART_PENALTY * candidate[1], candidate[1])


@lru_cache(maxsize=50_000)
def _split(lower: str) -> tuple[str, ...] | None:
    n = len(lower)
    # best[i] = (min zipf, -parts, split) for lower[:i]
    best: list[tuple[float, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (99.0, 0, ())
    for end in range(MIN_PART, n + 1):
        for start in range(end - MIN_PART + 1):
            previous = best[start]
            if previous is None or (start == 0 and end == n):
                continue  # the whole word is no split; a frequent compound is still split
            score = _part_score(lower[start:end], last=end == n)
            if score < 0:
                continue
            candidate = (min(previous[0], score), previous[1] - 1, (*previous[2], lower[start:end]))
            current = best[end]
            if current is None or _merit(candidate) > _merit(current):
                best[end] = candidate
    result = best[n]
    if result is None or len(result[2]) < 2:
        return None
    return _merge_known(list(result[2]))


def _merge_known(parts: list[str]) -> tuple[str, ...]:
    """Join neighbours that form a word of their own, down to the top-level split:
    "haus|halts|mitglieder" -> "haushalts|mitglieder", "mit|wirkungs|pflicht" ->
    "mitwirkungs|pflicht", "einkommens|nach|weise" -> "einkommens|nachweise"."""
    while len(parts) > 2:
        best: tuple[float, int] | None = None
        for i in range(len(parts) - 1):
            merged = parts[i] + parts[i + 1]
            score = _part_score(merged, last=i + 1 == len(parts) - 1)
            if score >= MERGE_ZIPF and (best is None or score > best[0]):
                best = (score, i)
        if best is None:
            break
        i = best[1]
        parts[i : i + 2] = [parts[i] + parts[i + 1]]
    return tuple(parts)


def split_compound(word: str, lexicon: Any) -> list[str] | None:
    """Parts of ``word`` as written (first part keeps its capital), or None if not a compound."""
    global _lexicon
    if _lexicon is not lexicon:
        _lexicon = lexicon
        _part_score.cache_clear()
        _split.cache_clear()
    if not word.isalpha() or len(word) < 2 * MIN_PART:
        return None
    parts = _split(word.lower())
    if parts is None:
        return None
    out, position = [], 0
    for part in parts:
        out.append(word[position : position + len(part)])
        position += len(part)
    return out


def format_compound(parts: list[str], style: Literal["mediopunkt", "hyphen"] = "mediopunkt") -> str:
    if style == "hyphen":
        return "-".join(p[:1].upper() + p[1:] for p in parts)
    return "·".join([parts[0], *(p.lower() for p in parts[1:])])
