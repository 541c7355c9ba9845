"""The service's settings from ``A11Y_*`` environment variables.

A wrong value (``A11Y_PORT=abc``) is an :class:`EnvSettingError` naming the variable, not a
traceback from ``int()``. ``A11Y_CONFIG`` names the a11y.toml the engines read
(:func:`a11y_core.config.read_config`).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from a11y_core.config.errors import EnvSettingError


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
    # Signs the web app's CSRF tokens (and sessions). Empty = the key stored in the cache dir.
    secret_key: str = ""
    # Anonymous web checks per client address and minute (the workbench and page audits).
    web_rate_limit: int = 30
    # Anonymous POST /v1/text/check (and check-document) per client address and minute; 0 = off.
    api_rate_limit: int = 120
    # Where people report barriers (the accessibility statement's feedback contact).
    contact_email: str = "barrierefreiheit@example.org"
    # The DGS video of the app's own sign-language page (BITV 2.0 Anlage 2 Teil 1): address,
    # file size and duration, shown with a download link. Empty: the page says it is coming.
    dgs_video_url: str = ""
    dgs_video_size: str = ""
    dgs_video_duration: str = ""

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        # With slots=True the defaults are no class attributes (cls.port is a slot descriptor).
        defaults = cls()
        config = env.get("A11Y_CONFIG")
        return cls(
            host=env.get("A11Y_HOST", defaults.host),
            port=env_int(env, "A11Y_PORT", defaults.port),
            config_path=Path(config) if config else None,
            max_chars=env_int(env, "A11Y_MAX_CHARS", 0) or None,
            database_url=env.get("A11Y_DATABASE_URL", defaults.database_url),
            allow_loopback=_flag(env.get("A11Y_ALLOW_LOOPBACK")),
            allow_private=_flag(env.get("A11Y_ALLOW_PRIVATE")),
            allowed_hosts=tuple(
                h.strip() for h in env.get("A11Y_ALLOWED_HOSTS", "").split(",") if h.strip()
            ),
            browser_pool=env_int(env, "A11Y_BROWSER_POOL", defaults.browser_pool),
            selenium_url=env.get("A11Y_SELENIUM_URL") or None,
            page_timeout=env_float(env, "A11Y_PAGE_TIMEOUT", defaults.page_timeout),
            max_page_bytes=env_int(env, "A11Y_MAX_PAGE_BYTES", defaults.max_page_bytes),
            bitv_land=env.get("A11Y_BITV_LAND", defaults.bitv_land),
            bitv_body=env.get("A11Y_BITV_BODY", defaults.bitv_body),
            queue_url=env.get("A11Y_QUEUE_URL") or None,
            queue_name=env.get("A11Y_QUEUE_NAME") or defaults.queue_name,
            queue_workers=env_int(env, "A11Y_QUEUE_WORKERS", defaults.queue_workers),
            translate_inline_segments=env_int(
                env, "A11Y_TRANSLATE_INLINE_SEGMENTS", defaults.translate_inline_segments
            ),
            site_audit_lease_seconds=env_float(
                env, "A11Y_SITE_AUDIT_LEASE_SECONDS", defaults.site_audit_lease_seconds
            ),
            site_audit_max_pages=env_int(
                env, "A11Y_SITE_AUDIT_MAX_PAGES", defaults.site_audit_max_pages
            ),
            secret_key=env.get("A11Y_SECRET_KEY") or stored_secret_key(env),
            web_rate_limit=env_int(env, "A11Y_WEB_RATE_LIMIT", defaults.web_rate_limit),
            api_rate_limit=env_int(env, "A11Y_API_RATE_LIMIT", defaults.api_rate_limit),
            contact_email=env.get("A11Y_CONTACT_EMAIL", defaults.contact_email),
            dgs_video_url=env.get("A11Y_DGS_VIDEO_URL", ""),
            dgs_video_size=env.get("A11Y_DGS_VIDEO_SIZE", ""),
            dgs_video_duration=env.get("A11Y_DGS_VIDEO_DURATION", ""),
        )


# The one parser of A11Y_* numbers (the service's settings, the translation engine's, the
# monitoring's mail settings): an unset or empty variable is the default, a wrong one an
# EnvSettingError that names it.


def env_int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise EnvSettingError(name, f"{value!r} ist keine ganze Zahl.",
                              f"{value!r} is not an integer.") from None


def env_float(env: Mapping[str, str], name: str, default: float) -> float:
    value = env.get(name)
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise EnvSettingError(name, f"{value!r} ist keine Zahl.",
                              f"{value!r} is not a number.") from None


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on", "ja")


def stored_secret_key(env: dict[str, str] | None = None) -> str:
    """The key generated once and kept in the cache dir (file ``secret_key``, mode 0600).

    A random key per process would log everybody out and break open forms on every restart.
    """
    env = dict(os.environ if env is None else env)
    cache = Path(env.get("A11Y_CACHE_DIR") or Path.home() / ".cache" / "a11y")
    path = cache / "secret_key"
    if path.is_file():
        key = path.read_text(encoding="ascii").strip()
        if len(key) >= 32:
            return key
    cache.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # O_EXCL: two processes starting at once must not both write; the loser reads the winner's.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip() or key
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
