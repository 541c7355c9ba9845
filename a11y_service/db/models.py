"""The review tables. Every change to a segment bumps ``version`` and writes a history row.

``version`` is the optimistic lock: an update names the version it was based on and only
succeeds when that is still the current one, so two reviewers saving the same segment never
overwrite each other silently. States are plain strings with a CHECK constraint (portable and
easy to migrate, unlike native enums).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from translators.review import STATES

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
JOB_STATUSES = ("queued", "running", "review", "failed")


def utcnow() -> datetime:
    return datetime.now(UTC)


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Job(Base):
    __tablename__ = "translation_jobs"
    __table_args__ = (CheckConstraint(f"status IN {_in(JOB_STATUSES)}", name="status"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # The owning organisation; NULL only for jobs created before accounts existed.
    org_id: Mapped[str | None] = mapped_column(
        String(32), ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    format: Mapped[str] = mapped_column(String(16))
    source_lang: Mapped[str] = mapped_column(String(16))
    target_lang: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)
    glossary: Mapped[str | None] = mapped_column(Text)  # JSON object {term: translation}
    findings: Mapped[str | None] = mapped_column(Text)  # JSON list of report findings (QA)
    # The engine's TranslatedDocument.to_dict(): template + segments, to rebuild the document
    # from reviewed targets without translating again.
    document: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Segment(Base):
    __tablename__ = "translation_segments"
    __table_args__ = (
        CheckConstraint(f"state IN {_in(STATES)}", name="state"),
        Index("ix_translation_segments_job_position", "job_id", "position"),
    )

    job_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("translation_jobs.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    machine: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    placeholders: Mapped[str | None] = mapped_column(Text)  # JSON, as the engine gave them
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Comment(Base):
    __tablename__ = "translation_comments"
    __table_args__ = (
        ForeignKeyConstraint(
            ["job_id", "segment_id"],
            ["translation_segments.job_id", "translation_segments.id"],
            ondelete="CASCADE",
        ),
        Index("ix_translation_comments_segment", "job_id", "segment_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(String(32))
    segment_id: Mapped[str] = mapped_column(String(64))
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class HistoryEntry(Base):
    """One row per change: what the segment looked like after it, who did it and how."""

    __tablename__ = "translation_segment_history"
    __table_args__ = (
        ForeignKeyConstraint(
            ["job_id", "segment_id"],
            ["translation_segments.job_id", "translation_segments.id"],
            ondelete="CASCADE",
        ),
        Index("ix_translation_segment_history_segment", "job_id", "segment_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(String(32))
    segment_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))  # machine | review | import | comment
    state: Mapped[str] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# The account tables share this metadata (foreign keys, migrations); importing them here keeps
# the metadata complete wherever the models are used.
from a11y_service.db import accounts_models  # noqa: E402, F401
