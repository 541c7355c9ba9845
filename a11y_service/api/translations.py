"""/v1/translations: machine translation with a human review workflow.

Thin on purpose: the review domain (``a11y_service.review``: ``store`` owns consistency, ``jobs``
runs the engine, ``xliff_exchange`` the XLIFF round trip) does the work, ``task_queue`` takes the
long jobs. Every handler runs in a thread (database and engine calls block). Errors are domain
exceptions mapped to problem+json in ``a11y_service.problems``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated, ClassVar, Literal

import anyio.to_thread
import msgspec
from litestar import Controller, Litestar, Request, Response, get, patch, post
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody, QueryParameter

from a11y_core.config.env import Settings
from a11y_service.accounts.middleware import provide_principal
from a11y_service.accounts.principal import Principal
from a11y_service.api.text import request_locale
from a11y_service.db.errors import InvalidUpdateError, ReviewError, TextTooLongError
from a11y_service.db.records import (
    CommentRecord,
    HistoryRecord,
    JobRecord,
    SegmentRecord,
    SegmentUpdate,
)
from a11y_service.review.jobs import (
    DocumentTranslator,
    TranslatorProvider,
    count_segments,
    current_findings,
    default_translator_provider,
    normalize_glossary,
    render_document,
    run_job,
)
from a11y_service.review.store import ReviewStore
from a11y_service.review.xliff_exchange import ImportResult, export_job, import_job
from a11y_service.task_queue import JobQueue, build_queue
from checkers.text.config import TextConfig
from translators.errors import TranslationError

XLIFF_MEDIA_TYPE = "application/xliff+xml"
DOCUMENT_MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "plain": "text/plain; charset=utf-8",
}
MAX_IMPORT_BYTES = 32 * 1024 * 1024
log = logging.getLogger(__name__)


class TranslationFailedError(ReviewError):
    status = 422
    kind = "translation-failed"


class QueueUnavailableError(ReviewError):
    status = 503
    kind = "queue-unavailable"


LanguageCode = Annotated[
    str, msgspec.Meta(pattern=r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$", max_length=16)
]


class CreateTranslation(msgspec.Struct, forbid_unknown_fields=True):
    content: str
    source: LanguageCode
    target: LanguageCode
    format: Literal["html", "markdown", "plain"] = "html"
    glossary: dict[str, str | None] | None = None
    # auto: documents with many segments (A11Y_TRANSLATE_INLINE_SEGMENTS) go through the queue.
    mode: Literal["auto", "inline", "queue"] = "auto"


# Who decided is always the signed-in principal (its e-mail address or key name). A
# ``reviewer``/``author`` in a request is accepted for older clients and ignored.


class SegmentPatch(msgspec.Struct, forbid_unknown_fields=True):
    reviewer: str | None = None  # ignored: the principal decides
    version: int | None = None  # or the ETag in If-Match
    state: Literal["needs_review", "edited", "approved", "rejected"] | None = None
    target: str | None = None
    comment: str | None = None


class CommentBody(msgspec.Struct, forbid_unknown_fields=True):
    text: str
    author: str | None = None  # ignored: the principal writes


class OverrideBody(msgspec.Struct, forbid_unknown_fields=True):
    reason: str
    reviewer: str | None = None  # ignored: the principal overrides


def _etag(version: int) -> str:
    return f'"{version}"'


def _if_match(request: Request) -> int | None:
    header = request.headers.get("if-match")
    if not header:
        return None
    value = header.strip().removeprefix("W/").strip('"')
    try:
        return int(value)
    except ValueError:
        raise InvalidUpdateError(
            'If-Match muss die Segment-Version als ETag enthalten, z. B. "3".',
            'If-Match must hold the segment version as an ETag, e.g. "3".',
        ) from None


def _segment_response(segment: SegmentRecord, status: int = 200) -> Response[SegmentRecord]:
    return Response(segment, status_code=status, headers={"ETag": _etag(segment.version)})


def _from_state(name: str) -> Callable[[State], object]:
    # Set by ``translation_lifespan``; a KeyError here means the lifespan was not registered.
    def provide(state: State) -> object:
        return state[name]

    return provide


def _org_review_store(request: Request) -> ReviewStore:
    """The store seen by the caller's organisation: other organisations' jobs answer 404."""
    principal = provide_principal(request)
    return request.app.state.review_store.scoped(principal.org_id)  # type: ignore[no-any-return]


TRANSLATION_DEPENDENCIES = {
    "review_store": Provide(_org_review_store, sync_to_thread=False),
    "job_queue": Provide(_from_state("job_queue"), sync_to_thread=False),
    "translator_provider": Provide(_from_state("translator_provider"), sync_to_thread=False),
    "translation_settings": Provide(_from_state("translation_settings"), sync_to_thread=False),
}


class TranslationController(Controller):
    path = "/v1/translations"
    tags: ClassVar[list[str]] = ["translations"]
    # An XLIFF file carries source, target and machine text: larger than the document.
    request_max_body_size = MAX_IMPORT_BYTES
    dependencies = TRANSLATION_DEPENDENCIES  # type: ignore[assignment]

    @post(
        "/",
        sync_to_thread=True,
        summary="Übersetzen und zur Prüfung anlegen / Translate and open for review",
        description=(
            "Kurze Dokumente: 201, fertig übersetzt (Segmente unter /segments). Lange: 202, der "
            "Auftrag läuft in der Warteschlange; Status über GET abfragen. / Short documents: "
            "201, translated (segments at /segments); long "
            "ones: 202, poll the job."
        ),
    )
    def create(
        self,
        data: JSONBody[CreateTranslation],
        review_store: NamedDependency[ReviewStore],
        job_queue: NamedDependency[JobQueue],
        translator_provider: NamedDependency[TranslatorProvider],
        translation_settings: NamedDependency[Settings],
    ) -> Response[JobRecord]:
        if not data.content.strip():
            raise InvalidUpdateError("Der Inhalt ist leer.", "The content is empty.")
        # The same limit as for text checks (A11Y_MAX_CHARS / a11y.toml).
        limit = translation_settings.max_chars or TextConfig().max_chars
        if len(data.content) > limit:
            raise TextTooLongError(
                f"Der Inhalt ist länger als {limit} Zeichen.",
                f"The content is longer than {limit} characters.",
                limit=limit,
            )
        if data.source == data.target:
            raise InvalidUpdateError(
                "Ausgangs- und Zielsprache sind gleich.", "Source and target language are equal."
            )
        glossary = normalize_glossary(data.glossary)
        try:
            count = count_segments(data.content, data.format, data.source, data.target)
        except TranslationError as exc:
            raise InvalidUpdateError(exc.message("de"), exc.message("en")) from exc
        if count == 0:
            raise InvalidUpdateError(
                "Im Inhalt ist nichts zu übersetzen.", "There is nothing to translate."
            )
        queued = data.mode == "queue" or (
            data.mode == "auto" and count > translation_settings.translate_inline_segments
        )
        job = review_store.create_job(
            content=data.content,
            fmt=data.format,
            source=data.source,
            target=data.target,
            glossary=glossary,
        )
        location = {"Location": f"{self.path}/{job.id}"}
        if queued:
            try:
                job_queue.enqueue(job.id)
            except Exception as exc:
                # The job is saved but no task will run it: say so, instead of "queued" forever.
                log.exception("could not enqueue translation job %s", job.id)
                review_store.fail_job(
                    job.id, f"{type(exc).__name__}: queue unavailable", from_status=("queued",)
                )
                raise QueueUnavailableError(
                    "Die Warteschlange ist nicht erreichbar; der Auftrag wurde nicht gestartet. "
                    "Bitte später erneut versuchen.",
                    "The job queue is unavailable; the job was not started. Try again later.",
                    job_id=job.id,
                ) from None
            return Response(review_store.get_job(job.id), status_code=202, headers=location)
        job = run_job(review_store, translator_provider, job.id)
        if job.status == "failed":
            raise TranslationFailedError(
                f"Die Übersetzung ist fehlgeschlagen: {job.error}",
                f"The translation failed: {job.error}",
                job_id=job.id,
            )
        return Response(job, status_code=201, headers=location)

    @get("/", sync_to_thread=True, summary="Aufträge / Jobs")
    def list_jobs(
        self,
        review_store: NamedDependency[ReviewStore],
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
    ) -> list[JobRecord]:
        return review_store.list_jobs(limit)

    @get("/{job_id:str}", sync_to_thread=True, summary="Auftrag / Job")
    def get_job(
        self, job_id: FromPath[str], review_store: NamedDependency[ReviewStore]
    ) -> JobRecord:
        return review_store.get_job(job_id)

    @get("/{job_id:str}/segments", sync_to_thread=True, summary="Segmente / Segments")
    def segments(
        self, job_id: FromPath[str], review_store: NamedDependency[ReviewStore]
    ) -> list[SegmentRecord]:
        return review_store.segments(job_id)

    @get("/{job_id:str}/segments/{segment_id:str}", sync_to_thread=True, summary="Segment")
    def segment(
        self,
        job_id: FromPath[str],
        segment_id: FromPath[str],
        review_store: NamedDependency[ReviewStore],
    ) -> Response[SegmentRecord]:
        return _segment_response(review_store.segment(job_id, segment_id))

    @patch(
        "/{job_id:str}/segments/{segment_id:str}",
        sync_to_thread=True,
        opt={"role": "translator"},
        summary="Entscheiden / Decide",
        description=(
            "Status und/oder Übersetzung ändern. `version` (oder If-Match) ist die Version, die "
            "Sie gesehen haben; ist sie veraltet, kommt 409 und nichts wird überschrieben. / "
            "Change state and/or target; a stale version gets 409 and nothing is overwritten."
        ),
    )
    def decide(
        self,
        request: Request,
        job_id: FromPath[str],
        segment_id: FromPath[str],
        data: JSONBody[SegmentPatch],
        review_store: NamedDependency[ReviewStore],
        principal: NamedDependency[Principal],
    ) -> Response[SegmentRecord]:
        header_version = _if_match(request)
        version = data.version if data.version is not None else header_version
        if version is None:
            raise InvalidUpdateError(
                "Die Version fehlt (Feld version oder Kopfzeile If-Match).",
                "The version is missing (field version or header If-Match).",
            )
        if header_version is not None and header_version != version:
            raise InvalidUpdateError(
                "version und If-Match widersprechen sich.", "version and If-Match disagree."
            )
        segment = review_store.update_segment(
            job_id,
            segment_id,
            SegmentUpdate(
                version=version,
                reviewer=principal.actor,
                state=data.state,
                target=data.target,
                comment=data.comment,
            ),
        )
        return _segment_response(segment)

    @get(
        "/{job_id:str}/segments/{segment_id:str}/history",
        sync_to_thread=True,
        summary="Verlauf / History",
    )
    def history(
        self,
        job_id: FromPath[str],
        segment_id: FromPath[str],
        review_store: NamedDependency[ReviewStore],
    ) -> list[HistoryRecord]:
        return review_store.history(job_id, segment_id)

    @get(
        "/{job_id:str}/segments/{segment_id:str}/comments",
        sync_to_thread=True,
        summary="Kommentare / Comments",
    )
    def comments(
        self,
        job_id: FromPath[str],
        segment_id: FromPath[str],
        review_store: NamedDependency[ReviewStore],
    ) -> list[CommentRecord]:
        return review_store.comments(job_id, segment_id)

    @post(
        "/{job_id:str}/segments/{segment_id:str}/comments",
        status_code=201,
        sync_to_thread=True,
        opt={"role": "translator"},
        summary="Kommentieren / Comment",
    )
    def add_comment(
        self,
        job_id: FromPath[str],
        segment_id: FromPath[str],
        data: JSONBody[CommentBody],
        review_store: NamedDependency[ReviewStore],
        principal: NamedDependency[Principal],
    ) -> CommentRecord:
        return review_store.add_comment(job_id, segment_id, principal.actor, data.text)

    @get(
        "/{job_id:str}/qa",
        sync_to_thread=True,
        summary="Qualitätsprüfung / Quality checks",
        description=(
            "Befunde (Platzhalter, Zahlen, Begriffe, Länge) für die Übersetzungen, wie sie jetzt "
            "sind. / Findings for the targets as reviewed now."
        ),
    )
    def qa(
        self, request: Request, job_id: FromPath[str], review_store: NamedDependency[ReviewStore]
    ) -> list[dict[str, object]]:
        review_store.get_job(job_id)  # 404 before anything else
        return current_findings(review_store, job_id, request_locale(request))

    @get(
        "/{job_id:str}/export",
        sync_to_thread=True,
        summary="Exportieren / Export",
        description=(
            "format=xliff (XLIFF 2.1, mit version=1.2 XLIFF 1.2; jederzeit) oder das Format des "
            "Dokuments (html, markdown, plain): veröffentlichte Fassung, nur wenn alle Segmente "
            "freigegeben sind und kein freigegebenes Segment einen QA-Fehler hat (sonst 409 mit "
            "der Liste der Segmente; eine Redakteurin kann mit Begründung übergehen: POST "
            "/overrides). / xliff (2.1, or 1.2 with version=1.2) any time; the document format "
            "only when every segment is approved and none has a QA error (else 409 listing the "
            "segments; an editor may override with a reason: POST /overrides)."
        ),
    )
    def export(
        self,
        job_id: FromPath[str],
        review_store: NamedDependency[ReviewStore],
        translator_provider: NamedDependency[TranslatorProvider],
        fmt: Annotated[
            Literal["xliff", "html", "markdown", "plain"], QueryParameter(name="format")
        ] = "xliff",
        xliff_version: Annotated[
            Literal["2.1", "1.2"], QueryParameter(name="version")
        ] = "2.1",
    ) -> Response[bytes]:
        if fmt == "xliff":
            suffix = "-xliff12" if xliff_version == "1.2" else ""
            return Response(
                export_job(review_store, job_id, xliff_version),
                media_type=XLIFF_MEDIA_TYPE,
                headers={
                    "Content-Disposition": f'attachment; filename="{job_id}{suffix}.xlf"'
                },
            )
        job = review_store.get_job(job_id)
        if fmt != job.format:
            raise InvalidUpdateError(
                f"Der Auftrag ist {job.format!r}; exportieren geht als xliff oder {job.format!r}.",
                f"The job is {job.format!r}; export as xliff or {job.format!r}.",
            )
        segments = review_store.publishable_segments(job_id)
        rendered = render_document(
            review_store, translator_provider, job, {s.id: s.target for s in segments}
        )
        # A download, never a page of this site: attachment (and the sandbox CSP that
        # a11y_service.security_headers gives attachments).
        extension = {"html": "html", "markdown": "md", "plain": "txt"}[fmt]
        return Response(
            rendered.encode("utf-8"),
            media_type=DOCUMENT_MEDIA_TYPES[fmt],
            headers={"Content-Disposition": f'attachment; filename="{job_id}.{extension}"'},
        )

    @post(
        "/{job_id:str}/overrides",
        status_code=201,
        sync_to_thread=True,
        opt={"role": "editor"},
        summary="Trotz QA-Fehlern veröffentlichen / Override QA errors for export",
        description=(
            "Nur für die Redaktion: gibt die freigegebenen Segmente mit QA-Fehlern für den Export "
            "frei, mit Begründung; im Verlauf steht, wer, wann, warum. Gilt nur für die jetzige "
            "Version der Segmente. / Editors only: lets the approved segments with QA errors be "
            "exported; who, when and why go into the history; valid for their current version."
        ),
    )
    def override(
        self,
        job_id: FromPath[str],
        data: JSONBody[OverrideBody],
        review_store: NamedDependency[ReviewStore],
        principal: NamedDependency[Principal],
    ) -> list[HistoryRecord]:
        return review_store.record_override(job_id, principal.actor, data.reason)

    @get("/{job_id:str}/overrides", sync_to_thread=True, summary="Übergangene Fehler / Overrides")
    def overrides(
        self, job_id: FromPath[str], review_store: NamedDependency[ReviewStore]
    ) -> list[HistoryRecord]:
        return review_store.overrides(job_id)

    @post(
        "/{job_id:str}/import",
        status_code=200,
        opt={"role": "translator"},
        summary="XLIFF importieren / Import XLIFF",
        description=(
            "Rumpf: die bearbeitete XLIFF-Datei (1.2 oder 2.x). Alles oder nichts; veraltete "
            "Segmente → 409. / Body: the edited XLIFF 1.2 or 2.x file. All or nothing; stale "
            "segments → 409."
        ),
    )
    async def import_xliff(
        self,
        job_id: FromPath[str],
        request: Request,
        review_store: NamedDependency[ReviewStore],
        principal: NamedDependency[Principal],
        reviewer: Annotated[
            str | None, QueryParameter(max_length=200, description="ignored: the principal")
        ] = None,
    ) -> ImportResult:
        # The raw body: an XML file, not JSON. Parsing and the database work run in a thread.
        data = await request.body()
        return await anyio.to_thread.run_sync(
            import_job, review_store, job_id, data, principal.actor
        )


def translation_lifespan(
    settings: Settings, translator: DocumentTranslator | TranslatorProvider | None = None
) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    """Open the store (migrating the schema), start queue consumers; close them at shutdown."""
    if translator is None:
        provider: TranslatorProvider = default_translator_provider()
    elif hasattr(translator, "translate_document"):
        instance = translator

        def provider() -> DocumentTranslator:
            return instance  # type: ignore[return-value]
    else:
        provider = translator  # type: ignore[assignment]

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        store = await anyio.to_thread.run_sync(ReviewStore.open, settings.database_url)
        queue = build_queue(settings, store=store, translator=provider)
        await anyio.to_thread.run_sync(queue.start_consumer, settings.queue_workers)
        app.state.review_store = store
        app.state.job_queue = queue
        app.state.translator_provider = provider
        app.state.translation_settings = settings
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(queue.stop_consumer)
            store.close()

    return lifespan
