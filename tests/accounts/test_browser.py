"""The account pages in a real Chromium under a real uvicorn: axe-core (WCAG 2.x A/AA) and the
project's own audit find nothing, also with error messages shown and secrets on the page, and
every page reflows at 320 CSS pixels."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from tests.web.server import running_server
from tests.web.test_browser import OPTIONS, _axe_and_static, _overflow, failed

pytestmark = pytest.mark.browser

PUBLIC = ["/anmelden", "/registrieren", "/abmelden"]
PASSWORD = "ein-langes-passwort"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(tmp_path_factory.mktemp("account-server")) as base:
        yield base


@pytest.fixture(scope="module")
def pool() -> Iterator[BrowserPool]:
    shared = BrowserPool(OPTIONS.browser, OPTIONS.policy)
    yield shared
    shared.close()


def test_public_account_pages_pass_axe_and_the_own_audit(server: str, pool: BrowserPool) -> None:
    with PageAuditor(OPTIONS, pool=pool) as auditor:
        for path in PUBLIC + [p + ("&" if "?" in p else "?") + "lang=en" for p in PUBLIC]:
            report = auditor.audit_one(PageTarget(url=server + path), is_homepage=False)
            assert report.error is None, (path, report.error)
            assert report.metrics["axe"]["passes"] > 15, path
            assert failed(report) == [], path


def _submit(driver: object, fields: dict[str, str]) -> None:
    for name, value in fields.items():
        element = driver.find_element(By.NAME, name)  # type: ignore[attr-defined]
        if element.tag_name == "select":
            element.find_element(By.CSS_SELECTOR, f'option[value="{value}"]').click()
        else:
            element.clear()
            element.send_keys(value)
    element.submit()


def test_signed_in_pages_with_errors_and_secrets(server: str, pool: BrowserPool) -> None:
    with pool.session() as session:
        driver = session.driver
        problems: list[str] = []
        # An error state first: the sign-up form with a bad address.
        driver.get(server + "/registrieren?lang=de")
        _submit(
            driver,
            {
                "org_name": "Stadt <Au>",
                "land": "BY",
                "body_kind": "school",
                "email": "keine-adresse",
                "password": PASSWORD,
            },
        )
        WebDriverWait(driver, 90).until(lambda d: d.find_elements(By.ID, "email-error"))
        problems += [f"signup-error: {p}" for p in _axe_and_static(session, driver.current_url)]
        _submit(driver, {"email": "chefin@example.org", "password": PASSWORD})
        WebDriverWait(driver, 90).until(lambda d: "/organisation" in d.current_url)
        problems += [f"organisation: {p}" for p in _axe_and_static(session, driver.current_url)]
        # A new key and an invitation link on the page.
        driver.find_element(By.ID, "key-name").send_keys("CI Website")
        driver.find_element(By.ID, "key-name").submit()
        WebDriverWait(driver, 90).until(lambda d: "Ihr neuer API-Schlüssel" in d.page_source)
        problems += [f"new key: {p}" for p in _axe_and_static(session, driver.current_url)]
        driver.get(server + "/organisation")
        driver.find_element(By.ID, "invite-email").send_keys("neu@example.org")
        driver.find_element(By.ID, "invite-email").submit()
        WebDriverWait(driver, 90).until(lambda d: "passwort-setzen?token=" in d.page_source)
        problems += [f"invite: {p}" for p in _axe_and_static(session, driver.current_url)]
        link = re.search(r"/passwort-setzen\?token=[A-Za-z0-9_-]+", driver.page_source)
        assert link
        for path in (link.group(0), "/passwort-setzen?token=abgelaufen"):
            driver.get(server + path)  # the set-password form, and the answer to a dead link
            problems += [f"{path}: {p}" for p in _axe_and_static(session, driver.current_url)]
        for path in ("/konto", "/konto?lang=en", "/organisation?lang=en", "/texte"):
            driver.get(server + path)
            problems += [f"{path}: {p}" for p in _axe_and_static(session, driver.current_url)]
        # A wrong current password on the account page.
        driver.get(server + "/konto?lang=de")
        _submit(
            driver,
            {
                "old_password": "falsch-falsch",
                "new_password": "ein-neues-passwort",
                "new_password_repeat": "ein-neues-passwort",
            },
        )
        WebDriverWait(driver, 90).until(lambda d: d.find_elements(By.ID, "old_password-error"))
        problems += [f"password error: {p}" for p in _axe_and_static(session, driver.current_url)]
        assert problems == []


def test_account_pages_reflow_at_320_css_pixels(server: str, pool: BrowserPool) -> None:
    with pool.session() as session:
        driver = session.driver
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": False},
        )
        try:
            too_wide: list[str] = []
            for path in PUBLIC:
                driver.get(server + path)
                too_wide += _overflow(driver, path)
            driver.get(server + "/registrieren?lang=de")
            _submit(
                driver,
                {
                    "org_name": "Gemeinde Lang",
                    "land": "bund",
                    "body_kind": "municipal",
                    "email": "schmal@example.org",
                    "password": PASSWORD,
                },
            )
            WebDriverWait(driver, 90).until(lambda d: "/organisation" in d.current_url)
            driver.find_element(By.ID, "key-name").send_keys("CI")
            driver.find_element(By.ID, "key-name").submit()
            WebDriverWait(driver, 90).until(lambda d: "Ihr neuer API-Schlüssel" in d.page_source)
            too_wide += _overflow(driver, "organisation with key")
            driver.get(server + "/konto")
            too_wide += _overflow(driver, "/konto")
            assert too_wide == []
        finally:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
