"""Schemathesis over the app's own OpenAPI schema, in process (ASGI): every generated request,
valid or not, gets an answer below 500 without a traceback, errors as problem+json."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from checkers.text.engine import TextChecker
from tests.review.doubles import ShoutingTranslator

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def api_schema(checker: TextChecker) -> Iterator[schemathesis.BaseSchema]:
    with tempfile.TemporaryDirectory() as folder:
        settings_ = Settings(
            max_chars=2_000,
            database_url=f"sqlite:///{Path(folder) / 'a11y.sqlite3'}",
            queue_url=f"sqlite:///{Path(folder) / 'queue.sqlite3'}",
            queue_workers=1,
        )
        app = create_app(settings_, checker=checker, translator=ShoutingTranslator())
        # The TestClient runs the lifespan (store, queue, checker); schemathesis then calls the
        # same application object in process.
        with TestClient(app=app):
            yield schemathesis.openapi.from_asgi("/schema/openapi.json", app)


def _check(response, case) -> None:
    text = response.text
    assert response.status_code < 500, (case.method, case.path, response.status_code, text[:300])
    assert "Traceback" not in text
    if response.status_code >= 400:
        content_type = response.headers.get("content-type", [""])[0]
        assert content_type.startswith("application/problem+json"), (case.path, content_type)


def test_api_never_answers_500(api_schema: schemathesis.BaseSchema) -> None:
    # Schemathesis' own pytest plugin does not run under this pytest; its strategies do: one
    # bounded hypothesis run per operation.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: schemathesis.Case) -> None:
            # No network from the fuzzer: audits get documents, never URLs.
            if case.path == "/v1/audits" and isinstance(case.body, dict):
                case.body.pop("url", None)
                case.body["static_only"] = True
            _check(case.call(), case)

        run()
