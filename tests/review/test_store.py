"""The review store on SQLite and PostgreSQL: migrations, locking, history, publishing."""

from __future__ import annotations

import threading

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from a11y_service.db.engine import alembic_config, create_db_engine, migrate
from a11y_service.db.errors import (
    InvalidUpdateError,
    JobStateError,
    NotFoundError,
    NotPublishableError,
    VersionConflictError,
)
from a11y_service.db.records import SegmentUpdate
from a11y_service.review.store import ReviewStore
from tests.review.conftest import SEGMENTS, ready_job


def current_revision(engine: Engine) -> str | None:
    """The migration the database stands at (None: never migrated)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()

TABLES = {
    "translation_jobs",
    "translation_segments",
    "translation_comments",
    "translation_segment_history",
    "alembic_version",
}


def test_migration_upgrades_an_empty_database(empty_db_url: str) -> None:
    engine = create_db_engine(empty_db_url)
    try:
        assert current_revision(engine) is None
        migrate(engine)
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert current_revision(engine) == head
        assert set(inspect(engine).get_table_names()) >= TABLES
        migrate(engine)  # a second start-up is a no-op
        assert current_revision(engine) == head
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_with_full_sync(tmp_path: object) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path}/wal.sqlite3")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    engine.dispose()


def test_new_job_starts_in_review_with_machine_history(store: ReviewStore) -> None:
    job_id = ready_job(store)
    job = store.get_job(job_id)
    assert job.status == "review"
    assert job.segments == 3
    assert job.states["needs_review"] == 3
    assert not job.publishable
    segments = store.segments(job_id)
    assert [s.id for s in segments] == ["s1", "s2", "s3"]
    assert all(s.version == 1 and s.target == s.machine for s in segments)
    history = store.history(job_id, "s1")
    assert [(h.action, h.version, h.state) for h in history] == [("machine", 1, "needs_review")]


def test_second_save_on_the_same_version_is_a_conflict(store: ReviewStore) -> None:
    job_id = ready_job(store)
    first = store.update_segment(
        job_id, "s1", SegmentUpdate(version=1, reviewer="anna", target="The request is checked.")
    )
    assert (first.version, first.state) == (2, "edited")
    with pytest.raises(VersionConflictError) as caught:
        store.update_segment(
            job_id, "s1", SegmentUpdate(version=1, reviewer="ben", state="approved")
        )
    assert caught.value.status == 409
    assert caught.value.extra["current"].version == 2
    stored = store.segment(job_id, "s1")
    assert (stored.target, stored.state, stored.reviewer, stored.version) == (
        "The request is checked.",
        "edited",
        "anna",
        2,
    )
    assert [h.reviewer for h in store.history(job_id, "s1")] == [None, "anna"]


def test_concurrent_saves_one_wins_one_conflicts(store: ReviewStore) -> None:
    job_id = ready_job(store)
    barrier = threading.Barrier(4)
    outcomes: list[str] = []
    lock = threading.Lock()

    def save(name: str) -> None:
        barrier.wait()
        try:
            store.update_segment(
                job_id, "s2", SegmentUpdate(version=1, reviewer=name, target=f"Call, {name}.")
            )
            result = f"saved:{name}"
        except VersionConflictError:
            result = "conflict"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=save, args=(n,)) for n in ("a", "b", "c", "d")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [o for o in outcomes if o.startswith("saved")]
    assert len(winners) == 1 and outcomes.count("conflict") == 3
    stored = store.segment(job_id, "s2")
    assert stored.version == 2
    assert f"saved:{stored.reviewer}" == winners[0]
    assert len(store.history(job_id, "s2")) == 2


def test_history_records_every_change(store: ReviewStore) -> None:
    job_id = ready_job(store)
    s = store.update_segment(
        job_id, "s3", SegmentUpdate(version=1, reviewer="anna", target="Click <g1>here</g1>!")
    )
    store.add_comment(job_id, "s3", "ben", "Ausrufezeichen? Lieber Punkt.")
    s = store.update_segment(
        job_id,
        "s3",
        SegmentUpdate(version=s.version, reviewer="ben", state="rejected", comment="Punkt"),
    )
    s = store.update_segment(
        job_id,
        "s3",
        SegmentUpdate(version=s.version, reviewer="anna", target="Click <g1>here</g1>."),
    )
    s = store.update_segment(
        job_id, "s3", SegmentUpdate(version=s.version, reviewer="ben", state="approved")
    )
    history = store.history(job_id, "s3")
    assert [(h.action, h.version, h.state, h.reviewer) for h in history] == [
        ("machine", 1, "needs_review", None),
        ("review", 2, "edited", "anna"),
        ("comment", 2, "edited", "ben"),
        ("review", 3, "rejected", "ben"),
        ("review", 4, "edited", "anna"),
        ("review", 5, "approved", "ben"),
    ]
    assert history[1].target == "Click <g1>here</g1>!"
    assert history[-1].target == "Click <g1>here</g1>."
    assert [c.text for c in store.comments(job_id, "s3")] == [
        "Ausrufezeichen? Lieber Punkt.",
        "Punkt",
    ]


def test_publish_only_when_every_segment_is_approved(store: ReviewStore) -> None:
    job_id = ready_job(store)
    for seg in SEGMENTS[:-1]:
        store.update_segment(
            job_id, seg.id, SegmentUpdate(version=1, reviewer="a", state="approved")
        )
    with pytest.raises(NotPublishableError) as caught:
        store.publishable_segments(job_id)
    assert caught.value.extra["open_segments"] == ["s3"]
    assert not store.get_job(job_id).publishable
    store.update_segment(job_id, "s3", SegmentUpdate(version=1, reviewer="a", state="approved"))
    assert [s.id for s in store.publishable_segments(job_id)] == ["s1", "s2", "s3"]
    assert store.get_job(job_id).publishable
    # Taking one approval back closes publishing again.
    store.update_segment(job_id, "s1", SegmentUpdate(version=2, reviewer="b", state="rejected"))
    with pytest.raises(NotPublishableError):
        store.publishable_segments(job_id)


def test_invalid_updates_are_refused_and_write_nothing(store: ReviewStore) -> None:
    job_id = ready_job(store)
    bad = [
        SegmentUpdate(version=1, reviewer="a", state="done"),
        SegmentUpdate(version=1, reviewer="  ", state="approved"),
        SegmentUpdate(version=1, reviewer="a", state="approved", target="  "),
        SegmentUpdate(version=1, reviewer="a"),
    ]
    for update in bad:
        with pytest.raises(InvalidUpdateError):
            store.update_segment(job_id, "s1", update)
    with pytest.raises(NotFoundError):
        store.update_segment(
            job_id, "nope", SegmentUpdate(version=1, reviewer="a", state="approved")
        )
    with pytest.raises(NotFoundError):
        store.get_job("0" * 32)
    assert store.segment(job_id, "s1").version == 1
    assert len(store.history(job_id, "s1")) == 1


def test_review_waits_for_the_translation(store: ReviewStore) -> None:
    job = store.create_job(content="x", fmt="plain", source="de", target="en")
    with pytest.raises(JobStateError):
        store.apply_updates(job.id, [])
    assert not store.fail_job(job.id, "model missing")  # only a running job fails
    assert store.get_job(job.id).status == "queued"
    assert store.start_job(job.id)
    assert store.fail_job(job.id, "model missing")
    assert store.get_job(job.id).status == "failed"
    assert store.start_job(job.id)  # a failed job can be retried
    assert not store.start_job(job.id)  # but not taken twice


def test_batch_updates_are_all_or_nothing(store: ReviewStore) -> None:
    job_id = ready_job(store)
    store.update_segment(job_id, "s2", SegmentUpdate(version=1, reviewer="a", state="approved"))
    with pytest.raises(VersionConflictError):
        store.apply_updates(
            job_id,
            [
                ("s1", SegmentUpdate(version=1, reviewer="b", state="approved")),
                ("s2", SegmentUpdate(version=1, reviewer="b", state="rejected")),
            ],
        )
    assert store.segment(job_id, "s1").state == "needs_review"
    assert store.segment(job_id, "s2").state == "approved"


@pytest.mark.parametrize("code", ["x" * 40, "de/../x", "DE", "", "de_" + "A" * 20])
def test_bad_language_codes_are_refused_not_a_database_error(
    store: ReviewStore, code: str
) -> None:
    """Regression: a 17+ character code failed on PostgreSQL (VARCHAR(16)) with a 500."""
    before = len(store.list_jobs(500))
    with pytest.raises(InvalidUpdateError, match="language code"):
        store.create_job(content="<p>Hallo</p>", fmt="html", source=code, target="en")
    with pytest.raises(InvalidUpdateError, match="language code"):
        store.create_job(content="<p>Hallo</p>", fmt="html", source="de", target=code)
    assert len(store.list_jobs(500)) == before


def test_xml_invalid_characters_and_over_long_texts_are_refused(store: ReviewStore) -> None:
    """Regression: \\x01 in a target or comment broke every later XLIFF export (lxml ValueError)."""
    from a11y_service.db.errors import TextTooLongError
    from a11y_service.review.store import MAX_COMMENT_CHARS, MAX_TARGET_CHARS

    with pytest.raises(InvalidUpdateError, match="U\\+0001"):
        store.create_job(content="<p>Hal\x01lo</p>", fmt="html", source="de", target="en")
    job_id = ready_job(store)
    for change in (
        SegmentUpdate(version=1, reviewer="anna", target="bad\x01"),
        SegmentUpdate(version=1, reviewer="anna", target="ok", comment="bad\x00"),
        SegmentUpdate(version=1, reviewer="an\x07na", target="ok"),
    ):
        with pytest.raises(InvalidUpdateError, match="U\\+00"):
            store.update_segment(job_id, "s1", change)
    with pytest.raises(InvalidUpdateError, match="U\\+FFFF"):
        store.add_comment(job_id, "s1", "anna", "bad\uffff")
    with pytest.raises(TextTooLongError) as info:
        store.update_segment(
            job_id, "s1",
            SegmentUpdate(version=1, reviewer="anna", target="x" * (MAX_TARGET_CHARS + 1)),
        )
    assert info.value.status == 413
    with pytest.raises(TextTooLongError):
        store.update_segment(
            job_id, "s1",
            SegmentUpdate(version=1, reviewer="anna", target="ok", comment="x" * 5001),
        )
    with pytest.raises(TextTooLongError):
        store.add_comment(job_id, "s1", "anna", "x" * (MAX_COMMENT_CHARS + 1))
    assert store.segment(job_id, "s1").version == 1
    assert store.comments(job_id, "s1") == []
    # exactly at the limits is fine
    store.update_segment(
        job_id, "s1",
        SegmentUpdate(version=1, reviewer="anna", target="x" * MAX_TARGET_CHARS,
                      comment="y" * MAX_COMMENT_CHARS),
    )


def test_a_late_failure_does_not_overwrite_a_finished_job(store: ReviewStore) -> None:
    """Regression: fail_job updated any status, so a stale report could fail a job in review."""
    job_id = ready_job(store)
    assert not store.fail_job(job_id, "late")
    assert store.get_job(job_id).status == "review"
    assert store.get_job(job_id).error is None


def test_a_failing_complete_job_marks_the_job_failed(
    store: ReviewStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: complete_job ran outside the try, so its error left the job "running"."""
    from a11y_service.review.jobs import run_job
    from tests.review.doubles import ShoutingTranslator

    translator = ShoutingTranslator()
    job = store.create_job(content="<p>Hallo Welt.</p>", fmt="html", source="de", target="en")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "complete_job", broken)
    result = run_job(store, lambda: translator, job.id)
    assert result.status == "failed"
    assert "disk full" in (result.error or "")
