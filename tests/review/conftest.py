"""Fixtures for the review tests: every store test runs on a SQLite file and on a throwaway
PostgreSQL database (created at session start on 127.0.0.1:5432, dropped at the end)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pg8000.native
import pytest

from a11y_service.db.records import NewSegment
from a11y_service.db.store import ReviewStore
from tests.review.doubles import ShoutingTranslator

PG = {"user": "postgres", "host": "127.0.0.1", "port": 5432}


class PgDatabases:
    """Creates uniquely named databases and drops them all at the end of the session."""

    def __init__(self) -> None:
        self.admin = pg8000.native.Connection(database="postgres", **PG)
        self.names: list[str] = []

    def create(self) -> str:
        name = f"a11y_review_{uuid.uuid4().hex[:12]}"
        self.admin.run(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        return f"postgresql+pg8000://{PG['user']}@{PG['host']}:{PG['port']}/{name}"

    def drop_all(self) -> None:
        for name in self.names:
            self.admin.run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.close()


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    databases = PgDatabases()
    try:
        yield databases
    finally:
        databases.drop_all()


@pytest.fixture(scope="session")
def pg_url(pg_databases: PgDatabases) -> str:
    return pg_databases.create()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'review.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database nobody has migrated yet."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    return request.getfixturevalue("pg_databases").create()


@pytest.fixture
def store(db_url: str) -> Iterator[ReviewStore]:
    review_store = ReviewStore.open(db_url)
    try:
        yield review_store
    finally:
        review_store.close()


@pytest.fixture
def translator() -> ShoutingTranslator:
    return ShoutingTranslator()


SEGMENTS = [
    NewSegment(id="s1", source="Der Antrag wird geprüft.", machine="The application is checked."),
    NewSegment(id="s2", source="Bitte rufen Sie an.", machine="Please call."),
    NewSegment(id="s3", source="Klicken Sie <g1>hier</g1>.", machine="Click <g1>here</g1>."),
]


def ready_job(review_store: ReviewStore) -> str:
    """A job in review with three segments, built without an engine."""
    job = review_store.create_job(content="<p>…</p>", fmt="html", source="de", target="en")
    assert review_store.start_job(job.id)
    review_store.complete_job(job.id, SEGMENTS, [])
    return job.id
