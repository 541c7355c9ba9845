"""The account store on real SQLite and PostgreSQL: keys, passwords, sessions, rate limit,
password links, saved texts, and the review store seen by one organisation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text, update

from a11y_service.accounts.errors import (
    AccountNotFoundError,
    DuplicateError,
    InvalidAccountInputError,
    LoginFailedError,
    TooManyAttemptsError,
)
from a11y_service.accounts.secrets import sha256_hex
from a11y_service.accounts.store import MAX_FAILURES, AccountStore, slugify
from a11y_service.db.accounts_models import ApiKey, LoginFailure, LoginSession, User
from a11y_service.db.errors import NotFoundError
from a11y_service.db.records import SegmentUpdate
from a11y_service.review.store import ReviewStore
from tests.review.conftest import ready_job

PASSWORD = "ein-sicheres-passwort"


def _all_text(store: AccountStore) -> str:
    """Every value in every account table, as one string (to look for leaked secrets)."""
    parts = []
    with store.engine.connect() as conn:
        for table in ("organisations", "users", "api_keys", "sessions", "password_tokens"):
            for row in conn.execute(text(f"SELECT * FROM {table}")):
                parts.extend(str(v) for v in row)
    return "\n".join(parts)


def test_organisation_with_first_key_stored_hashed(accounts: AccountStore) -> None:
    org, key = accounts.create_organisation("Stadt Köln", land="nw", body_kind="municipal")
    assert key is not None
    assert org.slug == "stadt-koeln" and org.land == "NW" and org.published is False
    assert key.key.startswith(f"a11y_{key.record.prefix}_")
    with accounts.engine.connect() as conn:
        stored = conn.execute(select(ApiKey.secret_hash)).scalar_one()
    assert stored == sha256_hex(key.key)
    assert key.key not in _all_text(accounts)
    # The list never carries the secret.
    listed = accounts.list_keys(org.id)
    assert [k.prefix for k in listed] == [key.record.prefix]
    assert not hasattr(listed[0], "key")
    principal = accounts.key_principal(key.key)
    assert principal is not None
    assert (principal.org_id, principal.via, principal.role) == (org.id, "key", "editor")
    assert principal.org_land == "NW"


def test_wrong_and_revoked_keys_give_no_principal(accounts: AccountStore) -> None:
    org, key = accounts.create_organisation("Amt A")
    assert key is not None
    # Right prefix, wrong secret.
    forged = key.key[:-4] + ("AAAA" if not key.key.endswith("AAAA") else "BBBB")
    assert accounts.key_principal(forged) is None
    assert accounts.key_principal("a11y_nothing") is None
    assert accounts.key_principal("") is None
    second = accounts.create_key(org.id, "CI", "viewer")
    revoked = accounts.revoke_key(org.id, key.record.prefix)
    assert revoked.revoked_at is not None
    assert accounts.key_principal(key.key) is None
    assert accounts.key_principal(second.key) is not None  # other keys keep working
    # Revoking through another organisation is "not found".
    other, _ = accounts.create_organisation("Amt B")
    with pytest.raises(AccountNotFoundError):
        accounts.revoke_key(other.id, second.record.id)


def test_key_records_last_use(accounts: AccountStore) -> None:
    org, key = accounts.create_organisation("Amt")
    assert key is not None
    assert accounts.list_keys(org.id)[0].last_used_at is None
    accounts.key_principal(key.key)
    assert accounts.list_keys(org.id)[0].last_used_at is not None


def test_duplicate_and_invalid_organisations(accounts: AccountStore) -> None:
    accounts.create_organisation("Landkreis", slug="kreis")
    with pytest.raises(DuplicateError):
        accounts.create_organisation("Anderer Kreis", slug="kreis")
    again, _ = accounts.create_organisation("Kreis", slug="kreis", unique_slug=True)
    assert again.slug == "kreis-2"
    for kwargs in ({"land": "XX"}, {"body_kind": "castle"}, {"slug": "Nicht gut!"}):
        with pytest.raises(InvalidAccountInputError):
            accounts.create_organisation("Amt", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(InvalidAccountInputError):
        accounts.create_organisation("   ")
    assert slugify("Gemeinde Großenlüder") == "gemeinde-grossenlueder"


def test_password_is_argon2id_and_never_plaintext(accounts: AccountStore) -> None:
    org, _ = accounts.create_organisation("Amt")
    user = accounts.create_user(org.id, "Anna@Example.org", "editor", PASSWORD)
    assert user.email == "anna@example.org"
    with accounts.engine.connect() as conn:
        stored = conn.execute(select(User.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in _all_text(accounts)
    assert accounts.authenticate("ANNA@example.org", PASSWORD, "10.0.0.1").id == user.id
    with pytest.raises(LoginFailedError):
        accounts.authenticate("anna@example.org", PASSWORD + "x", "10.0.0.1")
    with pytest.raises(LoginFailedError):
        accounts.authenticate("nobody@example.org", PASSWORD, "10.0.0.1")
    with pytest.raises(DuplicateError):
        accounts.create_user(org.id, "anna@example.org", "viewer", PASSWORD)
    with pytest.raises(InvalidAccountInputError):
        accounts.create_user(org.id, "kurz@example.org", "viewer", "kurz")
    with pytest.raises(InvalidAccountInputError):
        accounts.create_user(org.id, "rolle@example.org", "boss", PASSWORD)
    with pytest.raises(InvalidAccountInputError):
        accounts.create_user(org.id, "keine-adresse", "viewer", PASSWORD)


def test_weak_parameters_are_rehashed_on_login(accounts: AccountStore) -> None:
    org, _ = accounts.create_organisation("Amt")
    user = accounts.create_user(org.id, "b@example.org", "viewer", PASSWORD)
    old = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with accounts.engine.begin() as conn:
        conn.execute(update(User).where(User.id == user.id).values(password_hash=old))
    accounts.authenticate("b@example.org", PASSWORD, "10.0.0.2")
    with accounts.engine.connect() as conn:
        new = conn.execute(select(User.password_hash)).scalar_one()
    assert new != old and new.startswith("$argon2id$") and "m=8192" not in new
    accounts.authenticate("b@example.org", PASSWORD, "10.0.0.2")  # the new hash verifies


def test_login_rate_limit_per_account_shared_between_processes(db_url: str) -> None:
    # Two stores with their own engines: like two service processes on the same database.
    first, second = AccountStore.open(db_url), AccountStore.open(db_url)
    try:
        org, _ = first.create_organisation("Amt")
        first.create_user(org.id, "c@example.org", "viewer", PASSWORD)
        for attempt in range(MAX_FAILURES):
            store = first if attempt % 2 else second
            with pytest.raises(LoginFailedError):
                store.authenticate("c@example.org", "falsch-falsch", f"10.1.0.{attempt}")
        # Locked now, even with the right password and from a new address.
        with pytest.raises(TooManyAttemptsError) as locked:
            second.authenticate("c@example.org", PASSWORD, "10.9.9.9")
        assert 0 < locked.value.retry_after <= 15 * 60 + 1
        # After the window the account is free again.
        with first.engine.begin() as conn:
            conn.execute(
                update(LoginFailure).values(
                    created_at=LoginFailure.created_at - timedelta(minutes=16)
                )
            )
        assert first.authenticate("c@example.org", PASSWORD, "10.9.9.9").email == "c@example.org"
    finally:
        first.close()
        second.close()


def test_login_rate_limit_per_address(accounts: AccountStore) -> None:
    org, _ = accounts.create_organisation("Amt")
    accounts.create_user(org.id, "d@example.org", "viewer", PASSWORD)
    for n in range(MAX_FAILURES):
        with pytest.raises(LoginFailedError):
            accounts.authenticate(f"guess{n}@example.org", "falsch-falsch", "192.0.2.7")
    with pytest.raises(TooManyAttemptsError):
        accounts.authenticate("d@example.org", PASSWORD, "192.0.2.7")
    # The account itself is not locked for people elsewhere.
    assert accounts.authenticate("d@example.org", PASSWORD, "192.0.2.8").email == "d@example.org"


def test_sessions_expire_end_and_follow_the_account(accounts: AccountStore) -> None:
    org, _ = accounts.create_organisation("Amt")
    user = accounts.create_user(org.id, "e@example.org", "translator", PASSWORD)
    session = accounts.create_session(user.id)
    principal = accounts.session_principal(session.token)
    assert principal is not None
    assert (principal.user_id, principal.role, principal.via) == (user.id, "translator", "session")
    with accounts.engine.connect() as conn:
        ids = conn.execute(select(LoginSession.id)).scalars().all()
    assert ids == [sha256_hex(session.token)]  # only the hash is stored
    expired = accounts.create_session(user.id, lifetime=timedelta(seconds=-1))
    assert accounts.session_principal(expired.token) is None
    accounts.delete_session(session.token)
    assert accounts.session_principal(session.token) is None
    again = accounts.create_session(user.id)
    accounts.set_active(org.id, user.id, False)
    assert accounts.session_principal(again.token) is None
    with pytest.raises(LoginFailedError):
        accounts.authenticate("e@example.org", PASSWORD, "10.0.0.3")


def test_admin_password_reset_link(accounts: AccountStore) -> None:
    org, _ = accounts.create_organisation("Amt")
    user = accounts.create_user(org.id, "f@example.org", "editor", PASSWORD)
    session = accounts.create_session(user.id)
    token = accounts.create_password_link(org.id, user.id, "reset")
    # The reset ends sessions and the old password.
    assert accounts.session_principal(session.token) is None
    with pytest.raises(LoginFailedError):
        accounts.authenticate("f@example.org", PASSWORD, "10.0.0.4")
    assert token not in _all_text(accounts)
    assert accounts.password_link_user(token).email == "f@example.org"
    accounts.use_password_link(token, "ein-neues-passwort")
    assert accounts.authenticate("f@example.org", "ein-neues-passwort", "10.0.0.4").id == user.id
    with pytest.raises(AccountNotFoundError):  # one time only
        accounts.use_password_link(token, "noch-ein-passwort")
    # Another organisation's admin cannot reset this person.
    other, _ = accounts.create_organisation("Anderes Amt")
    with pytest.raises(AccountNotFoundError):
        accounts.create_password_link(other.id, user.id, "reset")


def test_invitation_and_expired_link(accounts: AccountStore) -> None:
    org, _ = accounts.create_organisation("Amt")
    user = accounts.create_user(org.id, "g@example.org", "viewer")
    assert user.has_password is False
    with pytest.raises(LoginFailedError):
        accounts.authenticate("g@example.org", "", "10.0.0.5")
    token = accounts.create_password_link(org.id, user.id, "invite")
    with accounts.engine.begin() as conn:
        conn.execute(text("UPDATE password_tokens SET expires_at = created_at"))
    with pytest.raises(AccountNotFoundError):
        accounts.use_password_link(token, "ein-neues-passwort")


def test_change_password_needs_the_old_one(accounts: AccountStore) -> None:
    org, _ = accounts.create_organisation("Amt")
    user = accounts.create_user(org.id, "h@example.org", "viewer", PASSWORD)
    with pytest.raises(InvalidAccountInputError):
        accounts.change_password(user.id, "falsch-falsch", "ein-neues-passwort")
    accounts.change_password(user.id, PASSWORD, "ein-neues-passwort")
    assert accounts.authenticate("h@example.org", "ein-neues-passwort", "10.0.0.6")


def test_sign_up_creates_org_with_admin(accounts: AccountStore) -> None:
    org, user = accounts.sign_up(
        "Grundschule Am Park", "i@example.org", PASSWORD, land="BE", body_kind="school"
    )
    assert (user.role, user.org_id, org.land, org.body_kind) == ("admin", org.id, "BE", "school")
    with pytest.raises(DuplicateError):
        accounts.sign_up("Noch eine", "i@example.org", PASSWORD, land="bund", body_kind="other")
    assert [o.name for o in accounts.list_organisations()] == ["Grundschule Am Park"]


def test_saved_texts_belong_to_one_organisation(accounts: AccountStore) -> None:
    org_a, key_a = accounts.create_organisation("A")
    org_b, key_b = accounts.create_organisation("B")
    assert key_a is not None and key_b is not None
    alice = accounts.key_principal(key_a.key)
    bob = accounts.key_principal(key_b.key)
    assert alice is not None and bob is not None
    saved = accounts.save_text(alice, "Bescheid", "Der Antrag wird geprüft.", "einfach")
    assert accounts.get_text(org_a.id, saved.id).text == "Der Antrag wird geprüft."
    assert [t.id for t in accounts.list_texts(org_a.id)] == [saved.id]
    assert accounts.list_texts(org_b.id) == []
    with pytest.raises(AccountNotFoundError):
        accounts.get_text(org_b.id, saved.id)
    with pytest.raises(AccountNotFoundError):
        accounts.delete_text(org_b.id, saved.id)
    accounts.delete_text(org_a.id, saved.id)
    with pytest.raises(AccountNotFoundError):
        accounts.get_text(org_a.id, saved.id)


def test_review_store_scoped_to_an_organisation(db_url: str, accounts: AccountStore) -> None:
    org_a, _ = accounts.create_organisation("A")
    org_b, _ = accounts.create_organisation("B")
    review = ReviewStore.open(db_url)
    try:
        mine, theirs = review.scoped(org_a.id), review.scoped(org_b.id)
        job_id = ready_job(mine)
        assert mine.get_job(job_id).id == job_id
        assert [j.id for j in mine.list_jobs()] == [job_id]
        assert theirs.list_jobs() == []
        change = SegmentUpdate(version=1, reviewer="x", state="approved")
        for call in (
            lambda: theirs.get_job(job_id),
            lambda: theirs.segments(job_id),
            lambda: theirs.segment(job_id, "s1"),
            lambda: theirs.history(job_id, "s1"),
            lambda: theirs.comments(job_id),
            lambda: theirs.add_comment(job_id, "s1", "x", "hallo"),
            lambda: theirs.update_segment(job_id, "s1", change),
            lambda: theirs.job_content(job_id),
            lambda: theirs.job_document(job_id),
            lambda: theirs.publishable_segments(job_id),
        ):
            with pytest.raises(NotFoundError):
                call()
        # Nothing was changed through the other organisation.
        assert mine.segment(job_id, "s1").version == 1
        assert mine.comments(job_id) == []
        # The unscoped store (queue workers) sees every job.
        assert review.get_job(job_id).id == job_id
    finally:
        review.close()
