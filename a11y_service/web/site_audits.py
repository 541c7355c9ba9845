"""Site audits on the web: ``/website-pruefen`` (form and the organisation's audits) and
``/website-pruefen/{id}`` (progress, then the report page by page).

The same store, queue and validation as ``/v1/site-audits``. While an audit runs the page shows
its progress in a polite live region; ``app.js`` updates it without reloading, and people without
JavaScript can switch on an automatic reload (``?auto=1``, a meta refresh every 3 seconds) —
opt-in, because a page that reloads by itself unasked is a barrier (WCAG 2.2.1, 3.2.5).
"""

from __future__ import annotations

import json
import re
from typing import Any

import anyio.to_thread
import msgspec
from litestar import Controller, Request, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import Redirect, Template

from a11y_service.accounts.principal import Principal
from a11y_service.api.site_audits import CreateSiteAudit, create_site_audit
from a11y_service.db.errors import NotFoundError, ReviewError
from a11y_service.site_audits.store import SiteAuditRecord, SiteAuditStore
from a11y_service.web.page_report import REGIONS, group_report
from a11y_service.web.render import render, request_lang, translator
from checkers.page.fetch import FetchError, check_url
from checkers.page.options import UrlPolicy
from checkers.report import Report

DEFAULT_PAGES = 20
# Schemes written without "//" (file:/x, javascript:, data:); "host:8080" is no scheme.
_SCHEME = re.compile(r"^(file|javascript|data|mailto|ftp|about|blob):", re.IGNORECASE)
_report_decoder = msgspec.json.Decoder(Report)


def web_org(request: Request) -> str:
    """The signed-in person's organisation (the handlers demand a principal first)."""
    principal: Principal = request.state.principal
    return principal.org_id


def _has_scheme(url: str) -> bool:
    return "://" in url or bool(_SCHEME.match(url))


def _store(request: Request) -> SiteAuditStore:
    return request.app.state.site_audit_store  # type: ignore[no-any-return]


async def _get(request: Request, audit_id: str) -> SiteAuditRecord:
    try:
        return await anyio.to_thread.run_sync(_store(request).get, audit_id, web_org(request))
    except NotFoundError:
        raise NotFoundException() from None


def _pages(record: SiteAuditRecord, run: dict[str, Any]) -> list[dict[str, Any]]:
    pages = []
    for number, report in enumerate(run.get("reports") or [], start=1):
        pages.append({
            "number": number,
            "url": (report.get("target") or {}).get("url") or "",
            "error": report.get("error"),
            "summary": report.get("summary") or {},
            "findings": len(report.get("findings") or []),
        })
    return pages


class SiteAuditPagesController(Controller):
    path = "/website-pruefen"
    include_in_schema = False

    # Site audits cost minutes of browser time and belong to an organisation: signed in only
    # (``principal`` sends anonymous visitors to the sign-in form); starting one needs an editor.
    @get("/", name="web:site-audits")
    async def index(self, request: Request, principal: NamedDependency[Principal]) -> Template:
        return await self._form(request)

    async def _form(self, request: Request, status_code: int = 200, **values: Any) -> Template:
        audits = await anyio.to_thread.run_sync(_store(request).list, web_org(request), 50)
        settings = request.app.state.site_audit_settings
        return render(
            request, "site_audits.html", status_code=status_code, audits=audits,
            max_allowed=settings.site_audit_max_pages,
            values={"start_url": "", "sitemap_url": "", "max_pages": str(DEFAULT_PAGES),
                    **values.pop("values", {})},
            errors=values.pop("errors", {}),
        )

    @post("/", name="web:site-audit-start", status_code=303, opt={"role": "editor"})
    async def start(
        self, request: Request, principal: NamedDependency[Principal]
    ) -> Template | Redirect:
        _ = translator(request_lang(request))
        form = await request.form()
        values = {key: str(form.get(key) or "").strip()
                  for key in ("start_url", "sitemap_url", "max_pages")}
        settings = request.app.state.site_audit_settings
        errors: dict[str, str] = {}
        policy = UrlPolicy()
        for key in ("start_url", "sitemap_url"):
            url = values[key]
            if not url:
                if key == "start_url":
                    errors[key] = _("Bitte geben Sie die Adresse der Startseite ein.",
                                    "Please enter the address of the start page.")
                continue
            if not _has_scheme(url):  # "www.example.de" means https; "file:…" is refused below
                url = values[key] = "https://" + url
            try:
                check_url(url, policy)
            except FetchError as error:
                errors[key] = error.message(request_lang(request))
        try:
            pages = int(values["max_pages"] or DEFAULT_PAGES)
            if not 1 <= pages <= settings.site_audit_max_pages:
                raise ValueError
        except ValueError:
            pages = 0
            errors["max_pages"] = _(
                f"Bitte geben Sie eine Zahl von 1 bis {settings.site_audit_max_pages} ein.",
                f"Please enter a number from 1 to {settings.site_audit_max_pages}.",
            )
        if errors:
            return await self._form(request, 422, values=values, errors=errors)
        data = CreateSiteAudit(start_url=values["start_url"],
                               sitemap_url=values["sitemap_url"] or None, max_pages=pages,
                               locale=request_lang(request))
        try:
            record = await anyio.to_thread.run_sync(
                create_site_audit, data, principal.org_id, _store(request),
                request.app.state.job_queue, settings, principal,
            )
        except ReviewError as error:
            return await self._form(request, error.status, values=values,
                                    errors={"start_url": error.message(request_lang(request))})
        return Redirect(f"{self.path}/{record.id}", status_code=303)

    @get("/{audit_id:str}", name="web:site-audit")
    async def show(
        self, request: Request, audit_id: FromPath[str], principal: NamedDependency[Principal]
    ) -> Template:
        record = await _get(request, audit_id)
        run: dict[str, Any] = {}
        if record.status == "done":
            text = await anyio.to_thread.run_sync(_store(request).report, record.id,
                                                  web_org(request))
            run = json.loads(text)
        auto = request.query_params.get("auto") == "1" and record.status in ("queued", "running")
        return render(
            request, "site_audit.html", audit=record, run=run, pages=_pages(record, run),
            auto_refresh=auto, status_url=f"/v1/site-audits/{record.id}",
        )

    @get("/{audit_id:str}/seite/{number:int}", name="web:site-audit-page")
    async def page(self, request: Request, audit_id: FromPath[str], number: FromPath[int],
                   principal: NamedDependency[Principal]) -> Template:
        record = await _get(request, audit_id)
        if record.status != "done":
            raise NotFoundException()
        text = await anyio.to_thread.run_sync(_store(request).report, record.id, web_org(request))
        reports = json.loads(text).get("reports") or []
        if not 1 <= number <= len(reports):
            raise NotFoundException()
        report = _report_decoder.decode(json.dumps(reports[number - 1]))
        lang = request_lang(request)
        return render(
            request, "page_report.html", report=report, groups=group_report(report, lang),
            regions=REGIONS, url=report.target.url or "", filename=None, notice=None,
            total=len(report.findings), engines=report.metrics.get("engines") or [],
            back_url=f"{self.path}/{record.id}",
        )
