from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from tests.accounts.helpers import authorize
from tests.review.doubles import ShoutingTranslator

if TYPE_CHECKING:
    from checkers.text.engine import TextChecker


@pytest.fixture(scope="module")
def client(checker: TextChecker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder: Path = tmp_path_factory.mktemp("hardening")
    settings = Settings(
        max_chars=5_000,
        database_url=f"sqlite:///{folder / 'a11y.sqlite3'}",
        queue_url=f"sqlite:///{folder / 'queue.sqlite3'}",
        queue_workers=1,
    )
    app = create_app(settings, checker=checker, translator=ShoutingTranslator())
    # raise_server_exceptions=False: a 500 must show up as an answer the test can reject.
    with TestClient(app=app, raise_server_exceptions=False) as test_client:
        # Hostile input must reach the handlers, not stop at the door: requests carry a key.
        authorize(test_client, settings.database_url)
        yield test_client
