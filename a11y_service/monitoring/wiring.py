"""How monitoring plugs into ``create_app()``: its controllers and its lifespan.

The lifespan runs after the site-audit lifespan (it needs the queue and the site-audit store).
When this process consumes the queue itself (``A11Y_QUEUE_WORKERS`` > 0), it also runs huey's
periodic scheduler (one consumer thread with periodic tasks on), unless
``A11Y_MONITOR_SCHEDULER=0``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import anyio.to_thread
from huey.consumer import Consumer
from litestar import Litestar
from litestar.types import ControllerRouterHandler

from a11y_service.monitoring.jobs import MonitorContext, MonitorSettings, close_contexts
from a11y_service.monitoring.store import MonitoringStore
from a11y_service.settings import Settings


class _SchedulerConsumer(Consumer):  # type: ignore[misc]
    # The web server owns SIGINT/SIGTERM.
    def _set_signal_handlers(self) -> None:
        return None


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
            scheduler = _SchedulerConsumer(queue.huey, workers=1, worker_type="thread",
                                           periodic=True, check_worker_health=False,
                                           max_delay=1.0)
            scheduler.start()
        try:
            yield
        finally:
            if scheduler is not None:
                await anyio.to_thread.run_sync(lambda: scheduler.stop(graceful=True))
            close_contexts()
            store.close()

    return lifespan
