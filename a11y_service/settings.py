"""Service settings from ``A11Y_*`` environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    config_path: Path | None = None
    max_chars: int | None = None
    database_url: str = "sqlite:///a11y.sqlite3"
    # Page audits: the address policy (the API fetches what users name), the browser pool
    # (a Selenium Grid URL scales it beyond this machine) and the BITV scope.
    allow_loopback: bool = False
    allow_private: bool = False
    allowed_hosts: tuple[str, ...] = ()
    browser_pool: int = 2
    selenium_url: str | None = None
    page_timeout: float = 30.0
    max_page_bytes: int = 5_000_000
    bitv_land: str = "bund"
    bitv_body: str = "municipal"
    # Task queue for long translations: unset = SQLite file next to the database (one machine);
    # redis://host:6379/0 when several machines share the work.
    queue_url: str | None = None
    queue_name: str = "a11y"  # several deployments (or test runs) can share one Redis
    # Queue consumer threads inside the web process; 0 when separate `huey_consumer`s run.
    queue_workers: int = 1
    # Documents with more segments than this are translated through the queue (202).
    translate_inline_segments: int = 50
    # Site audits (background jobs): a worker holds an audit under a lease it renews; a lease
    # not renewed for this long means the worker died and another one resumes the audit.
    site_audit_lease_seconds: float = 60.0
    site_audit_max_pages: int = 200  # the most a request may ask for

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        # With slots=True the defaults are no class attributes (cls.port is a slot descriptor).
        defaults = cls()
        config = env.get("A11Y_CONFIG")
        max_chars = env.get("A11Y_MAX_CHARS")
        return cls(
            host=env.get("A11Y_HOST", defaults.host),
            port=int(env.get("A11Y_PORT", defaults.port)),
            config_path=Path(config) if config else None,
            max_chars=int(max_chars) if max_chars else None,
            database_url=env.get("A11Y_DATABASE_URL", defaults.database_url),
            allow_loopback=_flag(env.get("A11Y_ALLOW_LOOPBACK")),
            allow_private=_flag(env.get("A11Y_ALLOW_PRIVATE")),
            allowed_hosts=tuple(
                h.strip() for h in env.get("A11Y_ALLOWED_HOSTS", "").split(",") if h.strip()
            ),
            browser_pool=int(env.get("A11Y_BROWSER_POOL", defaults.browser_pool)),
            selenium_url=env.get("A11Y_SELENIUM_URL") or None,
            page_timeout=float(env.get("A11Y_PAGE_TIMEOUT", defaults.page_timeout)),
            max_page_bytes=int(env.get("A11Y_MAX_PAGE_BYTES", defaults.max_page_bytes)),
            bitv_land=env.get("A11Y_BITV_LAND", defaults.bitv_land),
            bitv_body=env.get("A11Y_BITV_BODY", defaults.bitv_body),
            queue_url=env.get("A11Y_QUEUE_URL") or None,
            queue_name=env.get("A11Y_QUEUE_NAME") or defaults.queue_name,
            queue_workers=int(env.get("A11Y_QUEUE_WORKERS", defaults.queue_workers)),
            translate_inline_segments=int(
                env.get("A11Y_TRANSLATE_INLINE_SEGMENTS", defaults.translate_inline_segments)
            ),
            site_audit_lease_seconds=float(
                env.get("A11Y_SITE_AUDIT_LEASE_SECONDS", defaults.site_audit_lease_seconds)
            ),
            site_audit_max_pages=int(
                env.get("A11Y_SITE_AUDIT_MAX_PAGES", defaults.site_audit_max_pages)
            ),
        )


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on", "ja")
