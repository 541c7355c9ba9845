"""The text check: one engine, built once, used by the CLI, the service and the tests.

``TextChecker.create()`` loads the heavy resources (lexicon, glossaries, morphology); ``check()``
turns a submitted text into a :class:`~checkers.report.Report`.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import msgspec

from checkers.report import (
    Finding,
    Location,
    Report,
    Suggestion,
    Target,
    fingerprint,
    summarize,
)
from checkers.rules import fill, severity_rank
from checkers.text.analysis import AnalyzedText, Resources
from checkers.text.config import TextConfig
from checkers.text.errors import TextInputError
from checkers.text.metrics import compute_metrics
from checkers.text.rules import all_rules
from checkers.text.rules.base import PROFILES, Hit, Rule, in_scope
from checkers.text.source import Extracted, extract
from checkers.text.verdict import judge

log = logging.getLogger(__name__)

LANGUAGES = ("de", "en")
OTHER_LANGUAGE_RULE = "de.other-language"
FORMATS = ("auto", "plain", "markdown", "html")
Locale = Literal["de", "en"]


@dataclass(frozen=True, slots=True)
class CheckRequest:
    text: str | bytes
    format: str = "auto"
    lang: str | None = None
    profile: str | None = None
    id: str | None = None
    locale: Locale = "de"


def load_resources(config: TextConfig) -> Resources:
    from checkers.text.lexicon import get_lexicon
    from checkers.text.morph import get_morph_analyzer
    from checkers.text.terms import TermMatcher
    from glossaries import load_glossaries

    lexicon = get_lexicon()
    glossary = load_glossaries(config.glossaries)
    return Resources(
        lexicon=lexicon,
        glossary=glossary,
        terms=TermMatcher(glossary, lexicon),
        morph=get_morph_analyzer(config.spacy_pipeline),
    )


class TextChecker:
    def __init__(self, config: TextConfig, resources: Resources, rules: Sequence[Rule]) -> None:
        self.config = config
        self.resources = resources
        self.rules = tuple(rules)

    @classmethod
    def create(cls, config: TextConfig | None = None) -> TextChecker:
        config = config or TextConfig()
        started = time.perf_counter()
        checker = cls(config, load_resources(config), all_rules())
        log.debug("text checker ready in %.0f ms", (time.perf_counter() - started) * 1000)
        return checker

    def check(self, request: CheckRequest) -> Report:
        text = validate_text(request.text, self.config.max_chars)
        lang = request.lang or self.config.lang
        profile = request.profile or self.config.profile
        if lang not in LANGUAGES:
            raise TextInputError(
                "language",
                f"Unbekannte Sprache {lang!r}. Möglich: {', '.join(LANGUAGES)}.",
                f"Unknown language {lang!r}. Supported: {', '.join(LANGUAGES)}.",
                status=422,
            )
        if profile not in PROFILES:
            raise TextInputError(
                "profile",
                f"Unbekanntes Profil {profile!r}. Möglich: {', '.join(PROFILES)}.",
                f"Unknown profile {profile!r}. Supported: {', '.join(PROFILES)}.",
                status=422,
            )
        if request.format not in FORMATS:
            raise TextInputError(
                "format",
                f"Unbekanntes Format {request.format!r}. Möglich: {', '.join(FORMATS)}.",
                f"Unknown format {request.format!r}. Supported: {', '.join(FORMATS)}.",
                status=422,
            )
        extracted = extract(text, request.format)  # type: ignore[arg-type]
        if request.lang:
            lang_source = "request"
        elif extracted.doc_lang:
            lang, lang_source = _base_lang(extracted.doc_lang), "markup"
        else:
            lang, lang_source = self._detect_language(extracted.text, lang)
        report = self.check_extracted(extracted, lang, profile, request.locale, request.id)
        report.metrics["language_source"] = lang_source
        return report

    @staticmethod
    def _detect_language(text: str, default: str) -> tuple[str, str]:
        """The identified language of a text without a declared one; the default when unsure."""
        from checkers.text.language import DOCUMENT_CONFIDENCE, MIN_WORDS_DETECT, detect
        from checkers.text.passages import clearly_in

        if clearly_in(text, default):
            # Function words of the default language and none of another: the identifier (and
            # its model load on a cold start) is not needed.
            return default, "detected"
        detection = detect(text, MIN_WORDS_DETECT)
        if detection is None or detection.confidence < DOCUMENT_CONFIDENCE:
            return default, "default"
        return detection.lang, "detected"

    def check_extracted(
        self,
        extracted: Extracted,
        lang: str,
        profile: str,
        locale: Locale = "de",
        target_id: str | None = None,
    ) -> Report:
        """The check on text already extracted (the page audit extracts once, for its blocks)."""
        lang = _base_lang(lang) if lang else self.config.lang
        doc = AnalyzedText.build(extracted.text, lang, profile, self.resources, extracted)
        own_sentences = [s for s in doc.sentences if not doc.in_other_language(s.start)]
        metrics = compute_metrics(own_sentences, lang, self.resources.lexicon, extracted.to_source)
        findings, limits = self._findings(doc, extracted, locale)
        limits += _language_limits(doc, self.rules, locale)
        report = Report(
            target=Target(
                kind="text", id=target_id, lang=lang, profile=profile, format=extracted.format
            ),
            summary=summarize(findings),
            metrics=metrics,
            findings=findings,
            limits=limits,
        )
        if lang == "de":
            spans = [extracted.to_source(s.start, s.end) for s in own_sentences]
            report.verdict = msgspec.to_builtins(judge(findings, metrics, profile, locale, spans))
        return report

    def _findings(
        self, doc: AnalyzedText, extracted: Extracted, locale: Locale
    ) -> tuple[list[Finding], list[str]]:
        findings: list[Finding] = []
        occurrences: Counter[tuple[str, str]] = Counter()
        for rule in self.rules:
            if doc.lang not in rule.meta.languages:
                continue
            settings = self.config.settings_for(rule.meta, doc.profile)
            if settings is None:
                continue
            skip_other = rule.meta.id != OTHER_LANGUAGE_RULE and bool(doc.other_language_spans)
            for hit in rule.check(doc, settings):
                if skip_other and doc.in_other_language(hit.start):
                    continue  # a German rule does not read an English passage
                if not in_scope(rule.meta, doc, hit.start):
                    continue  # a block the rule does not read (its scope)
                finding = self._finding(rule, hit, settings.severity, doc, extracted, locale)
                key = (rule.meta.id, finding.excerpt or "")
                finding.fingerprint = fingerprint(rule.meta.id, key[1], "", occurrences[key])
                occurrences[key] += 1
                findings.append(finding)
        findings = _merge_same_span(findings)
        findings.sort(key=lambda f: (f.location.start or 0, f.location.end or 0, f.rule_id))
        limits: list[str] = []
        if len(findings) > self.config.max_findings:
            limits.append(
                f"findings: {len(findings)} > {self.config.max_findings}; "
                "nur die ersten werden gezeigt / only the first are shown"
            )
            findings = findings[: self.config.max_findings]
        return findings, limits

    def _finding(
        self,
        rule: Rule,
        hit: Hit,
        severity: str,
        doc: AnalyzedText,
        extracted: Extracted,
        locale: Locale,
    ) -> Finding:
        meta = rule.meta
        start, end = extracted.to_source(hit.start, hit.end)
        line, column = extracted.line_col(start)
        message = fill((hit.message or meta.message).get(locale, ""), hit.params, meta.id)
        explanation = fill(
            (hit.explanation or meta.explanation).get(locale, ""), hit.params, meta.id
        )
        suggestions = []
        for fix in hit.fixes:
            fs, fe = (start, end) if fix.start is None else extracted.to_source(fix.start, fix.end)
            note = fix.note.get(locale) if fix.note else None
            suggestions.append(Suggestion(text=fix.text, start=fs, end=fe, note=note))
        return Finding(
            rule_id=meta.id,
            engine="text",
            outcome=meta.outcome,
            severity=hit.severity or severity,  # type: ignore[arg-type]
            message=message,
            explanation=explanation or None,
            excerpt=doc.text[hit.start : hit.end],
            location=Location(start=start, end=end, line=line, column=column),
            suggestions=suggestions,
            standards=list(meta.standards),
        )


# A word that a glossary replaces need not also be split: the split form becomes one more
# suggestion of the replacement finding instead of a finding of its own.
_REPLACING_RULES = ("de.glossary-term", "de.foreign-word")


def _merge_same_span(findings: list[Finding]) -> list[Finding]:
    """One finding per word and advice: two rules that say the same about the same span
    ("§" -> "Paragraf" from the abbreviation and the special-character rule) give one finding,
    and a compound that a glossary replaces is not reported twice."""
    by_span: dict[tuple[int | None, int | None], list[Finding]] = {}
    for finding in findings:
        by_span.setdefault((finding.location.start, finding.location.end), []).append(finding)
    dropped: set[int] = set()
    for group in by_span.values():
        if len(group) < 2:
            continue
        replacing = next((f for f in group if f.rule_id in _REPLACING_RULES), None)
        for finding in group:
            if replacing is not None and finding.rule_id == "de.compound-word":
                replacing.suggestions.extend(finding.suggestions[:1])
                dropped.add(id(finding))
        ranked = sorted(group, key=lambda f: -severity_rank(f.severity))
        seen: set[str] = set()
        for finding in ranked:
            if id(finding) in dropped or not finding.suggestions:
                continue
            first = finding.suggestions[0].text
            if first in seen:
                dropped.add(id(finding))
            seen.add(first)
    return [f for f in findings if id(f) not in dropped]


def _language_limits(doc: AnalyzedText, rules: Sequence[Rule], locale: Locale) -> list[str]:
    """Say which checks ran when the text is not German: no silent German rules on English."""
    if doc.lang == "de":
        return []
    from checkers.text.language import language_name

    ran = sorted(r.meta.id for r in rules if doc.lang in r.meta.languages)
    name_de, name_en = language_name(doc.lang, "de"), language_name(doc.lang, "en")
    figures_de = "Flesch Reading Ease, Flesch-Kincaid" if doc.lang == "en" else "nur Zählwerte"
    checks = ", ".join(ran) if ran else "-"
    if locale == "de":
        return [
            f"Sprache: {name_de}. Geprüft wurden: {checks}; Lesbarkeit: {figures_de}. "
            "Die Regeln der Leichten und Einfachen Sprache gelten für deutsche Texte."
        ]
    figures_en = "Flesch Reading Ease, Flesch-Kincaid" if doc.lang == "en" else "counts only"
    return [
        f"Language: {name_en}. Checks run: {checks}; readability: {figures_en}. "
        "The Leichte/Einfache Sprache rules apply to German texts."
    ]


def _base_lang(tag: str) -> str:
    return tag.split("-", maxsplit=1)[0].split("_", maxsplit=1)[0].lower()


def validate_text(text: str | bytes, max_chars: int) -> str:
    if isinstance(text, bytes):
        if len(text) > max_chars * 4:
            raise _too_large(len(text), max_chars)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise TextInputError(
                "encoding",
                f"Der Text ist kein gültiges UTF-8 (Byte {error.start}). "
                "Speichern Sie ihn als UTF-8.",
                f"The text is not valid UTF-8 (byte {error.start}). Save it as UTF-8.",
            ) from None
    if len(text) > max_chars:
        raise _too_large(len(text), max_chars)
    if "\x00" in text or _control_share(text) > 0.05:
        raise TextInputError(
            "binary",
            "Das sieht nicht wie Text aus (Binärdaten). "
            "Bitte schicken Sie Text, Markdown oder HTML.",
            "This does not look like text (binary data). Send text, Markdown or HTML.",
        )
    if not text.strip():
        raise TextInputError("empty", "Der Text ist leer.", "The text is empty.")
    return text


def _control_share(text: str) -> float:
    sample = text[:10_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(1, len(sample))


def _too_large(size: int, limit: int) -> TextInputError:
    return TextInputError(
        "too-large",
        f"Der Text ist zu lang ({size} Zeichen, erlaubt sind {limit}). Teilen Sie ihn auf.",
        f"The text is too long ({size} characters, the limit is {limit}). Split it up.",
        status=413,
    )
