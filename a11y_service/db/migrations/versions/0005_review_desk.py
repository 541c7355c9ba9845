"""Review desk: per-segment context kind, block, re-appended placeholders and QA findings.

Revision ID: 0005_review_desk
Revises: 0004_monitoring
Create Date: 2026-12-07 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_review_desk"
down_revision = "0004_monitoring"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("translation_segments") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("block", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("repaired", sa.Text(), nullable=True))
        batch.add_column(sa.Column("findings", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column("qa_errors", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("translation_segments") as batch:
        for name in ("qa_errors", "findings", "repaired", "block", "kind"):
            batch.drop_column(name)
