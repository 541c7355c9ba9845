"""The profile verdict: does the text follow the rules of its profile (Leichte Sprache, Einfache
Sprache, understandable standard German)?

The score alone cannot say so: a school letter of 16-word sentences full of foreign words scores
as "einfach", and one 37-word legal sentence is short text but breaks the sentence-length rule.
So the verdict reads the findings: how many sentences break a rule at warning or error level, how
many hard words (foreign words, abbreviations, Amtsdeutsch, long compounds) stand in 100 words,
and whether any sentence is far over the length limit; the score only decides between
"erfüllt" and "weitgehend". Each reason names the rule, so the summary says what to do first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal

import msgspec

from checkers.report import Finding
from checkers.text.score import load_model

Status = Literal["erfuellt", "weitgehend", "nicht"]

PROFILE_NAMES = {
    "leicht": ("der Leichten Sprache", "Leichte Sprache (easy-to-read German)"),
    "einfach": ("der Einfachen Sprache", "plain German (Einfache Sprache)"),
    "standard": ("verständlicher Standardsprache", "understandable standard German"),
}
# The score a text of the profile should reach: the lower bound of the profile's level in
# score_model.json, so the verdict and the level a report shows never disagree.
TARGET_SCORE = dict(zip(("leicht", "einfach", "standard"), load_model().thresholds, strict=True))
# Word-level rules: each hit is one hard word the reader meets.
WORD_RULES = frozenset(
    {
        "de.foreign-word",
        "de.abbreviation",
        "de.glossary-term",
        "de.compound-word",
        "de.idiom",
        "de.nominal-style",
        "de.other-language",
    }
)
# Hard words per 100 words that a text of the profile may have at most.
WORD_DENSITY = {
    "leicht": (1.0, 3.0),  # (erfüllt, weitgehend)
    "einfach": (2.0, 5.0),
    "standard": (4.0, 9.0),
}
DENSITY_MIN_WORDS = 100
# Share of sentences that may break a rule at warning/error level.
SENTENCE_SHARE = {"leicht": (0.1, 0.3), "einfach": (0.15, 0.34), "standard": (0.2, 0.5)}

_TEXT = {
    "erfuellt": (
        "Der Text erfüllt die Regeln {name}.",
        "The text follows the rules of {name_en}.",
    ),
    "weitgehend": (
        "Der Text erfüllt die Regeln {name} weitgehend.",
        "The text mostly follows the rules of {name_en}.",
    ),
    "nicht": (
        "Der Text erfüllt die Regeln {name} nicht.",
        "The text does not follow the rules of {name_en}.",
    ),
}


class VerdictReason(msgspec.Struct):
    rule_id: str
    count: int
    message: str


class Verdict(msgspec.Struct):
    profile: str
    status: Status
    passed: bool  # False only for "nicht"
    text: str
    sentences_with_problems: int
    sentences: int
    hard_words_per_100: float
    reasons: list[VerdictReason] = msgspec.field(default_factory=list)


def judge(
    findings: Sequence[Finding],
    metrics: dict[str, Any],
    profile: str,
    locale: str,
    sentence_spans: Sequence[tuple[int, int]],
) -> Verdict:
    words = int(metrics.get("words") or 0)
    sentences = len(sentence_spans) or int(metrics.get("sentences") or 0)
    problem_sentences: set[int] = set()
    by_rule: Counter[str] = Counter()
    hard_words = 0
    errors = 0
    for finding in findings:
        if finding.outcome != "failed":
            continue
        if finding.rule_id in WORD_RULES:
            hard_words += 1
            by_rule[finding.rule_id] += 1
        if finding.severity in ("error", "warning"):
            errors += finding.severity == "error"
            by_rule[finding.rule_id] += finding.rule_id not in WORD_RULES
            index = _sentence_index(sentence_spans, finding.location.start or 0)
            if index is not None:
                problem_sentences.add(index)
    # Per 100 words, but a short notice is measured as if it had 100: one hard word in 26
    # words is not "4 in 100".
    density = 100.0 * hard_words / max(words, DENSITY_MIN_WORDS) if words else 0.0
    share = len(problem_sentences) / sentences if sentences else 0.0
    score = metrics.get("score")
    share_ok, share_max = SENTENCE_SHARE.get(profile, SENTENCE_SHARE["einfach"])
    density_ok, density_max = WORD_DENSITY.get(profile, WORD_DENSITY["einfach"])
    target = TARGET_SCORE.get(profile, 75.0)
    status: Status
    if errors or share > share_max or density > density_max:
        status = "nicht"
    elif (
        share <= share_ok
        and density <= density_ok
        and (score is None or score >= target)
        and not by_rule.get("de.other-language")  # an untranslated passage is never "erfüllt"
    ):
        status = "erfuellt"
    else:
        status = "weitgehend"
    de_name, en_name = PROFILE_NAMES.get(profile, PROFILE_NAMES["einfach"])
    template = _TEXT[status][0 if locale == "de" else 1]
    reasons = [
        VerdictReason(rule_id, count, _reason_message(rule_id, count, locale))
        for rule_id, count in by_rule.most_common(3)
    ]
    return Verdict(
        profile=profile,
        status=status,
        passed=status != "nicht",
        text=template.format(name=de_name, name_en=en_name),
        sentences_with_problems=len(problem_sentences),
        sentences=sentences,
        hard_words_per_100=round(density, 1),
        reasons=reasons,
    )


def _sentence_index(spans: Sequence[tuple[int, int]], offset: int) -> int | None:
    from bisect import bisect_right

    index = bisect_right([start for start, _ in spans], offset) - 1
    return index if index >= 0 and offset < spans[index][1] else None


_REASONS = {
    "de.sentence-length": ("Sätze kürzen", "shorten sentences"),
    "de.subordinate-clause": ("Nebensätze auflösen", "turn subordinate clauses into sentences"),
    "de.passive-voice": ("aktiv schreiben", "write in the active voice"),
    "de.subjunctive": ("Konjunktiv vermeiden", "avoid the subjunctive"),
    "de.genitive": ("Genitiv ersetzen", "replace the genitive"),
    "de.negation": ("positiv formulieren", "phrase positively"),
    "de.foreign-word": ("Fremdwörter ersetzen oder erklären", "replace or explain foreign words"),
    "de.abbreviation": ("Abkürzungen ausschreiben", "spell out abbreviations"),
    "de.glossary-term": ("Amtsdeutsch ersetzen", "replace officialese"),
    "de.compound-word": ("lange Wörter trennen", "split long compounds"),
    "de.nominal-style": ("Verben statt Nomen", "use verbs instead of nouns"),
    "de.idiom": ("Redewendungen direkt sagen", "say idioms directly"),
    "de.other-language": ("anderssprachige Abschnitte übersetzen", "translate passages"),
    "de.verb-bracket": ("Verbteile zusammenstellen", "keep verb parts together"),
    "de.special-character": ("Sonderzeichen ersetzen", "replace special characters"),
    "de.number-format": ("Zahlen einfach schreiben", "write numbers simply"),
    "de.impersonal": ("Leser direkt ansprechen", "address the reader"),
    "de.pronoun-reference": ("Bezüge klar machen", "make references clear"),
    "de.one-sentence-per-line": ("ein Satz pro Zeile", "one sentence per line"),
    "de.preterite": ("Perfekt statt Präteritum", "use the perfect tense"),
    "de.question": ("Aussagen statt Fragen", "statements instead of questions"),
}


def _reason_message(rule_id: str, count: int, locale: str) -> str:
    label = _REASONS.get(rule_id)
    if label is None:
        return f"{rule_id}: {count}"
    return f"{label[0 if locale == 'de' else 1]} ({count})"
