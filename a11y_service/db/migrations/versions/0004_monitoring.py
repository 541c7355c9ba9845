"""Monitoring: sites with schedules, monitored audits, tracked findings, notifications and
notification channels.

Revision ID: 0004_monitoring
Revises: 0003_site_audits
Create Date: 2026-12-07 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_monitoring"
down_revision = "0003_site_audits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "monitored_sites",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("org_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("start_url", sa.Text(), nullable=False),
        sa.Column("sitemap_url", sa.Text(), nullable=True),
        sa.Column("max_pages", sa.Integer(), nullable=False),
        sa.Column("max_depth", sa.Integer(), nullable=False),
        sa.Column("land", sa.String(length=32), nullable=False),
        sa.Column("body_kind", sa.String(length=32), nullable=False),
        sa.Column("schedule", sa.String(length=16), nullable=False),
        sa.Column("anchor_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "schedule IN ('daily', 'weekly', 'monthly', 'manual')",
            name=op.f("ck_monitored_sites_schedule"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organisations.id"],
            name=op.f("fk_monitored_sites_org_id_organisations"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitored_sites")),
    )
    op.create_index(op.f("ix_monitored_sites_org_id"), "monitored_sites", ["org_id"])
    op.create_index("ix_monitored_sites_due", "monitored_sites", ["active", "next_run_at"])
    op.create_table(
        "monitor_audits",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("site_id", sa.String(length=32), nullable=False),
        sa.Column("org_id", sa.String(length=32), nullable=False),
        sa.Column("site_audit_id", sa.String(length=32), nullable=False),
        sa.Column("trigger", sa.String(length=16), nullable=False),
        sa.Column("planned_for", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_month", sa.String(length=7), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("pages_without_errors", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("needs_review", sa.Integer(), nullable=False),
        sa.Column("new_findings", sa.Integer(), nullable=False),
        sa.Column("new_errors", sa.Integer(), nullable=False),
        sa.Column("fixed_findings", sa.Integer(), nullable=False),
        sa.Column("open_findings", sa.Integer(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=True),
        sa.Column("index_value", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'done', 'failed')", name=op.f("ck_monitor_audits_status")
        ),
        sa.CheckConstraint(
            "trigger IN ('schedule', 'manual')", name=op.f("ck_monitor_audits_trigger")
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["monitored_sites.id"],
            name=op.f("fk_monitor_audits_site_id_monitored_sites"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitor_audits")),
        sa.UniqueConstraint("site_audit_id", name=op.f("uq_monitor_audits_site_audit_id")),
    )
    op.create_index(op.f("ix_monitor_audits_org_id"), "monitor_audits", ["org_id"])
    op.create_index("ix_monitor_audits_site_created", "monitor_audits",
                    ["site_id", "created_at"])
    op.create_index("ix_monitor_audits_status", "monitor_audits", ["status"])
    op.create_index("ix_monitor_audits_site_status_finished", "monitor_audits",
                    ["site_id", "status", "finished_at"])
    op.create_table(
        "tracked_findings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("site_id", sa.String(length=32), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("rule_id", sa.String(length=128), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("selector", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("first_audit_id", sa.String(length=32), nullable=False),
        sa.Column("last_seen_audit_id", sa.String(length=32), nullable=False),
        sa.Column("fixed_audit_id", sa.String(length=32), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'fixed')", name=op.f("ck_tracked_findings_status")
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["monitored_sites.id"],
            name=op.f("fk_tracked_findings_site_id_monitored_sites"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracked_findings")),
        sa.UniqueConstraint("site_id", "fingerprint",
                            name="uq_tracked_findings_site_fingerprint"),
    )
    op.create_index("ix_tracked_findings_site_status", "tracked_findings",
                    ["site_id", "status"])
    op.create_table(
        "monitor_notifications",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("org_id", sa.String(length=32), nullable=False),
        sa.Column("site_id", sa.String(length=32), nullable=False),
        sa.Column("audit_id", sa.String(length=32), nullable=False),
        sa.Column("new_errors", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("email_status", sa.String(length=300), nullable=False),
        sa.Column("webhook_status", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organisations.id"],
            name=op.f("fk_monitor_notifications_org_id_organisations"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitor_notifications")),
        sa.UniqueConstraint("audit_id", name=op.f("uq_monitor_notifications_audit_id")),
    )
    op.create_index("ix_monitor_notifications_org_created", "monitor_notifications",
                    ["org_id", "created_at"])
    op.create_table(
        "monitor_channels",
        sa.Column("org_id", sa.String(length=32), nullable=False),
        sa.Column("email_admins", sa.Boolean(), nullable=False),
        sa.Column("webhook_url", sa.Text(), nullable=True),
        sa.Column("webhook_secret", sa.String(length=128), nullable=True),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organisations.id"],
            name=op.f("fk_monitor_channels_org_id_organisations"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("org_id", name=op.f("pk_monitor_channels")),
    )


def downgrade() -> None:
    op.drop_table("monitor_channels")
    op.drop_index("ix_monitor_notifications_org_created", table_name="monitor_notifications")
    op.drop_table("monitor_notifications")
    op.drop_index("ix_tracked_findings_site_status", table_name="tracked_findings")
    op.drop_table("tracked_findings")
    op.drop_index("ix_monitor_audits_site_status_finished", table_name="monitor_audits")
    op.drop_index("ix_monitor_audits_status", table_name="monitor_audits")
    op.drop_index("ix_monitor_audits_site_created", table_name="monitor_audits")
    op.drop_index(op.f("ix_monitor_audits_org_id"), table_name="monitor_audits")
    op.drop_table("monitor_audits")
    op.drop_index("ix_monitored_sites_due", table_name="monitored_sites")
    op.drop_index(op.f("ix_monitored_sites_org_id"), table_name="monitored_sites")
    op.drop_table("monitored_sites")
