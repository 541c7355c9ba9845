"""Review tables: jobs, segments (optimistic version), comments, segment history.

Revision ID: 0001
Revises: -
Create Date: 2026-12-04 17:37:50.574398
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "translation_jobs",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("source_lang", sa.String(length=16), nullable=False),
        sa.Column("target_lang", sa.String(length=16), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("glossary", sa.Text(), nullable=True),
        sa.Column("findings", sa.Text(), nullable=True),
        sa.Column("document", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'review', 'failed')",
            name=op.f("ck_translation_jobs_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translation_jobs")),
    )
    op.create_table(
        "translation_segments",
        sa.Column("job_id", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("machine", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("placeholders", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "state IN ('needs_review', 'edited', 'approved', 'rejected')",
            name=op.f("ck_translation_segments_state"),
        ),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["translation_jobs.id"],
            name=op.f("fk_translation_segments_job_id_translation_jobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("job_id", "id", name=op.f("pk_translation_segments")),
    )
    op.create_index(
        "ix_translation_segments_job_position", "translation_segments", ["job_id", "position"]
    )

    op.create_table(
        "translation_comments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("job_id", sa.String(length=32), nullable=False),
        sa.Column("segment_id", sa.String(length=64), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id", "segment_id"],
            ["translation_segments.job_id", "translation_segments.id"],
            name=op.f("fk_translation_comments_job_id_translation_segments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translation_comments")),
    )
    op.create_index(
        "ix_translation_comments_segment", "translation_comments", ["job_id", "segment_id"]
    )

    op.create_table(
        "translation_segment_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("job_id", sa.String(length=32), nullable=False),
        sa.Column("segment_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id", "segment_id"],
            ["translation_segments.job_id", "translation_segments.id"],
            name=op.f("fk_translation_segment_history_job_id_translation_segments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translation_segment_history")),
    )
    op.create_index(
        "ix_translation_segment_history_segment",
        "translation_segment_history",
        ["job_id", "segment_id"],
    )


def downgrade() -> None:
    op.drop_index(
        "ix_translation_segment_history_segment", table_name="translation_segment_history"
    )

    op.drop_table("translation_segment_history")
    op.drop_index("ix_translation_comments_segment", table_name="translation_comments")

    op.drop_table("translation_comments")
    op.drop_index("ix_translation_segments_job_position", table_name="translation_segments")

    op.drop_table("translation_segments")
    op.drop_table("translation_jobs")
