"""The public text check is open without a key, but limited per address; a key lifts the limit."""

from __future__ import annotations

from pathlib import Path

from litestar.testing import TestClient

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from tests.accounts.helpers import bearer, new_org_key


def test_anonymous_checks_are_limited_and_a_key_is_not(checker, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    app = create_app(Settings(database_url=db, api_rate_limit=3), checker=checker)
    body = {"text": "Der Antrag wird geprüft."}
    with TestClient(app=app) as client:
        answers = [client.post("/v1/text/check", json=body) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        refused = answers[-1]
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.headers["retry-after"] == "60"
        assert "höchstens 3 pro Minute" in refused.json()["detail"]
        _, key = new_org_key(db)
        with_key = client.post("/v1/text/check", json=body, headers=bearer(key))
        assert with_key.status_code == 200
