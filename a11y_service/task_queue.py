"""Long translations through huey: SQLite queue on one machine, Redis when scaled out.

- default: ``SqliteHuey`` in a file next to the database (nothing to install); the web process
  runs consumer threads itself (``A11Y_QUEUE_WORKERS``, default 1);
- scaled out: ``A11Y_QUEUE_URL=redis://host:6379/0``, state in PostgreSQL
  (``A11Y_DATABASE_URL=postgresql://...``), web processes with ``A11Y_QUEUE_WORKERS=0`` and workers
  started with ``huey_consumer a11y_service.task_queue.huey -w 2``.
  (huey's PostgreSQL queue needs psycopg, LGPL, so the queue goes to Redis instead.)

The task carries only the job id; the job itself lives in the database, so a worker on another
machine needs nothing but the same settings.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey
from huey.consumer import Consumer
from sqlalchemy.engine import make_url

from a11y_core.config.env import Settings
from a11y_service.review.jobs import TranslatorProvider, run_job
from a11y_service.review.store import ReviewStore

log = logging.getLogger(__name__)
QUEUE_NAME = "a11y"


def queue_file(settings: Settings) -> Path:
    """The SQLite queue lives next to a SQLite database, else in the cache directory."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        db = Path(url.database).expanduser()
        return db.with_name(db.name + ".queue")
    cache = Path(os.environ.get("A11Y_CACHE_DIR") or Path.home() / ".cache" / "a11y")
    cache.mkdir(parents=True, exist_ok=True)
    return cache / "queue.sqlite3"


def make_huey(settings: Settings, name: str = QUEUE_NAME) -> Huey:
    url = settings.queue_url
    if url and url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(name, url=url)
    if url and url.startswith("sqlite:"):
        return SqliteHuey(name, filename=make_url(url).database)
    if url:
        raise ValueError(f"A11Y_QUEUE_URL: expected redis://... or sqlite:///..., got {url!r}")
    return SqliteHuey(name, filename=str(queue_file(settings)))


class _EmbeddedConsumer(Consumer):  # type: ignore[misc]
    # The web server owns SIGINT/SIGTERM; a consumer inside it must not take them over.
    def _set_signal_handlers(self) -> None:
        return None


class JobQueue:
    """A huey instance with the translation task; the worker context is set by whoever hosts
    the consumer (the web app), or built from the environment in a separate consumer.

    A plain class, not a dataclass: Litestar would try to validate a dataclass dependency.
    """

    def __init__(
        self,
        settings: Settings,
        huey: Huey,
        store: ReviewStore | None = None,
        translator: TranslatorProvider | None = None,
    ) -> None:
        self.settings = settings
        self.huey = huey
        self.store = store
        self.translator = translator
        self._consumer: Consumer | None = None
        self._lock = threading.Lock()
        # No huey retries: ``run_job`` stores every failure on the job (status "failed") and
        # never raises for it, so a retry would never run; a failed job is retried by a new run.
        self.translate_task = huey.task(name="a11y.translate")(self._translate)
        from a11y_service.site_audits.jobs import register_site_audit_task

        self.site_audit_task = register_site_audit_task(self)
        from a11y_service.monitoring.jobs import register_monitoring_tasks

        self.monitor_tick_task = register_monitoring_tasks(self)

    def _context(self) -> tuple[ReviewStore, TranslatorProvider]:
        with self._lock:
            if self.store is None:
                self.store = ReviewStore.open(self.settings.database_url)
            if self.translator is None:
                from a11y_service.review.jobs import default_translator_provider

                self.translator = default_translator_provider()
            return self.store, self.translator

    def _translate(self, job_id: str) -> str:
        store, translator = self._context()
        return run_job(store, translator, job_id).status

    def enqueue(self, job_id: str) -> Any:
        return self.translate_task(job_id)

    def enqueue_site_audit(self, audit_id: str) -> Any:
        return self.site_audit_task(audit_id)

    def start_consumer(self, workers: int) -> None:
        if workers <= 0 or self._consumer is not None:
            return
        if isinstance(self.huey, SqliteHuey) and self.store is not None:
            # One machine: these threads are the only workers, so a job still "running" was cut
            # off by a crash, and a "queued" one may have lost its task; queue them again
            # (start_job lets only one run take a job).
            for job_id in self.store.requeue_interrupted():
                log.warning("requeueing interrupted or pending translation job %s", job_id)
                try:
                    self.enqueue(job_id)
                except Exception:
                    log.exception("could not requeue translation job %s", job_id)
        consumer = _EmbeddedConsumer(
            self.huey,
            workers=workers,
            worker_type="thread",
            periodic=False,
            check_worker_health=False,
            # Poll an idle SQLite queue at most once a second (Redis blocks instead of polling).
            max_delay=1.0,
        )
        consumer.start()
        self._consumer = consumer

    def stop_consumer(self) -> None:
        if self._consumer is not None:
            self._consumer.stop(graceful=True)
            self._consumer = None


def build_queue(
    settings: Settings,
    *,
    store: ReviewStore | None = None,
    translator: TranslatorProvider | None = None,
    name: str | None = None,
) -> JobQueue:
    name = name or settings.queue_name
    return JobQueue(settings, make_huey(settings, name), store=store, translator=translator)


_default: JobQueue | None = None


def __getattr__(name: str) -> Any:
    # ``huey_consumer a11y_service.task_queue.huey``: built on first use from A11Y_* settings.
    global _default
    if name == "huey":
        if _default is None:
            _default = build_queue(Settings.from_env())
        return _default.huey
    raise AttributeError(name)
