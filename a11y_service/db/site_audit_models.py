"""Site audits: one row per audit (a background job with a lease) and one row per audited page.

The audit row is also the job's lock. A worker *claims* it with a conditional UPDATE (queued, or
running with an expired lease) and writes its id and a lease expiry; while it works, a heartbeat
moves the expiry forward. Every write of a worker is fenced by the same condition (``lease_owner``
is still this worker), so a worker that was presumed dead and comes back cannot overwrite the one
that took over. A page result is unique per (audit, URL): a page stored once is never audited or
stored again, which makes resuming after a crash and re-running a task harmless.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from a11y_service.db.models import Base, _in, utcnow

SITE_AUDIT_STATUSES = ("queued", "running", "done", "failed")


class SiteAudit(Base):
    __tablename__ = "site_audits"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(SITE_AUDIT_STATUSES)}", name="status"),
        Index("ix_site_audits_org_created", "org_id", "created_at"),
        Index("ix_site_audits_status_lease", "status", "lease_expires"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(64))
    start_url: Mapped[str] = mapped_column(Text)
    sitemap_url: Mapped[str | None] = mapped_column(Text)
    max_pages: Mapped[int] = mapped_column(Integer)
    max_depth: Mapped[int] = mapped_column(Integer)
    engines: Mapped[str] = mapped_column(String(64))  # comma-separated, as `a11y check --engines`
    locale: Mapped[str] = mapped_column(String(8), default="de")
    # The organisation's BITV scope when the audit was asked for; None: the service's settings.
    land: Mapped[str | None] = mapped_column(String(8))
    body_kind: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    pages_total: Mapped[int | None] = mapped_column(Integer)
    pages_done: Mapped[int] = mapped_column(Integer, default=0)
    # The discovered pages, in the order `a11y check` audits them, plus the crawl's limits and
    # problems (JSON); written once, so a resumed audit never crawls again.
    discovery: Mapped[str | None] = mapped_column(Text)
    report: Mapped[str | None] = mapped_column(Text)  # the final run report (JSON)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(128))
    lease_expires: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    enqueued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SiteAuditPage(Base):
    __tablename__ = "site_audit_pages"
    __table_args__ = (UniqueConstraint("audit_id", "url", name="uq_site_audit_pages_audit_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    audit_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("site_audits.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)  # index in the discovered order
    report: Mapped[str] = mapped_column(Text)  # the page's report JSON (report-format.md)
    worker: Mapped[str | None] = mapped_column(String(128))  # who audited it (diagnostics)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
