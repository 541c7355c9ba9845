"""Monitoring: registered sites with a schedule, their audits with computed figures, findings
tracked across audits by fingerprint, notifications and each organisation's notification
channels.

A monitored audit points at a site audit (``site_audits``, run by the background workers); the
figures (barriers by severity and WCAG principle, BITV duties, text scores, the index) are
computed once when that audit is done and kept here, so history pages and the public
observatory never parse reports again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from a11y_service.db.models import Base, _in, utcnow

SCHEDULES = ("daily", "weekly", "monthly", "manual")
MONITOR_AUDIT_STATUSES = ("queued", "done", "failed")
TRIGGERS = ("schedule", "manual")
FINDING_STATUSES = ("open", "fixed")


class MonitoredSite(Base):
    __tablename__ = "monitored_sites"
    __table_args__ = (
        CheckConstraint(f"schedule IN {_in(SCHEDULES)}", name="schedule"),
        Index("ix_monitored_sites_due", "active", "next_run_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    org_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    start_url: Mapped[str] = mapped_column(Text)
    sitemap_url: Mapped[str | None] = mapped_column(Text)
    max_pages: Mapped[int] = mapped_column(Integer)
    max_depth: Mapped[int] = mapped_column(Integer)
    land: Mapped[str] = mapped_column(String(32))
    body_kind: Mapped[str] = mapped_column(String(32))
    schedule: Mapped[str] = mapped_column(String(16))
    # Slots are anchor + n periods; the next one not yet run. NULL for "manual".
    anchor_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    next_run_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class MonitorAudit(Base):
    __tablename__ = "monitor_audits"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(MONITOR_AUDIT_STATUSES)}", name="status"),
        CheckConstraint(f"trigger IN {_in(TRIGGERS)}", name="trigger"),
        Index("ix_monitor_audits_site_created", "site_id", "created_at"),
        Index("ix_monitor_audits_status", "status"),
        Index("ix_monitor_audits_site_status_finished", "site_id", "status", "finished_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    site_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("monitored_sites.id", ondelete="CASCADE")
    )
    org_id: Mapped[str] = mapped_column(String(32), index=True)
    site_audit_id: Mapped[str] = mapped_column(String(32), unique=True)
    trigger: Mapped[str] = mapped_column(String(16))
    planned_for: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # "YYYY-MM" of finished_at (UTC): the trends group by it without parsing 10,000 timestamps.
    finished_month: Mapped[str | None] = mapped_column(String(7))
    error: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    pages_without_errors: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    needs_review: Mapped[int] = mapped_column(Integer, default=0)
    new_findings: Mapped[int] = mapped_column(Integer, default=0)
    new_errors: Mapped[int] = mapped_column(Integer, default=0)
    fixed_findings: Mapped[int] = mapped_column(Integer, default=0)
    open_findings: Mapped[int] = mapped_column(Integer, default=0)
    # JSON: {"by_severity": {...}, "by_principle": {...}, "duties": {...}, "text_scores": [...]}
    figures: Mapped[str | None] = mapped_column(Text)
    index_value: Mapped[float | None] = mapped_column(Float)


class TrackedFinding(Base):
    """One barrier of one site, followed from the audit that found it to the one that no longer
    sees it (fingerprints of ``ci.baseline``)."""

    __tablename__ = "tracked_findings"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(FINDING_STATUSES)}", name="status"),
        UniqueConstraint("site_id", "fingerprint", name="uq_tracked_findings_site_fingerprint"),
        Index("ix_tracked_findings_site_status", "site_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("monitored_sites.id", ondelete="CASCADE")
    )
    fingerprint: Mapped[str] = mapped_column(String(64))
    rule_id: Mapped[str] = mapped_column(String(128))
    severity: Mapped[str] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(Text)  # the page path, as in a baseline
    message: Mapped[str] = mapped_column(Text)
    selector: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    first_audit_id: Mapped[str] = mapped_column(String(32))
    last_seen_audit_id: Mapped[str] = mapped_column(String(32))
    fixed_audit_id: Mapped[str | None] = mapped_column(String(32))


class MonitorNotification(Base):
    __tablename__ = "monitor_notifications"
    __table_args__ = (Index("ix_monitor_notifications_org_created", "org_id", "created_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    org_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("organisations.id", ondelete="CASCADE")
    )
    site_id: Mapped[str] = mapped_column(String(32))
    audit_id: Mapped[str] = mapped_column(String(32), unique=True)  # one per audit, ever
    new_errors: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # What the channels said: "sent", "failed: ...", "off".
    email_status: Mapped[str] = mapped_column(String(300), default="off")
    webhook_status: Mapped[str] = mapped_column(String(300), default="off")


class MonitorChannels(Base):
    """Where an organisation wants to hear about new errors (besides the app)."""

    __tablename__ = "monitor_channels"

    org_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    # E-mail to every active admin of the organisation (addresses from the accounts).
    email_admins: Mapped[bool] = mapped_column(Boolean, default=False)
    webhook_url: Mapped[str | None] = mapped_column(Text)
    # The HMAC key of the webhook signature. Kept in clear text on purpose: the server must
    # compute signatures with it (unlike passwords and API keys, which are only compared).
    webhook_secret: Mapped[str | None] = mapped_column(String(128))
