"""Database engine from ``A11Y_DATABASE_URL`` and schema migration at startup.

SQLite runs in WAL mode with ``synchronous=FULL``: a commit is on disk before the API answers
"saved", so a decision survives the server being killed with SIGKILL (or the machine losing
power). PostgreSQL URLs always use pg8000 (BSD licence; psycopg is LGPL). Migrations ship inside
the package and run through Alembic's API, so no ``alembic.ini`` is needed at run time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url

MIGRATIONS = Path(__file__).parent / "migrations"
# Any constant works; it only has to be the same in every process that migrates.
MIGRATION_LOCK_ID = 0xA11E


def normalize_url(url: str | URL) -> URL:
    """``postgres://`` and ``postgresql://`` become ``postgresql+pg8000://``."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.drivername in {"postgres", "postgresql"}:
        parsed = parsed.set(drivername="postgresql+pg8000")
    return parsed


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: the WAL is synced at every commit, so a committed decision survives SIGKILL and
        # power loss (NORMAL would survive SIGKILL only).
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
    finally:
        cursor.close()


def create_db_engine(url: str | URL) -> Engine:
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; safe to call from several processes at once."""
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two service processes starting together must not both create the tables.
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
