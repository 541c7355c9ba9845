"""/v1/audits: audit one page (a URL or an HTML document) and return the run JSON.

The service never reads local files, refuses internal addresses unless its settings allow them
(``A11Y_ALLOW_LOOPBACK``, ``A11Y_ALLOW_PRIVATE``, ``A11Y_ALLOWED_HOSTS``) and shares one browser
pool between requests. The page is audited by the same function as ``a11y check``
(:func:`checkers.page.site.runner.audit_pages`). An address the policy refuses is a 422
problem; a page that cannot be loaded is a run whose report carries ``error`` (HTTP 200, the
run is the answer).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, ClassVar, Literal

import msgspec
from litestar import Controller, Request, Response, post
from litestar.di import NamedDependency
from litestar.params import Body

from a11y_service.accounts.principal import Principal
from a11y_service.api.text import request_locale
from a11y_service.db.accounts_models import bitv_body
from checkers.page.audit import AuditOptionsError, validate_options
from checkers.page.fetch import FetchError, check_url
from checkers.page.options import BODY_KINDS, ENGINES, AuditOptions, BitvSettings
from checkers.page.site.runner import Slot, audit_pages
from checkers.report import encode_report, summarize_run
from checkers.text.errors import TextInputError

EngineName = Literal["axe", "static", "bitv", "text"]


class AuditBody(msgspec.Struct, forbid_unknown_fields=True):
    url: str | None = None
    html: str | None = None
    engines: list[EngineName] | None = None
    static_only: bool = False
    land: str | None = None
    body: str | None = None
    profile: Literal["leicht", "einfach", "standard"] | None = None
    homepage: bool | None = None


class AuditController(Controller):
    path = "/v1/audits"
    tags: ClassVar[list[str]] = ["audits"]

    @post(
        "/",
        status_code=200,
        sync_to_thread=True,
        summary="Seite prüfen / Audit a page",
        description=(
            "Prüft eine Seite (url) oder ein HTML-Dokument (html): axe-core im Browser, eigene "
            "statische Prüfungen, BITV-2.0-Pflichten, Textprüfung. Antwort: der Lauf (run) mit "
            "einem Bericht. / Audits a URL or an HTML document; returns the run with one report."
        ),
    )
    def audit(
        self,
        request: Request,
        data: Annotated[AuditBody, Body(title="Seite / page")],
        audit_options: NamedDependency[AuditOptions],
        audit_resources: NamedDependency[dict[str, Any]],
        principal: NamedDependency[Principal],
    ) -> Response[bytes]:
        locale = request_locale(request)
        if (data.url is None) == (data.html is None):
            raise TextInputError(
                "audit-target",
                "Geben Sie genau eins an: url oder html.",
                "Give exactly one of url or html.",
                status=422,
            )
        # The organisation's Land and kind of body, unless the request names others.
        audit_options = replace(
            audit_options,
            bitv=replace(
                audit_options.bitv,
                land=principal.org_land,
                body=bitv_body(principal.org_body_kind),  # type: ignore[arg-type]
            ),
        )
        options = _options(audit_options, data, locale)
        if data.url is not None:
            try:
                check_url(data.url, options.policy)
            except FetchError as error:
                raise TextInputError(error.kind, error.de, error.en, status=422) from None
        # The same path as `a11y check`: checkers.page.site.runner.audit_pages, with the
        # service's shared pool.
        if data.url is not None:
            slot = Slot("url", data.url, homepage=data.homepage)
        else:
            slot = Slot("html", "(html)", html=data.html, homepage=data.homepage)
        audited = audit_pages(
            [slot],
            options,
            checker=audit_resources.get("text_checker"),
            pool=audit_resources.get("browser_pool") if "axe" in options.engines else None,
        )
        report = audited.reports[0]
        assert report is not None  # only discovered addresses are left out
        run = summarize_run([report], audited.limits)
        if report.error is not None and report.error.kind in ("address-refused", "scheme"):
            raise TextInputError(report.error.kind, report.error.message, report.error.message, 422)
        return Response(content=encode_report(run), media_type="application/json")


def _options(base: AuditOptions, data: AuditBody, locale: str) -> AuditOptions:
    engines = frozenset(data.engines) if data.engines else base.engines
    if data.static_only:
        engines = engines - {"axe"}
    unknown = engines - set(ENGINES)
    if unknown:
        raise TextInputError("engines", f"Unbekannt: {unknown}", f"Unknown: {unknown}", 422)
    bitv: BitvSettings = base.bitv
    if data.land is not None:
        bitv = replace(bitv, land=data.land)
    if data.body is not None:
        if data.body not in BODY_KINDS:
            raise TextInputError(
                "bitv-body",
                f"Unbekannte Art der Stelle {data.body!r}. Möglich: {', '.join(BODY_KINDS)}.",
                f"Unknown kind of body {data.body!r}. Supported: {', '.join(BODY_KINDS)}.",
                422,
            )
        bitv = replace(bitv, body=data.body)  # type: ignore[arg-type]
    policy = replace(base.policy, allow_files=False)
    options = replace(
        base,
        engines=engines,
        locale=locale,  # type: ignore[arg-type]
        bitv=bitv,
        policy=policy,
        text_profile=data.profile or base.text_profile,
    )
    try:
        validate_options(options)
    except AuditOptionsError as error:
        raise TextInputError(error.kind, error.de, error.en, 422) from None
    return options
