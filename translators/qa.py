"""Quality checks on translated segments: findings with ``engine: translation``.

Each rule is a metadata record (id, messages in German and English with named placeholders,
severity, outcome, pass and fail examples) plus a small pure function over one segment pair, in
the style of the text rules (``checkers/text/rules/base.py``); ``tests/translation`` runs every
example. The checks read the target as a person would see it (placeholders filled), so they
work for machine output and for human edits alike:

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

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from checkers.report import Finding, Location, fingerprint
from translators import tags
from translators.document import Placeholder, Segment

if TYPE_CHECKING:
    from translators.document import TranslatedDocument

STANDARD = "ISO 17100: Prüfung der Übersetzung / translation revision"


def de_en(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


@dataclass(frozen=True, slots=True)
class QaCase:
    """One segment pair as the checks see it."""

    segment: Segment
    target: str  # with tags, as edited or as the engine returned it
    repaired: tuple[str, ...] = ()  # placeholder ids the engine re-appended
    source_lang: str = "de"
    target_lang: str = "en"

    @property
    def source_text(self) -> str:
        return self.segment.plain(side="source")

    @property
    def target_text(self) -> str:
        return self.segment.plain(self.target)


@dataclass(frozen=True, slots=True)
class QaHit:
    params: dict[str, Any] = field(default_factory=dict)
    # A rule may report a case more gravely than its default (a placeholder missing from a
    # target is an error, one the engine merely re-appended needs a look): the variant names
    # the message in ``QaRule.variants`` and brings its own severity and outcome.
    variant: str | None = None


@dataclass(frozen=True, slots=True)
class QaExample:
    """``placeholders``: id -> (kind, target text, source text or "")."""

    source: str
    target: str
    fails: bool
    placeholders: Mapping[str, tuple[str, str, str]] = field(default_factory=dict)
    repaired: tuple[str, ...] = ()

    def case(self) -> QaCase:
        holders = {
            key: Placeholder(key, kind, text, source=source)
            for key, (kind, text, source) in self.placeholders.items()
        }
        for tag in tags.scan(self.source):
            if tag.kind == "g" and tag.id not in holders:
                holders[tag.id] = Placeholder(tag.id, "tag", "<b>", close="</b>", raw=True)
        segment = Segment("example", "p", self.source, self.target, holders)
        return QaCase(segment, self.target, self.repaired)


@dataclass(frozen=True, slots=True)
class QaRule:
    id: str
    title: Mapping[str, str]
    message: Mapping[str, str]
    severity: Literal["error", "warning", "info"]
    outcome: Literal["failed", "needs_review"]
    examples: tuple[QaExample, ...]
    check: Callable[[QaCase, Mapping[str, Any]], Iterable[QaHit]]
    options: Mapping[str, Any] = field(default_factory=dict)
    standards: tuple[str, ...] = (STANDARD,)
    # variant -> (severity, outcome, message per language)
    variants: Mapping[str, tuple[str, str, Mapping[str, str]]] = field(default_factory=dict)


# --- the checks -----------------------------------------------------------------------------


def _placeholder_mismatch(case: QaCase, _options: Mapping[str, Any]) -> Iterable[QaHit]:
    fixed = tags.repair(case.segment.source, tags.canonical(case.target))
    if fixed.dropped:
        # Missing from the target as it stands: publishing it would lose a link, a number, a
        # URL. An error, never silently put back.
        names = [_describe(case.segment.placeholders.get(p), p) for p in fixed.dropped]
        yield QaHit({"placeholders": ", ".join(names)}, variant="missing")
        return
    problems = list(dict.fromkeys(case.repaired))
    extra = list(dict.fromkeys(fixed.invented + fixed.duplicated + fixed.reordered))
    if problems or extra:
        names = [_describe(case.segment.placeholders.get(p.lstrip("/")), p) for p in problems]
        names += [_describe(None, p) for p in extra]
        yield QaHit({"placeholders": ", ".join(names)})


def _describe(holder: Placeholder | None, tag_id: str) -> str:
    if holder is None:
        return tag_id
    if holder.raw:
        return f"{tag_id} ({holder.kind})"
    return f"{tag_id} '{holder.source_text}'"


_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*")


def _numbers(text: str) -> Counter[str]:
    return Counter(re.sub(r"\D", "", n) for n in _NUMBER.findall(text))


def _number_mismatch(case: QaCase, _options: Mapping[str, Any]) -> Iterable[QaHit]:
    source, target = _numbers(case.source_text), _numbers(case.target_text)
    if source != target:
        missing = sorted((source - target).elements())
        extra = sorted((target - source).elements())
        yield QaHit({"missing": ", ".join(missing) or "-", "extra": ", ".join(extra) or "-"})


def _glossary_term(case: QaCase, _options: Mapping[str, Any]) -> Iterable[QaHit]:
    target = case.target_text.casefold()
    for tag in tags.scan(case.segment.source):
        holder = case.segment.placeholders.get(tag.id)
        if holder is None or holder.kind not in ("glossary", "term"):
            continue
        if holder.text.casefold() not in target:
            yield QaHit({"term": holder.source_text, "expected": holder.text})


def _untranslated(case: QaCase, options: Mapping[str, Any]) -> Iterable[QaHit]:
    if case.source_lang == case.target_lang:
        return
    source = case.source_text
    letters = re.findall(r"[^\W\d_]{3,}", tags.strip_tags(case.segment.source))
    if len(letters) < options["min_words"]:
        return
    target = case.target_text
    if not target.strip() or target.casefold() == source.casefold():
        yield QaHit({"text": source[:80]})


def _length_outlier(case: QaCase, options: Mapping[str, Any]) -> Iterable[QaHit]:
    source, target = case.source_text, case.target_text
    if len(source) < options["min_chars"] or not target:
        return
    ratio = len(target) / len(source)
    if ratio < options["min_ratio"] or ratio > options["max_ratio"]:
        yield QaHit({"ratio": f"{ratio:.1f}"})


X1_URL = {"x1": ("url", "https://example.org", "")}
RULES: tuple[QaRule, ...] = (
    QaRule(
        id="translation.placeholder-mismatch",
        title=de_en("Platzhalter verändert", "Placeholder changed"),
        message=de_en(
            "Platzhalter sind verändert: {placeholders}. Die Maschine hatte Platzhalter "
            "verloren; sie stehen jetzt am Ende des Segments. Prüfen Sie die Stelle.",
            "Placeholders are changed: {placeholders}. The machine lost placeholders; they now "
            "stand at the end of the segment. Please check the position.",
        ),
        severity="warning",
        outcome="needs_review",
        check=_placeholder_mismatch,
        variants={
            "missing": (
                "error",
                "failed",
                de_en(
                    "In der Übersetzung fehlen Platzhalter: {placeholders}. Ohne sie gehen ein "
                    "Link, eine Zahl oder eine Adresse verloren. Setzen Sie die Platzhalter an "
                    "die richtige Stelle.",
                    "Placeholders are missing from the translation: {placeholders}. Without "
                    "them a link, a number or an address is lost. Put them in the right place.",
                ),
            )
        },
        examples=(
            QaExample("Siehe <x1/>.", "See <x1/>.", fails=False, placeholders=X1_URL),
            QaExample("Siehe <x1/>.", "See.", fails=True, placeholders=X1_URL),
            QaExample("Lesen Sie <g1>mehr</g1>.", "Read more.", fails=True),
            QaExample("Siehe <x1/>.", "See. <x1/>", fails=True, placeholders=X1_URL,
                      repaired=("x1",)),
            QaExample("Das <g1>Amt</g1> hilft.", "The <g1>office</g1> helps <x7/>.", fails=True),
        ),
    ),
    QaRule(
        id="translation.number-mismatch",
        title=de_en("Zahlen stimmen nicht überein", "Numbers differ"),
        message=de_en(
            "Die Zahlen in der Übersetzung stimmen nicht mit dem Original überein (fehlt: "
            "{missing}; zusätzlich: {extra}).",
            "The numbers in the translation differ from the source (missing: {missing}; "
            "extra: {extra}).",
        ),
        severity="error",
        outcome="failed",
        check=_number_mismatch,
        examples=(
            QaExample("Es kostet 25 Euro.", "It costs 25 euros.", fails=False),
            QaExample("Es kostet <x1/> Euro.", "It costs <x1/> euros.", fails=False,
                      placeholders={"x1": ("number", "1.250", "")}),
            QaExample("Es kostet 25 Euro.", "It costs 52 euros.", fails=True),
            QaExample("Termin am 3. März.", "Appointment in March.", fails=True),
        ),
    ),
    QaRule(
        id="translation.glossary-term",
        title=de_en("Glossar-Begriff nicht verwendet", "Glossary term not used"),
        message=de_en(
            "Für '{term}' schreibt das Glossar '{expected}' vor; die Übersetzung verwendet es "
            "nicht.",
            "The glossary requires '{expected}' for '{term}'; the translation does not use it.",
        ),
        severity="warning",
        outcome="failed",
        check=_glossary_term,
        examples=(
            QaExample("Der <x1/> unterschreibt.", "The <x1/> signs.", fails=False,
                      placeholders={"x1": ("glossary", "applicant", "Antragsteller")}),
            QaExample("Der <x1/> unterschreibt.", "The candidate signs.", fails=True,
                      placeholders={"x1": ("glossary", "applicant", "Antragsteller")}),
            QaExample("Kommen Sie ins <x1/>.", "Come to the citizens' office.", fails=True,
                      placeholders={"x1": ("term", "Bürgeramt Nord", "")}),
        ),
    ),
    QaRule(
        id="translation.untranslated",
        title=de_en("Nicht übersetzt", "Not translated"),
        message=de_en(
            "Dieses Segment ist nicht übersetzt: '{text}'.",
            "This segment is not translated: '{text}'.",
        ),
        severity="warning",
        outcome="failed",
        check=_untranslated,
        options={"min_words": 2},
        examples=(
            QaExample("Bitte rufen Sie uns an.", "Please call us.", fails=False),
            QaExample("<x1/>", "<x1/>", fails=False, placeholders=X1_URL),
            QaExample("Bitte rufen Sie uns an.", "Bitte rufen Sie uns an.", fails=True),
            QaExample("Bitte rufen Sie uns an.", "", fails=True),
        ),
    ),
    QaRule(
        id="translation.length-outlier",
        title=de_en("Auffällige Länge", "Unusual length"),
        message=de_en(
            "Die Übersetzung ist {ratio}-mal so lang wie das Original. Vielleicht fehlt etwas "
            "oder es wurde etwas hinzugefügt.",
            "The translation is {ratio} times as long as the source. Something may be missing "
            "or added.",
        ),
        severity="info",
        outcome="needs_review",
        check=_length_outlier,
        options={"min_chars": 20, "min_ratio": 0.4, "max_ratio": 2.5},
        examples=(
            QaExample("Das Bürgeramt ist am Montag geschlossen.",
                      "The citizens' office is closed on Monday.", fails=False),
            QaExample("Das Bürgeramt ist am Montag geschlossen.", "Closed.", fails=True),
            QaExample("Bitte rufen Sie uns an.",
                      "Please call us, or write to us, or visit us, or send us a letter, or "
                      "come by, any day of the week.", fails=True),
        ),
    ),
)


def run_rule(rule: QaRule, case: QaCase) -> list[QaHit]:
    return list(rule.check(case, rule.options))


def check_case(case: QaCase, locale: str = "de") -> list[Finding]:
    findings = []
    for rule in RULES:
        for occurrence, hit in enumerate(run_rule(rule, case)):
            severity, outcome, messages = rule.severity, rule.outcome, rule.message
            if hit.variant is not None:
                severity, outcome, messages = rule.variants[hit.variant]
            message = messages.get(locale, messages["de"]).format(**hit.params)
            findings.append(
                Finding(
                    rule_id=rule.id,
                    engine="translation",
                    outcome=outcome,  # type: ignore[arg-type]
                    severity=severity,  # type: ignore[arg-type]
                    message=message,
                    location=Location(snippet=case.source_text[:300]),
                    excerpt=case.target_text[:300],
                    standards=list(rule.standards),
                    fingerprint=fingerprint(
                        rule.id, case.source_text, case.segment.id, occurrence
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
