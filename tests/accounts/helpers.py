"""An organisation with an API key in the test database, for tests that call the protected API."""

from __future__ import annotations

import uuid
from typing import Any

from a11y_service.accounts.store import AccountStore, OrgRecord


def new_org_key(
    db_url: str,
    *,
    role: str = "admin",
    name: str = "Testamt",
    land: str = "bund",
    body_kind: str = "municipal",
) -> tuple[OrgRecord, str]:
    """A fresh organisation (unique slug) and the secret of its first key."""
    store = AccountStore.open(db_url)
    try:
        org, key = store.create_organisation(
            name,
            slug=f"test-{uuid.uuid4().hex[:10]}",
            land=land,
            body_kind=body_kind,
            key_role=role,
        )
    finally:
        store.close()
    assert key is not None
    return org, key.key


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def authorize(client: Any, db_url: str, **options: Any) -> OrgRecord:
    """Every later request of ``client`` (TestClient or httpx.Client) carries a new org's key."""
    org, key = new_org_key(db_url, **options)
    client.headers.update(bearer(key))
    return org
