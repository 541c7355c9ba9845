"""Persistence of translation review jobs: SQLAlchemy 2 models, Alembic migrations, the store.

SQLite by default (one machine, nothing to install), PostgreSQL through ``A11Y_DATABASE_URL``
when several service processes share the state. Nothing here imports Litestar, so the CLI and
queue workers use the same store as the API.
"""
