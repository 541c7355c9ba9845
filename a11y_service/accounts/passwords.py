"""Password hashing with argon2id (argon2-cffi's RFC 9106 low-memory profile)."""

from __future__ import annotations

import contextlib
import functools
import os

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from a11y_core.config.errors import EnvSettingError
from a11y_service.accounts.errors import InvalidAccountInputError

MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 copes, but nobody needs more and it bounds the work per request
# The argon2-cffi profile by name. Only the test suite sets A11Y_PASSWORD_HASH_PROFILE (to
# CHEAPEST): a production-cost hash takes 0.2 s of CPU and the tests make hundreds of them.
PROFILE_SETTING = "A11Y_PASSWORD_HASH_PROFILE"
DEFAULT_PROFILE = "RFC_9106_LOW_MEMORY"
PROFILES = ("RFC_9106_LOW_MEMORY", "RFC_9106_HIGH_MEMORY", "CHEAPEST")


def hasher_from_env(env: dict[str, str] | None = None) -> PasswordHasher:
    name = (os.environ if env is None else env).get(PROFILE_SETTING) or DEFAULT_PROFILE
    if name not in PROFILES:
        raise EnvSettingError(
            PROFILE_SETTING,
            f"{name!r} ist kein argon2-Profil (erlaubt: {', '.join(PROFILES)}).",
            f"{name!r} is not an argon2 profile (allowed: {', '.join(PROFILES)}).",
        )
    return PasswordHasher.from_parameters(getattr(profiles, name))


@functools.cache
def _hasher() -> PasswordHasher:
    # On first use, not at import: a wrong value is then reported by the command or request
    # that needs a password, with the usual bilingual error, not as an import traceback.
    return hasher_from_env()


def check_password_rules(password: str) -> str:
    if len(password) < MIN_PASSWORD or len(password) > MAX_PASSWORD or not password.strip():
        raise InvalidAccountInputError(
            f"Das Passwort muss mindestens {MIN_PASSWORD} Zeichen lang sein.",
            f"The password must have at least {MIN_PASSWORD} characters.",
            field="password",
        )
    return password


def hash_password(password: str) -> str:
    return _hasher().hash(check_password_rules(password))


def verify_password(stored_hash: str | None, password: str) -> tuple[bool, str | None]:
    """(matches, new hash when the parameters changed and it should be stored again)."""
    if len(password) > MAX_PASSWORD:
        password = password[:MAX_PASSWORD]
    if not stored_hash:
        _verify_dummy(password)
        return False, None
    try:
        _hasher().verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False, None
    if _hasher().check_needs_rehash(stored_hash):
        return True, _hasher().hash(password)
    return True, None


# Verifying against this when the account does not exist costs the same time as a real check,
# so response times do not tell which e-mail addresses have accounts.
@functools.cache
def _dummy_hash() -> str:
    # Made on first use, not at import: hashing costs ~0.2 s, which every `a11y` start would pay.
    return _hasher().hash("a11y-no-such-account")


def _verify_dummy(password: str) -> None:
    with contextlib.suppress(VerificationError):
        _hasher().verify(_dummy_hash(), password)
