"""The translators' review desk: ``/uebersetzungen`` (the organisation's jobs with progress)
and ``/uebersetzungen/{id}`` (sentence by sentence: source and suggestion side by side with
their context, QA findings and glossary hits beside each, forms to approve, edit, reject and
comment, XLIFF download and upload, export).

Every action is a plain form post answered by a redirect to the next sentence (or back to the
same one when QA found an error), so the desk works without JavaScript; ``review.js`` only adds
keyboard shortcuts. The reviewer is always the signed-in person, never a form field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import quote

import anyio.to_thread
import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, MultipartBody, QueryParameter, URLEncodedBody
from litestar.response import Redirect, Template

from a11y_service.api.translations import TRANSLATION_DEPENDENCIES
from a11y_service.db.errors import (
    NotFoundError,
    NotPublishableError,
    QaBlockedError,
    ReviewError,
)
from a11y_service.db.records import JobRecord, SegmentRecord, SegmentUpdate
from a11y_service.review.jobs import render_document
from a11y_service.review.segment_qa import segment_findings
from a11y_service.review.store import ReviewStore
from a11y_service.review.xliff_exchange import export_job, import_job
from a11y_service.web.render import render, request_lang
from translators.xliff import XliffError

PAGE_SIZE = 20
MAX_XLIFF_BYTES = 32 * 1024 * 1024
DOCUMENT_MEDIA_TYPES = {
    "html": ("text/html; charset=utf-8", "html"),
    "markdown": ("text/markdown; charset=utf-8", "md"),
    "plain": ("text/plain; charset=utf-8", "txt"),
}
KIND_NAMES: dict[str, tuple[str, str]] = {
    "title": ("Seitentitel", "Page title"),
    "heading": ("Überschrift", "Heading"),
    "paragraph": ("Absatz", "Paragraph"),
    "list-item": ("Listenpunkt", "List item"),
    "table-cell": ("Tabellenzelle", "Table cell"),
    "caption": ("Bildunterschrift", "Caption"),
    "quote": ("Zitat", "Quote"),
    "label": ("Beschriftung", "Label"),
    "alt": ("Alternativtext eines Bildes", "Alt text of an image"),
    "link": ("Link", "Link"),
    "attribute": ("Hinweistext (title)", "Tooltip (title)"),
}
STATE_NAMES: dict[str, tuple[str, str]] = {
    "needs_review": ("Offen", "Open"),
    "edited": ("Bearbeitet", "Edited"),
    "approved": ("Freigegeben", "Approved"),
    "rejected": ("Abgelehnt", "Rejected"),
}
REVIEW_STATE_NAMES: dict[str, tuple[str, str]] = {
    "translating": ("Wird übersetzt", "Translating"),
    "failed": ("Fehlgeschlagen", "Failed"),
    "in_review": ("In Prüfung", "In review"),
    "blocked": ("Alles freigegeben, aber mit Fehlern", "All approved, but with errors"),
    "ready": ("Fertig zum Veröffentlichen", "Ready to publish"),
}
SEVERITY_NAMES: dict[str, tuple[str, str]] = {
    "error": ("Fehler", "Error"),
    "warning": ("Warnung", "Warning"),
    "info": ("Hinweis", "Hint"),
}
ACTIONS = {"approve": "approved", "save": None, "reject": "rejected"}
_SEGMENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(slots=True)
class GlossaryHit:
    term: str
    target: str | None  # None: keep as it is (a name)


@dataclass(slots=True)
class DeskSegment:
    record: SegmentRecord
    number: int  # 1-based position in the job
    block_index: int  # 1-based sentence number within its block
    block_size: int
    placeholders: list[tuple[str, str]]  # (tag id, what it stands for)
    glossary: list[GlossaryHit]
    comments: list[Any] = field(default_factory=list)
    errors: int = 0


def _principal(request: Request) -> Any:
    return getattr(request.state, "principal", None)


def _desk_store(request: Request) -> ReviewStore:
    store: ReviewStore = request.app.state.review_store
    principal = _principal(request)
    # Nobody signed in: a view of no organisation (every lookup is "not found"); the handlers
    # redirect to the sign-in page before they would use it.
    return store.scoped(principal.org_id if principal is not None else "")


def _can(principal: Any, role: str) -> bool:
    can = getattr(principal, "can", None)
    return bool(can(role)) if callable(can) else False


def _sign_in(request: Request) -> Redirect:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return Redirect(f"/anmelden?next={quote(target, safe='/')}", status_code=303)


def _placeholder_list(segment: SegmentRecord) -> list[tuple[str, str]]:
    out = []
    for key, holder in (segment.placeholders or {}).items():
        if not isinstance(holder, dict):
            continue
        kind = str(holder.get("kind", ""))
        if key.startswith("g"):
            opening = str(holder.get("text", ""))
            href = re.search(r"href=\"([^\"]*)\"", opening)
            shown = f"Link → {href.group(1)}" if href else f"Auszeichnung {opening[:60]}"
        elif holder.get("raw"):
            shown = f"{kind}: {str(holder.get('text', ''))[:60]}"
        else:
            shown = str(holder.get("source") or holder.get("text") or "")[:120]
        out.append((key, shown))
    return out


def _glossary_hits(
    segment: SegmentRecord, job_glossary: dict[str, str | None] | None
) -> list[GlossaryHit]:
    hits: list[GlossaryHit] = []
    seen: set[str] = set()
    for holder in (segment.placeholders or {}).values():
        if isinstance(holder, dict) and holder.get("kind") in ("glossary", "term"):
            term = str(holder.get("source") or holder.get("text") or "")
            target = None if holder.get("kind") == "term" else str(holder.get("text") or "")
            if term and term.casefold() not in seen:
                seen.add(term.casefold())
                hits.append(GlossaryHit(term, target))
    source = segment.source.casefold()
    for term, target in (job_glossary or {}).items():
        if term.casefold() in source and term.casefold() not in seen:
            seen.add(term.casefold())
            hits.append(GlossaryHit(term, target))
    return hits


def _in_locale(seg: SegmentRecord, job: JobRecord, locale: str) -> list[dict[str, object]]:
    """The stored findings are German; an English page runs the (cheap) checks again."""
    if locale == "de" or not seg.findings:
        return seg.findings
    return segment_findings(
        segment_id=seg.id,
        source=seg.source,
        target=seg.target,
        machine=seg.machine,
        placeholders=seg.placeholders,
        source_lang=job.source,
        target_lang=job.target,
        locale=locale,
    )


def _desk_segments(
    segments: list[SegmentRecord], job: JobRecord, comments: list[Any]
) -> list[DeskSegment]:
    blocks: dict[str, list[str]] = {}
    for seg in segments:
        blocks.setdefault(seg.block or seg.id, []).append(seg.id)
    by_segment: dict[str, list[Any]] = {}
    for comment in comments:
        by_segment.setdefault(comment.segment_id, []).append(comment)
    out = []
    for number, seg in enumerate(segments, start=1):
        members = blocks[seg.block or seg.id]
        out.append(
            DeskSegment(
                record=seg,
                number=number,
                block_index=members.index(seg.id) + 1,
                block_size=len(members),
                placeholders=_placeholder_list(seg),
                glossary=_glossary_hits(seg, job.glossary),
                comments=by_segment.get(seg.id, []),
                errors=sum(1 for f in seg.findings if f.get("severity") == "error"),
            )
        )
    return out


def _page_of(position: int) -> int:
    return position // PAGE_SIZE + 1


def _desk_url(job_id: str, page: int, anchor: str | None = None, **query: str) -> str:
    params = [f"seite={page}"] + [f"{k}={quote(v)}" for k, v in query.items() if v]
    url = f"/uebersetzungen/{job_id}?" + "&".join(params)
    return url + (f"#seg-{anchor}" if anchor else "")


class ReviewDeskController(Controller):
    path = "/uebersetzungen"
    include_in_schema = False
    # The store as the signed-in organisation sees it: another organisation's job is "not
    # found". Anonymous visitors get the unscoped store only to be redirected before any use.
    dependencies = {  # type: ignore[assignment]  # noqa: RUF012
        **TRANSLATION_DEPENDENCIES,
        "review_store": Provide(_desk_store, sync_to_thread=False),
    }
    request_max_body_size = MAX_XLIFF_BYTES + 65_536

    # -- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _job(review_store: ReviewStore, principal: Any, job_id: str) -> JobRecord:
        """The job, if it belongs to the principal's organisation; else 404 (no hint that it
        exists elsewhere)."""
        if not _SEGMENT_ID.match(job_id):
            raise NotFoundException()
        try:
            return review_store.get_job(job_id)
        except NotFoundError:
            raise NotFoundException() from None

    def _desk(
        self,
        request: Request,
        review_store: NamedDependency[ReviewStore],
        job: JobRecord,
        page: int,
        *,
        status_code: int = 200,
        problems: dict[str, str] | None = None,
        notice: str | None = None,
        blocked: list[Any] | None = None,
        open_count: int | None = None,
    ) -> Template:
        principal = _principal(request)
        segments = review_store.segments(job.id) if job.status == "review" else []
        pages = max(1, -(-len(segments) // PAGE_SIZE))
        page = min(max(page, 1), pages)
        shown = segments[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        comments = review_store.comments(job.id) if shown else []
        shown_ids = {s.id for s in shown}
        desk = [
            d
            for d in _desk_segments(segments, job, comments)
            if d.record.id in shown_ids
        ]
        if request_lang(request) != "de":
            desk = [
                DeskSegment(
                    record=msgspec.structs.replace(
                        d.record, findings=_in_locale(d.record, job, request_lang(request))
                    ),
                    number=d.number,
                    block_index=d.block_index,
                    block_size=d.block_size,
                    placeholders=d.placeholders,
                    glossary=d.glossary,
                    comments=d.comments,
                    errors=d.errors,
                )
                for d in desk
            ]
        approved = job.states.get("approved", 0)
        return render(
            request,
            "review/desk.html",
            status_code=status_code,
            job=job,
            segments=desk,
            page=page,
            pages=pages,
            approved=approved,
            percent=round(100 * approved / job.segments) if job.segments else 0,
            problems=problems or {},
            notice=notice,
            blocked=blocked,
            open_count=open_count,
            can_review=_can(principal, "translator"),
            can_override=_can(principal, "editor"),
            kind_names=KIND_NAMES,
            state_names=STATE_NAMES,
            review_state_names=REVIEW_STATE_NAMES,
            severity_names=SEVERITY_NAMES,
        )

    # -- pages ---------------------------------------------------------------------------------

    @get("/", name="web:review-queue", sync_to_thread=True)
    def queue(
        self, request: Request, review_store: NamedDependency[ReviewStore]
    ) -> Template | Redirect:
        principal = _principal(request)
        if principal is None:
            return _sign_in(request)
        jobs = review_store.list_jobs(200)
        return render(
            request,
            "review/queue.html",
            jobs=jobs,
            review_state_names=REVIEW_STATE_NAMES,
        )

    @get("/{job_id:str}", name="web:review-desk", sync_to_thread=True)
    def desk(
        self,
        request: Request,
        job_id: FromPath[str],
        review_store: NamedDependency[ReviewStore],
        seite: Annotated[int, QueryParameter(ge=1, le=100_000)] = 1,
        hinweis: Annotated[str | None, QueryParameter(max_length=40)] = None,
    ) -> Template | Redirect:
        principal = _principal(request)
        if principal is None:
            return _sign_in(request)
        job = self._job(review_store, principal, job_id)
        return self._desk(request, review_store, job, seite, notice=hinweis)

    # -- decisions -----------------------------------------------------------------------------

    @post("/{job_id:str}/segmente/{segment_id:str}", sync_to_thread=True)
    def decide(
        self,
        request: Request,
        job_id: FromPath[str],
        segment_id: FromPath[str],
        review_store: NamedDependency[ReviewStore],
        data: URLEncodedBody[dict[str, str]],
    ) -> Template | Redirect:
        principal = _principal(request)
        if principal is None:
            return _sign_in(request)
        job = self._job(review_store, principal, job_id)
        _ = _translate(request)
        if not _can(principal, "translator"):
            return self._desk(request, review_store, job, 1, status_code=403, problems={
                "": _("Sie dürfen Übersetzungen nur ansehen.", "You may only view translations.")
            })
        action = data.get("action", "")
        try:
            current = review_store.segment(job_id, segment_id)
        except NotFoundError:
            raise NotFoundException() from None
        page = _page_of(current.position)
        if action == "comment":
            text = data.get("comment", "")
            try:
                review_store.add_comment(job_id, segment_id, principal.actor, text)
            except ReviewError as exc:
                return self._desk(request, review_store, job, page, status_code=exc.status,
                                  problems={segment_id: exc.message(request_lang(request))})
            return Redirect(_desk_url(job_id, page, segment_id, hinweis="kommentiert"),
                            status_code=303)
        if action not in ACTIONS:
            return self._desk(request, review_store, job, page, status_code=422, problems={
                segment_id: _("Unbekannte Aktion.", "Unknown action.")
            })
        target = data.get("target")
        if target is not None:
            target = target.replace("\r\n", "\n").strip()
            if target == current.target:
                target = None
        try:
            version = int(data.get("version", ""))
        except ValueError:
            version = -1
        state = ACTIONS[action]
        if state is None and target is None:
            state = current.state if current.state != "needs_review" else "edited"
        try:
            saved = review_store.update_segment(
                job_id,
                segment_id,
                SegmentUpdate(
                    version=version,
                    reviewer=principal.actor,
                    state=state,
                    target=target,
                    comment=(data.get("comment") or "").strip() or None,
                ),
            )
        except ReviewError as exc:
            return self._desk(request, review_store, job, page, status_code=exc.status,
                              problems={segment_id: exc.message(request_lang(request))})
        if any(f.get("severity") == "error" for f in saved.findings):
            # Stay on the sentence: the QA error is shown right there.
            return Redirect(_desk_url(job_id, page, segment_id, hinweis="qa"), status_code=303)
        following = [s for s in review_store.segments(job_id) if s.position > saved.position]
        nxt = next((s for s in following if s.state != "approved"), None)
        if nxt is None:
            return Redirect(_desk_url(job_id, page, segment_id, hinweis="fertig"),
                            status_code=303)
        return Redirect(_desk_url(job_id, _page_of(nxt.position), nxt.id, hinweis="gespeichert"),
                        status_code=303)

    # -- XLIFF ---------------------------------------------------------------------------------

    @get("/{job_id:str}/xliff", sync_to_thread=True)
    def xliff_download(
        self,
        request: Request,
        job_id: FromPath[str],
        review_store: NamedDependency[ReviewStore],
        version: Annotated[str, QueryParameter(max_length=8)] = "2.1",
    ) -> Response[bytes] | Redirect:
        principal = _principal(request)
        if principal is None:
            return _sign_in(request)
        job = self._job(review_store, principal, job_id)
        version = "1.2" if version == "1.2" else "2.1"
        suffix = "-xliff12" if version == "1.2" else ""
        return Response(
            export_job(review_store, job.id, version),
            media_type="application/xliff+xml",
            headers={"Content-Disposition": f'attachment; filename="{job.id}{suffix}.xlf"'},
        )

    @post("/{job_id:str}/xliff")
    async def xliff_upload(
        self,
        request: Request,
        job_id: FromPath[str],
        review_store: NamedDependency[ReviewStore],
        data: MultipartBody[dict[str, Any]],
    ) -> Template | Redirect:
        principal = _principal(request)
        if principal is None:
            return _sign_in(request)
        job = await anyio.to_thread.run_sync(self._job, review_store, principal, job_id)
        _ = _translate(request)
        upload = data.get("datei")
        content = await upload.read() if isinstance(upload, UploadFile) else b""
        problem: str | None = None
        if not _can(principal, "translator"):
            problem = _("Sie dürfen Übersetzungen nur ansehen.", "You may only view translations.")
        elif not content:
            problem = _("Bitte wählen Sie eine XLIFF-Datei aus.", "Please choose an XLIFF file.")
        if problem is None:
            try:
                result = await anyio.to_thread.run_sync(
                    import_job, review_store, job.id, content, principal.actor
                )
            except (ReviewError, XliffError) as exc:
                problem = exc.message(request_lang(request))
            else:
                return Redirect(
                    _desk_url(job.id, 1, None, hinweis=f"importiert-{len(result.updated)}"),
                    status_code=303,
                )
        return await anyio.to_thread.run_sync(
            lambda: self._desk(request, review_store, job, 1, status_code=422,
                               problems={"xliff": problem or ""})
        )

    # -- publishing ----------------------------------------------------------------------------

    @get("/{job_id:str}/export", sync_to_thread=True)
    def export(
        self,
        request: Request,
        job_id: FromPath[str],
        review_store: NamedDependency[ReviewStore],
        translator_provider: NamedDependency[Any],
    ) -> Response[bytes] | Template | Redirect:
        principal = _principal(request)
        if principal is None:
            return _sign_in(request)
        job = self._job(review_store, principal, job_id)
        try:
            segments = review_store.publishable_segments(job.id)
        except QaBlockedError as exc:
            return self._desk(request, review_store, job, 1, status_code=409,
                              blocked=list(exc.extra.get("segments", [])))
        except NotPublishableError as exc:
            return self._desk(request, review_store, job, 1, status_code=409,
                              open_count=len(exc.extra.get("open_segments", [])) or None)
        rendered = render_document(
            review_store, translator_provider, job, {s.id: s.target for s in segments}
        )
        media_type, suffix = DOCUMENT_MEDIA_TYPES[job.format]
        return Response(
            rendered.encode("utf-8"),
            media_type=media_type,
            headers={
                "Content-Disposition": f'attachment; filename="{job.id}.{job.target}.{suffix}"'
            },
        )

    @post("/{job_id:str}/freigabe-trotz-fehlern", sync_to_thread=True)
    def override(
        self,
        request: Request,
        job_id: FromPath[str],
        review_store: NamedDependency[ReviewStore],
        data: URLEncodedBody[dict[str, str]],
    ) -> Template | Redirect:
        principal = _principal(request)
        if principal is None:
            return _sign_in(request)
        job = self._job(review_store, principal, job_id)
        _ = _translate(request)
        if not _can(principal, "editor"):
            return self._desk(request, review_store, job, 1, status_code=403, problems={
                "override": _("Nur die Redaktion darf trotz Fehlern veröffentlichen.",
                              "Only editors may publish despite errors.")
            })
        try:
            review_store.record_override(job.id, principal.actor, data.get("reason", ""))
        except ReviewError as exc:
            blocked = list(review_store.blocking_segments(job.id))
            return self._desk(request, review_store, job, 1, status_code=exc.status,
                              blocked=[_as_dict(b) for b in blocked],
                              problems={"override": exc.message(request_lang(request))})
        return Redirect(_desk_url(job.id, 1, None, hinweis="uebergangen"), status_code=303)


def _as_dict(item: Any) -> dict[str, Any]:
    return msgspec.to_builtins(item)  # type: ignore[no-any-return]


def _translate(request: Request) -> Any:
    from a11y_service.web.render import translator

    return translator(request_lang(request))
