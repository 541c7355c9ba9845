"""On-disk cache of the validated built-in glossary files.

Parsing the built-in YAML (~1000 entries) takes ~110 ms even with the C loader, and jsonschema
validation another ~150 ms: far too slow for a CLI that starts once per check. The files only
change with a new release, so we store the validated documents in one ``marshal`` file keyed by a
hash of each file's bytes (plus the schema): a warm load then costs a few milliseconds. A stale or
damaged cache is simply rebuilt; an unwritable cache directory only costs speed, never correctness.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

MAGIC = "a11y-glossaries"
FORMAT_VERSION = 1
CACHE_FILENAME = "glossaries-v1.marshal"

# file name -> (content digest, validated document)
_Store = dict[str, tuple[str, Any]]


def default_cache_path() -> Path | None:
    # Same location rules as the lexicon cache, so one environment variable moves both.
    base = os.environ.get("A11Y_CACHE_DIR")
    if base:
        return Path(base) / CACHE_FILENAME
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        root = Path(xdg) if xdg else Path.home() / ".cache"
    except RuntimeError:  # no home directory (some service accounts)
        return None
    return root / "a11y" / CACHE_FILENAME


def digest(data: bytes, schema: bytes) -> str:
    return hashlib.blake2b(data + b"\0" + schema, digest_size=16).hexdigest()


@cache
def _store() -> _Store:
    """The cache content, read once per process (empty when missing or unreadable)."""
    path = default_cache_path()
    if path is None:
        return {}
    try:
        blob = path.read_bytes()
        magic, version, store = marshal.loads(blob)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if magic != MAGIC or version != FORMAT_VERSION or not isinstance(store, dict):
        return {}
    return store


def lookup(name: str, key: str) -> Any | None:
    hit = _store().get(name)
    if hit is not None and hit[0] == key:
        return hit[1]
    return None


def remember(name: str, key: str, doc: Any) -> None:
    """Record a validated document and rewrite the cache file atomically (best effort)."""
    store = _store()
    store[name] = (key, doc)
    path = default_cache_path()
    if path is None:
        return
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        blob = marshal.dumps((MAGIC, FORMAT_VERSION, store))
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            # Atomic: parallel processes never read a half-written cache.
            Path(tmp).replace(path)
        finally:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()
