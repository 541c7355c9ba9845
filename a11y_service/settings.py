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

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        config = env.get("A11Y_CONFIG")
        max_chars = env.get("A11Y_MAX_CHARS")
        return cls(
            host=env.get("A11Y_HOST", cls.host),
            port=int(env.get("A11Y_PORT", cls.port)),
            config_path=Path(config) if config else None,
            max_chars=int(max_chars) if max_chars else None,
            database_url=env.get("A11Y_DATABASE_URL", cls.database_url),
        )
