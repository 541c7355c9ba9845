"""Plain records the store returns (msgspec structs): no ORM object leaves a session, and the
API can encode them as they are."""

from __future__ import annotations

from datetime import datetime

import msgspec


class SegmentRecord(msgspec.Struct, kw_only=True):
    id: str
    position: int
    source: str
    machine: str
    target: str
    state: str
    reviewer: str | None
    version: int
    updated_at: datetime
    placeholders: dict[str, object] | None = None
    kind: str = "paragraph"  # title, heading, paragraph, list-item, table-cell, alt, link, …
    block: str | None = None  # sentences of one paragraph share it
    findings: list[dict[str, object]] = msgspec.field(default_factory=list)  # QA, as it stands


class CommentRecord(msgspec.Struct, kw_only=True):
    id: int
    segment_id: str
    author: str
    text: str
    created_at: datetime


class HistoryRecord(msgspec.Struct, kw_only=True):
    id: int
    segment_id: str
    version: int
    action: str
    state: str
    target: str
    reviewer: str | None
    comment: str | None
    created_at: datetime


class JobRecord(msgspec.Struct, kw_only=True):
    id: str
    status: str
    format: str
    source: str
    target: str
    created_at: datetime
    updated_at: datetime
    segments: int = 0
    states: dict[str, int] = msgspec.field(default_factory=dict)
    publishable: bool = False
    error: str | None = None
    glossary: dict[str, str | None] | None = None
    findings: list[dict[str, object]] = msgspec.field(default_factory=list)
    # Follows every edit: translating | failed | in_review | blocked (all approved, but QA
    # errors nobody overrode) | ready (publishable).
    review_state: str = "in_review"
    qa_errors: int = 0  # segments whose target has a QA error
    blocking: list[str] = msgspec.field(default_factory=list)  # approved, with a QA error


class BlockingSegment(msgspec.Struct, kw_only=True):
    """An approved segment whose QA error stops the export (in the 409 answer)."""

    id: str
    position: int
    source: str
    target: str
    findings: list[dict[str, object]]


class NewSegment(msgspec.Struct, kw_only=True):
    """A machine-translated segment as it enters review."""

    id: str
    source: str
    machine: str
    placeholders: dict[str, object] | None = None
    kind: str = "paragraph"
    block: str | None = None
    repaired: list[str] = msgspec.field(default_factory=list)  # engine re-appended these


class SegmentUpdate(msgspec.Struct, kw_only=True):
    """A reviewer's decision. ``version`` is the one the reviewer saw (optimistic lock)."""

    version: int
    reviewer: str
    state: str | None = None
    target: str | None = None
    comment: str | None = None
