"""XLIFF export of a review job and import of an edited file back into it.

The import is checked against the job before anything is written: the file must belong to this
job and language pair, every unit id must exist, and no source may have changed (that would be a
different text, not a translation of ours). Changes then go through the store's version-checked
path in one transaction, so a file based on an old state gets 409 and writes nothing.
"""

from __future__ import annotations

from collections import defaultdict

import msgspec

from a11y_service.db.errors import ImportMismatchError, JobStateError, VersionConflictError
from a11y_service.db.records import JobRecord, SegmentRecord, SegmentUpdate
from a11y_service.review.store import ReviewStore
from translators.review import SegmentState
from translators.xliff import (
    TO_XLIFF_STATE,
    XliffDocument,
    XliffNote,
    XliffUnit,
    export_xliff,
)
from translators.xliff12 import export_xliff12, parse_any_xliff

COMMENT_PREFIX = "c"


class ImportResult(msgspec.Struct, kw_only=True):
    updated: list[str]
    unchanged: int
    comments_added: int
    job: JobRecord


def _ready(store: ReviewStore, job_id: str) -> JobRecord:
    job = store.get_job(job_id)
    if job.status != "review":
        raise JobStateError(
            f"Der Auftrag ist im Zustand {job.status!r}; XLIFF gibt es erst nach der Übersetzung.",
            f"The job is {job.status!r}; XLIFF is available once the translation is done.",
            status=job.status,
        )
    return job


def _display(segment: SegmentRecord) -> dict[str, str]:
    """Placeholder id -> the protected content (URL, number, term), for the translator's eyes."""
    out: dict[str, str] = {}
    for key, holder in (segment.placeholders or {}).items():
        if isinstance(holder, dict) and not holder.get("raw"):
            text = holder.get("source") or holder.get("text")
            if isinstance(text, str) and text:
                out[key] = text[:200]
    return out


def export_job(store: ReviewStore, job_id: str, version: str = "2.1") -> bytes:
    """The job as XLIFF ``version`` "2.1" (default) or "1.2"."""
    job = _ready(store, job_id)
    notes: dict[str, list[XliffNote]] = defaultdict(list)
    for c in store.comments(job_id):
        notes[c.segment_id].append(
            XliffNote(
                text=c.text,
                author=c.author,
                id=f"{COMMENT_PREFIX}{c.id}",
                created=c.created_at.isoformat(),
            )
        )
    units = tuple(
        XliffUnit(
            id=s.id,
            source=s.source,
            target=s.target,
            state=SegmentState(s.state),
            machine=s.machine,
            reviewer=s.reviewer,
            version=s.version,
            notes=tuple(notes.get(s.id, ())),
            display=_display(s),
        )
        for s in store.segments(job_id)
    )
    document = XliffDocument(
        job_id=job.id,
        source_lang=job.source,
        target_lang=job.target,
        units=units,
        original=job.format,
    )
    return export_xliff12(document) if version == "1.2" else export_xliff(document)


def _mismatch(de: str, en: str, **extra: object) -> ImportMismatchError:
    return ImportMismatchError(de, en, **extra)


def _check_belongs(doc: XliffDocument, job: JobRecord, current: dict[str, SegmentRecord]) -> None:
    if doc.job_id != job.id:
        raise _mismatch(
            f"Die Datei gehört zu Auftrag {doc.job_id!r}, nicht zu {job.id!r}.",
            f"The file belongs to job {doc.job_id!r}, not to {job.id!r}.",
            file_job=doc.job_id,
        )
    if (doc.source_lang, doc.target_lang) != (job.source, job.target):
        raise _mismatch(
            f"Sprachen der Datei ({doc.source_lang}→{doc.target_lang}) passen nicht zum Auftrag "
            f"({job.source}→{job.target}).",
            f"The file's languages ({doc.source_lang}→{doc.target_lang}) do not match the job "
            f"({job.source}→{job.target}).",
        )
    unknown = [u.id for u in doc.units if u.id not in current]
    if unknown:
        raise _mismatch(
            f"Unbekannte Segment-IDs: {', '.join(unknown[:20])}.",
            f"Unknown segment ids: {', '.join(unknown[:20])}.",
            unknown_ids=unknown,
        )
    changed = [u.id for u in doc.units if u.source != current[u.id].source]
    if changed:
        raise _mismatch(
            f"Der Ausgangstext wurde geändert in: {', '.join(changed[:20])}. Nur die "
            "Übersetzung (target) darf bearbeitet werden.",
            f"The source text was changed in: {', '.join(changed[:20])}. Only the translation "
            "(target) may be edited.",
            changed_source_ids=changed,
        )


def import_job(store: ReviewStore, job_id: str, data: bytes, reviewer: str) -> ImportResult:
    """Apply the targets, states and new notes of an edited XLIFF 1.2 or 2.x file (all or
    nothing)."""
    doc = parse_any_xliff(data)
    job = _ready(store, job_id)
    current = {s.id: s for s in store.segments(job_id)}
    _check_belongs(doc, job, current)
    stored_comments = store.comments(job_id)
    known_comments = {f"{COMMENT_PREFIX}{c.id}" for c in stored_comments}
    # A note a tool wrote has no id of ours; importing the same file again must not add it twice.
    known_texts = {(c.segment_id, c.author.strip(), c.text.strip()) for c in stored_comments}
    changes: list[tuple[str, SegmentUpdate]] = []
    stale: list[str] = []
    new_comments: list[tuple[str, str, str]] = []
    for unit in doc.units:
        seg = current[unit.id]
        for note in unit.notes:
            if (note.id is None or note.id not in known_comments) and note.text.strip():
                author = note.author or reviewer
                key = (unit.id, author.strip(), note.text.strip())
                if key in known_texts:
                    continue
                known_texts.add(key)
                new_comments.append((unit.id, author, note.text))
        target = seg.target if unit.target is None else unit.target
        state = unit.state.value
        stored = SegmentState(seg.state)
        if (
            target == seg.target
            and unit.core_state is not None
            and TO_XLIFF_STATE[stored] == unit.core_state
        ):
            # No (fitting) subState and the same text: the core state cannot tell needs_review
            # from rejected, so the stored state stands (a changed text is an edit, below).
            state = stored.value
        if target != seg.target and state == SegmentState.NEEDS_REVIEW:
            state = SegmentState.EDITED.value  # a changed text is an edit, whatever the tool says
        if (target, state) == (seg.target, seg.state):
            continue
        version = unit.version
        if version is None and seg.version == 1 and seg.state == SegmentState.NEEDS_REVIEW:
            # The tool dropped our version attribute; safe only while nobody has decided yet.
            version = 1
        if version != seg.version:
            stale.append(unit.id)
            continue
        changes.append(
            (unit.id, SegmentUpdate(version=version, reviewer=reviewer, state=state, target=target))
        )
    if stale:
        raise VersionConflictError(
            f"{len(stale)} Segment(e) wurden seit dem Export geändert: {', '.join(stale[:20])}. "
            "Nichts wurde übernommen: bitte neu exportieren.",
            f"{len(stale)} segment(s) changed since the export: {', '.join(stale[:20])}. "
            "Nothing was imported: export again.",
            job_id=job_id,
            segment_id=stale[0],
            stale_ids=stale,
        )
    updated = store.apply_updates(job_id, changes, action="import", new_comments=new_comments)
    return ImportResult(
        updated=[s.id for s in updated],
        unchanged=len(doc.units) - len(updated),
        comments_added=len(new_comments),
        job=store.get_job(job_id),
    )
