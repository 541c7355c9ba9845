"""Scaled out for real: PostgreSQL state, a Redis queue (uuid-named), two ``a11y worker``
processes; one is killed with SIGKILL mid-audit and the audit still completes exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pg8000.native
import pytest
import redis
from sqlalchemy import text

from a11y_core.config.env import Settings
from a11y_service.api.site_audits import CreateSiteAudit, create_site_audit
from a11y_service.site_audits.store import SiteAuditStore
from a11y_service.task_queue import build_queue
from tests.scale.slow_site import SlowSite, serve_slow

PG = {"user": "postgres", "host": "127.0.0.1", "port": 5432}
REDIS_URL = "redis://127.0.0.1:6379/0"
A11Y = Path(sys.executable).with_name("a11y")


@pytest.fixture
def pg_database() -> Iterator[str]:
    name = f"a11y_scale_{uuid.uuid4().hex[:12]}"
    admin = pg8000.native.Connection(database="postgres", **PG)
    admin.run(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+pg8000://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
    finally:
        admin.run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(A11Y), "worker", "-w", "1", "--recover-every", "0.5"],
        env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.mark.postgres
@pytest.mark.slow
def test_sigkill_mid_audit_still_completes_exactly_once(pg_database: str, tmp_path: Path
                                                        ) -> None:
    queue_name = f"a11y-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "A11Y_DATABASE_URL": pg_database,
        "A11Y_QUEUE_URL": REDIS_URL,
        "A11Y_QUEUE_NAME": queue_name,
        "A11Y_ALLOW_LOOPBACK": "1",
        "A11Y_SITE_AUDIT_LEASE_SECONDS": "2",
    }
    settings = Settings.from_env(env)
    store = SiteAuditStore.open(pg_database)
    queue = build_queue(settings)
    redis.Redis.from_url(REDIS_URL).ping()
    workers: list[subprocess.Popen[bytes]] = []
    with serve_slow(SlowSite(pages=12, delay=0.4)) as site:
        try:
            workers = [_worker(env, tmp_path / f"worker{i}.log") for i in range(2)]
            record = create_site_audit(
                CreateSiteAudit(start_url=site.base + "/", max_pages=50, max_depth=1,
                                engines=["static", "bitv"]),
                "org-a", store, queue, settings,
            )
            deadline = time.monotonic() + 60
            while store.get(record.id).pages_done < 3:
                assert time.monotonic() < deadline, "the audit did not start"
                time.sleep(0.05)
            with store.engine.connect() as connection:
                owner = connection.execute(
                    text("SELECT lease_owner FROM site_audits WHERE id = :id"), {"id": record.id}
                ).scalar_one()
            victim = next(w for w in workers if f":{w.pid}:" in owner)
            os.killpg(victim.pid, signal.SIGKILL)
            victim.wait()
            stored_before_kill = {r.url for r in store.page_results(record.id)}
            survivor = next(w for w in workers if w is not victim)
            assert store.get(record.id).status == "running"
            while store.get(record.id).status not in ("done", "failed"):
                assert time.monotonic() < deadline + 60, "the audit did not finish"
                assert survivor.poll() is None
                time.sleep(0.1)
        finally:
            for process in workers:
                _stop(process)
            queue.huey.flush()
    audit = store.get(record.id)
    logs = "\n".join(p.read_text(errors="replace") for p in tmp_path.glob("worker*.log"))
    assert audit.status == "done", logs
    assert audit.pages_total == audit.pages_done == 13
    assert audit.attempts == 2
    with store.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT url, worker FROM site_audit_pages WHERE audit_id = :id"),
            {"id": record.id},
        ).all()
    assert len(rows) == len({url for url, _ in rows}) == 13
    pids = {worker.split(":")[1] for _, worker in rows}
    assert pids == {str(victim.pid), str(survivor.pid)}  # both did part of it
    report = json.loads(store.report(record.id))
    assert [r["target"]["url"] for r in report["reports"]] == (
        [site.base + "/"] + [f"{site.base}/seite/{i}" for i in range(1, 13)]
    )
    # Pages stored before the kill were not fetched again ("/" is fetched by the crawl too);
    # only pages in flight when the worker died were fetched twice.
    for url in stored_before_kill:
        path = url.removeprefix(site.base) or "/"
        assert site.hits[path] == (2 if path == "/" else 1), (path, site.hits)
    assert max(site.hits.values()) <= 2
    store.close()
