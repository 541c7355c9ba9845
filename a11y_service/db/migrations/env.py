"""Alembic environment: uses the connection handed over by ``engine.migrate`` (the service), or
builds one from ``A11Y_DATABASE_URL`` when a developer runs ``alembic`` by hand."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy.engine import Connection

from a11y_service.db.engine import create_db_engine
from a11y_service.db.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get(
        "A11Y_DATABASE_URL", "sqlite:///a11y.sqlite3"
    )
    engine = create_db_engine(url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url")
        or os.environ.get("A11Y_DATABASE_URL", "sqlite:///a11y.sqlite3"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
