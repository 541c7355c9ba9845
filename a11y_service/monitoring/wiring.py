"""How monitoring plugs into ``create_app()``: its controllers and its lifespan.

The lifespan runs after the site-audit lifespan (it needs the queue and the site-audit store).
When this process consumes the queue itself (``A11Y_QUEUE_WORKERS`` > 0), it also enqueues the
queue's periodic tasks once a minute, as huey's own scheduler would (the process's consumer
threads then run them), unless ``A11Y_MONITOR_SCHEDULER=0``. No extra consumer: the number of
workers stays what ``A11Y_QUEUE_WORKERS`` says.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime

import anyio.to_thread
from huey import Huey
from litestar import Litestar
from litestar.types import ControllerRouterHandler

from a11y_core.config.env import Settings
from a11y_service.monitoring.jobs import MonitorContext, MonitorSettings, close_contexts
from a11y_service.monitoring.store import MonitoringStore

log = logging.getLogger(__name__)


class PeriodicScheduler:
    """Enqueues the periodic tasks that are due, at the start of every minute."""

    def __init__(self, huey: Huey) -> None:
        self.huey = huey
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="monitor-scheduler",
                                        daemon=True)

    def enqueue_due(self, now: datetime | None = None) -> int:
        if now is None:
            # huey compares periodic tasks with naive timestamps, in UTC unless utc=False.
            now = datetime.now(UTC).replace(tzinfo=None) if self.huey.utc else datetime.now()
        tasks = self.huey.read_periodic(now)
        for task in tasks:
            self.huey.enqueue(task)
        return len(tasks)

    def _run(self) -> None:
        while not self._stop.wait(60 - time.time() % 60):
            try:
                self.enqueue_due()
            except Exception:  # the queue briefly away: the next minute tries again
                log.exception("monitoring: could not enqueue periodic tasks")

    def start(self) -> PeriodicScheduler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def monitoring_route_handlers() -> list[ControllerRouterHandler]:
    from a11y_service.monitoring.api import PublicController, SitesController
    from a11y_service.monitoring.web import MonitoringPagesController

    return [SitesController, PublicController, MonitoringPagesController]


def monitoring_lifespan(
    settings: Settings,
) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        store = await anyio.to_thread.run_sync(MonitoringStore.open, settings.database_url)
        queue = app.state.job_queue
        monitor_settings = MonitorSettings.from_env(settings)
        app.state.monitor = MonitorContext(
            store=store, audits=app.state.site_audit_store, enqueue=queue.enqueue_site_audit,
            settings=monitor_settings,
        )
        scheduler = None
        if settings.queue_workers > 0 and monitor_settings.scheduler:
            scheduler = PeriodicScheduler(queue.huey).start()
        try:
            yield
        finally:
            if scheduler is not None:
                await anyio.to_thread.run_sync(scheduler.stop)
            close_contexts()
            store.close()

    return lifespan
