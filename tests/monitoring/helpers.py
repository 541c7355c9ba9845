"""Shared pieces of the monitoring tests: settings, organisations, synthetic run reports."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any

from a11y_core.config.env import Settings
from a11y_service.accounts.store import AccountStore, OrgRecord
from tests.db_templates import migrated_sqlite_url


def monitor_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": migrated_sqlite_url(tmp_path / "monitor.sqlite3"),
        "queue_url": f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        "queue_workers": 0,
        "allow_loopback": True,
        "site_audit_lease_seconds": 5.0,
        "secret_key": "monitoring-test-secret-key-0123456789abcdef",
    }
    values.update(overrides)
    return Settings(**values)


def new_org(db_url: str, name: str, *, published: bool = False, role: str = "admin",
            admins: tuple[str, ...] = ()) -> tuple[OrgRecord, str]:
    """An organisation with a key of ``role`` (and admin people), published or not."""
    from a11y_service.monitoring.store import MonitoringStore

    store = AccountStore.open(db_url)
    try:
        org, key = store.create_organisation(
            name, slug=f"{name.lower().replace(' ', '-')}-{uuid.uuid4().hex[:6]}",
            land="NW", body_kind="municipal", key_role=role)
        for email in admins:
            store.create_user(org.id, email, "admin")
    finally:
        store.close()
    assert key is not None
    if published:
        monitoring = MonitoringStore.open(db_url)
        monitoring.set_published(org.id, True)
        monitoring.close()
    return org, key.key


def finding(rule: str, severity: str = "error", wcag: tuple[str, ...] = (),
            snippet: str = "<img src=x>", outcome: str = "failed") -> dict[str, Any]:
    return {"rule_id": rule, "engine": "static", "outcome": outcome, "severity": severity,
            "message": f"{rule} found", "location": {"selector": "img", "snippet": snippet},
            "wcag": list(wcag)}


def run_report(base: str, pages: dict[str, list[dict[str, Any]]],
               scores: dict[str, float] | None = None) -> dict[str, Any]:
    """A run report in the shape of ``a11y check --format json``."""
    reports = []
    for path, findings in pages.items():
        metrics: dict[str, Any] = {}
        if scores and path in scores:
            metrics["text"] = {"score": scores[path], "level": "standard"}
        reports.append({"schema_version": "1", "target": {"kind": "page", "url": base + path},
                        "summary": {}, "metrics": metrics, "findings": findings})
    return {"schema_version": "1", "summary": {"needs_review": 0}, "reports": reports}


def wait_for(condition: Any, seconds: float = 90.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")
