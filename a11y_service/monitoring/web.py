"""Web pages: ``/websites`` (the organisation's monitored sites, registration, notifications,
publication and channels) and ``/websites/{id}`` (history and trends) for signed-in people;
``/transparenz`` and ``/transparenz/{slug}`` (the public observatory) for everyone.

Plain HTML forms; every chart comes with its table (see :mod:`.charts`).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import anyio.to_thread
import msgspec
from litestar import Controller, Request, get, post
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import Redirect, Template

from a11y_service.accounts.errors import not_authenticated
from a11y_service.accounts.middleware import current_principal
from a11y_service.accounts.principal import BODY_KINDS, Principal
from a11y_service.db.errors import InvalidUpdateError, NotFoundError
from a11y_service.monitoring.charts import ChartData, Series, line_chart
from a11y_service.monitoring.figures import (
    DUTY_NAMES,
    DUTY_STATES,
    PRINCIPLE_NAMES,
    PRINCIPLES,
    SEVERITIES,
    SEVERITY_NAMES,
    WEIGHTS,
    score_distribution,
)
from a11y_service.monitoring.jobs import MonitorContext, ingest_pending, start_audit
from a11y_service.monitoring.observatory import Overview, TrendPoint, overview
from a11y_service.monitoring.sites import SiteInput, register_site
from a11y_service.monitoring.store import AuditRecord, Channels
from a11y_service.web.accounts import BODY_NAMES, LAND_NAMES
from a11y_service.web.render import render, request_lang, translator
from checkers.page.bitv.lands import LAND_CODES

T = TypeVar("T")
SCHEDULE_NAMES = {
    "daily": ("täglich", "daily"),
    "weekly": ("wöchentlich", "weekly"),
    "monthly": ("monatlich", "monthly"),
    "manual": ("nur auf Knopfdruck", "on demand only"),
}
LEVEL_NAMES = {
    "leicht": ("leicht", "very easy"),
    "einfach": ("einfach", "easy"),
    "standard": ("mittel", "medium"),
    "schwer": ("schwer", "hard"),
}
FIELD_IDS = {"name": "site-name", "start_url": "site-url", "sitemap_url": "site-sitemap",
             "max_pages": "site-pages", "max_depth": "site-depth", "land": "site-land",
             "body_kind": "site-body", "schedule": "site-schedule"}


async def _run(function: Callable[..., T], *args: Any) -> T:
    try:
        return await anyio.to_thread.run_sync(lambda: function(*args))
    except NotFoundError as error:
        # Web pages answer with the HTML 404 page (the store's error is the API's).
        raise NotFoundException(error.en) from None


def _monitor(request: Request[Any, Any, Any]) -> MonitorContext:
    return request.app.state.monitor  # type: ignore[no-any-return]


def _principal(request: Request[Any, Any, Any]) -> Principal:
    principal = current_principal(request)
    if principal is None:
        raise not_authenticated()
    return principal


def _names(lang: str) -> dict[str, Any]:
    i = 1 if lang == "en" else 0
    return {
        "schedule_names": {k: v[i] for k, v in SCHEDULE_NAMES.items()},
        "duty_names": {k: v[i] for k, v in DUTY_NAMES.items()},
        "duty_states": {k: v[i] for k, v in DUTY_STATES.items()},
        "severity_names": {k: v[i] for k, v in SEVERITY_NAMES.items()},
        "principle_names": {k: v[i] for k, v in PRINCIPLE_NAMES.items()},
        "level_names": {k: v[i] for k, v in LEVEL_NAMES.items()},
        "land_names": {code: LAND_NAMES[code][i] for code in LAND_CODES},
        "body_names": {kind: BODY_NAMES[kind][i] for kind in BODY_KINDS},
        "lands": [(code, LAND_NAMES[code][i]) for code in LAND_CODES],
        "bodies": [(kind, BODY_NAMES[kind][i]) for kind in BODY_KINDS],
        "schedules": [(k, v[i]) for k, v in SCHEDULE_NAMES.items()],
        "weights": WEIGHTS,
    }


def _when(moment: datetime | None) -> str:
    return moment.strftime("%d.%m.%Y %H:%M") if moment else "–"


def _audit_label(number: int, audit: AuditRecord) -> str:
    moment = audit.finished_at or audit.created_at
    return f"{number}: {moment:%d.%m.%Y}"


def history_charts(audits: list[AuditRecord], lang: str) -> list[ChartData]:
    """Trends of one site over its finished audits."""
    _ = translator(lang)
    done = [a for a in audits if a.status == "done"]
    labels = [_audit_label(i + 1, a) for i, a in enumerate(done)]
    names = _names(lang)
    levels = [score_distribution(a.text_scores) for a in done]
    first_last = (_("von Prüfung 1 bis Prüfung", "from audit 1 to audit") + f" {len(done)}"
                  if done else _("Noch keine Prüfung.", "No audit yet."))
    return [
        ChartData(
            id="schwere", labels=labels,
            title=_("Barrieren nach Schwere", "Barriers by severity"),
            description=_("Liniendiagramm: gefundene Barrieren je Prüfung, getrennt nach "
                          "Schwere, ", "Line chart: barriers found per audit by severity, ")
            + first_last + _(". Die Zahlen stehen in der Tabelle.",
                             ". The numbers are in the table."),
            series=[Series(names["severity_names"][s], [float(a.by_severity.get(s, 0))
                                                        for a in done]) for s in SEVERITIES],
        ),
        ChartData(
            id="prinzip", labels=labels,
            title=_("Barrieren nach WCAG-Prinzip", "Barriers by WCAG principle"),
            description=_("Liniendiagramm: Barrieren je Prüfung nach den vier Prinzipien der "
                          "WCAG, ", "Line chart: barriers per audit by the four WCAG "
                          "principles, ") + first_last + ".",
            series=[Series(names["principle_names"][p], [float(a.by_principle.get(p, 0))
                                                         for a in done]) for p in PRINCIPLES],
        ),
        ChartData(
            id="index", labels=labels, max_value=100.0,
            title=_("Index (0 bis 100)", "Index (0 to 100)"),
            description=_("Liniendiagramm: der Index je Prüfung, ", "Line chart: the index per "
                          "audit, ") + first_last + ".",
            series=[Series("Index", [a.index for a in done])],
        ),
        ChartData(
            id="verstaendlichkeit", labels=labels,
            title=_("Seiten je Verständlichkeitsstufe", "Pages per understandability level"),
            description=_("Liniendiagramm: wie viele Seitentexte leicht, einfach, mittel oder "
                          "schwer zu verstehen sind, ", "Line chart: how many page texts are "
                          "very easy, easy, medium or hard to understand, ") + first_last + ".",
            series=[Series(names["level_names"][level], [float(d[level]) for d in levels])
                    for level in ("leicht", "einfach", "standard", "schwer")],
        ),
    ]


def trend_chart(chart_id: str, trend: list[TrendPoint], lang: str, name: str) -> ChartData:
    _ = translator(lang)
    return ChartData(
        id=chart_id, labels=[p.month for p in trend], max_value=100.0,
        title=_("Entwicklung des Index", "Trend of the index") + f": {name}",
        description=_("Liniendiagramm: mittlerer Index aller Prüfungen je Monat",
                      "Line chart: mean index of all audits per month")
        + (f", {trend[0].month} – {trend[-1].month}." if trend else "."),
        series=[Series(_("Mittlerer Index", "Mean index"), [p.index for p in trend])],
    )


class MonitoringPagesController(Controller):
    include_in_schema = False

    # -- the organisation's sites --------------------------------------------------------

    @get("/websites", name="web:websites", opt={"role": "viewer"})
    async def websites(self, request: Request[Any, Any, Any]) -> Template:
        return await self._list_page(request)

    async def _list_page(self, request: Request[Any, Any, Any], *, status: int = 200,
                         errors: dict[str, str] | None = None,
                         values: dict[str, str] | None = None,
                         done: str | None = None) -> Template:
        principal = _principal(request)
        context = _monitor(request)
        await _run(ingest_pending, context)
        sites = await _run(context.store.list_sites, principal.org_id)
        latest: dict[str, AuditRecord | None] = {}
        for site in sites:
            history = await _run(context.store.audits, site.id, principal.org_id, 1)
            latest[site.id] = history[-1] if history else None
        lang = request_lang(request)
        return render(
            request, "websites.html", status_code=status, sites=sites, latest=latest,
            notifications=await _run(context.store.notifications, principal.org_id),
            channels=await _run(context.store.channels, principal.org_id),
            published=await _run(context.store.is_published, principal.org_id),
            principal=principal, errors=errors or {}, values=values or {},
            done=done or request.query_params.get("hinweis"), when=_when,
            **_names(lang),
        )

    @post("/websites", name="web:websites-register", opt={"role": "editor"})
    async def register(self, request: Request[Any, Any, Any]) -> Template | Redirect:
        principal = _principal(request)
        form = await request.form()
        values = {key: str(form.get(key) or "").strip() for key in FIELD_IDS}
        lang = request_lang(request)
        try:
            data = msgspec.convert({
                "name": values["name"], "start_url": values["start_url"],
                "sitemap_url": values["sitemap_url"] or None,
                "max_pages": int(values["max_pages"] or 20),
                "max_depth": int(values["max_depth"] or 2),
                "land": values["land"] or None, "body_kind": values["body_kind"] or None,
                "schedule": values["schedule"] or "weekly",
            }, SiteInput)
            site = await _run(lambda: register_site(
                _monitor(request).store, principal.org_id, data,
                org_land=principal.org_land, org_body_kind=principal.org_body_kind,
                page_limit=int(request.app.state.site_audit_settings.site_audit_max_pages)))
        except InvalidUpdateError as error:
            field = str(error.extra.get("field") or "name")
            return await self._list_page(
                request, status=422, values=values,
                errors={FIELD_IDS.get(field, "site-name"): error.message(lang)})
        except (ValueError, msgspec.ValidationError):
            message = ("Bitte geben Sie für Seiten und Tiefe ganze Zahlen ein (Tiefe 0 bis 10)."
                       if lang == "de" else
                       "Please enter whole numbers for pages and depth (depth 0 to 10).")
            return await self._list_page(request, status=422, values=values,
                                         errors={"site-pages": message})
        return Redirect(f"/websites/{site.id}?hinweis=neu", status_code=303)

    @post("/websites/gelesen", name="web:websites-read", opt={"role": "viewer"})
    async def mark_read(self, request: Request[Any, Any, Any]) -> Redirect:
        principal = _principal(request)
        await _run(_monitor(request).store.mark_read, principal.org_id)
        return Redirect("/websites?hinweis=gelesen", status_code=303)

    @post("/websites/veroeffentlichen", name="web:websites-publish", opt={"role": "admin"})
    async def publish(self, request: Request[Any, Any, Any]) -> Redirect:
        principal = _principal(request)
        form = await request.form()
        published = form.get("published") == "ja"
        await _run(_monitor(request).store.set_published, principal.org_id, published)
        return Redirect("/websites?hinweis=" + ("veroeffentlicht" if published else "privat"),
                        status_code=303)

    @post("/websites/benachrichtigungen", name="web:websites-channels", opt={"role": "admin"})
    async def channels(self, request: Request[Any, Any, Any]) -> Template | Redirect:
        principal = _principal(request)
        form = await request.form()
        store = _monitor(request).store
        current = await _run(store.channels, principal.org_id)
        url = str(form.get("webhook_url") or "").strip()
        if url:
            from checkers.page.fetch import FetchError, check_url
            from checkers.page.options import UrlPolicy

            try:
                url = check_url(url, UrlPolicy(allow_files=False))
            except FetchError as error:
                lang = request_lang(request)
                return await self._list_page(request, status=422,
                                             errors={"webhook-url": error.message(lang)})
        secret = current.webhook_secret
        if url and (not secret or form.get("new_secret") == "ja"):
            secret = secrets.token_urlsafe(32)
        await _run(store.set_channels, principal.org_id, Channels(
            email_admins=form.get("email_admins") == "ja", webhook_url=url or None,
            webhook_secret=secret if url else None))
        return Redirect("/websites?hinweis=kanaele", status_code=303)

    @get("/websites/{site_id:str}", name="web:website", opt={"role": "viewer"})
    async def website(self, request: Request[Any, Any, Any], site_id: FromPath[str]) -> Template:
        principal = _principal(request)
        context = _monitor(request)
        site = await _run(context.store.site, site_id, principal.org_id)
        await _run(ingest_pending, context, site.id)
        audits = await _run(context.store.audits, site.id, principal.org_id)
        open_findings = await _run(context.store.findings, site.id, principal.org_id, "open")
        fixed = await _run(context.store.findings, site.id, principal.org_id, "fixed")
        lang = request_lang(request)
        done = [a for a in audits if a.status == "done"]
        latest = done[-1] if done else None
        return render(
            request, "website.html", site=site, audits=audits, latest=latest,
            charts=[(chart, line_chart(chart)) for chart in history_charts(audits, lang)],
            levels=score_distribution(latest.text_scores) if latest else {},
            open_findings=open_findings, fixed_findings=fixed, principal=principal,
            notice=request.query_params.get("hinweis"), when=_when, **_names(lang),
        )

    @post("/websites/{site_id:str}/pruefen", name="web:website-audit", opt={"role": "editor"})
    async def audit_now(self, request: Request[Any, Any, Any],
                        site_id: FromPath[str]) -> Redirect:
        principal = _principal(request)
        context = _monitor(request)
        site = await _run(context.store.site, site_id, principal.org_id)
        await _run(start_audit, context, site, "manual")
        return Redirect(f"/websites/{site.id}?hinweis=gestartet", status_code=303)

    # -- the public observatory ----------------------------------------------------------

    @get("/transparenz", name="web:observatory")
    async def observatory(self, request: Request[Any, Any, Any]) -> Template:
        # The page shows the region's trend only; each organisation's is on its own page.
        data: Overview = await _run(overview, _monitor(request).store, None, False)
        lang = request_lang(request)
        chart = trend_chart("trend", data.trend, lang, "Region")
        return render(request, "transparenz.html", data=data, chart=chart,
                      chart_svg=line_chart(chart), when=_when, **_names(lang))

    @get("/transparenz/{slug:str}", name="web:observatory-org")
    async def observatory_org(self, request: Request[Any, Any, Any],
                              slug: FromPath[str]) -> Template:
        data: Overview = await _run(overview, _monitor(request).store, slug[:64])
        if not data.organisations:
            raise NotFoundException("No published organisation with this slug.")
        org = data.organisations[0]
        lang = request_lang(request)
        chart = trend_chart("trend", org.trend, lang, org.name)
        return render(request, "transparenz_org.html", org=org, chart=chart,
                      chart_svg=line_chart(chart), when=_when, **_names(lang))
