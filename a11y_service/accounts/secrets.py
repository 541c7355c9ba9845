"""Random secrets and how they are stored.

API keys look like ``a11y_<prefix>_<secret>``: the prefix (public, shown in lists) finds the row,
the SHA-256 of the whole key is compared in constant time. Session and password-link tokens are
random URL-safe strings whose SHA-256 is the row id. These secrets carry 256 random bits, so a
fast hash is safe; passwords (``passwords.py``) need a slow one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

KEY_PATTERN = re.compile(r"^a11y_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$")


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_api_key() -> tuple[str, str]:
    """(prefix, full key)."""
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    prefix = "".join(secrets.choice(alphabet) for _ in range(8))
    return prefix, f"a11y_{prefix}_{secrets.token_urlsafe(32)}"


def split_api_key(key: str) -> str | None:
    """The prefix of a well-formed key, else None."""
    match = KEY_PATTERN.fullmatch(key.strip())
    return match.group(1) if match else None


def same_hash(stored: str, key: str) -> bool:
    return hmac.compare_digest(stored, sha256_hex(key))
