"""Databases already migrated to head, copied instead of migrated per test.

Running the alembic migrations on a new SQLite file costs about 0.6 s on the shared machine; a
copy of a migrated template costs milliseconds. The stores still run their start-up migration
on the copy: at head it is a no-op, exactly as when the service restarts. Tests of the migration
itself use empty databases (tests/review/conftest.py ``empty_db_url``).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from functools import cache
from pathlib import Path


@cache
def migrated_sqlite_template() -> Path:
    """Built once per test process, in its own temporary folder (removed at exit)."""
    import atexit

    from a11y_service.db.engine import create_db_engine, migrate

    folder = Path(tempfile.mkdtemp(prefix="a11y-db-template-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "migrated.sqlite3"
    engine = create_db_engine(f"sqlite:///{path}")
    try:
        migrate(engine)
    finally:
        engine.dispose()
    return path


def migrated_sqlite_url(target: Path) -> str:
    """A private copy of the migrated template at ``target``, as a database URL. A database
    already at ``target`` is kept as it is: helpers build settings more than once per test."""
    if target.exists():
        return f"sqlite:///{target}"
    with sqlite3.connect(migrated_sqlite_template()) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return f"sqlite:///{target}"
