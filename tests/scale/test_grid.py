"""A real Selenium Grid on loopback (hub + two Chromium nodes from the pinned server jar): site
audits run through ``A11Y_SELENIUM_URL``; a node killed mid-audit costs a retry on the other
node, not a page."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from a11y_core.config.env import Settings
from a11y_service.selenium_grid import LocalGrid, grid_available, local_grid
from a11y_service.site_audits.runner import AuditContext, run_site_audit
from a11y_service.site_audits.store import SiteAuditStore
from tests.scale.slow_site import SlowSite, serve_slow

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not grid_available(), reason="needs java, the Selenium jar, chromedriver"),
]


@pytest.fixture(scope="module")
def grid() -> Iterator[LocalGrid]:
    # Two slots per node: after one node dies, the other still has room for the replacement
    # session while the surviving session keeps working.
    with local_grid(nodes=2, max_sessions=2) as running:
        yield running


def _busy_node(grid: LocalGrid) -> int:
    """Index of a node that runs a session now (node ports are in their configs)."""
    nodes = grid.status()["nodes"]
    for node in nodes:  # type: ignore[union-attr]
        if any(slot.get("session") for slot in node.get("slots", [])):
            port = node["uri"].rsplit(":", 1)[1]
            for index in range(len(grid.nodes)):
                config = (grid.folder / f"node{index}.toml").read_text()
                if f"port = {port}\n" in config:
                    return index
    raise AssertionError(f"no busy node: {nodes}")


def test_site_audit_on_the_grid_survives_a_node_killed_mid_audit(
    grid: LocalGrid, tmp_path: Path
) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'grid.sqlite3'}", allow_loopback=True,
        selenium_url=grid.url, browser_pool=2, site_audit_lease_seconds=30,
    )
    store = SiteAuditStore.open(settings.database_url)
    context = AuditContext(settings, store)
    killed: list[int] = []

    def kill_a_node_after_three(url: str) -> None:
        if len(store.done_urls(record.id)) >= 3 and not killed:
            index = _busy_node(grid)
            grid.kill_node(grid.nodes[index])
            killed.append(index)

    with serve_slow(SlowSite(pages=8, delay=0.5)) as site:
        record = store.create(org_id="a", start_url=site.base + "/", sitemap_url=None,
                              max_pages=20, max_depth=1, engines=["axe", "static"])
        try:
            assert run_site_audit(context, record.id, on_page=kill_a_node_after_three) == "done"
            pool = context.pool
            assert pool is not None
            replaced = pool.replaced
        finally:
            context.close()
    assert killed, "no node was killed"
    report = json.loads(SiteAuditStore(store.engine).report(record.id))
    errors = [(r["target"]["url"], r["error"]) for r in report["reports"] if r.get("error")]
    assert errors == [], "\n".join(str(e) for e in errors) + grid.logs()[-8000:]
    assert len(report["reports"]) == 9
    assert replaced >= 1  # the session on the dead node failed and was replaced
    assert all(r["metrics"]["axe"]["version"] for r in report["reports"])
    bad = next(r for r in report["reports"] if r["target"]["url"].endswith("/seite/3"))
    assert any(f["rule_id"] == "axe.image-alt" for f in bad["findings"])
    # The hub notices a dead node at its next health check (every 5 s): wait for that, not a clock.
    deadline = time.monotonic() + 60
    while grid.ready_nodes() != 1 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert grid.ready_nodes() == 1
