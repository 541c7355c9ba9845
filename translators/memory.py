"""Translation memory: an identical segment is never sent to the model twice.

Keyed by (source language, target language, model version, segment text with placeholders
numbered locally), so a new model version never serves stale output and the same sentence hits
wherever it stands in a document. Two levels: an in-process LRU (cheap, bounded) and, when a path
is configured, a SQLite table that survives restarts and is shared by CLI runs. SQLite is the
standard library's; the review workflow keeps its own records in the service database.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path

Key = tuple[str, str, str, str]


def _digest(key: Key) -> str:
    return hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()


class TranslationMemory:
    def __init__(self, size: int = 20000, path: Path | str | None = None) -> None:
        self.size = size
        self._lru: OrderedDict[Key, str] = OrderedDict()
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS translation_memory ("
                " key TEXT PRIMARY KEY, source_lang TEXT, target_lang TEXT, model_version TEXT,"
                " source TEXT, target TEXT, created TEXT DEFAULT CURRENT_TIMESTAMP)"
            )
            self._db.commit()

    def get(self, key: Key) -> str | None:
        with self._lock:
            if key in self._lru:
                self._lru.move_to_end(key)
                self.hits += 1
                return self._lru[key]
            if self._db is not None:
                row = self._db.execute(
                    "SELECT target FROM translation_memory WHERE key = ?", (_digest(key),)
                ).fetchone()
                if row is not None:
                    self._remember(key, row[0])
                    self.hits += 1
                    return str(row[0])
            self.misses += 1
            return None

    def put_many(self, items: list[tuple[Key, str]]) -> None:
        with self._lock:
            for key, value in items:
                self._remember(key, value)
            if self._db is not None and items:
                self._db.executemany(
                    "INSERT OR REPLACE INTO translation_memory"
                    " (key, source_lang, target_lang, model_version, source, target)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [(_digest(k), k[0], k[1], k[2], k[3], v) for k, v in items],
                )
                self._db.commit()

    def _remember(self, key: Key, value: str) -> None:
        self._lru[key] = value
        self._lru.move_to_end(key)
        while len(self._lru) > self.size:
            self._lru.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._lru.clear()
            if self._db is not None:
                self._db.execute("DELETE FROM translation_memory")
                self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
