"""The public observatory in a real Chromium: axe-core (run directly, not through the project's
own page audit) finds no WCAG 2.x A/AA violation, and the pages work by keyboard alone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from a11y_service.accounts.store import AccountStore
from a11y_service.monitoring.store import MonitoringStore
from tests.monitoring.helpers import finding, new_org, run_report
from tests.monitoring.test_observatory import FIRST, SECOND, seed
from tests.web.server import running_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]
AXE = Path(__file__).resolve().parents[2] / "a11y_service" / "static" / "vendor" / "axe.min.js"
PASSWORD = "ein-langes-passwort-123"
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
  'wcag22aa']}, resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)));
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    workdir = tmp_path_factory.mktemp("observatory")
    db = f"sqlite:///{workdir / 'a11y.sqlite3'}"
    public, _ = new_org(db, "Stadt Offen", published=True)
    new_org(db, "Gemeinde Geheim")
    store = MonitoringStore.open(db)
    start = datetime(2026, 8, 1, tzinfo=UTC)
    site_id = seed(store, public.id, "Stadtportal", [FIRST, SECOND, SECOND], start)
    seed(store, public.id, "Schulportal", [run_report("https://amt.example", {
        "/": [finding("bitv.sign-language-link", "error")]}, scores={"/": 85.0})], start)
    store.close()
    accounts = AccountStore.open(db)
    accounts.create_user(public.id, "admin@stadt.example", "admin", PASSWORD)
    accounts.close()
    with running_server(workdir, A11Y_MONITOR_SCHEDULER="0") as base:
        yield base, public.slug, site_id


@pytest.fixture(scope="module")
def driver() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--window-size=1280,900",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"):
        options.add_argument(flag)
    chrome = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    chrome.set_script_timeout(30)
    try:
        yield chrome
    finally:
        chrome.quit()


def violations(driver: webdriver.Chrome, url: str) -> list[dict[str, Any]]:
    driver.get(url)
    heading = driver.find_element("tag name", "h1").text
    assert any(word in heading for word in ("Transparen", "Stadt", "Websites")), heading
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    return json.loads(driver.execute_async_script(RUN_AXE))


def test_observatory_pages_have_no_axe_violations(site, driver) -> None:
    base, slug, _ = site
    for path in ("/transparenz", f"/transparenz/{slug}", "/transparenz?lang=en"):
        found = violations(driver, base + path)
        assert found == [], (path, [(v["id"], [n["target"] for n in v["nodes"]]) for v in found])
    driver.set_window_size(320, 800)  # reflow: no horizontal scrolling of the page
    try:
        driver.get(base + "/transparenz")
        assert driver.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert violations(driver, base + "/transparenz") == []
    finally:
        driver.set_window_size(1280, 900)


def _tab(driver: webdriver.Chrome) -> dict[str, Any]:
    ActionChains(driver).send_keys(Keys.TAB).perform()
    return driver.execute_script("""
        const e = document.activeElement;
        const s = getComputedStyle(e);
        return {tag: e.tagName, text: (e.textContent || '').trim().slice(0, 80),
                href: e.getAttribute('href'), role: e.getAttribute('role'),
                visible: s.outlineStyle !== 'none' || s.boxShadow !== 'none'};""")


def test_observatory_works_by_keyboard_alone(site, driver) -> None:
    base, slug, _ = site
    driver.get(base + "/transparenz?lang=de")
    first = _tab(driver)
    assert first["href"] == "#inhalt" and first["visible"]  # the skip link comes first
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert driver.execute_script("return document.activeElement.id") == "inhalt"
    seen = []
    for _ in range(60):
        focused = _tab(driver)
        seen.append(focused)
        assert focused["visible"], focused  # focus is always visible
        if focused["href"] == f"/transparenz/{slug}":
            break
    else:
        raise AssertionError(f"organisation link not reached by Tab: {seen}")
    # The scrollable tables are reachable too (a keyboard user can scroll them).
    assert any(f["role"] == "region" for f in seen)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert driver.current_url == f"{base}/transparenz/{slug}"
    assert "Stadtportal" in driver.find_element("tag name", "main").text
    for _ in range(80):
        focused = _tab(driver)
        if focused["href"] == "/transparenz":
            break
    else:
        raise AssertionError("back link not reached by Tab")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert driver.current_url == f"{base}/transparenz"


def test_monitoring_pages_have_no_axe_violations(site, driver) -> None:
    base, _, site_id = site
    driver.get(base + "/anmelden?lang=de")
    driver.find_element("id", "email").send_keys("admin@stadt.example")
    driver.find_element("id", "password").send_keys(PASSWORD + Keys.ENTER)
    # The key press only starts the form's POST: navigating on at once can abort the sign-in.
    WebDriverWait(driver, 20).until(lambda d: "/anmelden" not in d.current_url)
    for path in ("/websites", f"/websites/{site_id}"):
        found = violations(driver, base + path)
        assert found == [], (path, [(v["id"], [n["target"] for n in v["nodes"]]) for v in found])
    assert "Stadtportal" in driver.find_element("tag name", "h1").text
