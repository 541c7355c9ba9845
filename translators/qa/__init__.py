"""Quality checks on translated segments: findings with ``engine: translation``.

Each rule is a module of this package (``placeholder_mismatch.py``) with its record beside it
(``placeholder_mismatch.yaml``: the project's one :class:`checkers.rules.RuleMeta` with id,
messages in German and English with named placeholders, severity, outcome, variants, options,
examples) and a small pure function over one segment pair (:mod:`translators.qa.case`), like the
page and text rules; ``tests/test_rule_examples.py`` runs every example. (``translators`` may
import ``checkers``: tests/test_layering.py only keeps the libraries apart from the front ends.)
The checks read the target as a person would see it (placeholders filled), so they work for
machine output and for human edits alike:

- ``translation.placeholder-mismatch``: a placeholder (markup, URL, number, term) is missing,
  duplicated or invented, or the engine had to re-append one the model dropped.
- ``translation.number-mismatch``: the numbers in source and target differ.
- ``translation.glossary-term``: an enforced glossary translation or a do-not-translate term is
  not in the target.
- ``translation.untranslated``: the target is empty or equal to the source.
- ``translation.length-outlier``: the target is much shorter or longer than the source.

Known false positives: numbers written as words in one language and as digits in the other;
length ratios differ between languages (the bounds are options); names and short labels can
legitimately stay untranslated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from checkers.report import Finding, Location, fingerprint
from checkers.rules import discover, fill, localized
from translators.qa.case import QaCase, QaCheck, QaHit, QaRule, example_case

if TYPE_CHECKING:
    from translators.document import Segment, TranslatedDocument

__all__ = [
    "REPORT_ORDER",
    "RULES",
    "QaCase",
    "QaCheck",
    "QaHit",
    "QaRule",
    "blocking",
    "check_case",
    "check_document",
    "check_segment",
    "check_segments",
    "example_case",
    "run_rule",
]

# The order a segment's findings are listed in: what breaks the text first. The rules
# themselves are found by the registry; one not named here is listed after these.
REPORT_ORDER = (
    "translation.placeholder-mismatch",
    "translation.number-mismatch",
    "translation.glossary-term",
    "translation.untranslated",
    "translation.length-outlier",
)


def _rule(module: object) -> list[QaRule]:
    rule = getattr(module, "RULE", None)
    return [rule] if isinstance(rule, QaRule) else []


def _report_rank(rule: QaRule) -> tuple[int, str]:
    rank = REPORT_ORDER.index(rule.meta.id) if rule.meta.id in REPORT_ORDER else len(REPORT_ORDER)
    return rank, rule.meta.id


RULES: tuple[QaRule, ...] = tuple(
    sorted(discover(__name__, _rule, lambda rule: rule.meta.id), key=_report_rank)
)


def run_rule(rule: QaRule, case: QaCase) -> list[QaHit]:
    return list(rule.check(case, rule.meta.options))


def check_case(case: QaCase, locale: str = "de") -> list[Finding]:
    findings = []
    for rule in RULES:
        meta = rule.meta
        for occurrence, hit in enumerate(run_rule(rule, case)):
            severity, outcome, messages = meta.severity_for(), meta.outcome, meta.message
            if hit.variant is not None:
                variant = meta.variants[hit.variant]
                severity, outcome, messages = variant.severity, variant.outcome, variant.message
            message = fill(localized(messages, locale), hit.params, meta.id)
            findings.append(
                Finding(
                    rule_id=meta.id,
                    engine="translation",
                    outcome=outcome,  # type: ignore[arg-type]
                    severity=severity,  # type: ignore[arg-type]
                    message=message,
                    location=Location(snippet=case.source_text[:300]),
                    excerpt=case.target_text[:300],
                    standards=list(meta.standards),
                    fingerprint=fingerprint(
                        meta.id, case.source_text, case.segment.id, occurrence
                    ),
                )
            )
    return findings


def check_segments(
    document: TranslatedDocument, targets: Mapping[str, str] | None = None, locale: str = "de"
) -> dict[str, list[Finding]]:
    """Findings per segment id; ``targets`` are edited targets (else the engine's)."""
    targets = targets or {}
    out: dict[str, list[Finding]] = {}
    for seg in document.segments:
        # The engine's re-appended placeholders matter while the target is still its output.
        edited = seg.id in targets and targets[seg.id] != seg.target
        case = QaCase(
            seg,
            targets[seg.id] if edited else seg.target,
            () if edited else tuple(seg.repaired),
            document.source_lang,
            document.target_lang,
        )
        found = check_case(case, locale)
        if found:
            out[seg.id] = found
    return out


def check_segment(
    segment: Segment,
    target: str,
    source_lang: str,
    target_lang: str,
    *,
    repaired: tuple[str, ...] = (),
    locale: str = "de",
) -> list[Finding]:
    """Findings for one segment's target as it stands (the review desk re-runs this on every
    change). ``repaired``: placeholders the engine re-appended, while the target is its output."""
    return check_case(QaCase(segment, target, repaired, source_lang, target_lang), locale)


def blocking(findings: Iterable[Finding | Mapping[str, Any]]) -> bool:
    """Whether findings stop a segment from being published: any of severity ``error``."""
    return any(
        (f.get("severity") if isinstance(f, Mapping) else f.severity) == "error" for f in findings
    )


def check_document(
    document: TranslatedDocument, targets: Mapping[str, str] | None = None, locale: str = "de"
) -> list[Finding]:
    return [f for found in check_segments(document, targets, locale).values() for f in found]
