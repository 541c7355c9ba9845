"""The page audit at ``/seite-pruefen``: a URL (within the service's URL policy) or an HTML file.

Runs the same path as ``POST /v1/audits`` and ``a11y check``
(:func:`checkers.page.site.runner.audit_pages`) with the same options (reused from the API
controller), plus element pictures and the raw details the grouped report needs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import anyio
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import Template

from a11y_service.api.audits import AuditBody, _options
from a11y_service.web.page_report import REGIONS, PictureStore, group_report
from a11y_service.web.render import Lang, render, request_lang, translator
from checkers.page.audit import AuditOptionsError
from checkers.page.fetch import FetchError, check_url
from checkers.page.options import AuditOptions
from checkers.page.screenshots import DEFAULT_LIMIT
from checkers.page.site.runner import Slot, audit_pages
from checkers.text.errors import TextInputError

HTML_SUFFIXES = (".html", ".htm")
MAX_HTML_BYTES = 5_000_000


def _audit(options: AuditOptions, resources: dict[str, Any], slot: Slot) -> tuple[Any, Any]:
    pool = resources.get("browser_pool") if "axe" in options.engines else None
    audited = audit_pages([slot], options, resources.get("text_checker"), pool)
    return audited.reports[0], audited.details[0]


class PageAuditController(Controller):
    path = "/seite-pruefen"
    include_in_schema = False

    @get("/", name="web:page-audit")
    async def form(self, request: Request) -> Template:
        return render(request, "page_audit.html", url="", errors={})

    @get("/bild/{key:str}", name="web:page-audit-picture")
    async def picture(self, request: Request, key: FromPath[str]) -> Response[bytes]:
        store: PictureStore = request.app.state.web_pictures
        data = store.get(key)
        if data is None:
            raise NotFoundException()
        return Response(
            content=data,
            media_type="image/png",
            headers={"Cache-Control": "private, max-age=3600"},
        )

    @post(
        "/",
        name="web:page-audit-run",
        status_code=200,
        request_max_body_size=MAX_HTML_BYTES + 100_000,
    )
    async def run(self, request: Request) -> Template:
        request.app.state.web_limiter.check(request)
        lang = request_lang(request)
        _ = translator(lang)
        form = await request.form()
        url = form.get("url")
        url = url.strip() if isinstance(url, str) else ""
        upload = form.get("file")
        errors: dict[str, str] = {}
        html: str | None = None
        filename: str | None = None
        if isinstance(upload, UploadFile) and upload.filename:
            filename = upload.filename
            html, error = await _read_html(upload, lang)
            if error:
                errors["file"] = error
        if not errors and not url and html is None:
            errors["url"] = _(
                "Bitte geben Sie eine Adresse ein oder wählen Sie eine HTML-Datei.",
                "Please enter an address or choose an HTML file.",
            )
        if not errors and url and html is None:
            if not url.lower().startswith(("http://", "https://")):
                url = "https://" + url
            try:
                check_url(url, request.app.state.audit_options.policy)
            except FetchError as error:
                errors["url"] = error.message(lang)
        if errors:
            return render(request, "page_audit.html", status_code=422, url=url, errors=errors)
        body = AuditBody(url=None if html is not None else url, html=html)
        base: AuditOptions = request.app.state.audit_options
        resources: dict[str, Any] = request.app.state.audit_resources
        notice = None
        try:
            options = _options(base, body, lang)
        except (TextInputError, AuditOptionsError) as error:
            return render(
                request,
                "page_audit.html",
                status_code=422,
                url=url,
                errors={"url": error.message(lang)},
            )
        if resources.get("browser_pool") is None and "axe" in options.engines:
            options = replace(options, engines=options.engines - {"axe"})
            notice = _(
                "Der Browser steht gerade nicht zur Verfügung. Wir haben nur den Quelltext "
                "geprüft; Kontraste und manche andere Fehler fehlen deshalb.",
                "The browser is not available right now. We checked only the source code; "
                "contrast and some other errors are therefore missing.",
            )
        options = replace(options, screenshots=DEFAULT_LIMIT, keep_details=True)
        slot = Slot("html", "(html)", html=html) if html is not None else Slot("url", url)
        report, details = await anyio.to_thread.run_sync(_audit, options, resources, slot)
        if report.error is not None and report.error.kind in ("address-refused", "scheme"):
            # The policy refused the address while fetching (after name resolution).
            return render(
                request,
                "page_audit.html",
                status_code=422,
                url=url,
                errors={"url": report.error.message},
            )
        groups = group_report(
            report,
            lang,
            page=details.page if details else None,
            axe=details.axe if details else None,
            pictures=request.app.state.web_pictures,
            bitv_settings=options.bitv,
        )
        return render(
            request,
            "page_report.html",
            report=report,
            groups=groups,
            regions=REGIONS,
            url=body.url or "",
            filename=filename,
            notice=notice,
            total=len(report.findings),
            engines=report.metrics.get("engines") or sorted(options.engines),
        )


async def _read_html(upload: UploadFile, lang: Lang) -> tuple[str | None, str | None]:
    _ = translator(lang)
    name = (upload.filename or "").lower()
    if not name.endswith(HTML_SUFFIXES):
        return None, _(
            "Bitte wählen Sie eine HTML-Datei (.html oder .htm).",
            "Please choose an HTML file (.html or .htm).",
        )
    data = await upload.read(MAX_HTML_BYTES + 1)
    if len(data) > MAX_HTML_BYTES:
        return None, _("Die Datei ist größer als 5 MB.", "The file is larger than 5 MB.")
    if not data.strip():
        return None, _("Die Datei ist leer.", "The file is empty.")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, _(
            "Die Datei ist nicht im Format UTF-8 gespeichert.",
            "The file is not saved as UTF-8.",
        )
