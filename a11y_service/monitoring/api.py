"""/v1/sites (the organisation's monitored sites, their audits and findings) and
/v1/public/organisations (the observatory's open data: no key needed, published only).

The organisation always comes from the principal; another organisation's site answers 404.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec
from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from a11y_service.accounts.principal import Principal
from a11y_service.db.errors import NotFoundError
from a11y_service.monitoring.jobs import MonitorContext, ingest_pending, start_audit
from a11y_service.monitoring.observatory import Overview, PublicOrganisation, overview, to_csv
from a11y_service.monitoring.sites import SiteChanges, SiteInput, change_site, register_site
from a11y_service.monitoring.store import AuditRecord, FindingRecord, SiteRecord

Caller = NamedDependency[Principal]


class SiteList(msgspec.Struct):
    items: list[SiteRecord]


class AuditList(msgspec.Struct):
    items: list[AuditRecord]


class FindingList(msgspec.Struct):
    items: list[FindingRecord]


def monitor_of(request: Request) -> MonitorContext:
    return request.app.state.monitor  # type: ignore[no-any-return]


def page_limit(request: Request) -> int:
    return int(request.app.state.site_audit_settings.site_audit_max_pages)


class SitesController(Controller):
    path = "/v1/sites"
    tags: ClassVar[list[str]] = ["monitoring"]

    @post("/", status_code=201, sync_to_thread=True,
          summary="Website regelmäßig prüfen lassen / Register a site for monitoring")
    def create(self, request: Request, principal: Caller,
               data: JSONBody[SiteInput]) -> Response[SiteRecord]:
        site = register_site(monitor_of(request).store, principal.org_id, data,
                             org_land=principal.org_land, org_body_kind=principal.org_body_kind,
                             page_limit=page_limit(request))
        return Response(site, status_code=201, headers={"Location": f"{self.path}/{site.id}"})

    @get("/", sync_to_thread=True, summary="Websites der Organisation / The organisation's sites")
    def list_sites(self, request: Request, principal: Caller) -> SiteList:
        return SiteList(monitor_of(request).store.list_sites(principal.org_id))

    @get("/{site_id:str}", sync_to_thread=True, summary="Eine Website / One site")
    def show(self, request: Request, principal: Caller, site_id: FromPath[str]) -> SiteRecord:
        return monitor_of(request).store.site(site_id, principal.org_id)

    @patch("/{site_id:str}", sync_to_thread=True, summary="Website ändern / Change a site")
    def change(self, request: Request, principal: Caller, site_id: FromPath[str],
               data: JSONBody[SiteChanges]) -> SiteRecord:
        return change_site(monitor_of(request).store, principal.org_id, site_id, data,
                           page_limit(request))

    @delete("/{site_id:str}", status_code=204, sync_to_thread=True,
            summary="Website und Verlauf löschen / Delete a site and its history")
    def remove(self, request: Request, principal: Caller, site_id: FromPath[str]) -> None:
        monitor_of(request).store.delete_site(site_id, principal.org_id)

    @post("/{site_id:str}/audits", status_code=202, sync_to_thread=True,
          summary="Jetzt prüfen / Audit now (on demand)")
    def audit_now(self, request: Request, principal: Caller,
                  site_id: FromPath[str]) -> Response[AuditRecord]:
        context = monitor_of(request)
        site = context.store.site(site_id, principal.org_id)
        audit = start_audit(context, site, "manual")
        return Response(audit, status_code=202,
                        headers={"Location": f"{self.path}/{site.id}/audits"})

    @get("/{site_id:str}/audits", sync_to_thread=True,
         summary="Verlauf der Prüfungen (älteste zuerst) / Audit history (oldest first)")
    def audits(self, request: Request, principal: Caller, site_id: FromPath[str],
               limit: Annotated[int, QueryParameter(ge=1, le=500)] = 500) -> AuditList:
        context = monitor_of(request)
        context.store.site(site_id, principal.org_id)  # 404 before any work
        ingest_pending(context, site_id)
        return AuditList(context.store.audits(site_id, principal.org_id, limit))

    @get("/{site_id:str}/findings", sync_to_thread=True,
         summary="Verfolgte Barrieren / Tracked barriers")
    def findings(self, request: Request, principal: Caller, site_id: FromPath[str],
                 status: FromQuery[Literal["open", "fixed"] | None] = None) -> FindingList:
        return FindingList(monitor_of(request).store.findings(site_id, principal.org_id,
                                                              status))


class PublicController(Controller):
    path = "/v1/public"
    tags: ClassVar[list[str]] = ["observatory"]
    opt: ClassVar[dict[str, object]] = {"public": True}

    @get("/organisations", sync_to_thread=True, opt={"public": True},
         summary="Beobachtungsstelle: veröffentlichte Organisationen / Observatory (open data)")
    def organisations(self, request: Request) -> Overview:
        return overview(monitor_of(request).store)

    @get("/organisations.csv", sync_to_thread=True, opt={"public": True},
         summary="Beobachtungsstelle als CSV (eine Zeile je Website) / Observatory as CSV")
    def organisations_csv(self, request: Request) -> Response[str]:
        body = to_csv(overview(monitor_of(request).store))
        return Response(body, media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": 'attachment; filename="transparenz.csv"'})

    @get("/organisations/{slug:str}", sync_to_thread=True, opt={"public": True},
         summary="Eine veröffentlichte Organisation / One published organisation")
    def organisation(self, request: Request, slug: FromPath[str]) -> PublicOrganisation:
        data = overview(monitor_of(request).store, slug=slug[:64])
        if not data.organisations:
            raise NotFoundError("Keine veröffentlichte Organisation mit diesem Kürzel.",
                                "No published organisation with this slug.")
        return data.organisations[0]
