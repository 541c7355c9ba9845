"""Fixtures for the review tests: every store test runs on a SQLite file and on a throwaway
PostgreSQL database (created at session start on 127.0.0.1:5432, dropped at the end)."""

from __future__ import annotations

import queue
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pg8000.native
import pytest

from a11y_service.db.records import NewSegment
from a11y_service.review.store import ReviewStore
from tests.db_templates import migrated_sqlite_url
from tests.review.doubles import ShoutingTranslator

PG = {"user": "postgres", "host": "127.0.0.1", "port": 5432}


class PgDatabases:
    """Creates uniquely named databases and drops them all by the end of the session.

    A DROP DATABASE waits for a checkpoint (0.6 s each here); a database given back with
    :meth:`release` is dropped by a background thread while the next tests run, instead of all
    of them in a row at the end of the session.
    """

    def __init__(self) -> None:
        self.admin = pg8000.native.Connection(database="postgres", **PG)
        self.names: list[str] = []
        self._template: str | None = None
        self._to_drop: queue.Queue[str | None] = queue.Queue()
        self._errors: list[BaseException] = []
        self._dropper = threading.Thread(target=self._drop_loop, name="pg-dropper", daemon=True)
        self._dropper.start()

    def create(self, *, migrated: bool = False) -> str:
        """A new empty database, or with ``migrated`` a copy of one migrated to head (copying
        a template takes 0.1 s, running the migrations on a new database several times that)."""
        name = f"a11y_review_{uuid.uuid4().hex[:12]}"
        template = f' TEMPLATE "{self._migrated_template()}"' if migrated else ""
        self.admin.run(f'CREATE DATABASE "{name}"{template}')
        self.names.append(name)
        return self._url(name)

    @staticmethod
    def _url(name: str) -> str:
        return f"postgresql+pg8000://{PG['user']}@{PG['host']}:{PG['port']}/{name}"

    def _migrated_template(self) -> str:
        if self._template is None:
            from a11y_service.db.engine import create_db_engine, migrate

            name = f"a11y_review_{uuid.uuid4().hex[:12]}"
            self.admin.run(f'CREATE DATABASE "{name}"')
            self.names.append(name)
            engine = create_db_engine(self._url(name))
            try:
                migrate(engine)
            finally:
                engine.dispose()  # a template must have no connections while it is copied
            self._template = name
        return self._template

    def release(self, url: str) -> None:
        """The test that used ``url`` is over: drop its database in the background."""
        name = url.rsplit("/", 1)[-1]
        if name in self.names:
            self.names.remove(name)
            self._to_drop.put(name)

    def _drop_loop(self) -> None:
        # Its own connection: a pg8000 connection must not be shared between threads.
        admin = pg8000.native.Connection(database="postgres", **PG)
        try:
            while (name := self._to_drop.get()) is not None:
                try:
                    admin.run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                except Exception as error:  # reported by drop_all, never lost
                    self._errors.append(error)
        finally:
            admin.close()

    def drop_all(self) -> None:
        for name in self.names:
            self._to_drop.put(name)
        self.names.clear()
        self._to_drop.put(None)
        self._dropper.join()
        self.admin.close()
        if self._errors:
            raise RuntimeError(f"test databases not dropped: {self._errors}")


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
        return migrated_sqlite_url(tmp_path / "review.sqlite3")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database nobody has migrated yet."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    databases = request.getfixturevalue("pg_databases")
    url = databases.create()
    yield url
    databases.release(url)


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
