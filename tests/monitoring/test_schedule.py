"""Schedules with a fixed clock: slots on the grid, a missed run caught up once, one slot taken
once, and the tick registered as a periodic task on the project's huey queue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from a11y_service.monitoring.jobs import TICK_TASK, MonitorContext, MonitorSettings, tick
from a11y_service.monitoring.schedule import add_months, next_slot
from a11y_service.monitoring.store import MonitoringStore
from a11y_service.site_audits.store import SiteAuditStore
from a11y_service.task_queue import build_queue
from tests.monitoring.helpers import monitor_settings, new_org

T0 = datetime(2026, 1, 31, 8, 0, tzinfo=UTC)


def test_next_slot_is_the_first_after_now() -> None:
    assert next_slot("daily", T0, T0 - timedelta(hours=1)) == T0
    assert next_slot("daily", T0, T0) == T0 + timedelta(days=1)
    assert next_slot("daily", T0, T0 + timedelta(days=10, hours=3)) == T0 + timedelta(days=11)
    assert next_slot("weekly", T0, T0 + timedelta(days=8)) == T0 + timedelta(days=14)
    assert next_slot("monthly", T0, T0) == datetime(2026, 2, 28, 8, 0, tzinfo=UTC)
    assert next_slot("monthly", T0, datetime(2026, 3, 1, tzinfo=UTC)) == datetime(
        2026, 3, 31, 8, 0, tzinfo=UTC)
    assert next_slot("manual", T0, T0) is None
    assert add_months(datetime(2024, 1, 31, tzinfo=UTC), 1) == datetime(2024, 2, 29, tzinfo=UTC)
    assert add_months(T0, 11) == datetime(2026, 12, 31, 8, 0, tzinfo=UTC)


@pytest.fixture
def context(tmp_path: Path) -> MonitorContext:
    settings = monitor_settings(tmp_path)
    enqueued: list[str] = []
    monitoring = MonitoringStore.open(settings.database_url)
    context = MonitorContext(store=monitoring, audits=SiteAuditStore.open(settings.database_url),
                             enqueue=enqueued.append, settings=MonitorSettings(scheduler=False))
    context.enqueued = enqueued  # type: ignore[attr-defined]
    context.org_id = new_org(settings.database_url, "Kreis")[0].id  # type: ignore[attr-defined]
    return context


def _site(context: MonitorContext, schedule: str = "daily") -> str:
    return context.store.create_site(
        context.org_id, name="Kreis", start_url="https://kreis.example/",  # type: ignore[attr-defined]
        sitemap_url=None, max_pages=5, max_depth=1, land="NW", body_kind="municipal",
        schedule=schedule, now=T0).id


def test_missed_runs_are_caught_up_once(context: MonitorContext) -> None:
    site_id = _site(context)
    assert len(tick(context, T0)) == 1  # the first run is due at registration
    assert context.store.site(site_id, None).next_run_at == T0 + timedelta(days=1)
    assert tick(context, T0 + timedelta(hours=23)) == []
    # The server was down for ten days: one audit, then back on the daily grid.
    back = T0 + timedelta(days=10, hours=2)
    assert len(tick(context, back)) == 1
    assert tick(context, back) == []
    assert tick(context, back + timedelta(hours=1)) == []
    assert context.store.site(site_id, None).next_run_at == T0 + timedelta(days=11)
    audits = context.store.audits(site_id, None)
    assert [a.planned_for for a in audits] == [T0, T0 + timedelta(days=1)]
    assert [a.trigger for a in audits] == ["schedule", "schedule"]
    assert len(context.enqueued) == 2  # type: ignore[attr-defined]
    queued = [context.audits.get(a.site_audit_id) for a in audits]
    assert [q.start_url for q in queued] == ["https://kreis.example/"] * 2


def test_manual_and_inactive_sites_never_run_by_schedule(context: MonitorContext) -> None:
    manual = _site(context, "manual")
    paused = _site(context, "weekly")
    context.store.update_site(paused, context.org_id, {"active": False},  # type: ignore[attr-defined]
                              now=T0)
    assert tick(context, T0 + timedelta(days=400)) == []
    assert context.store.audits(manual, None) == []
    assert context.store.audits(paused, None) == []


def test_a_slot_is_taken_by_one_tick_only(context: MonitorContext) -> None:
    site_id = _site(context)
    due = context.store.due_sites(T0)
    assert due == [(site_id, T0)]
    assert context.store.take_slot(site_id, T0, T0) is not None
    assert context.store.take_slot(site_id, T0, T0) is None  # a second worker's late tick


def test_tick_is_a_periodic_task_of_the_queue(tmp_path: Path) -> None:
    settings = monitor_settings(tmp_path)
    queue = build_queue(settings, name=f"monitor-test-{tmp_path.name}")
    due = queue.huey.read_periodic(datetime(2026, 5, 4, 10, 17))
    assert [task.name for task in due] == [TICK_TASK]
    # Run the task as a consumer would: it ticks with the real clock and starts nothing here.
    try:
        assert queue.huey.execute(due[0]) == 0
    finally:
        from a11y_service.monitoring.jobs import close_contexts
        from a11y_service.site_audits.jobs import close_contexts as close_audit_contexts

        close_contexts()
        close_audit_contexts()
