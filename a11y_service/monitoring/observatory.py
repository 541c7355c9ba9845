"""The public observatory's data: only organisations that opted in (``published``), their sites
and finished audits. The page, the JSON (``/v1/public/organisations``) and the CSV are all made
from :func:`overview`, so they cannot disagree.

Built with four queries whatever the number of organisations and audits (organisations,
sites, each site's latest two audits, monthly means); the figures JSON is read only for each
site's latest audit.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import func, select

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


def _trend(months: dict[str, list[float]]) -> list[TrendPoint]:
    """Points from {month: [sum, count]}."""
    return [TrendPoint(month, round(total / count, 1), int(count))
            for month, (total, count) in sorted(months.items())]


def overview(store: MonitoringStore, slug: str | None = None,
             org_trends: bool = True) -> Overview:
    """Every published organisation (or only ``slug``, if it is published).

    The database does the heavy part: the latest two audits of each site (a window function)
    and the monthly means (GROUP BY), so the work does not grow with the number of audits in
    Python. ``org_trends=False`` leaves out each organisation's own trend (the overview page
    shows only the region's).
    """
    with store._session() as session:
        connection = session.connection()  # Core rows: no ORM loading overhead
        org_query = select(Organisation.id, Organisation.slug, Organisation.name,
                           Organisation.land, Organisation.body_kind
                           ).where(Organisation.published.is_(True))
        if slug is not None:
            org_query = org_query.where(Organisation.slug == slug)
        orgs = list(connection.execute(org_query.order_by(Organisation.name)))
        org_ids = [row.id for row in orgs]
        sites = list(connection.execute(
            select(MonitoredSite.id, MonitoredSite.org_id, MonitoredSite.name,
                   MonitoredSite.start_url, MonitoredSite.schedule)
            .where(MonitoredSite.org_id.in_(org_ids), MonitoredSite.active.is_(True))
            .order_by(MonitoredSite.name)
        )) if org_ids else []
        site_ids = [row.id for row in sites]
        done = (MonitorAudit.site_id.in_(site_ids), MonitorAudit.status == "done")
        latest: list[Any] = []
        monthly: list[Any] = []
        if site_ids:
            # Rank only narrow columns (the figures JSON stays out of the window's sort), then
            # fetch the full rows of the two latest audits per site.
            ranked = select(
                MonitorAudit.id,
                func.row_number().over(
                    partition_by=MonitorAudit.site_id,
                    order_by=(MonitorAudit.finished_at.desc(), MonitorAudit.id.desc()),
                ).label("rank"),
                func.count().over(partition_by=MonitorAudit.site_id).label("total"),
            ).where(*done).subquery()
            latest = list(connection.execute(
                select(MonitorAudit.id, MonitorAudit.site_id, MonitorAudit.index_value,
                       MonitorAudit.pages, MonitorAudit.errors, MonitorAudit.open_findings,
                       MonitorAudit.fixed_findings, MonitorAudit.finished_at,
                       MonitorAudit.figures, ranked.c.rank, ranked.c.total)
                .join(ranked, ranked.c.id == MonitorAudit.id).where(ranked.c.rank <= 2)
            ))
            group = (MonitoredSite.org_id, MonitorAudit.finished_month) if org_trends else (
                MonitorAudit.finished_month,)
            monthly_query = select(*group, func.sum(MonitorAudit.index_value),
                                   func.count(MonitorAudit.index_value))
            if org_trends:
                monthly_query = monthly_query.join(
                    MonitoredSite, MonitoredSite.id == MonitorAudit.site_id)
            monthly = list(connection.execute(
                monthly_query.where(*done, MonitorAudit.index_value.is_not(None),
                       MonitorAudit.finished_month.is_not(None))
                .group_by(*group)
            ))
    last_of: dict[str, Any] = {}
    before_of: dict[str, Any] = {}
    for row in latest:
        (last_of if row.rank == 1 else before_of)[row.site_id] = row
    org_months: dict[str, dict[str, list[float]]] = defaultdict(dict)
    region_months: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for row in monthly:
        *key, total, count = row
        month = key[-1]
        region_months[month][0] += float(total)
        region_months[month][1] += int(count)
        if org_trends:
            org_months[key[0]][month] = [float(total), int(count)]
    sites_by_org: dict[str, list[Any]] = defaultdict(list)
    for site in sites:
        sites_by_org[site.org_id].append(site)
    region_latest: list[float] = []
    region_met: dict[str, int] = dict.fromkeys(DUTY_RULES, 0)
    region_judged: dict[str, int] = dict.fromkeys(DUTY_RULES, 0)
    audits_total = 0
    result = []
    for org in orgs:
        public_sites = []
        now: list[float] = []
        previous: list[float] = []
        met: dict[str, int] = dict.fromkeys(DUTY_RULES, 0)
        judged: dict[str, int] = dict.fromkeys(DUTY_RULES, 0)
        for site in sites_by_org.get(org.id, []):
            last = last_of.get(site.id)
            duties: dict[str, str] = {}
            if last is not None:
                audits_total += last.total
                duties = json.loads(last.figures or "{}").get("duties", {})
                if last.index_value is not None:
                    now.append(last.index_value)
                before = before_of.get(site.id)
                # The index of the audit before the latest (the latest's own if none).
                earlier = before.index_value if before is not None else None
                if earlier is None:
                    earlier = last.index_value
                if earlier is not None:
                    previous.append(earlier)
            for duty in DUTY_RULES:
                state = duties.get(duty, "unknown")
                if state != "unknown":
                    judged[duty] += 1
                    met[duty] += state == "met"
            public_sites.append(PublicSite(
                name=site.name, url=site.start_url, schedule=site.schedule,
                audits=last.total if last else 0,
                last_audit=aware(last.finished_at) if last else None,
                index=last.index_value if last else None, pages=last.pages if last else 0,
                errors=last.errors if last else 0,
                open_findings=last.open_findings if last else 0,
                fixed_last=last.fixed_findings if last else 0, duties=duties,
            ))
        region_latest.extend(now)
        for duty in DUTY_RULES:
            region_met[duty] += met[duty]
            region_judged[duty] += judged[duty]
        result.append(PublicOrganisation(
            slug=org.slug, name=org.name, land=org.land, body_kind=org.body_kind,
            index=_mean(now), previous_index=_mean(previous), sites=public_sites,
            duties_met=met, duties_judged=judged,
            trend=_trend(org_months.get(org.id, {})) if org_trends else [],
        ))
    return Overview(
        organisations=result, index=_mean(region_latest), sites=len(sites),
        audits=audits_total, trend=_trend(region_months), duties_met=region_met,
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
