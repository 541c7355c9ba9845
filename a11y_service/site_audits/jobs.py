"""The site-audit task on the project's huey queue, and the recovery of lost audits.

The task carries only the audit id; everything else is in the database, so any worker on any
machine can run it. A worker killed with SIGKILL loses the task it was running (huey has already
taken it off the queue), but not the audit: its lease runs out, :func:`recover` finds the audit
and enqueues it again, and the next worker resumes it with the pages already stored.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from a11y_service.site_audits.runner import AuditContext, run_site_audit
from a11y_service.site_audits.store import SiteAuditStore

if TYPE_CHECKING:
    from a11y_service.task_queue import JobQueue

log = logging.getLogger(__name__)
TASK_NAME = "a11y.site_audit"
_contexts: dict[tuple[int, int], AuditContext] = {}
_contexts_lock = threading.Lock()


def context_of(queue: JobQueue) -> AuditContext:
    """One context per queue and process: a forked worker opens its own connections."""
    key = (id(queue), os.getpid())
    with _contexts_lock:
        if key not in _contexts:
            _contexts[key] = AuditContext.from_settings(queue.settings)
        return _contexts[key]


def close_contexts() -> None:
    with _contexts_lock:
        for key, context in list(_contexts.items()):
            if key[1] == os.getpid():
                context.close()
                del _contexts[key]


def register_site_audit_task(queue: JobQueue) -> Any:
    # No huey retries: a failure is stored on the audit; a lost task is found by recover().
    def site_audit(audit_id: str) -> str:
        return run_site_audit(context_of(queue), audit_id)

    return queue.huey.task(name=TASK_NAME)(site_audit)


def recover(store: SiteAuditStore, enqueue: Callable[[str], object], lease_seconds: float
            ) -> list[str]:
    """Enqueue every audit whose worker died or whose task was lost; returns their ids."""
    ids = store.stale(queued_grace_seconds=lease_seconds * 2)
    for audit_id in ids:
        log.warning("site audit %s: worker gone or task lost, enqueued again", audit_id)
        store.mark_enqueued(audit_id)
        enqueue(audit_id)
    return ids


class Recovery:
    """A thread that runs :func:`recover` every ``interval`` seconds (start-up included)."""

    def __init__(self, store: SiteAuditStore, enqueue: Callable[[str], object],
                 lease_seconds: float, interval: float | None = None) -> None:
        self.store = store
        self.enqueue = enqueue
        self.lease_seconds = lease_seconds
        self.interval = interval or max(0.5, lease_seconds / 2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="site-audit-recovery",
                                        daemon=True)

    def _run(self) -> None:
        while True:
            try:
                recover(self.store, self.enqueue, self.lease_seconds)
            except Exception:  # database or queue briefly away: try again next round
                log.exception("site-audit recovery failed")
            if self._stop.wait(self.interval):
                return

    def start(self) -> Recovery:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
