"""The review store: the only code that reads or writes review tables.

Every decision goes through ``_apply``: a version-checked ``UPDATE ... WHERE version = :seen``
plus a history row, in one transaction. The row lock taken by that UPDATE (PostgreSQL) or the
single-writer lock (SQLite) makes the check atomic, so of two reviewers who saw version 3, one
gets version 4 and the other a ``VersionConflictError``; nothing is overwritten silently.
A method returns only after its transaction committed, so "saved" means on disk.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import msgspec
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from a11y_service.db.errors import (
    InvalidUpdateError,
    JobStateError,
    NotFoundError,
    NotPublishableError,
    QaBlockedError,
    TextTooLongError,
    VersionConflictError,
)
from a11y_service.db.models import Comment, HistoryEntry, Job, Segment, utcnow
from a11y_service.db.records import (
    BlockingSegment,
    CommentRecord,
    HistoryRecord,
    JobRecord,
    NewSegment,
    SegmentRecord,
    SegmentUpdate,
)
from a11y_service.db.sql_store import SqlStore
from a11y_service.review.segment_qa import error_count, loads, segment_findings
from translators.review import STATES, SegmentState, publishable
from translators.xliff import first_xml_invalid

MAX_NAME = 200
MAX_TARGET_CHARS = 20_000
MAX_COMMENT_CHARS = 5_000
MAX_LANGUAGE_CODE = 16
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")


def check_text(value: str, what_de: str, what_en: str, limit: int | None = None) -> str:
    """Reject text XML cannot carry (it would break the XLIFF export) or over ``limit``."""
    bad = first_xml_invalid(value)
    if bad is not None:
        raise InvalidUpdateError(
            f"{what_de} enthält ein unzulässiges Steuerzeichen (U+{ord(bad):04X}).",
            f"{what_en} contains a character that is not allowed (U+{ord(bad):04X}).",
            character=f"U+{ord(bad):04X}",
        )
    if limit is not None and len(value) > limit:
        raise TextTooLongError(
            f"{what_de} ist länger als {limit} Zeichen.",
            f"{what_en} is longer than {limit} characters.",
            limit=limit,
        )
    return value


def check_language(code: str, what_de: str, what_en: str) -> str:
    if len(code) > MAX_LANGUAGE_CODE or not LANGUAGE_CODE.fullmatch(code):
        raise InvalidUpdateError(
            f"{what_de}: ungültiger Sprachcode {code[:40]!r} (z. B. 'de', 'en', 'pt_BR').",
            f"{what_en}: invalid language code {code[:40]!r} (e.g. 'de', 'en', 'pt_BR').",
        )
    return code


def _aware(value: datetime) -> datetime:
    # SQLite hands timestamps back without a zone; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _segment_record(row: Segment) -> SegmentRecord:
    return SegmentRecord(
        id=row.id,
        position=row.position,
        source=row.source,
        machine=row.machine,
        target=row.target,
        state=row.state,
        reviewer=row.reviewer,
        version=row.version,
        updated_at=_aware(row.updated_at),
        placeholders=json.loads(row.placeholders) if row.placeholders else None,
        kind=row.kind or "paragraph",
        block=row.block,
        findings=loads(row.findings),
    )


def _qa(row: Segment, target: str, job: Job) -> list[dict[str, object]]:
    return segment_findings(
        segment_id=row.id,
        source=row.source,
        target=target,
        machine=row.machine,
        placeholders=json.loads(row.placeholders) if row.placeholders else None,
        repaired=json.loads(row.repaired) if row.repaired else (),
        source_lang=job.source_lang,
        target_lang=job.target_lang,
    )


OVERRIDE = "override"


def _comment_record(row: Comment) -> CommentRecord:
    return CommentRecord(
        id=row.id,
        segment_id=row.segment_id,
        author=row.author,
        text=row.text,
        created_at=_aware(row.created_at),
    )


def _history_record(row: HistoryEntry) -> HistoryRecord:
    return HistoryRecord(
        id=row.id,
        segment_id=row.segment_id,
        version=row.version,
        action=row.action,
        state=row.state,
        target=row.target,
        reviewer=row.reviewer,
        comment=row.comment,
        created_at=_aware(row.created_at),
    )


def _name(value: str | None, what_de: str, what_en: str) -> str:
    name = check_text((value or "").strip(), what_de, what_en)
    if not name or len(name) > MAX_NAME:
        raise InvalidUpdateError(
            f"{what_de} fehlt oder ist länger als {MAX_NAME} Zeichen.",
            f"{what_en} is missing or longer than {MAX_NAME} characters.",
        )
    return name


def job_not_found(job_id: str) -> NotFoundError:
    return NotFoundError(
        f"Übersetzungsauftrag {job_id!r} nicht gefunden.",
        f"Translation job {job_id!r} not found.",
        job_id=job_id,
    )


def segment_not_found(job_id: str, segment_id: str) -> NotFoundError:
    return NotFoundError(
        f"Segment {segment_id!r} gibt es im Auftrag {job_id!r} nicht.",
        f"Segment {segment_id!r} does not exist in job {job_id!r}.",
        job_id=job_id,
        segment_id=segment_id,
    )


class ReviewStore(SqlStore):
    """All jobs (queue workers, the CLI) or, through ``scoped(org_id)``, one organisation's:
    then every lookup filters by ``org_id``, and another organisation's job is "not found"."""

    def __init__(self, engine: Engine, org_id: str | None = None) -> None:
        super().__init__(engine)
        self.org_id = org_id

    def scoped(self, org_id: str) -> ReviewStore:
        """The same database, seen by one organisation (shares the engine and sessions)."""
        view = ReviewStore.__new__(ReviewStore)
        view.engine = self.engine
        view.org_id = org_id
        view._sessions = self._sessions
        return view

    def _find_job(self, session: Session, job_id: str, *, lock: bool = False) -> Job | None:
        job = session.get(Job, job_id, with_for_update=lock)
        if job is not None and self.org_id is not None and job.org_id != self.org_id:
            return None
        return job

    def _job_exists(self, session: Session, job_id: str) -> None:
        if self._find_job(session, job_id) is None:
            raise job_not_found(job_id)

    # -- jobs -------------------------------------------------------------------------------

    def create_job(
        self,
        *,
        content: str,
        fmt: str,
        source: str,
        target: str,
        glossary: dict[str, str | None] | None = None,
        org_id: str | None = None,
    ) -> JobRecord:
        check_language(source, "Ausgangssprache", "Source language")
        check_language(target, "Zielsprache", "Target language")
        check_text(content, "Der Inhalt", "The content")
        job = Job(
            id=uuid.uuid4().hex,
            status="queued",
            format=fmt,
            source_lang=source,
            target_lang=target,
            content=content,
            glossary=json.dumps(glossary, ensure_ascii=False) if glossary else None,
            org_id=org_id if org_id is not None else self.org_id,
        )
        with self._session() as session:
            session.add(job)
        return self.get_job(job.id)

    def start_job(self, job_id: str) -> bool:
        """queued → running; False when another worker already took it (task retried)."""
        with self._session() as session:
            result = session.execute(
                update(Job)
                .where(Job.id == job_id, Job.status.in_(("queued", "failed")))
                .values(status="running", error=None, updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            return result.rowcount == 1  # type: ignore[attr-defined]

    def complete_job(
        self,
        job_id: str,
        segments: Sequence[NewSegment],
        findings: Sequence[dict[str, object]],
        document: dict[str, object] | None = None,
    ) -> JobRecord:
        """Store the machine translation; every segment starts as needs_review, version 1."""
        with self._session() as session:
            job = self._find_job(session, job_id, lock=True)
            if job is None:
                raise job_not_found(job_id)
            if job.status == "review":
                return self.get_job(job_id)  # a retried task: the first run already stored it
            now = utcnow()
            rows = []
            for position, seg in enumerate(segments):
                placeholders = json.dumps(seg.placeholders) if seg.placeholders else None
                row = Segment(
                    job_id=job_id,
                    id=seg.id,
                    position=position,
                    source=seg.source,
                    machine=seg.machine,
                    target=seg.machine,
                    state=SegmentState.NEEDS_REVIEW.value,
                    version=1,
                    placeholders=placeholders,
                    updated_at=now,
                    kind=seg.kind[:16],
                    block=(seg.block or seg.id)[:64],
                    repaired=json.dumps(seg.repaired) if seg.repaired else None,
                )
                found = _qa(row, seg.machine, job)
                row.findings = json.dumps(found, ensure_ascii=False) if found else None
                row.qa_errors = error_count(found)
                rows.append(row)
            session.add_all(rows)
            session.flush()
            for seg in segments:
                session.add(
                    HistoryEntry(
                        job_id=job_id,
                        segment_id=seg.id,
                        version=1,
                        action="machine",
                        state=SegmentState.NEEDS_REVIEW.value,
                        target=seg.machine,
                        created_at=now,
                    )
                )
            job.status = "review"
            # ``findings`` (the engine's, for the machine output) are superseded by the QA per
            # segment stored above, which then follows every edit.
            job.findings = json.dumps(
                [f for row in rows for f in loads(row.findings)], ensure_ascii=False
            )
            job.document = json.dumps(document, ensure_ascii=False) if document else None
            job.updated_at = now
        return self.get_job(job_id)

    def requeue_interrupted(self) -> list[str]:
        """running → queued for jobs whose worker died (a SIGKILL mid-translation); returns
        those and the jobs still queued, so the caller can enqueue them all again (a queued job
        whose task was lost — queue wiped, enqueue failed after the save — would wait forever;
        a duplicate task is harmless: ``start_job`` lets only one run take a job).

        Only safe where no other worker can be running them: the one-machine setup calls it at
        start-up, before its own consumer threads start.
        """
        with self._session() as session:
            ids = list(session.scalars(select(Job.id).where(Job.status == "running")))
            if ids:
                session.execute(
                    update(Job)
                    .where(Job.id.in_(ids), Job.status == "running")
                    .values(status="queued", updated_at=utcnow())
                    .execution_options(synchronize_session=False)
                )
            queued = session.scalars(
                select(Job.id).where(Job.status == "queued").order_by(Job.created_at)
            )
            ids += [job_id for job_id in queued if job_id not in ids]
        return ids

    def fail_job(
        self, job_id: str, error: str, *, from_status: Sequence[str] = ("running",)
    ) -> bool:
        """running (or ``from_status``) → failed; False when the job was elsewhere by then.

        Only from the expected state: a late failure report must not overwrite a job another run
        completed meanwhile.
        """
        with self._session() as session:
            result = session.execute(
                update(Job)
                .where(Job.id == job_id, Job.status.in_(tuple(from_status)))
                .values(status="failed", error=error[:4000], updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            return result.rowcount == 1  # type: ignore[attr-defined]

    def get_job(self, job_id: str) -> JobRecord:
        with self._sessions() as session:
            job = self._find_job(session, job_id)
            if job is None:
                raise job_not_found(job_id)
            counts = dict(
                session.execute(
                    select(Segment.state, func.count())
                    .where(Segment.job_id == job_id)
                    .group_by(Segment.state)
                ).all()
            )
            qa_errors = int(
                session.scalar(
                    select(func.count()).where(Segment.job_id == job_id, Segment.qa_errors > 0)
                )
                or 0
            )
            record = self._job_record(job, {s: int(counts.get(s, 0)) for s in STATES})
            record.qa_errors = qa_errors
            if qa_errors:
                record.blocking = [b.id for b in self._blocking(session, job_id)]
            return self._with_review_state(record)

    def list_jobs(self, limit: int = 50) -> list[JobRecord]:
        with self._sessions() as session:
            query = select(Job)
            if self.org_id is not None:
                query = query.where(Job.org_id == self.org_id)
            jobs = session.scalars(query.order_by(Job.created_at.desc()).limit(limit)).all()
        return [self.get_job(j.id) for j in jobs]

    @staticmethod
    def _with_review_state(record: JobRecord) -> JobRecord:
        if record.status in ("queued", "running"):
            record.review_state = "translating"
        elif record.status == "failed":
            record.review_state = "failed"
        elif not record.publishable:
            record.review_state = "in_review"
        elif record.blocking:
            record.review_state = "blocked"
            record.publishable = False
        else:
            record.review_state = "ready"
        return record

    @staticmethod
    def _job_record(job: Job, states: dict[str, int]) -> JobRecord:
        total = sum(states.values())
        return JobRecord(
            id=job.id,
            status=job.status,
            format=job.format,
            source=job.source_lang,
            target=job.target_lang,
            created_at=_aware(job.created_at),
            updated_at=_aware(job.updated_at),
            segments=total,
            states=states,
            publishable=job.status == "review"
            and total > 0
            and states[SegmentState.APPROVED] == total,
            error=job.error,
            glossary=json.loads(job.glossary) if job.glossary else None,
            findings=json.loads(job.findings) if job.findings else [],
        )

    def job_document(self, job_id: str) -> dict[str, object] | None:
        """The engine's stored document (template and segments), if it gave one."""
        with self._sessions() as session:
            self._job_exists(session, job_id)
            raw = session.scalar(select(Job.document).where(Job.id == job_id))
        return json.loads(raw) if raw else None

    def job_content(self, job_id: str) -> str:
        with self._sessions() as session:
            job = self._find_job(session, job_id)
            content = job.content if job is not None else None
        if content is None:
            raise job_not_found(job_id)
        return content

    # -- segments ---------------------------------------------------------------------------

    def segments(self, job_id: str) -> list[SegmentRecord]:
        with self._sessions() as session:
            self._job_exists(session, job_id)
            rows = session.scalars(
                select(Segment).where(Segment.job_id == job_id).order_by(Segment.position)
            ).all()
            return [_segment_record(r) for r in rows]

    def segment(self, job_id: str, segment_id: str) -> SegmentRecord:
        with self._sessions() as session:
            self._job_exists(session, job_id)
            row = session.get(Segment, (job_id, segment_id))
            if row is None:
                raise segment_not_found(job_id, segment_id)
            return _segment_record(row)

    def update_segment(
        self, job_id: str, segment_id: str, change: SegmentUpdate, *, action: str = "review"
    ) -> SegmentRecord:
        return self.apply_updates(job_id, [(segment_id, change)], action=action)[0]

    def apply_updates(
        self,
        job_id: str,
        changes: Sequence[tuple[str, SegmentUpdate]],
        *,
        action: str = "review",
        new_comments: Sequence[tuple[str, str, str]] = (),
    ) -> list[SegmentRecord]:
        """All or nothing: one stale version and none of the changes is written.

        ``new_comments`` are ``(segment_id, author, text)`` added in the same transaction (used
        by the XLIFF import for notes a translator wrote in their tool).
        """
        try:
            with self._session() as session:
                job = self._find_job(session, job_id)
                if job is None:
                    raise job_not_found(job_id)
                if job.status != "review":
                    raise JobStateError(
                        f"Der Auftrag ist im Zustand {job.status!r}; prüfen geht erst, wenn die "
                        "Übersetzung fertig ist.",
                        f"The job is {job.status!r}; review starts when the translation is done.",
                        status=job.status,
                    )
                results = [self._apply(session, job_id, sid, ch, action) for sid, ch in changes]
                for segment_id, author, text in new_comments:
                    self._add_comment(session, job_id, segment_id, author, text)
                if results:
                    self._refresh_job_findings(session, job)
        except VersionConflictError as exc:
            # Report what is stored now, read after the rollback, so the client can merge.
            sid = str(exc.extra["segment_id"])
            exc.extra["current"] = self.segment(job_id, sid)
            raise
        return results

    def _apply(
        self, session: Session, job_id: str, segment_id: str, change: SegmentUpdate, action: str
    ) -> SegmentRecord:
        reviewer = _name(change.reviewer, "Name der prüfenden Person (reviewer)", "reviewer")
        row = session.get(Segment, (job_id, segment_id))
        if row is None:
            raise segment_not_found(job_id, segment_id)
        state = change.state
        if state is None:
            if change.target is None:
                raise InvalidUpdateError(
                    "Nichts zu ändern: bitte state oder target angeben.",
                    "Nothing to change: give state or target.",
                )
            state = SegmentState.EDITED.value
        if state not in STATES:
            raise InvalidUpdateError(
                f"Unbekannter Status {state!r}; erlaubt: {', '.join(STATES)}.",
                f"Unknown state {state!r}; allowed: {', '.join(STATES)}.",
            )
        if change.target is not None:
            check_text(change.target, "Die Übersetzung", "The translation", MAX_TARGET_CHARS)
        if change.comment is not None:
            check_text(change.comment, "Der Kommentar", "The comment", MAX_COMMENT_CHARS)
        target = row.target if change.target is None else change.target
        if state == SegmentState.APPROVED and not target.strip():
            raise InvalidUpdateError(
                "Eine leere Übersetzung kann nicht freigegeben werden.",
                "An empty translation cannot be approved.",
            )
        if row.version != change.version:
            raise self._conflict(job_id, segment_id, change.version, row.version)
        now = utcnow()
        job = session.get(Job, job_id)
        assert job is not None  # checked by the caller, in this transaction
        found = _qa(row, target, job)
        findings_json = json.dumps(found, ensure_ascii=False) if found else None
        result = session.execute(
            update(Segment)
            .where(
                Segment.job_id == job_id,
                Segment.id == segment_id,
                Segment.version == change.version,
            )
            .values(
                target=target,
                state=state,
                reviewer=reviewer,
                version=Segment.version + 1,
                updated_at=now,
                findings=findings_json,
                qa_errors=error_count(found),
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            # Someone committed between our read and our write.
            raise self._conflict(job_id, segment_id, change.version, None)
        version = change.version + 1
        comment = change.comment.strip() if change.comment else None
        session.add(
            HistoryEntry(
                job_id=job_id,
                segment_id=segment_id,
                version=version,
                action=action,
                state=state,
                target=target,
                reviewer=reviewer,
                comment=comment,
                created_at=now,
            )
        )
        if comment:
            session.add(
                Comment(
                    job_id=job_id,
                    segment_id=segment_id,
                    author=reviewer,
                    text=comment,
                    created_at=now,
                )
            )
        return SegmentRecord(
            id=row.id,
            position=row.position,
            source=row.source,
            machine=row.machine,
            target=target,
            state=state,
            reviewer=reviewer,
            version=version,
            updated_at=now,
            placeholders=json.loads(row.placeholders) if row.placeholders else None,
            kind=row.kind or "paragraph",
            block=row.block,
            findings=found,
        )

    @staticmethod
    def _conflict(
        job_id: str, segment_id: str, seen: int, current: int | None
    ) -> VersionConflictError:
        return VersionConflictError(
            f"Segment {segment_id!r} wurde inzwischen geändert (Ihre Version {seen}"
            + (f", aktuell {current}" if current is not None else "")
            + "). Nichts wurde überschrieben: bitte neu laden und erneut entscheiden.",
            f"Segment {segment_id!r} was changed meanwhile (your version {seen}"
            + (f", current {current}" if current is not None else "")
            + "). Nothing was overwritten: reload and decide again.",
            job_id=job_id,
            segment_id=segment_id,
            your_version=seen,
        )

    # -- comments and history ---------------------------------------------------------------

    def add_comment(self, job_id: str, segment_id: str, author: str, text: str) -> CommentRecord:
        with self._session() as session:
            self._job_exists(session, job_id)
            comment = self._add_comment(session, job_id, segment_id, author, text)
        return _comment_record(comment)

    def _add_comment(
        self, session: Session, job_id: str, segment_id: str, author: str, text: str
    ) -> Comment:
        author = _name(author, "Name (author)", "author")
        if not text.strip():
            raise InvalidUpdateError("Der Kommentar ist leer.", "The comment is empty.")
        check_text(text, "Der Kommentar", "The comment", MAX_COMMENT_CHARS)
        row = session.get(Segment, (job_id, segment_id))
        if row is None:
            raise segment_not_found(job_id, segment_id)
        now = utcnow()
        comment = Comment(
            job_id=job_id, segment_id=segment_id, author=author, text=text, created_at=now
        )
        session.add(comment)
        # A comment does not change the segment, so no new version; the history still shows it.
        session.add(
            HistoryEntry(
                job_id=job_id,
                segment_id=segment_id,
                version=row.version,
                action="comment",
                state=row.state,
                target=row.target,
                reviewer=author,
                comment=text,
                created_at=now,
            )
        )
        session.flush()
        return comment

    def comments(self, job_id: str, segment_id: str | None = None) -> list[CommentRecord]:
        with self._sessions() as session:
            self._job_exists(session, job_id)
            query = select(Comment).where(Comment.job_id == job_id)
            if segment_id is not None:
                if session.get(Segment, (job_id, segment_id)) is None:
                    raise segment_not_found(job_id, segment_id)
                query = query.where(Comment.segment_id == segment_id)
            return [_comment_record(c) for c in session.scalars(query.order_by(Comment.id))]

    def history(self, job_id: str, segment_id: str) -> list[HistoryRecord]:
        with self._sessions() as session:
            self._job_exists(session, job_id)
            if session.get(Segment, (job_id, segment_id)) is None:
                raise segment_not_found(job_id, segment_id)
            rows = session.scalars(
                select(HistoryEntry)
                .where(HistoryEntry.job_id == job_id, HistoryEntry.segment_id == segment_id)
                .order_by(HistoryEntry.id)
            )
            return [_history_record(r) for r in rows]

    # -- publishing -------------------------------------------------------------------------

    @staticmethod
    def _refresh_job_findings(session: Session, job: Job) -> None:
        """The job's findings are its segments' findings as they stand now."""
        session.flush()
        rows = session.scalars(
            select(Segment.findings)
            .where(Segment.job_id == job.id, Segment.findings.is_not(None))
            .order_by(Segment.position)
        )
        job.findings = json.dumps([f for raw in rows for f in loads(raw)], ensure_ascii=False)
        job.updated_at = utcnow()

    @staticmethod
    def _overridden(session: Session, job_id: str) -> set[tuple[str, int]]:
        rows = session.execute(
            select(HistoryEntry.segment_id, HistoryEntry.version).where(
                HistoryEntry.job_id == job_id, HistoryEntry.action == OVERRIDE
            )
        )
        return {(sid, version) for sid, version in rows}

    def _blocking(
        self, session: Session, job_id: str, *, fresh: bool = False
    ) -> list[BlockingSegment]:
        """Approved segments with a QA error that nobody overrode at their current version.

        ``fresh``: run QA again instead of trusting the stored counts (export does this, so a
        segment stored before QA was kept per segment cannot slip through).
        """
        query = select(Segment).where(
            Segment.job_id == job_id, Segment.state == SegmentState.APPROVED.value
        )
        if not fresh:
            query = query.where(Segment.qa_errors > 0)
        rows = session.scalars(query.order_by(Segment.position)).all()
        if not rows:
            return []
        job = session.get(Job, job_id)
        assert job is not None
        overridden = self._overridden(session, job_id)
        out = []
        for row in rows:
            found = _qa(row, row.target, job) if fresh else loads(row.findings)
            errors = [f for f in found if f.get("severity") == "error"]
            if errors and (row.id, row.version) not in overridden:
                out.append(
                    BlockingSegment(
                        id=row.id,
                        position=row.position,
                        source=row.source,
                        target=row.target,
                        findings=errors,
                    )
                )
        return out

    def blocking_segments(self, job_id: str) -> list[BlockingSegment]:
        with self._sessions() as session:
            self._job_exists(session, job_id)
            return self._blocking(session, job_id, fresh=True)

    def record_override(self, job_id: str, who: str, reason: str) -> list[HistoryRecord]:
        """An editor publishes despite QA errors: one history row per blocking segment (who,
        when, why), valid for the segment's current version only: a later edit needs a new
        decision. Nothing blocking: an error, so an override is never recorded for nothing."""
        who = _name(who, "Name (override)", "override author")
        reason = check_text(reason.strip(), "Die Begründung", "The reason", MAX_COMMENT_CHARS)
        if len(reason) < 10:
            raise InvalidUpdateError(
                "Bitte begründen Sie die Freigabe trotz Fehlern (mindestens 10 Zeichen).",
                "Please give a reason for publishing despite errors (at least 10 characters).",
            )
        with self._session() as session:
            job = self._find_job(session, job_id, lock=True)
            if job is None:
                raise job_not_found(job_id)
            blocked = self._blocking(session, job_id, fresh=True)
            if not blocked:
                raise InvalidUpdateError(
                    "Es gibt keine freigegebenen Segmente mit Fehlern; nichts zu übergehen.",
                    "No approved segment has an error; there is nothing to override.",
                )
            now = utcnow()
            entries = []
            for item in blocked:
                row = session.get(Segment, (job_id, item.id))
                assert row is not None
                entry = HistoryEntry(
                    job_id=job_id,
                    segment_id=item.id,
                    version=row.version,
                    action=OVERRIDE,
                    state=row.state,
                    target=row.target,
                    reviewer=who,
                    comment=reason,
                    created_at=now,
                )
                session.add(entry)
                entries.append(entry)
            session.flush()
            return [_history_record(e) for e in entries]

    def overrides(self, job_id: str) -> list[HistoryRecord]:
        with self._sessions() as session:
            self._job_exists(session, job_id)
            rows = session.scalars(
                select(HistoryEntry)
                .where(HistoryEntry.job_id == job_id, HistoryEntry.action == OVERRIDE)
                .order_by(HistoryEntry.id)
            )
            return [_history_record(r) for r in rows]

    def publishable_segments(self, job_id: str) -> list[SegmentRecord]:
        """The segments, or ``NotPublishableError`` unless every one of them is approved, or
        ``QaBlockedError`` while an approved target has a QA error nobody overrode."""
        job = self.get_job(job_id)
        segments = self.segments(job_id)
        if job.status != "review" or not publishable([s.state for s in segments]):
            open_ids = [s.id for s in segments if s.state != SegmentState.APPROVED]
            raise NotPublishableError(
                f"Veröffentlichen geht erst, wenn alle Segmente freigegeben sind; offen: "
                f"{len(open_ids)} von {len(segments)}.",
                f"Publishing needs every segment approved; open: "
                f"{len(open_ids)} of {len(segments)}.",
                open_segments=open_ids[:100],
                status=job.status,
            )
        blocked = self.blocking_segments(job_id)
        if blocked:
            raise QaBlockedError(
                f"Veröffentlichen geht nicht: {len(blocked)} freigegebene(s) Segment(e) haben "
                "Fehler in der Qualitätsprüfung (z. B. fehlt eine Zahl oder ein Link). Bitte "
                "korrigieren, oder eine Redakteurin bzw. ein Redakteur gibt sie mit Begründung "
                "frei.",
                f"Cannot publish: {len(blocked)} approved segment(s) have quality-check errors "
                "(e.g. a number or a link is missing). Fix them, or an editor overrides with a "
                "reason.",
                segments=[msgspec.to_builtins(b) for b in blocked[:100]],
            )
        return segments
