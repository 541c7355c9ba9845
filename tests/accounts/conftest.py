"""Account tests run on a SQLite file and on a throwaway PostgreSQL database (the review tests'
uniquely named databases, dropped at the end of the session)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from a11y_service.accounts.store import AccountStore
from tests.db_templates import migrated_sqlite_url
from tests.review.conftest import pg_databases, pg_url  # noqa: F401  (fixtures)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield migrated_sqlite_url(tmp_path / "accounts.sqlite3")
        return
    # A fresh database per test: rate-limit counts and unique e-mails must not leak between tests.
    databases = request.getfixturevalue("pg_databases")
    url = str(databases.create(migrated=True))
    yield url
    databases.release(url)  # dropped in the background while the next tests run


@pytest.fixture
def accounts(db_url: str) -> Iterator[AccountStore]:
    store = AccountStore.open(db_url)
    try:
        yield store
    finally:
        store.close()
