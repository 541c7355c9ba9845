"""``a11y worker``: queue consumers for site audits and long translations.

Start as many as the machines allow, on any machine that reaches the same database and Redis
(``A11Y_DATABASE_URL=postgresql://...``, ``A11Y_QUEUE_URL=redis://...``). Each worker also looks
for audits whose worker died (an expired lease) and puts them back on the queue, so a worker
killed mid-audit costs time, never the audit.
"""

from __future__ import annotations

import logging
import sys

import click

from a11y_core.errors import BilingualError
from a11y_service.cli.errors import CliError


@click.command("worker")
@click.option(
    "--workers", "-w", type=click.IntRange(min=1), default=2, show_default=True,
    help="Gleichzeitige Aufträge / jobs at the same time.",
)
@click.option(
    "--worker-type", "-k", type=click.Choice(["thread", "process"]), default="thread",
    show_default=True,
    help="Threads oder eigene Prozesse je Auftrag / threads or processes.",
)
@click.option(
    "--recover-every", type=click.FloatRange(min=0.1), default=None,
    help="Sekunden zwischen Suchen nach verwaisten Prüfungen (Standard: halbe Lease-Zeit) "
    "/ seconds between looks for orphaned audits.",
)
def worker_command(workers: int, worker_type: str, recover_every: float | None) -> None:
    """Warteschlange abarbeiten: Website-Prüfungen und Übersetzungen.
    / Work the queue: site audits and translations."""
    from huey.consumer import Consumer

    from a11y_core.config.env import Settings
    from a11y_service.site_audits.jobs import Recovery, close_contexts
    from a11y_service.site_audits.store import SiteAuditStore
    from a11y_service.task_queue import build_queue

    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr,
        format="%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = Settings.from_env()
        queue = build_queue(settings)
        store = SiteAuditStore.open(settings.database_url)
    except BilingualError as error:  # a wrong A11Y_* setting: its own words, exit 2
        raise CliError(
            f"Der Worker startet nicht / the worker does not start: {error.both()}"
        ) from None
    except Exception as error:  # a wrong URL or an unreachable database: say so, exit 2
        raise CliError(
            f"Der Worker startet nicht / the worker does not start: "
            f"{type(error).__name__}: {error}"
        ) from None
    recovery = Recovery(store, queue.enqueue_site_audit, settings.site_audit_lease_seconds,
                        recover_every)
    consumer = Consumer(
        queue.huey, workers=workers, worker_type=worker_type, periodic=False,
        check_worker_health=True, max_delay=1.0,
    )
    recovery.start()
    try:
        consumer.run()  # returns after SIGTERM/SIGINT (huey's handlers), jobs finished
    finally:
        recovery.stop()
        close_contexts()
        store.close()
