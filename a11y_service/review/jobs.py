"""Running a translation job: engine → review store. Shared by the inline path and the queue.

The engine is reached through a small protocol (``translate_document`` returning segments with
``id``/``source``/``target``, ``findings`` and ``render``), so the store and the API do not depend
on how segmentation, markup protection or the model work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

import msgspec

from a11y_service.db.errors import InvalidUpdateError
from a11y_service.db.records import JobRecord, NewSegment
from a11y_service.review.store import ReviewStore, check_text

log = logging.getLogger(__name__)

MAX_GLOSSARY_TERMS = 500
MAX_TERM_CHARS = 200


class TranslatedDocumentLike(Protocol):
    @property
    def segments(self) -> Sequence[Any]: ...
    @property
    def findings(self) -> Sequence[Any]: ...
    def render(self, targets: Mapping[str, str] | None = None) -> str: ...


class DocumentTranslator(Protocol):
    def translate_document(
        self, content: str, fmt: Any, source: str, target: str, **options: Any
    ) -> TranslatedDocumentLike: ...


TranslatorProvider = Callable[[], DocumentTranslator]


def _placeholders(segment: Any) -> dict[str, object] | None:
    value = getattr(segment, "placeholders", None)
    if not value:
        return None
    data = msgspec.to_builtins(value)
    return data if isinstance(data, dict) else {str(i): v for i, v in enumerate(data)}


def _document_data(document: Any) -> dict[str, object] | None:
    to_dict = getattr(document, "to_dict", None)
    return to_dict() if callable(to_dict) else None


def _finding(finding: Any) -> dict[str, object]:
    data = msgspec.to_builtins(finding)
    return data if isinstance(data, dict) else {"message": str(finding)}


def normalize_glossary(
    glossary: Mapping[str, str | None] | None,
) -> dict[str, str | None] | None:
    """A job glossary from a request: terms stripped; empty terms, too many or too long terms
    and characters XML cannot carry are refused (422)."""
    if not glossary:
        return None
    if len(glossary) > MAX_GLOSSARY_TERMS:
        raise InvalidUpdateError(
            f"Das Glossar hat mehr als {MAX_GLOSSARY_TERMS} Einträge.",
            f"The glossary has more than {MAX_GLOSSARY_TERMS} entries.",
            limit=MAX_GLOSSARY_TERMS,
        )
    result: dict[str, str | None] = {}
    for raw_source, raw_target in glossary.items():
        source = raw_source.strip()
        target = raw_target.strip() if raw_target else None
        if not source:
            raise InvalidUpdateError(
                "Das Glossar enthält einen leeren Begriff.", "The glossary has an empty term."
            )
        for text in (source, target or ""):
            if len(text) > MAX_TERM_CHARS:
                raise InvalidUpdateError(
                    f"Ein Glossarbegriff ist länger als {MAX_TERM_CHARS} Zeichen: {text[:40]!r}…",
                    f"A glossary term is longer than {MAX_TERM_CHARS} characters: {text[:40]!r}…",
                    limit=MAX_TERM_CHARS,
                )
            check_text(text, "Ein Glossarbegriff", "A glossary term")
        result[source] = target or None
    return result or None


def translate_options(glossary: Mapping[str, str | None] | None) -> dict[str, Any]:
    """The job's glossary ``{source term: target term}`` as the engine's terminology; an empty
    or null target means "keep the term as it is" (names, product names). Blank terms (stored
    before requests were checked) are skipped."""
    if not glossary:
        return {}
    from translators.terminology import Term, Terminology

    terms = [
        Term(src.strip(), (dst or "").strip() or None)
        for src, dst in glossary.items()
        if src and src.strip()
    ]
    return {"terminology": Terminology(terms)} if terms else {}


def run_job(store: ReviewStore, translator: TranslatorProvider, job_id: str) -> JobRecord:
    """Translate a queued job and store its segments; a failure is stored, not lost.

    Storing the result is inside the ``try`` as well: a failing ``complete_job`` (a segment the
    database refuses) marks the job failed instead of leaving it "running" for ever.
    """
    if not store.start_job(job_id):
        return store.get_job(job_id)  # already running or done elsewhere
    try:
        job = store.get_job(job_id)
        document = translator().translate_document(
            store.job_content(job_id),
            job.format,
            job.source,
            job.target,
            **translate_options(job.glossary),
        )
        segments = [
            NewSegment(
                id=str(s.id),
                source=s.source,
                machine=s.target,
                placeholders=_placeholders(s),
                kind=str(getattr(s, "kind", "") or "paragraph"),
                block=str(getattr(s, "block", "") or s.id),
                repaired=[str(r) for r in getattr(s, "repaired", None) or ()],
            )
            for s in document.segments
        ]
        findings = [_finding(f) for f in document.findings]
        data = _document_data(document)
        return store.complete_job(job_id, segments, findings, data)
    except Exception as exc:
        log.exception("translation job %s failed", job_id)
        message = exc.message("de") if hasattr(exc, "message") else str(exc)
        store.fail_job(job_id, f"{type(exc).__name__}: {message}")
        return store.get_job(job_id)


def count_segments(content: str, fmt: str, source: str, target: str) -> int:
    """How many segments the engine will make: segmentation is cheap, translation is not, so
    this decides between inline and queue before any model is loaded."""
    from translators.markup import extract

    return len(extract(content, fmt, source, target).segments)  # type: ignore[arg-type]


def render_document(
    store: ReviewStore, translator: TranslatorProvider, job: JobRecord, targets: Mapping[str, str]
) -> str:
    """Rebuild the document with the reviewed targets.

    From the stored template (``TranslatedDocument.from_dict``) when the engine gave one; else the
    engine segments the stored source again (same ids) and renders the targets into it.
    """
    data = store.job_document(job.id)
    if data is not None:
        from translators.document import TranslatedDocument

        return TranslatedDocument.from_dict(data).render(targets)
    document = translator().translate_document(
        store.job_content(job.id),
        job.format,
        job.source,
        job.target,
        **translate_options(job.glossary),
    )
    return document.render(targets)


def current_findings(
    store: ReviewStore, job_id: str, locale: str = "de"
) -> list[dict[str, object]]:
    """QA findings (placeholders, numbers, terms, length) for the targets as reviewed now;
    the findings stored with the job describe the machine output only."""
    job = store.get_job(job_id)
    if locale == "de":
        return job.findings  # stored per segment, re-run on every change
    from a11y_service.review.segment_qa import segment_findings

    return [
        f
        for s in store.segments(job_id)
        for f in segment_findings(
            segment_id=s.id,
            source=s.source,
            target=s.target,
            machine=s.machine,
            placeholders=s.placeholders,
            repaired=(),
            source_lang=job.source,
            target_lang=job.target,
            locale=locale,
        )
    ]


def default_translator_provider() -> TranslatorProvider:
    """The real engine, built once on first use (loading models is slow; a job may never come)."""
    import threading

    lock = threading.Lock()
    built: list[DocumentTranslator] = []

    def provide() -> DocumentTranslator:
        with lock:
            if not built:
                from a11y_core import engines

                built.append(engines.translator())  # A11Y_MODELS_DIR, A11Y_TRANSLATE_* settings
            return built[0]

    return provide
