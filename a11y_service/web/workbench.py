"""The text workbench at ``/``: check a text, see findings in place, apply suggestions.

Every step is a plain form post to ``/`` with the text in it, so the page keeps no state on the
server and works without JavaScript: check, re-check after editing, apply one suggestion (the
button carries the span, the text it expects there and the replacement), download.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import anyio
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.response import Template

from a11y_service.web.highlight import Span, highlight
from a11y_service.web.render import Lang, render, request_lang, translator
from a11y_service.web.uploads import accepted_suffixes, read_upload
from checkers.report import Finding, Report
from checkers.text.engine import CheckRequest, TextChecker
from checkers.text.errors import TextInputError

PROFILES: tuple[tuple[str, str, str], ...] = (
    ("leicht", "Leichte Sprache", "Easy-to-read German (Leichte Sprache)"),
    ("einfach", "Einfache Sprache", "Plain German (Einfache Sprache)"),
    ("standard", "Standardsprache", "Standard German"),
)
PROFILE_NAMES = tuple(p[0] for p in PROFILES)
FORMATS = ("auto", "plain", "markdown", "html")
DEFAULT_PROFILE = "einfach"
# A button carries the span it replaces; longer spans (whole paragraphs) are edited by hand.
MAX_APPLY_CHARS = 2_000
# Office documents are larger than their text; the text limit itself is the checker's.
MAX_UPLOAD_BYTES = 10_000_000

LEVEL_TEXT: dict[str, tuple[str, str]] = {
    "leicht": (
        "Leicht: Der Text ist sehr leicht zu lesen. Er passt für Leichte Sprache.",
        "Easy: the text is very easy to read. It suits easy-to-read German.",
    ),
    "einfach": (
        "Einfach: Viele Menschen verstehen den Text gut. Er passt für Einfache Sprache.",
        "Plain: many people understand the text well. It suits plain German.",
    ),
    "standard": (
        "Mittel: Geübte Leserinnen und Leser verstehen den Text. Für viele andere ist er schwer.",
        "Medium: practised readers understand the text. For many others it is hard.",
    ),
    "schwer": (
        "Schwer: Viele Menschen verstehen den Text nicht. Kürzen Sie die Sätze und nehmen Sie "
        "einfache Wörter.",
        "Hard: many people do not understand the text. Shorten the sentences and use simple words.",
    ),
}
SEVERITY_TEXT: dict[str, tuple[str, str]] = {
    "error": ("Muss geändert werden", "Must be changed"),
    "warning": ("Sollte geändert werden", "Should be changed"),
    "info": ("Hinweis", "Hint"),
}


@cache
def _rule_titles() -> dict[str, dict[str, str]]:
    from checkers.text.rules import all_rules

    return {r.meta.id: dict(r.meta.title) for r in all_rules()}


@cache
def _profile_thresholds() -> dict[str, float]:
    from checkers.text.score import load_model

    leicht, einfach, standard = load_model().thresholds
    return {"leicht": leicht, "einfach": einfach, "standard": standard}


@dataclass(slots=True)
class ShownSuggestion:
    text: str
    note: str | None
    # The button's value: where, what is expected there, and the replacement.
    apply_value: str | None


@dataclass(slots=True)
class ShownFinding:
    number: int
    rule_id: str
    title: str
    severity: str
    severity_label: str
    message: str
    explanation: str | None
    excerpt: str
    line: int | None
    located: bool
    standards: list[str]
    suggestions: list[ShownSuggestion] = field(default_factory=list)


@dataclass(slots=True)
class WorkbenchInput:
    text: str = ""
    profile: str = DEFAULT_PROFILE
    format: str = "auto"
    action: str = "check"
    apply: str | None = None
    filename: str | None = None
    errors: dict[str, str] = field(default_factory=dict)


def apply_value(start: int, end: int, original: str, replacement: str) -> str:
    return json.dumps({"s": start, "e": end, "o": original, "r": replacement}, ensure_ascii=False)


def apply_suggestion(text: str, value: str) -> tuple[str, str, str] | None:
    """The text with the suggestion applied, plus (original, replacement); None when the text
    no longer holds the expected words at that place (it was edited since the check)."""
    try:
        data = json.loads(value)
        start, end, original, replacement = (int(data["s"]), int(data["e"]), data["o"], data["r"])
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(original, str) or not isinstance(replacement, str):
        return None
    if not 0 <= start <= end <= len(text) or text[start:end] != original:
        return None
    return text[:start] + replacement + text[end:], original, replacement


def shown_findings(report: Report, text: str, lang: Lang) -> list[ShownFinding]:
    _ = translator(lang)
    titles = _rule_titles()
    located = [f for f in report.findings if f.location.start is not None]
    located.sort(key=lambda f: (f.location.start or 0, -(f.location.end or 0)))
    # Findings about the text as a whole come last; they have no place to mark.
    whole = [f for f in report.findings if f.location.start is None]
    return [
        _shown(number, finding, text, titles, lang)
        for number, finding in enumerate([*located, *whole], start=1)
    ]


def _shown(
    number: int, finding: Finding, text: str, titles: dict[str, dict[str, str]], lang: Lang
) -> ShownFinding:
    _ = translator(lang)
    located = finding.location.start is not None
    start = finding.location.start or 0
    end = finding.location.end if finding.location.end is not None else start
    if not located:
        end = 0
    suggestions = []
    for suggestion in finding.suggestions:
        s_start = suggestion.start if suggestion.start is not None else start
        s_end = suggestion.end if suggestion.end is not None else end
        value = None
        if (
            located
            and 0 <= s_start <= s_end <= len(text)
            and s_end - s_start <= MAX_APPLY_CHARS
            and text[s_start:s_end] != suggestion.text
        ):
            value = apply_value(s_start, s_end, text[s_start:s_end], suggestion.text)
        suggestions.append(ShownSuggestion(suggestion.text, suggestion.note, value))
    severity = SEVERITY_TEXT.get(finding.severity, SEVERITY_TEXT["info"])
    return ShownFinding(
        number=number,
        rule_id=finding.rule_id,
        title=titles.get(finding.rule_id, {}).get(lang) or finding.rule_id,
        severity=finding.severity,
        severity_label=_(*severity),
        message=finding.message,
        explanation=finding.explanation,
        excerpt=text[start:end],
        line=finding.location.line,
        located=located,
        standards=list(finding.standards),
        suggestions=suggestions,
    )


def hard_sentences(report: Report, profile: str) -> list[dict[str, Any]]:
    """Sentences whose own score is below what the chosen profile asks for."""
    threshold = _profile_thresholds().get(profile, _profile_thresholds()["einfach"])
    metrics = report.metrics.get("sentence_metrics") or []
    return [
        m
        for m in metrics  # type: ignore[union-attr]
        if isinstance(m, dict) and m.get("score") is not None and m["score"] < threshold
    ]


def marked_text(
    text: str, findings: list[ShownFinding], report: Report, hard: list[dict[str, Any]], lang: Lang
) -> Any:
    _ = translator(lang)
    spans: list[Span] = [
        Span(
            int(m["start"]),
            int(m["end"]),
            None,
            "sentence",
            _("[Schwerer Satz] ", "[Hard sentence] "),
        )
        for m in hard
    ]
    by_number = {f.number: f for f in findings}
    located = [f for f in report.findings if f.location.start is not None]
    located.sort(key=lambda f: (f.location.start or 0, -(f.location.end or 0)))
    for number, finding in enumerate(located, start=1):
        shown = by_number[number]
        start = finding.location.start or 0
        end = finding.location.end if finding.location.end is not None else start
        if end <= start:
            end = min(len(text), start + 1)
        spans.append(
            Span(
                start,
                end,
                number,
                f"sev-{finding.severity}",
                _(f"Hinweis {number}: {shown.title}", f"Finding {number}: {shown.title}"),
            )
        )
    return highlight(text, spans, lambda n: _(f"[Hinweis {n}] ", f"[Finding {n}] "))


def _profile_label(profile: str, lang: Lang) -> str:
    for value, de, en in PROFILES:
        if value == profile:
            return en if lang == "en" else de
    return profile


async def read_form(request: Request) -> WorkbenchInput:
    form = await request.form()
    lang = request_lang(request)
    _ = translator(lang)
    data = WorkbenchInput()
    text = form.get("text")
    data.text = text if isinstance(text, str) else ""
    profile = form.get("profile")
    data.profile = profile if profile in PROFILE_NAMES else DEFAULT_PROFILE
    fmt = form.get("format")
    data.format = fmt if fmt in FORMATS else "auto"
    action = form.get("action")
    data.action = action if action in ("check", "download") else "check"
    apply = form.get("apply")
    if isinstance(apply, str) and apply:
        data.action = "apply"
        data.apply = apply
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        data.filename = upload.filename
        content = await upload.read(MAX_UPLOAD_BYTES + 1)
        if len(content) > MAX_UPLOAD_BYTES:
            data.errors["file"] = _(
                "Die Datei ist zu groß. Erlaubt sind 10 MB.",
                "The file is too large. At most 10 MB are allowed.",
            )
        elif not content:
            data.errors["file"] = _("Die Datei ist leer.", "The file is empty.")
        else:
            try:
                data.text, data.format = await anyio.to_thread.run_sync(
                    read_upload, content, upload.filename
                )
            except TextInputError as error:
                data.errors["file"] = error.message(lang)
    if not data.errors and not data.text.strip():
        data.errors["text"] = _(
            "Bitte geben Sie einen Text ein oder wählen Sie eine Datei.",
            "Please enter a text or choose a file.",
        )
    return data


def form_context(lang: Lang) -> dict[str, Any]:
    suffixes = accepted_suffixes()
    return {
        "profiles": PROFILES,
        "file_types": ", ".join(suffixes),
        "file_accept": ",".join(suffixes),
    }


class WorkbenchController(Controller):
    include_in_schema = False

    @get("/", name="web:start")
    async def start(self, request: Request) -> Template:
        return render(
            request,
            "start.html",
            **form_context(request_lang(request)),
            profile=DEFAULT_PROFILE,
            text="",
            format="auto",
        )

    @post(
        "/", name="web:check", status_code=200, request_max_body_size=MAX_UPLOAD_BYTES + 1_000_000
    )
    async def check(self, request: Request) -> Template | Response[bytes]:
        request.app.state.web_limiter.check(request)
        lang = request_lang(request)
        _ = translator(lang)
        data = await read_form(request)
        context = {**form_context(lang), "profile": data.profile, "format": data.format}
        if data.errors:
            return render(
                request,
                "start.html",
                status_code=422,
                text=data.text,
                errors=data.errors,
                **context,
            )
        if data.action == "download":
            return download(data.text)
        notice: str | None = None
        notice_kind = "ok"
        if data.action == "apply" and data.apply:
            applied = apply_suggestion(data.text, data.apply)
            if applied is None:
                notice_kind = "error"
                notice = _(
                    "Der Vorschlag passt nicht mehr zum Text, weil der Text geändert wurde. "
                    "Wir haben den Text neu geprüft.",
                    "The suggestion no longer fits the text because the text was changed. "
                    "We checked the text again.",
                )
            else:
                data.text, original, replacement = applied
                original, replacement = _short(original), _short(replacement)
                notice = _(
                    f"Vorschlag übernommen: „{original}“ heißt jetzt „{replacement}“.",
                    f"Suggestion applied: “{original}” is now “{replacement}”.",
                )
        checker: TextChecker = request.app.state.text_checker
        try:
            report = await anyio.to_thread.run_sync(
                checker.check,
                CheckRequest(text=data.text, format=data.format, profile=data.profile, locale=lang),
            )
        except TextInputError as error:
            return render(
                request,
                "start.html",
                status_code=422,
                text=data.text,
                errors={"text": error.message(lang)},
                **context,
            )
        findings = shown_findings(report, data.text, lang)
        hard = hard_sentences(report, data.profile)
        level = str(report.metrics.get("level") or "")
        return render(
            request,
            "result.html",
            **context,
            text=data.text,
            report=report,
            metrics=report.metrics,
            level=level,
            level_text=_(*LEVEL_TEXT[level]) if level in LEVEL_TEXT else "",
            profile_label=_profile_label(data.profile, lang),
            target_score=_profile_thresholds().get(data.profile),
            findings=findings,
            hard_count=len(hard),
            marked=marked_text(data.text, findings, report, hard, lang),
            notice=notice,
            notice_kind=notice_kind,
            filename=data.filename,
        )


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def download(text: str) -> Response[bytes]:
    return Response(
        content=text.encode("utf-8"),
        media_type="text/plain",  # Litestar adds "; charset=utf-8"
        headers={"Content-Disposition": 'attachment; filename="text-geprueft.txt"'},
    )
