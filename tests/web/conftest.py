"""The web app under Litestar's TestClient, with the real text engine and a private cache dir."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.app import create_app

CSRF_FIELD = re.compile(r'name="_csrf_token" value="([^"]+)"')


def web_settings(tmp_path_factory: pytest.TempPathFactory, **overrides: object) -> Settings:
    database = tmp_path_factory.mktemp("web-db") / "a11y.sqlite3"
    values: dict[str, object] = {
        "database_url": f"sqlite:///{database}",
        "secret_key": "test-secret-key-for-the-web-app-0123456789",
        "queue_workers": 0,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def client(checker, tmp_path_factory) -> Iterator[TestClient]:
    app = create_app(web_settings(tmp_path_factory), checker=checker)
    with TestClient(app=app) as test_client:
        yield test_client


def csrf_token(client: TestClient, path: str = "/") -> str:
    """The hidden form token of a page (the GET also sets the matching cookie)."""
    page = client.get(path)
    match = CSRF_FIELD.search(page.text)
    assert match, f"no CSRF field on {path}"
    return match.group(1)
