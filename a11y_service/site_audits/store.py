"""The site-audit store: the only code that reads or writes ``site_audits`` and its pages.

Exactly once, with any number of workers and crashes:

- :meth:`SiteAuditStore.claim` is one conditional UPDATE (queued, or running with an expired
  lease); of two workers only one gets the row, the other sees ``rowcount == 0`` and leaves.
- every later write of the worker (discovery, a page, the end) runs in a transaction that first
  renews the lease with ``WHERE lease_owner = :me AND status = 'running'``; if that touches no
  row the worker lost the job (presumed dead, taken over) and :class:`LeaseLost` stops it. The
  UPDATE's row lock (PostgreSQL) or the single writer (SQLite) keeps the check and the write
  atomic.
- a page result is unique per (audit, URL): stored once, never audited again after a resume.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from a11y_service.db.errors import JobStateError, NotFoundError
from a11y_service.db.site_audit_models import SiteAudit, SiteAuditPage
from a11y_service.db.sql_store import SqlStore

MAX_LISTED = 100


class LeaseLost(RuntimeError):
    """This worker no longer holds the audit (its lease expired and another worker took it)."""


class SiteAuditRecord(msgspec.Struct, kw_only=True):
    id: str
    status: str
    start_url: str
    sitemap_url: str | None
    max_pages: int
    max_depth: int
    engines: list[str]
    locale: str
    land: str | None
    body_kind: str | None
    pages_total: int | None
    pages_done: int
    attempts: int
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    error: str | None = None
    summary: dict[str, Any] | None = None  # the run summary once done


class PageResult(msgspec.Struct):
    position: int
    url: str
    report: str  # JSON


def utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _record(row: SiteAudit) -> SiteAuditRecord:
    summary = None
    if row.report:
        summary = json.loads(row.report).get("summary")
    return SiteAuditRecord(
        id=row.id,
        status=row.status,
        start_url=row.start_url,
        sitemap_url=row.sitemap_url,
        max_pages=row.max_pages,
        max_depth=row.max_depth,
        engines=[e for e in row.engines.split(",") if e],
        locale=row.locale,
        land=row.land,
        body_kind=row.body_kind,
        pages_total=row.pages_total,
        pages_done=row.pages_done,
        attempts=row.attempts,
        created_at=_aware(row.created_at),  # type: ignore[arg-type]
        started_at=_aware(row.started_at),
        finished_at=_aware(row.finished_at),
        error=row.error,
        summary=summary,
    )


def not_found(audit_id: str) -> NotFoundError:
    return NotFoundError(
        f"Keine Website-Prüfung mit der Kennung {audit_id[:40]!r}.",
        f"No site audit with id {audit_id[:40]!r}.",
        audit_id=audit_id[:40],
    )


class SiteAuditStore(SqlStore):
    # -- the API's side -----------------------------------------------------------------------

    def create(
        self,
        *,
        org_id: str,
        start_url: str,
        sitemap_url: str | None,
        max_pages: int,
        max_depth: int,
        engines: Sequence[str],
        locale: str = "de",
        land: str | None = None,
        body_kind: str | None = None,
    ) -> SiteAuditRecord:
        row = SiteAudit(
            id=uuid.uuid4().hex,
            org_id=org_id,
            start_url=start_url,
            sitemap_url=sitemap_url,
            max_pages=max_pages,
            max_depth=max_depth,
            engines=",".join(engines),
            locale=locale,
            land=land,
            body_kind=body_kind,
            status="queued",
            pages_done=0,
            attempts=0,
            created_at=utcnow(),
        )
        with self._session() as session:
            session.add(row)
        return _record(row)

    def get(self, audit_id: str, org_id: str | None = None) -> SiteAuditRecord:
        """The audit; another organisation's audit is not found (404), never forbidden."""
        with self._session() as session:
            row = session.get(SiteAudit, audit_id[:32])
            if row is None or (org_id is not None and row.org_id != org_id):
                raise not_found(audit_id)
            return _record(row)

    def list(self, org_id: str, limit: int = 50) -> list[SiteAuditRecord]:
        with self._session() as session:
            rows = session.scalars(
                select(SiteAudit)
                .where(SiteAudit.org_id == org_id)
                .order_by(SiteAudit.created_at.desc())
                .limit(max(1, min(limit, MAX_LISTED)))
            )
            return [_record(row) for row in rows]

    def report(self, audit_id: str, org_id: str | None = None) -> str:
        """The final run report JSON; 409 while the audit is not done."""
        with self._session() as session:
            row = session.get(SiteAudit, audit_id[:32])
            if row is None or (org_id is not None and row.org_id != org_id):
                raise not_found(audit_id)
            if row.status != "done" or row.report is None:
                raise JobStateError(
                    f"Die Website-Prüfung ist noch nicht fertig (Status {row.status}).",
                    f"The site audit is not finished yet (status {row.status}).",
                    status=row.status,
                )
            return row.report

    def mark_enqueued(self, audit_id: str) -> None:
        with self._session() as session:
            session.execute(
                update(SiteAudit)
                .where(SiteAudit.id == audit_id)
                .values(enqueued_at=utcnow())
                .execution_options(synchronize_session=False)
            )

    # -- the worker's side --------------------------------------------------------------------

    def claim(self, audit_id: str, worker: str, lease_seconds: float) -> bool:
        """Take the audit: queued, or running under a lease that expired (its worker died)."""
        now = utcnow()
        with self._session() as session:
            result = session.execute(
                update(SiteAudit)
                .where(
                    SiteAudit.id == audit_id,
                    or_(
                        SiteAudit.status == "queued",
                        and_(SiteAudit.status == "running", SiteAudit.lease_expires < now),
                    ),
                )
                .values(
                    status="running",
                    lease_owner=worker,
                    lease_expires=now + timedelta(seconds=lease_seconds),
                    started_at=func.coalesce(SiteAudit.started_at, now),
                    attempts=SiteAudit.attempts + 1,
                    error=None,
                )
                .execution_options(synchronize_session=False)
            )
            return result.rowcount == 1  # type: ignore[attr-defined]

    def _renew(self, session: Session, audit_id: str, worker: str, lease_seconds: float) -> None:
        result = session.execute(
            update(SiteAudit)
            .where(
                SiteAudit.id == audit_id,
                SiteAudit.lease_owner == worker,
                SiteAudit.status == "running",
            )
            .values(lease_expires=utcnow() + timedelta(seconds=lease_seconds))
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise LeaseLost(audit_id)

    def heartbeat(self, audit_id: str, worker: str, lease_seconds: float) -> bool:
        try:
            with self._session() as session:
                self._renew(session, audit_id, worker, lease_seconds)
        except LeaseLost:
            return False
        return True

    def discovery(self, audit_id: str) -> dict[str, Any] | None:
        with self._session() as session:
            row = session.get(SiteAudit, audit_id)
            if row is None:
                raise not_found(audit_id)
            return json.loads(row.discovery) if row.discovery else None

    def save_discovery(
        self, audit_id: str, worker: str, lease_seconds: float, discovery: dict[str, Any]
    ) -> None:
        with self._session() as session:
            self._renew(session, audit_id, worker, lease_seconds)
            session.execute(
                update(SiteAudit)
                .where(SiteAudit.id == audit_id, SiteAudit.discovery.is_(None))
                .values(discovery=json.dumps(discovery), pages_total=len(discovery["urls"]))
                .execution_options(synchronize_session=False)
            )

    def done_urls(self, audit_id: str) -> set[str]:
        with self._session() as session:
            return set(
                session.scalars(select(SiteAuditPage.url).where(SiteAuditPage.audit_id == audit_id))
            )

    def save_page(
        self,
        audit_id: str,
        worker: str,
        lease_seconds: float,
        *,
        url: str,
        position: int,
        report: str,
        replace: bool = False,
    ) -> bool:
        """Store one page's report (fenced by the lease). A page already stored stays as it is
        unless ``replace`` (the same worker adding run-wide findings after its batch)."""
        with self._session() as session:
            self._renew(session, audit_id, worker, lease_seconds)
            existing = session.scalars(
                select(SiteAuditPage).where(
                    SiteAuditPage.audit_id == audit_id, SiteAuditPage.url == url
                )
            ).first()
            if existing is not None:
                if replace and existing.report != report:
                    existing.report = report
                    existing.worker = worker
                return False
            session.add(SiteAuditPage(
                audit_id=audit_id, url=url, position=position, report=report, worker=worker,
                created_at=utcnow(),
            ))
            session.flush()
            done = session.scalar(
                select(func.count()).select_from(SiteAuditPage)
                .where(SiteAuditPage.audit_id == audit_id)
            )
            session.execute(
                update(SiteAudit)
                .where(SiteAudit.id == audit_id)
                .values(pages_done=done)
                .execution_options(synchronize_session=False)
            )
            return True

    def page_results(self, audit_id: str) -> list[PageResult]:
        with self._session() as session:
            rows = session.scalars(
                select(SiteAuditPage)
                .where(SiteAuditPage.audit_id == audit_id)
                .order_by(SiteAuditPage.position)
            )
            return [PageResult(row.position, row.url, row.report) for row in rows]

    def finish(self, audit_id: str, worker: str, report: str) -> bool:
        """running → done, once: only the worker holding the lease can finish."""
        with self._session() as session:
            result = session.execute(
                update(SiteAudit)
                .where(
                    SiteAudit.id == audit_id,
                    SiteAudit.lease_owner == worker,
                    SiteAudit.status == "running",
                )
                .values(
                    status="done", report=report, finished_at=utcnow(), lease_owner=None,
                    lease_expires=None,
                )
                .execution_options(synchronize_session=False)
            )
            return result.rowcount == 1  # type: ignore[attr-defined]

    def fail(self, audit_id: str, worker: str | None, error: str) -> bool:
        conditions = [SiteAudit.id == audit_id]
        if worker is None:
            conditions.append(SiteAudit.status == "queued")
        else:
            conditions += [SiteAudit.lease_owner == worker, SiteAudit.status == "running"]
        with self._session() as session:
            result = session.execute(
                update(SiteAudit)
                .where(*conditions)
                .values(
                    status="failed", error=error[:2000], finished_at=utcnow(), lease_owner=None,
                    lease_expires=None,
                )
                .execution_options(synchronize_session=False)
            )
            return result.rowcount == 1  # type: ignore[attr-defined]

    def stale(self, queued_grace_seconds: float) -> list[str]:
        """Audits that need a task: running under an expired lease (worker died), or queued
        without a task for longer than the grace time (a task lost between dequeue and claim,
        a failed enqueue). A duplicate task is harmless: only one claim succeeds."""
        now = utcnow()
        with self._session() as session:
            return list(session.scalars(
                select(SiteAudit.id)
                .where(or_(
                    and_(SiteAudit.status == "running", SiteAudit.lease_expires < now),
                    and_(
                        SiteAudit.status == "queued",
                        or_(
                            SiteAudit.enqueued_at.is_(None),
                            SiteAudit.enqueued_at
                            < now - timedelta(seconds=queued_grace_seconds),
                        ),
                    ),
                ))
                .order_by(SiteAudit.created_at)
            ))
