"""Quality checks on translated segments: findings with ``engine: translation``.

Each rule is the project's one rule record (:class:`checkers.rules.RuleMeta`: id, messages in
German and English with named placeholders, severity, outcome, variants, examples) plus a small
pure function over one segment pair, like the page and text rules; ``tests/test_rule_examples.py``
runs every example. (``translators`` may import ``checkers``: tests/test_layering.py only keeps
the libraries apart from the front ends.) The checks read the target as a person would see it
(placeholders filled), so they work for machine output and for human edits alike:

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
from typing import TYPE_CHECKING, Any

from checkers.report import Finding, Location, fingerprint
from checkers.rules import Example, RuleMeta, Variant, de_en, fill, localized
from translators import tags
from translators.document import Placeholder, Segment

if TYPE_CHECKING:
    from translators.document import TranslatedDocument

STANDARD = "ISO 17100: Prüfung der Übersetzung / translation revision"


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


def example_case(example: Example) -> QaCase:
    """The segment pair an example describes: ``example.text`` is the source, ``target`` the
    translation; ``<g>`` tags of the source without a placeholder become bold markup."""
    holders = {
        key: Placeholder(key, kind, text, source=source)
        for key, (kind, text, source) in example.placeholders.items()
    }
    for tag in tags.scan(example.text):
        if tag.kind == "g" and tag.id not in holders:
            holders[tag.id] = Placeholder(tag.id, "tag", "<b>", close="</b>", raw=True)
    segment = Segment("example", "p", example.text, example.target, holders)
    return QaCase(segment, example.target, example.repaired)


QaCheck = Callable[[QaCase, Mapping[str, Any]], Iterable[QaHit]]


@dataclass(frozen=True, slots=True)
class QaRule:
    meta: RuleMeta
    check: QaCheck


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
GLOSSARY_X1 = {"x1": ("glossary", "applicant", "Antragsteller")}
CLOSED = "Das Bürgeramt ist am Montag geschlossen."
CALL = "Bitte rufen Sie uns an."
RULES: tuple[QaRule, ...] = (
    QaRule(
        RuleMeta(
            id="translation.placeholder-mismatch",
            engine="translation",
            title=de_en("Platzhalter verändert", "Placeholder changed"),
            message=de_en(
                "Platzhalter sind verändert: {placeholders}. Die Maschine hatte Platzhalter "
                "verloren; sie stehen jetzt am Ende des Segments. Prüfen Sie die Stelle.",
                "Placeholders are changed: {placeholders}. The machine lost placeholders; they "
                "now stand at the end of the segment. Please check the position.",
            ),
            explanation=de_en(
                "Platzhalter stehen für Links, Zahlen, Adressen und Auszeichnungen. Jeder muss "
                "genau einmal und an der richtigen Stelle in der Übersetzung stehen.",
                "Placeholders stand for links, numbers, addresses and markup. Each must appear "
                "exactly once, in the right place, in the translation.",
            ),
            severity="warning",
            outcome="needs_review",
            standards=(STANDARD,),
            variants={
                "missing": Variant(
                    "error",
                    "failed",
                    de_en(
                        "In der Übersetzung fehlen Platzhalter: {placeholders}. Ohne sie gehen "
                        "ein Link, eine Zahl oder eine Adresse verloren. Setzen Sie die "
                        "Platzhalter an die richtige Stelle.",
                        "Placeholders are missing from the translation: {placeholders}. "
                        "Without them a link, a number or an address is lost. Put them in the "
                        "right place.",
                    ),
                )
            },
            examples=(
                Example("Siehe <x1/>.", expect=None, target="See <x1/>.", placeholders=X1_URL),
                Example("Siehe <x1/>.", expect="failed", target="See.", placeholders=X1_URL),
                Example("Lesen Sie <g1>mehr</g1>.", expect="failed", target="Read more."),
                # Re-appended by the engine: in the target, but perhaps at the wrong place.
                Example("Siehe <x1/>.", expect="needs_review", target="See. <x1/>",
                        placeholders=X1_URL, repaired=("x1",)),
                Example("Das <g1>Amt</g1> hilft.", expect="needs_review",
                        target="The <g1>office</g1> helps <x7/>."),
            ),
        ),
        _placeholder_mismatch,
    ),
    QaRule(
        RuleMeta(
            id="translation.number-mismatch",
            engine="translation",
            title=de_en("Zahlen stimmen nicht überein", "Numbers differ"),
            message=de_en(
                "Die Zahlen in der Übersetzung stimmen nicht mit dem Original überein (fehlt: "
                "{missing}; zusätzlich: {extra}).",
                "The numbers in the translation differ from the source (missing: {missing}; "
                "extra: {extra}).",
            ),
            explanation=de_en(
                "Beträge, Daten und Fristen müssen in der Übersetzung dieselben sein wie im "
                "Original.",
                "Amounts, dates and deadlines must be the same in the translation as in the "
                "source.",
            ),
            severity="error",
            outcome="failed",
            standards=(STANDARD,),
            examples=(
                Example("Es kostet 25 Euro.", expect=None, target="It costs 25 euros."),
                Example("Es kostet <x1/> Euro.", expect=None, target="It costs <x1/> euros.",
                        placeholders={"x1": ("number", "1.250", "")}),
                Example("Es kostet 25 Euro.", expect="failed", target="It costs 52 euros."),
                Example("Termin am 3. März.", expect="failed", target="Appointment in March."),
            ),
        ),
        _number_mismatch,
    ),
    QaRule(
        RuleMeta(
            id="translation.glossary-term",
            engine="translation",
            title=de_en("Glossar-Begriff nicht verwendet", "Glossary term not used"),
            message=de_en(
                "Für '{term}' schreibt das Glossar '{expected}' vor; die Übersetzung verwendet "
                "es nicht.",
                "The glossary requires '{expected}' for '{term}'; the translation does not use "
                "it.",
            ),
            explanation=de_en(
                "Das Glossar legt fest, wie ein Begriff übersetzt wird, damit alle Texte "
                "dieselben Wörter verwenden.",
                "The glossary fixes how a term is translated, so that every text uses the same "
                "words.",
            ),
            severity="warning",
            outcome="failed",
            standards=(STANDARD,),
            examples=(
                Example("Der <x1/> unterschreibt.", expect=None, target="The <x1/> signs.",
                        placeholders=GLOSSARY_X1),
                Example("Der <x1/> unterschreibt.", expect="failed",
                        target="The candidate signs.", placeholders=GLOSSARY_X1),
                Example("Kommen Sie ins <x1/>.", expect="failed",
                        target="Come to the citizens' office.",
                        placeholders={"x1": ("term", "Bürgeramt Nord", "")}),
            ),
        ),
        _glossary_term,
    ),
    QaRule(
        RuleMeta(
            id="translation.untranslated",
            engine="translation",
            title=de_en("Nicht übersetzt", "Not translated"),
            message=de_en(
                "Dieses Segment ist nicht übersetzt: '{text}'.",
                "This segment is not translated: '{text}'.",
            ),
            explanation=de_en(
                "Ein leeres oder unverändertes Segment erscheint in der Übersetzung in der "
                "Ausgangssprache.",
                "An empty or unchanged segment shows up in the translation in the source "
                "language.",
            ),
            severity="warning",
            outcome="failed",
            standards=(STANDARD,),
            options={"min_words": 2},
            examples=(
                Example(CALL, expect=None, target="Please call us."),
                Example("<x1/>", expect=None, target="<x1/>", placeholders=X1_URL),
                Example(CALL, expect="failed", target=CALL),
                Example(CALL, expect="failed", target=""),
            ),
        ),
        _untranslated,
    ),
    QaRule(
        RuleMeta(
            id="translation.length-outlier",
            engine="translation",
            title=de_en("Auffällige Länge", "Unusual length"),
            message=de_en(
                "Die Übersetzung ist {ratio}-mal so lang wie das Original. Vielleicht fehlt "
                "etwas oder es wurde etwas hinzugefügt.",
                "The translation is {ratio} times as long as the source. Something may be "
                "missing or added.",
            ),
            explanation=de_en(
                "Eine Übersetzung ist meist ähnlich lang wie das Original. Ist sie viel kürzer "
                "oder länger, lesen Sie sie noch einmal gegen.",
                "A translation is usually about as long as its source. If it is much shorter "
                "or longer, check it against the source.",
            ),
            severity="info",
            outcome="needs_review",
            standards=(STANDARD,),
            options={"min_chars": 20, "min_ratio": 0.4, "max_ratio": 2.5},
            examples=(
                Example(CLOSED, expect=None, target="The citizens' office is closed on Monday."),
                Example(CLOSED, expect="needs_review", target="Closed."),
                Example(
                    CALL,
                    expect="needs_review",
                    target="Please call us, or write to us, or visit us, or send us a "
                    "letter, or come by, any day of the week.",
                ),
            ),
        ),
        _length_outlier,
    ),
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
