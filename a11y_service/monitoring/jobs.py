"""Scheduled audits on the task queue's periodic tasks, and taking finished audits in.

Every minute huey's scheduler enqueues ``a11y.monitor_tick`` (any consumer started with periodic
tasks on: the web process unless ``A11Y_MONITOR_SCHEDULER=0``, or ``huey_consumer
a11y_service.task_queue.huey``). One tick:

1. takes in every monitored audit whose site audit has finished (figures, fingerprints,
   notifications), exactly once;
2. starts an audit for every site whose next slot has come. The slot is taken with a
   conditional UPDATE that moves ``next_run_at`` past now: of several ticks (several consumers,
   or a tick repeated) one starts the audit, and a schedule missed while the server was down
   runs once when it is back, not once per missed slot.

The audit itself is an ordinary site audit (``site_audits``), run by any worker with the task of
:mod:`a11y_service.site_audits.jobs`.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from a11y_core.config.env import Settings
from a11y_service.db.accounts_models import bitv_body
from a11y_service.monitoring.notify import SmtpSettings, notify
from a11y_service.monitoring.store import AuditRecord, MonitoringStore, SiteRecord, utcnow
from a11y_service.site_audits.store import SiteAuditStore
from checkers.page.options import UrlPolicy

if TYPE_CHECKING:
    from a11y_service.task_queue import JobQueue

log = logging.getLogger(__name__)
TICK_TASK = "a11y.monitor_tick"
DEFAULT_ENGINES = ("axe", "static", "bitv", "text")


@dataclass(frozen=True, slots=True)
class MonitorSettings:
    scheduler: bool = True  # run huey's periodic scheduler inside the web process
    engines: tuple[str, ...] = DEFAULT_ENGINES
    base_url: str = "http://127.0.0.1:8000"  # for links in e-mails and webhooks
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    # Which webhook addresses may be called: the service's address policy.
    webhook_policy: UrlPolicy = field(default_factory=UrlPolicy)

    @classmethod
    def from_env(cls, settings: Settings | None = None,
                 env: dict[str, str] | None = None) -> MonitorSettings:
        env = dict(os.environ if env is None else env)
        engines = tuple(e.strip() for e in env.get("A11Y_MONITOR_ENGINES", "").split(",")
                        if e.strip() in DEFAULT_ENGINES) or DEFAULT_ENGINES
        host, port = (settings.host, settings.port) if settings else ("127.0.0.1", 8000)
        return cls(
            scheduler=(env.get("A11Y_MONITOR_SCHEDULER") or "1").lower()
            not in ("0", "false", "no", "off"),
            engines=engines,
            base_url=env.get("A11Y_PUBLIC_URL") or f"http://{host}:{port}",
            smtp=SmtpSettings.from_env(env),
            webhook_policy=UrlPolicy(
                allow_loopback=settings.allow_loopback, allow_private=settings.allow_private,
                allowed_hosts=settings.allowed_hosts,
            ) if settings else UrlPolicy(),
        )


@dataclass
class MonitorContext:
    store: MonitoringStore
    audits: SiteAuditStore
    enqueue: Callable[[str], object]
    settings: MonitorSettings

    def close(self) -> None:
        self.store.close()


def start_audit(context: MonitorContext, site: SiteRecord, trigger: str,
                planned_for: datetime | None = None,
                now: datetime | None = None) -> AuditRecord:
    """A site audit for ``site``, recorded for its history, then put on the queue."""
    record = context.audits.create(
        org_id=site.org_id, start_url=site.start_url, sitemap_url=site.sitemap_url,
        max_pages=site.max_pages, max_depth=site.max_depth,
        engines=list(context.settings.engines), locale="de",
        # The site's BITV scope (its Land and kind of body decide which duties are checked).
        land=site.land, body_kind=bitv_body(site.body_kind),
    )
    audit = context.store.add_audit(site, site.org_id, record.id, trigger, planned_for, now)
    try:
        context.enqueue(record.id)
        context.audits.mark_enqueued(record.id)
    except Exception:
        # The audit stays queued without a task; the site audits' recovery enqueues it later.
        log.exception("monitoring: could not enqueue site audit %s", record.id)
    return audit


def ingest_pending(context: MonitorContext, site_id: str | None = None,
                   now: datetime | None = None) -> list[str]:
    """Take in every finished audit not taken in yet; returns the monitored audit ids."""
    taken = []
    for audit_id, site_audit_id in context.store.pending(site_id):
        try:
            record = context.audits.get(site_audit_id)
        except Exception:
            log.exception("monitoring: site audit %s not readable", site_audit_id)
            continue
        if record.status == "failed":
            context.store.fail_audit(audit_id, record.error or "failed", now)
            continue
        if record.status != "done":
            continue
        run: dict[str, Any] = json.loads(context.audits.report(site_audit_id))
        ingested = context.store.ingest(audit_id, run, record.engines, now)
        if ingested is None:
            continue  # another worker took it in
        taken.append(audit_id)
        try:
            notify(context.store, ingested, context.settings.smtp, context.settings.base_url,
                   context.settings.webhook_policy)
        except Exception:  # a broken channel must not lose the audit
            log.exception("monitoring: notification for %s failed", audit_id)
    return taken


def tick(context: MonitorContext, now: datetime | None = None) -> list[str]:
    """One round of the schedule (see the module doc); returns the audits it started."""
    now = now or utcnow()
    ingest_pending(context, now=now)
    started = []
    for site_id, due in context.store.due_sites(now):
        site = context.store.take_slot(site_id, due, now)
        if site is None:
            continue  # another tick took this slot
        started.append(start_audit(context, site, "schedule", planned_for=due, now=now).id)
    return started


_contexts: dict[tuple[int, int], MonitorContext] = {}
_lock = threading.Lock()


def context_of(queue: JobQueue) -> MonitorContext:
    """One context per queue and process (a forked worker opens its own connections)."""
    from a11y_service.site_audits.jobs import context_of as audit_context_of

    key = (id(queue), os.getpid())
    with _lock:
        if key not in _contexts:
            _contexts[key] = MonitorContext(
                store=MonitoringStore.open(queue.settings.database_url),
                audits=audit_context_of(queue).store,
                enqueue=queue.enqueue_site_audit,
                settings=MonitorSettings.from_env(queue.settings),
            )
        return _contexts[key]


def close_contexts() -> None:
    with _lock:
        for key, context in list(_contexts.items()):
            if key[1] == os.getpid():
                context.close()
                del _contexts[key]


def register_monitoring_tasks(queue: JobQueue) -> Any:
    """The periodic tick on ``queue``'s huey (every minute)."""
    from huey import crontab

    def monitor_tick() -> int:
        return len(tick(context_of(queue)))

    return queue.huey.periodic_task(crontab(minute="*"), name=TICK_TASK)(monitor_tick)
