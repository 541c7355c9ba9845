"""Password hashing with argon2id (argon2-cffi's RFC 9106 low-memory profile)."""

from __future__ import annotations

import contextlib
import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from a11y_service.accounts.errors import InvalidAccountInputError

MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 copes, but nobody needs more and it bounds the work per request
_HASHER = PasswordHasher()
# Verifying against this when the account does not exist costs the same time as a real check,
# so response times do not tell which e-mail addresses have accounts.


def check_password_rules(password: str) -> str:
    if len(password) < MIN_PASSWORD or len(password) > MAX_PASSWORD or not password.strip():
        raise InvalidAccountInputError(
            f"Das Passwort muss mindestens {MIN_PASSWORD} Zeichen lang sein.",
            f"The password must have at least {MIN_PASSWORD} characters.",
            field="password",
        )
    return password


def hash_password(password: str) -> str:
    return _HASHER.hash(check_password_rules(password))


def verify_password(stored_hash: str | None, password: str) -> tuple[bool, str | None]:
    """(matches, new hash when the parameters changed and it should be stored again)."""
    if len(password) > MAX_PASSWORD:
        password = password[:MAX_PASSWORD]
    if not stored_hash:
        _verify_dummy(password)
        return False, None
    try:
        _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False, None
    if _HASHER.check_needs_rehash(stored_hash):
        return True, _HASHER.hash(password)
    return True, None


@functools.cache
def _dummy_hash() -> str:
    # Made on first use, not at import: hashing costs ~0.2 s, which every `a11y` start would pay.
    return _HASHER.hash("a11y-no-such-account")


def _verify_dummy(password: str) -> None:
    with contextlib.suppress(VerificationError):
        _HASHER.verify(_dummy_hash(), password)
