"""/v1/site-audits: whole-site audits as background jobs.

``POST`` stores the audit and puts it on the queue (202 + Location); any ``a11y worker`` (or the
web process's own consumer on one machine) runs it with the crawler and runner of ``a11y check``.
``GET /{id}`` shows the status and progress, ``GET /{id}/report`` the run report (the JSON of
``a11y check --format json``). Every audit belongs to the caller's organisation (API key or
session); another organisation's audit answers 404.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated, ClassVar, Literal

import anyio.to_thread
import msgspec
from litestar import Controller, Litestar, Response, get, post
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody, QueryParameter

from a11y_core.config.env import Settings
from a11y_service.accounts.principal import Principal
from a11y_service.db.errors import InvalidUpdateError, ReviewError
from a11y_service.site_audits.jobs import Recovery
from a11y_service.site_audits.store import SiteAuditRecord, SiteAuditStore
from a11y_service.task_queue import JobQueue
from checkers.page.fetch import FetchError, check_url
from checkers.page.options import UrlPolicy

log = logging.getLogger(__name__)
EngineName = Literal["axe", "static", "bitv", "text"]
DEFAULT_ENGINES: tuple[str, ...] = ("axe", "static", "bitv", "text")
MAX_DEPTH = 10


class SiteAuditQueueError(ReviewError):
    status = 503
    kind = "queue-unavailable"


class CreateSiteAudit(msgspec.Struct, forbid_unknown_fields=True):
    start_url: str
    sitemap_url: str | None = None
    max_pages: Annotated[int, msgspec.Meta(ge=1)] = 50
    max_depth: Annotated[int, msgspec.Meta(ge=0, le=MAX_DEPTH)] = 2
    engines: list[EngineName] | None = None
    locale: Literal["de", "en"] = "de"


class SiteAuditList(msgspec.Struct):
    items: list[SiteAuditRecord]


def principal_org(principal: NamedDependency[Principal]) -> str:
    """Every audit belongs to the caller's organisation (the access guard already demanded a
    principal for /v1/, and the editor role to create)."""
    return principal.org_id


def _from_state(name: str) -> Callable[[State], object]:
    def provide(state: State) -> object:
        return state[name]

    return provide


def _checked_url(url: str, policy: UrlPolicy, field: str) -> str:
    try:
        return check_url(url.strip(), policy)
    except FetchError as error:
        raise InvalidUpdateError(f"{field}: {error.de}", f"{field}: {error.en}") from None


def create_site_audit(
    data: CreateSiteAudit,
    org_id: str,
    store: SiteAuditStore,
    queue: JobQueue,
    settings: Settings,
    principal: Principal | None = None,
) -> SiteAuditRecord:
    """Validate, store, enqueue; shared by the API and the web form."""
    policy = UrlPolicy(allow_files=False)
    start = _checked_url(data.start_url, policy, "start_url")
    sitemap = _checked_url(data.sitemap_url, policy, "sitemap_url") if data.sitemap_url else None
    if data.max_pages > settings.site_audit_max_pages:
        raise InvalidUpdateError(
            f"Höchstens {settings.site_audit_max_pages} Seiten je Prüfung.",
            f"At most {settings.site_audit_max_pages} pages per audit.",
            limit=settings.site_audit_max_pages,
        )
    engines = sorted(set(data.engines or DEFAULT_ENGINES), key=DEFAULT_ENGINES.index)
    record = store.create(
        org_id=org_id, start_url=start, sitemap_url=sitemap, max_pages=data.max_pages,
        max_depth=data.max_depth, engines=engines, locale=data.locale,
        # The organisation's BITV scope (Land, kind of body), as for single page audits.
        land=principal.org_land if principal is not None else None,
        body_kind=principal.org_body_kind if principal is not None else None,
    )
    try:
        queue.enqueue_site_audit(record.id)
        store.mark_enqueued(record.id)
    except Exception as exc:
        log.exception("could not enqueue site audit %s", record.id)
        store.fail(record.id, None, "Warteschlange nicht erreichbar / queue unavailable")
        raise SiteAuditQueueError(
            "Die Warteschlange ist nicht erreichbar; bitte später noch einmal versuchen.",
            "The queue cannot be reached; please try again later.",
        ) from exc
    return record


SITE_AUDIT_DEPENDENCIES = {
    "site_audit_store": Provide(_from_state("site_audit_store"), sync_to_thread=False),
    "job_queue": Provide(_from_state("job_queue"), sync_to_thread=False),
    "site_audit_settings": Provide(_from_state("site_audit_settings"), sync_to_thread=False),
    "org_id": Provide(principal_org, sync_to_thread=False),
}


class SiteAuditController(Controller):
    path = "/v1/site-audits"
    tags: ClassVar[list[str]] = ["site-audits"]
    dependencies = SITE_AUDIT_DEPENDENCIES  # type: ignore[assignment]

    @post(
        "/",
        status_code=202,
        sync_to_thread=True,
        summary="Website prüfen (im Hintergrund) / Audit a whole site (in the background)",
        description=(
            "Startseite, optional Sitemap, höchstens max_pages Seiten bis zur Tiefe max_depth. "
            "Antwort 202 mit Location; Fortschritt über GET. / Start URL, optional sitemap, up "
            "to max_pages pages and max_depth link levels. Answers 202 with Location."
        ),
    )
    def create(
        self,
        data: JSONBody[CreateSiteAudit],
        principal: NamedDependency[Principal],
        org_id: NamedDependency[str],
        site_audit_store: NamedDependency[SiteAuditStore],
        job_queue: NamedDependency[JobQueue],
        site_audit_settings: NamedDependency[Settings],
    ) -> Response[SiteAuditRecord]:
        record = create_site_audit(data, org_id, site_audit_store, job_queue,
                                   site_audit_settings, principal)
        return Response(record, status_code=202,
                        headers={"Location": f"{self.path}/{record.id}"})

    @get("/", sync_to_thread=True, summary="Website-Prüfungen / Site audits")
    def list_audits(
        self,
        org_id: NamedDependency[str],
        site_audit_store: NamedDependency[SiteAuditStore],
        limit: Annotated[int, QueryParameter(ge=1, le=100)] = 50,
    ) -> SiteAuditList:
        return SiteAuditList(site_audit_store.list(org_id, limit))

    @get("/{audit_id:str}", sync_to_thread=True, summary="Status und Fortschritt / Status")
    def show(
        self,
        audit_id: FromPath[str],
        org_id: NamedDependency[str],
        site_audit_store: NamedDependency[SiteAuditStore],
    ) -> SiteAuditRecord:
        return site_audit_store.get(audit_id, org_id)

    @get(
        "/{audit_id:str}/report",
        sync_to_thread=True,
        summary="Bericht (wie a11y check --format json) / Report (as a11y check --format json)",
    )
    def report(
        self,
        audit_id: FromPath[str],
        org_id: NamedDependency[str],
        site_audit_store: NamedDependency[SiteAuditStore],
    ) -> Response[bytes]:
        body = site_audit_store.report(audit_id, org_id)
        return Response(body.encode("utf-8"), media_type="application/json")


def site_audit_lifespan(
    settings: Settings,
) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    """Open the store; when this process consumes the queue itself (one machine), also look for
    audits whose worker died. Runs after the translation lifespan, which builds the queue."""

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        store = await anyio.to_thread.run_sync(SiteAuditStore.open, settings.database_url)
        app.state.site_audit_store = store
        app.state.site_audit_settings = settings
        recovery = None
        if settings.queue_workers > 0:
            queue: JobQueue = app.state.job_queue
            recovery = Recovery(store, queue.enqueue_site_audit,
                                settings.site_audit_lease_seconds).start()
        try:
            yield
        finally:
            if recovery is not None:
                await anyio.to_thread.run_sync(recovery.stop)
            from a11y_service.site_audits.jobs import close_contexts

            close_contexts()
            store.close()

    return lifespan
