"""The monitoring store: the only code that reads or writes the monitoring tables.

Every read and write of a site names the organisation; another organisation's site answers
404. Two things must happen exactly once even with several workers: taking a schedule slot (a
conditional UPDATE on ``next_run_at``) and taking in a finished audit (a conditional UPDATE
``status = 'queued'`` that opens the transaction in which findings are tracked).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import msgspec
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from a11y_service.db.accounts_models import Organisation, User
from a11y_service.db.errors import NotFoundError
from a11y_service.db.monitoring_models import (
    MonitorAudit,
    MonitorChannels,
    MonitoredSite,
    MonitorNotification,
    TrackedFinding,
)
from a11y_service.db.sql_store import SqlStore
from a11y_service.monitoring.figures import AuditFigures, audit_figures
from a11y_service.monitoring.schedule import next_slot
from checkers.report import Report
from ci.baseline import BaselineEntry, BaselineFile, compare, target_key

MAX_HISTORY = 500


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime | None) -> datetime | None:
    # SQLite hands timestamps back without a zone; they were written in UTC.
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class SiteRecord(msgspec.Struct, kw_only=True):
    id: str
    org_id: str
    name: str
    start_url: str
    sitemap_url: str | None
    max_pages: int
    max_depth: int
    land: str
    body_kind: str
    schedule: str
    next_run_at: datetime | None
    active: bool
    created_at: datetime


class AuditRecord(msgspec.Struct, kw_only=True):
    id: str
    site_id: str
    site_audit_id: str
    trigger: str
    status: str
    created_at: datetime
    planned_for: datetime | None = None
    finished_at: datetime | None = None
    error: str | None = None
    pages: int = 0
    pages_without_errors: int = 0
    errors: int = 0
    warnings: int = 0
    needs_review: int = 0
    new_findings: int = 0
    new_errors: int = 0
    fixed_findings: int = 0
    open_findings: int = 0
    index: float | None = None
    by_severity: dict[str, int] = msgspec.field(default_factory=dict)
    by_principle: dict[str, int] = msgspec.field(default_factory=dict)
    duties: dict[str, str] = msgspec.field(default_factory=dict)
    text_scores: list[float] = msgspec.field(default_factory=list)


class FindingRecord(msgspec.Struct, kw_only=True):
    fingerprint: str
    rule_id: str
    severity: str
    target: str
    message: str
    selector: str | None
    status: str
    first_audit_id: str
    last_seen_audit_id: str
    fixed_audit_id: str | None = None


class NotificationRecord(msgspec.Struct, kw_only=True):
    id: str
    site_id: str
    site_name: str
    audit_id: str
    new_errors: int
    created_at: datetime
    read: bool
    email_status: str
    webhook_status: str


class Channels(msgspec.Struct, kw_only=True):
    email_admins: bool = False
    webhook_url: str | None = None
    webhook_secret: str | None = None


@dataclass(frozen=True, slots=True)
class Ingested:
    """A finished audit taken in: what is new, for notifications."""

    audit: AuditRecord
    org_id: str
    site_name: str
    site_url: str


def site_not_found(site_id: str) -> NotFoundError:
    return NotFoundError(
        f"Keine Website mit der Kennung {site_id[:40]!r}.",
        f"No website with id {site_id[:40]!r}.",
        site_id=site_id[:40],
    )


def _site(row: MonitoredSite) -> SiteRecord:
    return SiteRecord(
        id=row.id, org_id=row.org_id, name=row.name, start_url=row.start_url,
        sitemap_url=row.sitemap_url,
        max_pages=row.max_pages, max_depth=row.max_depth, land=row.land,
        body_kind=row.body_kind, schedule=row.schedule, next_run_at=aware(row.next_run_at),
        active=row.active, created_at=aware(row.created_at),  # type: ignore[arg-type]
    )


def _audit(row: MonitorAudit) -> AuditRecord:
    figures = json.loads(row.figures) if row.figures else {}
    return AuditRecord(
        id=row.id, site_id=row.site_id, site_audit_id=row.site_audit_id, trigger=row.trigger,
        status=row.status, created_at=aware(row.created_at),  # type: ignore[arg-type]
        planned_for=aware(row.planned_for), finished_at=aware(row.finished_at),
        error=row.error, pages=row.pages, pages_without_errors=row.pages_without_errors,
        errors=row.errors, warnings=row.warnings, needs_review=row.needs_review,
        new_findings=row.new_findings, new_errors=row.new_errors,
        fixed_findings=row.fixed_findings, open_findings=row.open_findings,
        index=row.index_value, by_severity=figures.get("by_severity", {}),
        by_principle=figures.get("by_principle", {}), duties=figures.get("duties", {}),
        text_scores=figures.get("text_scores", []),
    )


def _finding(row: TrackedFinding) -> FindingRecord:
    return FindingRecord(
        fingerprint=row.fingerprint, rule_id=row.rule_id, severity=row.severity,
        target=row.target, message=row.message, selector=row.selector, status=row.status,
        first_audit_id=row.first_audit_id, last_seen_audit_id=row.last_seen_audit_id,
        fixed_audit_id=row.fixed_audit_id,
    )


def failed_only(report: Report) -> Report:
    """Barriers only: findings a person must review are not tracked as open barriers."""
    return msgspec.structs.replace(
        report, findings=[f for f in report.findings if f.outcome == "failed"]
    )


class MonitoringStore(SqlStore):
    # -- sites --------------------------------------------------------------------------

    def create_site(self, org_id: str, *, name: str, start_url: str, sitemap_url: str | None,
                    max_pages: int, max_depth: int, land: str, body_kind: str, schedule: str,
                    now: datetime | None = None) -> SiteRecord:
        now = now or utcnow()
        row = MonitoredSite(
            id=uuid.uuid4().hex, org_id=org_id, name=name, start_url=start_url,
            sitemap_url=sitemap_url, max_pages=max_pages, max_depth=max_depth, land=land,
            body_kind=body_kind, schedule=schedule, anchor_at=now,
            # The first scheduled audit runs at once (the anchor is now); then on the grid.
            next_run_at=None if schedule == "manual" else now, active=True, created_at=now,
        )
        with self._session() as session:
            session.add(row)
        return _site(row)

    def _site_row(self, session: Session, site_id: str, org_id: str | None) -> MonitoredSite:
        row = session.get(MonitoredSite, site_id[:32])
        if row is None or (org_id is not None and row.org_id != org_id):
            raise site_not_found(site_id)
        return row

    def site(self, site_id: str, org_id: str | None) -> SiteRecord:
        with self._session() as session:
            return _site(self._site_row(session, site_id, org_id))

    def list_sites(self, org_id: str) -> list[SiteRecord]:
        with self._session() as session:
            rows = session.scalars(select(MonitoredSite).where(MonitoredSite.org_id == org_id)
                                   .order_by(MonitoredSite.created_at))
            return [_site(row) for row in rows]

    def update_site(self, site_id: str, org_id: str, changes: dict[str, Any],
                    now: datetime | None = None) -> SiteRecord:
        with self._session() as session:
            row = self._site_row(session, site_id, org_id)
            for key, value in changes.items():
                setattr(row, key, value)
            if "schedule" in changes or "active" in changes:
                now = now or utcnow()
                row.anchor_at = now
                row.next_run_at = (now if row.schedule != "manual" and row.active else None)
            return _site(row)

    def delete_site(self, site_id: str, org_id: str) -> None:
        with self._session() as session:
            row = self._site_row(session, site_id, org_id)
            session.delete(row)

    # -- schedules ----------------------------------------------------------------------

    def due_sites(self, now: datetime) -> list[tuple[str, datetime]]:
        with self._session() as session:
            rows = session.execute(
                select(MonitoredSite.id, MonitoredSite.next_run_at)
                .where(MonitoredSite.active.is_(True), MonitoredSite.next_run_at.is_not(None),
                       MonitoredSite.next_run_at <= now)
                .order_by(MonitoredSite.next_run_at)
            )
            return [(site_id, aware(due)) for site_id, due in rows]  # type: ignore[misc]

    def take_slot(self, site_id: str, due: datetime, now: datetime) -> SiteRecord | None:
        """Move the site's next run past ``now`` if it is still ``due``; the caller that
        moved it (and only that one) starts the audit. Missed slots collapse into this one."""
        with self._session() as session:
            row = session.get(MonitoredSite, site_id)
            if row is None:
                return None
            following = next_slot(row.schedule, aware(row.anchor_at), now)  # type: ignore[arg-type]
            result = session.execute(
                update(MonitoredSite)
                .where(MonitoredSite.id == site_id, MonitoredSite.next_run_at == due)
                .values(next_run_at=following)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return None
            session.refresh(row)
            return _site(row)

    # -- audits -------------------------------------------------------------------------

    def add_audit(self, site: SiteRecord, org_id: str, site_audit_id: str, trigger: str,
                  planned_for: datetime | None = None,
                  now: datetime | None = None) -> AuditRecord:
        row = MonitorAudit(
            id=uuid.uuid4().hex, site_id=site.id, org_id=org_id, site_audit_id=site_audit_id,
            trigger=trigger, planned_for=planned_for, status="queued",
            created_at=now or utcnow(), pages=0, pages_without_errors=0, errors=0,
            warnings=0, needs_review=0, new_findings=0, new_errors=0, fixed_findings=0,
            open_findings=0,
        )
        with self._session() as session:
            session.add(row)
        return _audit(row)

    def pending(self, site_id: str | None = None) -> list[tuple[str, str]]:
        """(monitor audit id, site audit id) of audits not taken in yet."""
        with self._session() as session:
            query = select(MonitorAudit.id, MonitorAudit.site_audit_id).where(
                MonitorAudit.status == "queued")
            if site_id is not None:
                query = query.where(MonitorAudit.site_id == site_id)
            return [(a, b) for a, b in session.execute(query.order_by(MonitorAudit.created_at))]

    def audits(self, site_id: str, org_id: str | None, limit: int = MAX_HISTORY
               ) -> list[AuditRecord]:
        """The site's audits, oldest first."""
        with self._session() as session:
            self._site_row(session, site_id, org_id)
            rows = session.scalars(
                select(MonitorAudit).where(MonitorAudit.site_id == site_id)
                .order_by(MonitorAudit.created_at.desc()).limit(max(1, min(limit, MAX_HISTORY)))
            )
            return [_audit(row) for row in reversed(list(rows))]

    def audit(self, audit_id: str) -> AuditRecord:
        with self._session() as session:
            row = session.get(MonitorAudit, audit_id[:32])
            if row is None:
                raise NotFoundError("Keine Prüfung mit dieser Kennung.", "No such audit.",
                                    audit_id=audit_id[:40])
            return _audit(row)

    def findings(self, site_id: str, org_id: str | None, status: str | None = None
                 ) -> list[FindingRecord]:
        with self._session() as session:
            self._site_row(session, site_id, org_id)
            query = select(TrackedFinding).where(TrackedFinding.site_id == site_id)
            if status:
                query = query.where(TrackedFinding.status == status)
            rows = session.scalars(query.order_by(TrackedFinding.target, TrackedFinding.id))
            return [_finding(row) for row in rows]

    def fail_audit(self, audit_id: str, error: str, now: datetime | None = None) -> bool:
        with self._session() as session:
            result = session.execute(
                update(MonitorAudit)
                .where(MonitorAudit.id == audit_id, MonitorAudit.status == "queued")
                .values(status="failed", error=error[:2000], finished_at=now or utcnow())
                .execution_options(synchronize_session=False)
            )
            return result.rowcount == 1  # type: ignore[attr-defined]

    def ingest(self, audit_id: str, run: dict[str, Any], engines: list[str],
               now: datetime | None = None) -> Ingested | None:
        """Take in a finished audit's run report: figures, and findings tracked by fingerprint
        (new, still open, fixed) against the site's open findings. Once per audit."""
        now = now or utcnow()
        figures: AuditFigures = audit_figures(run, engines)
        reports = [failed_only(msgspec.convert(r, Report)) for r in run.get("reports", [])]
        with self._session() as session:
            # The conditional UPDATE first: it locks the row, so a second ingester waits and
            # then finds nothing to do.
            taken = session.execute(
                update(MonitorAudit)
                .where(MonitorAudit.id == audit_id, MonitorAudit.status == "queued")
                .values(status="done", finished_at=now,
                        finished_month=f"{now.astimezone(UTC):%Y-%m}")
                .execution_options(synchronize_session=False)
            )
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                return None
            row = session.get(MonitorAudit, audit_id)
            assert row is not None
            site = session.get(MonitoredSite, row.site_id)
            assert site is not None
            tracked = {t.fingerprint: t for t in session.scalars(
                select(TrackedFinding).where(TrackedFinding.site_id == row.site_id))}
            baseline = BaselineFile(entries=[
                BaselineEntry(fingerprint=t.fingerprint, rule_id=t.rule_id, target=t.target,
                              severity=t.severity)
                for t in tracked.values() if t.status == "open"
            ])
            result = compare(reports, baseline)
            new_errors = 0
            for r_index, report in enumerate(reports):
                for f_index, finding in enumerate(report.findings):
                    key = result.keys[r_index][f_index]
                    existing = tracked.get(key)
                    if result.is_new(r_index, f_index):
                        new_errors += finding.severity == "error"
                        if existing is None:
                            existing = TrackedFinding(
                                site_id=row.site_id, fingerprint=key, rule_id=finding.rule_id,
                                severity=finding.severity, target=target_key(report),
                                message=finding.message[:1000],
                                selector=finding.location.selector, status="open",
                                first_audit_id=audit_id, last_seen_audit_id=audit_id,
                            )
                            session.add(existing)
                            tracked[key] = existing
                        else:  # came back after a fix: open again, counted as new
                            existing.status = "open"
                            existing.fixed_audit_id = None
                            existing.first_audit_id = audit_id
                    if existing is not None:
                        existing.last_seen_audit_id = audit_id
            for entry in result.fixed:
                fixed = tracked[entry.fingerprint]
                fixed.status = "fixed"
                fixed.fixed_audit_id = audit_id
            session.flush()
            open_count = session.scalar(
                select(func.count()).select_from(TrackedFinding)
                .where(TrackedFinding.site_id == row.site_id, TrackedFinding.status == "open"))
            summary = run.get("summary") or {}
            row.pages = figures.pages
            row.pages_without_errors = figures.pages_without_errors
            row.errors = figures.by_severity.get("error", 0)
            row.warnings = figures.by_severity.get("warning", 0)
            row.needs_review = int(summary.get("needs_review", figures.needs_review) or 0)
            row.new_findings = len(result.new)
            row.new_errors = new_errors
            row.fixed_findings = len(result.fixed)
            row.open_findings = int(open_count or 0)
            row.figures = figures.to_json()
            row.index_value = figures.index
            return Ingested(_audit(row), site.org_id, site.name, site.start_url)

    # -- notifications ------------------------------------------------------------------

    def add_notification(self, ingested: Ingested, email_status: str, webhook_status: str
                         ) -> None:
        with self._session() as session:
            session.add(MonitorNotification(
                id=uuid.uuid4().hex, org_id=ingested.org_id, site_id=ingested.audit.site_id,
                audit_id=ingested.audit.id, new_errors=ingested.audit.new_errors,
                created_at=utcnow(), email_status=email_status[:300],
                webhook_status=webhook_status[:300],
            ))

    def notifications(self, org_id: str, limit: int = 50) -> list[NotificationRecord]:
        with self._session() as session:
            rows = session.execute(
                select(MonitorNotification, MonitoredSite.name)
                .join(MonitoredSite, MonitoredSite.id == MonitorNotification.site_id)
                .where(MonitorNotification.org_id == org_id)
                .order_by(MonitorNotification.created_at.desc()).limit(limit)
            )
            return [NotificationRecord(
                id=n.id, site_id=n.site_id, site_name=name, audit_id=n.audit_id,
                new_errors=n.new_errors, created_at=aware(n.created_at),  # type: ignore[arg-type]
                read=n.read_at is not None, email_status=n.email_status,
                webhook_status=n.webhook_status,
            ) for n, name in rows]

    def mark_read(self, org_id: str) -> None:
        with self._session() as session:
            session.execute(
                update(MonitorNotification)
                .where(MonitorNotification.org_id == org_id,
                       MonitorNotification.read_at.is_(None))
                .values(read_at=utcnow())
                .execution_options(synchronize_session=False)
            )

    def channels(self, org_id: str) -> Channels:
        with self._session() as session:
            row = session.get(MonitorChannels, org_id)
            if row is None:
                return Channels()
            return Channels(
                email_admins=row.email_admins,
                webhook_url=row.webhook_url, webhook_secret=row.webhook_secret,
            )

    def set_channels(self, org_id: str, channels: Channels) -> None:
        with self._session() as session:
            row = session.get(MonitorChannels, org_id) or MonitorChannels(org_id=org_id)
            row.email_admins = channels.email_admins
            row.webhook_url = channels.webhook_url
            row.webhook_secret = channels.webhook_secret
            session.add(row)

    # -- publication --------------------------------------------------------------------

    def set_published(self, org_id: str, published: bool) -> None:
        """The organisation's opt-in to the public observatory (its admins decide)."""
        with self._session() as session:
            session.execute(
                update(Organisation).where(Organisation.id == org_id)
                .values(published=published).execution_options(synchronize_session=False)
            )

    def admin_emails(self, org_id: str) -> list[str]:
        with self._session() as session:
            return list(session.scalars(
                select(User.email).where(User.org_id == org_id, User.role == "admin",
                                         User.active.is_(True)).order_by(User.email)))

    def is_published(self, org_id: str) -> bool:
        with self._session() as session:
            return bool(session.scalar(
                select(Organisation.published).where(Organisation.id == org_id)))
