"""The public observatory's data: only organisations that opted in (``published``), their sites
and finished audits. The page, the JSON (``/v1/public/organisations``) and the CSV are all made
from :func:`overview`, so they cannot disagree.

Built with three queries whatever the number of organisations (organisations, sites, audits);
the figures JSON is read only for each site's latest audit.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import datetime

import msgspec
from sqlalchemy import select

from a11y_service.db.accounts_models import Organisation
from a11y_service.db.monitoring_models import MonitorAudit, MonitoredSite
from a11y_service.monitoring.figures import DUTY_RULES
from a11y_service.monitoring.store import MonitoringStore, aware


class PublicSite(msgspec.Struct, kw_only=True):
    name: str
    url: str
    schedule: str
    audits: int
    last_audit: datetime | None = None
    index: float | None = None
    pages: int = 0
    errors: int = 0
    open_findings: int = 0
    fixed_last: int = 0
    duties: dict[str, str] = msgspec.field(default_factory=dict)


class TrendPoint(msgspec.Struct):
    month: str  # YYYY-MM
    index: float
    audits: int


class PublicOrganisation(msgspec.Struct, kw_only=True):
    slug: str
    name: str
    land: str
    body_kind: str
    index: float | None
    previous_index: float | None
    sites: list[PublicSite]
    duties_met: dict[str, int]
    duties_judged: dict[str, int]
    trend: list[TrendPoint]


class Overview(msgspec.Struct, kw_only=True):
    organisations: list[PublicOrganisation]
    index: float | None
    sites: int
    audits: int
    trend: list[TrendPoint]
    duties_met: dict[str, int]
    duties_judged: dict[str, int]


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _trend(points: list[tuple[datetime, float]]) -> list[TrendPoint]:
    by_month: dict[str, list[float]] = defaultdict(list)
    for moment, value in points:
        by_month[moment.strftime("%Y-%m")].append(value)
    return [TrendPoint(month, _mean(values) or 0.0, len(values))
            for month, values in sorted(by_month.items())]


def overview(store: MonitoringStore, slug: str | None = None) -> Overview:
    """Every published organisation (or only ``slug``, if it is published)."""
    with store._session() as session:
        org_query = select(Organisation.id, Organisation.slug, Organisation.name,
                           Organisation.land, Organisation.body_kind
                           ).where(Organisation.published.is_(True))
        if slug is not None:
            org_query = org_query.where(Organisation.slug == slug)
        orgs = list(session.execute(org_query.order_by(Organisation.name)))
        org_ids = [row.id for row in orgs]
        sites = list(session.execute(
            select(MonitoredSite.id, MonitoredSite.org_id, MonitoredSite.name,
                   MonitoredSite.start_url, MonitoredSite.schedule)
            .where(MonitoredSite.org_id.in_(org_ids), MonitoredSite.active.is_(True))
            .order_by(MonitoredSite.name)
        )) if org_ids else []
        site_ids = [row.id for row in sites]
        audits = list(session.execute(
            select(MonitorAudit.id, MonitorAudit.site_id, MonitorAudit.finished_at,
                   MonitorAudit.index_value, MonitorAudit.pages, MonitorAudit.errors,
                   MonitorAudit.open_findings, MonitorAudit.fixed_findings)
            .where(MonitorAudit.site_id.in_(site_ids), MonitorAudit.status == "done")
            .order_by(MonitorAudit.finished_at, MonitorAudit.id)
        )) if site_ids else []
        per_site: dict[str, list[object]] = defaultdict(list)
        for audit in audits:
            per_site[audit.site_id].append(audit)
        latest_ids = [rows[-1].id for rows in per_site.values()]  # type: ignore[attr-defined]
        figures: dict[str, str | None] = dict(
            session.execute(select(MonitorAudit.id, MonitorAudit.figures)
                            .where(MonitorAudit.id.in_(latest_ids))).all()
        ) if latest_ids else {}
    sites_by_org: dict[str, list[object]] = defaultdict(list)
    for site in sites:
        sites_by_org[site.org_id].append(site)
    region_points: list[tuple[datetime, float]] = []
    region_latest: list[float] = []
    region_met: dict[str, int] = dict.fromkeys(DUTY_RULES, 0)
    region_judged: dict[str, int] = dict.fromkeys(DUTY_RULES, 0)
    result = []
    for org in orgs:
        public_sites = []
        latest: list[float] = []
        previous: list[float] = []
        points: list[tuple[datetime, float]] = []
        met: dict[str, int] = dict.fromkeys(DUTY_RULES, 0)
        judged: dict[str, int] = dict.fromkeys(DUTY_RULES, 0)
        for site in sites_by_org.get(org.id, []):
            history = per_site.get(site.id, [])  # type: ignore[attr-defined]
            last = history[-1] if history else None
            duties: dict[str, str] = {}
            if last is not None:
                duties = json.loads(figures.get(last.id) or "{}").get("duties", {})
                if last.index_value is not None:
                    latest.append(last.index_value)
                before = [a.index_value for a in history[:-1] if a.index_value is not None]
                if before:
                    previous.append(before[-1])
                elif last.index_value is not None:
                    previous.append(last.index_value)
            for audit in history:
                if audit.index_value is not None and audit.finished_at is not None:
                    points.append((aware(audit.finished_at), audit.index_value))  # type: ignore[arg-type]
            for duty in DUTY_RULES:
                state = duties.get(duty, "unknown")
                if state != "unknown":
                    judged[duty] += 1
                    met[duty] += state == "met"
            public_sites.append(PublicSite(
                name=site.name, url=site.start_url, schedule=site.schedule,  # type: ignore[attr-defined]
                audits=len(history), last_audit=aware(last.finished_at) if last else None,
                index=last.index_value if last else None, pages=last.pages if last else 0,
                errors=last.errors if last else 0,
                open_findings=last.open_findings if last else 0,
                fixed_last=last.fixed_findings if last else 0, duties=duties,
            ))
        region_points.extend(points)
        region_latest.extend(latest)
        for duty in DUTY_RULES:
            region_met[duty] += met[duty]
            region_judged[duty] += judged[duty]
        result.append(PublicOrganisation(
            slug=org.slug, name=org.name, land=org.land, body_kind=org.body_kind,
            index=_mean(latest), previous_index=_mean(previous), sites=public_sites,
            duties_met=met, duties_judged=judged, trend=_trend(points),
        ))
    return Overview(
        organisations=result, index=_mean(region_latest), sites=len(sites),
        audits=len(audits), trend=_trend(region_points), duties_met=region_met,
        duties_judged=region_judged,
    )


CSV_COLUMNS = ("organisation_slug", "organisation", "land", "body_kind", "site", "url",
               "last_audit", "index", "pages", "errors", "open_findings", "statement",
               "leichte_sprache", "dgs")


def to_csv(data: Overview) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for org in data.organisations:
        for site in org.sites:
            writer.writerow([
                org.slug, _cell(org.name), org.land, org.body_kind, _cell(site.name), site.url,
                site.last_audit.isoformat() if site.last_audit else "",
                "" if site.index is None else f"{site.index:.1f}", site.pages, site.errors,
                site.open_findings, site.duties.get("statement", "unknown"),
                site.duties.get("leichte_sprache", "unknown"),
                site.duties.get("dgs", "unknown"),
            ])
    return buffer.getvalue()


def _cell(value: str) -> str:
    # A cell starting with = + - @ is a formula in spreadsheet programs (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
