"""The monitoring store on SQLite and PostgreSQL: migrations (0004 on top of both heads), a slot
taken once and an audit taken in once when several workers race, the observatory's window and
GROUP BY queries giving the same answer as the documented rules."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pg8000.native
import pytest

from a11y_service.monitoring.observatory import overview
from a11y_service.monitoring.store import MonitoringStore
from tests.monitoring.helpers import finding, new_org, run_report

PG = {"user": "postgres", "host": "127.0.0.1", "port": 5432}
T0 = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'monitor.sqlite3'}"
        return
    name = f"a11y_monitor_{uuid.uuid4().hex[:12]}"
    admin = pg8000.native.Connection(database="postgres", **PG)
    admin.run(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+pg8000://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
    finally:
        admin.run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _race(count: int, work) -> list[object]:
    results: list[object] = [None] * count
    barrier = threading.Barrier(count)

    def run(index: int) -> None:
        barrier.wait()
        results[index] = work()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_slots_and_ingestion_happen_once_under_races(db_url: str) -> None:
    org, _ = new_org(db_url, "Landkreis", published=True)
    store = MonitoringStore.open(db_url)
    try:
        site = store.create_site(org.id, name="Kreis", start_url="https://kreis.example/",
                                 sitemap_url=None, max_pages=5, max_depth=1, land="NW",
                                 body_kind="municipal", schedule="weekly", now=T0)
        later = T0 + timedelta(days=30)
        taken = _race(4, lambda: store.take_slot(site.id, T0, later))
        assert sum(result is not None for result in taken) == 1
        assert store.site(site.id, None).next_run_at == T0 + timedelta(days=35)

        runs = [run_report("https://kreis.example", {
            "/": [finding("axe.image-alt", "error", ("1.1.1",))],
            "/a": [finding("axe.label", "error", ("4.1.2",))]}, {"/": 55.0}),
            run_report("https://kreis.example", {"/": [], "/a": [
                finding("axe.label", "error", ("4.1.2",))]}, {"/": 65.0})]
        for number, run in enumerate(runs):
            moment = T0 + timedelta(days=40 * number)
            audit = store.add_audit(site, org.id, uuid.uuid4().hex, "schedule", moment, moment)
            results = _race(3, lambda audit=audit, run=run, moment=moment: store.ingest(
                audit.id, run, ["static", "bitv", "text"], now=moment))
            assert sum(result is not None for result in results) == 1
        first, second = store.audits(site.id, org.id)
        assert (first.new_findings, second.fixed_findings, second.open_findings) == (2, 1, 1)
        data = overview(store)
        [public] = data.organisations
        assert public.index == second.index and public.previous_index == first.index
        assert [point.month for point in public.trend] == ["2026-03", "2026-04"]
        assert data.audits == 2 and public.sites[0].audits == 2
        assert [p.index for p in data.trend] == [first.index, second.index]
        assert overview(store, org_trends=False).organisations[0].trend == []
    finally:
        store.close()
