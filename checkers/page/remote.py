"""Opening a browser session on a Selenium Grid, patient with nodes that just went away.

When a node dies, the Grid notices only at its next health check; until then it may route a new
session to the dead node and answer "Could not start a new session" (a connection error inside
the Grid). Another try a moment later lands on a live node, so session creation is retried for a
bounded time. Anything else (Grid unreachable, capabilities refused for good) fails at once.
"""

from __future__ import annotations

import logging
import time

from selenium import webdriver
from selenium.common.exceptions import SessionNotCreatedException

log = logging.getLogger(__name__)


def open_remote_session(
    url: str, options: webdriver.ChromeOptions, patience: float = 20.0
) -> webdriver.Remote:
    deadline = time.monotonic() + patience
    pause = 0.5
    while True:
        try:
            return webdriver.Remote(command_executor=url, options=options)
        except SessionNotCreatedException as error:
            if time.monotonic() + pause > deadline:
                raise
            log.warning("Grid could not start a session (%s); trying again",
                        (error.msg or "")[:120])
            time.sleep(pause)
            pause = min(pause * 2, 4.0)
