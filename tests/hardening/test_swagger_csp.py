"""Swagger UI at /schema works under the strict Content-Security-Policy, in real Chromium:
the operations render and the console shows no CSP violation."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from checkers.page.browser import _CHROME_FLAGS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(checker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("swagger")
    app = create_app(
        Settings(database_url=f"sqlite:///{folder / 'a.sqlite3'}",
                 queue_url=f"sqlite:///{folder / 'q.sqlite3'}", queue_workers=1),
        checker=checker,
    )
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not instance.started:
        assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.05)
    port = instance.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=30)


def test_swagger_ui_renders_without_csp_violations(server: str) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in _CHROME_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        for path in ("/schema", "/schema/swagger"):
            driver.get(server + path)
            WebDriverWait(driver, 30).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock")
            )
            assert len(driver.find_elements(By.CSS_SELECTOR, ".opblock")) >= 10
            messages = [entry["message"] for entry in driver.get_log("browser")]
            violations = [m for m in messages if "Content Security Policy" in m]
            assert violations == [], violations
    finally:
        driver.quit()
