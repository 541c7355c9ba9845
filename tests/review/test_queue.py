"""The task queue: huey with real consumers, on SQLite (one machine) and on Redis with the state
in PostgreSQL (the scaled-out setup: web and worker are separate processes in production; here
two independent queue/store instances that share nothing but Redis and PostgreSQL)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pytest
import redis
from huey import RedisHuey, SqliteHuey

from a11y_core.config.env import Settings
from a11y_service.review.store import ReviewStore
from a11y_service.task_queue import build_queue, make_huey, queue_file
from tests.review.doubles import ShoutingTranslator

HTML = "".join(f"<p>Satz Nummer {i} steht hier.</p>" for i in range(5))


def _wait(store: ReviewStore, job_id: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = store.get_job(job_id).status
        if status in ("review", "failed"):
            return status
        time.sleep(0.05)
    return store.get_job(job_id).status


def test_queue_backend_follows_the_settings(tmp_path: Path) -> None:
    sqlite_settings = Settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert queue_file(sqlite_settings) == tmp_path / "db.sqlite3.queue"
    assert isinstance(make_huey(sqlite_settings), SqliteHuey)
    redis_settings = Settings(queue_url="redis://127.0.0.1:6379/0")
    assert isinstance(make_huey(redis_settings), RedisHuey)
    with pytest.raises(ValueError, match="A11Y_QUEUE_URL"):
        make_huey(Settings(queue_url="amqp://x"))


def test_sqlite_queue_survives_a_restart_before_the_consumer_runs(tmp_path: Path) -> None:
    """A job enqueued while no worker runs is done by the next one (the queue is a file)."""
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    store = ReviewStore.open(settings.database_url)
    job = store.create_job(content=HTML, fmt="html", source="de", target="en")
    build_queue(settings, store=store).enqueue(job.id)  # this "process" ends without consuming
    translator = ShoutingTranslator()
    worker = build_queue(settings, store=store, translator=lambda: translator)
    worker.start_consumer(1)
    try:
        assert _wait(store, job.id) == "review"
    finally:
        worker.stop_consumer()
        store.close()
    assert translator.calls == 1


@pytest.mark.postgres
def test_scaled_out_postgres_state_and_redis_queue(pg_url: str) -> None:
    client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    client.ping()
    settings = Settings(database_url=pg_url, queue_url="redis://127.0.0.1:6379/0")
    name = f"a11y-test-{uuid.uuid4().hex[:8]}"
    web_store = ReviewStore.open(pg_url)
    worker_store = ReviewStore.open(pg_url)
    web = build_queue(settings, store=web_store, name=name)
    translator = ShoutingTranslator()
    worker = build_queue(settings, store=worker_store, translator=lambda: translator, name=name)
    worker.start_consumer(2)
    try:
        jobs = [
            web_store.create_job(content=HTML, fmt="html", source="de", target="en")
            for _ in range(3)
        ]
        for job in jobs:
            web.enqueue(job.id)
        assert [_wait(web_store, job.id) for job in jobs] == ["review"] * 3
        assert all(web_store.get_job(job.id).segments == 5 for job in jobs)
        assert translator.calls == 3
    finally:
        worker.stop_consumer()
        web.huey.flush()
        web_store.close()
        worker_store.close()


def test_a_job_cut_off_by_a_crash_is_requeued_at_start(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    store = ReviewStore.open(settings.database_url)
    job = store.create_job(content=HTML, fmt="html", source="de", target="en")
    assert store.start_job(job.id)  # a worker took it ... and was killed with SIGKILL
    translator = ShoutingTranslator()
    worker = build_queue(settings, store=store, translator=lambda: translator)
    worker.start_consumer(1)
    try:
        assert _wait(store, job.id) == "review"
    finally:
        worker.stop_consumer()
        store.close()


def test_a_queued_job_whose_task_was_lost_is_enqueued_at_start(tmp_path: Path) -> None:
    """Regression: only "running" jobs were requeued; a "queued" one without a task waited
    for ever."""
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    store = ReviewStore.open(settings.database_url)
    job = store.create_job(content=HTML, fmt="html", source="de", target="en")  # never enqueued
    translator = ShoutingTranslator()
    worker = build_queue(settings, store=store, translator=lambda: translator)
    worker.start_consumer(1)
    try:
        assert _wait(store, job.id) == "review"
    finally:
        worker.stop_consumer()
        store.close()
    assert translator.calls == 1


def test_translate_task_has_no_dead_retries(tmp_path: Path) -> None:
    """run_job stores failures and does not raise, so huey retries could never run."""
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    queue = build_queue(settings)
    assert not queue.translate_task.retries
