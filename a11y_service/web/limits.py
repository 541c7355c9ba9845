"""A small per-address limiter for anonymous checks in the web app.

One process, in memory: enough to stop one client from keeping the browsers and the text engine
busy. Signed-in users (a principal on the request) are not limited here.
"""

from __future__ import annotations

import threading
import time
from collections import deque

from litestar import Request
from litestar.exceptions import TooManyRequestsException

WINDOW_SECONDS = 60.0
# Forget addresses that were quiet for a window, and never hold more than this many.
MAX_CLIENTS = 10_000


class RateLimiter:
    def __init__(self, per_minute: int, clock: object = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self._clock()  # type: ignore[operator]
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] >= WINDOW_SECONDS:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return False
            hits.append(now)
            if len(self._hits) > MAX_CLIENTS:
                self._forget_quiet(now)
            return True

    def _forget_quiet(self, now: float) -> None:
        for key in [k for k, h in self._hits.items() if not h or now - h[-1] >= WINDOW_SECONDS]:
            del self._hits[key]
        while len(self._hits) > MAX_CLIENTS:
            del self._hits[next(iter(self._hits))]

    def check(self, request: Request) -> None:
        """Raise 429 for an anonymous client over its limit."""
        if self.per_minute <= 0 or getattr(request.state, "principal", None) is not None:
            return
        client = request.client.host if request.client else "unknown"
        if not self.allow(client):
            raise TooManyRequestsException(
                detail=f"Zu viele Prüfungen ohne Anmeldung: höchstens {self.per_minute} pro "
                "Minute. Bitte warten Sie eine Minute oder melden Sie sich an. / Too many checks "
                f"without signing in: at most {self.per_minute} a minute. Please wait a minute "
                "or sign in (an API key lifts the limit).",
                headers={"Retry-After": str(int(WINDOW_SECONDS))},
            )
