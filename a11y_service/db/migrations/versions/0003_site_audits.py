"""Site audits: the audit job (with lease) and its per-page results.

Revision ID: 0003_site_audits
Revises: 0002_accounts
Create Date: 2026-12-07 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_site_audits"
down_revision = "0002_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site_audits",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("start_url", sa.Text(), nullable=False),
        sa.Column("sitemap_url", sa.Text(), nullable=True),
        sa.Column("max_pages", sa.Integer(), nullable=False),
        sa.Column("max_depth", sa.Integer(), nullable=False),
        sa.Column("engines", sa.String(length=64), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("land", sa.String(length=8), nullable=True),
        sa.Column("body_kind", sa.String(length=16), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("pages_total", sa.Integer(), nullable=True),
        sa.Column("pages_done", sa.Integer(), nullable=False),
        sa.Column("discovery", sa.Text(), nullable=True),
        sa.Column("report", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.String(length=128), nullable=True),
        sa.Column("lease_expires", sa.DateTime(timezone=True), nullable=True),
        sa.Column("enqueued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed')",
            name=op.f("ck_site_audits_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_audits")),
    )
    op.create_index("ix_site_audits_org_created", "site_audits", ["org_id", "created_at"])
    op.create_index("ix_site_audits_status_lease", "site_audits", ["status", "lease_expires"])
    op.create_table(
        "site_audit_pages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("audit_id", sa.String(length=32), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("worker", sa.String(length=128), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["site_audits.id"],
            name=op.f("fk_site_audit_pages_audit_id_site_audits"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_audit_pages")),
        sa.UniqueConstraint("audit_id", "url", name="uq_site_audit_pages_audit_url"),
    )
    op.create_index(
        op.f("ix_site_audit_pages_audit_id"), "site_audit_pages", ["audit_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_site_audit_pages_audit_id"), table_name="site_audit_pages")
    op.drop_table("site_audit_pages")
    op.drop_index("ix_site_audits_status_lease", table_name="site_audits")
    op.drop_index("ix_site_audits_org_created", table_name="site_audits")
    op.drop_table("site_audits")
