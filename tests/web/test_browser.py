"""The web app in a real Chromium under a real uvicorn: axe-core and the project's own audit on
every page, a keyboard-only run of the text workbench, and reflow at 320 CSS pixels."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from checkers.page.dom import Page
from checkers.page.options import AuditOptions, BrowserSettings, UrlPolicy
from checkers.page.rule import PageContext, run_rules
from checkers.page.static import all_rules as static_rules
from tests.web.server import running_server

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/?lang=en",
    "/seite-pruefen",
    "/seite-pruefen?lang=en",
    "/barrierefreiheit",
    "/barrierefreiheit?lang=en",
    "/leichte-sprache",
    "/leichte-sprache?lang=en",
    "/gebaerdensprache",
    "/gebaerdensprache?lang=en",
    "/hilfe",
    "/hilfe?lang=en",
]
# Every WCAG 2.x A and AA rule of axe-core, and its best practices.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
OPTIONS = AuditOptions(
    engines=frozenset({"axe", "static", "bitv"}),
    policy=UrlPolicy(allow_loopback=True),
    browser=BrowserSettings(pool_size=1, page_timeout=30, axe_timeout=30),
    axe_tags=WCAG_TAGS,
)
LETTER = (
    "Sehr geehrte Frau Müller,\n"
    "Ihr Antrag wird vom Amt geprüft. Bitte reichen Sie die Unterlagen fristgerecht ein, "
    "weil wir sonst nicht entscheiden können, ob die Voraussetzungen gemäß § 24 vorliegen. "
    "Mehr unter https://www.example.de/ein/sehr/langer/pfad/ohne/leerzeichen/der/nicht/umbricht"
)
BARRIERS = """<!DOCTYPE html><html><head><title>Probe</title></head><body>
<header><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">
<nav><a href="/a"></a></nav></header>
<main><h1>Probe</h1><p class="grau">Grauer Text mit wenig Kontrast.</p>
<form><input type="text" name="q"></form></main>
<footer><p>Fuß</p></footer>
<style>.grau { color: #aaaaaa; }</style></body></html>"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    with running_server(tmp_path_factory.mktemp("web-server")) as base:
        yield base


@pytest.fixture(scope="module")
def server_with_video(tmp_path_factory) -> Iterator[str]:
    with running_server(
        tmp_path_factory.mktemp("web-server-video"),
        A11Y_DGS_VIDEO_URL="/static/dgs/a11y-app.mp4",
        A11Y_DGS_VIDEO_SIZE="48 MB",
        A11Y_DGS_VIDEO_DURATION="4:12 Minuten",
    ) as base:
        yield base


@pytest.fixture(scope="module")
def pool() -> Iterator[BrowserPool]:
    shared = BrowserPool(OPTIONS.browser, OPTIONS.policy)
    yield shared
    shared.close()


def failed(report) -> list[str]:
    return [
        f"{f.rule_id} {f.location.selector} {f.message}"
        for f in report.findings
        if f.outcome == "failed"
    ]


def test_every_page_passes_axe_and_the_own_audit(server: str, pool) -> None:
    """As a fresh `make run` serves them: without a DGS video configured."""
    with PageAuditor(OPTIONS, pool=pool) as auditor:
        for path in PAGES:
            report = auditor.audit_one(
                PageTarget(url=server + path), is_homepage=path in ("/", "/?lang=en")
            )
            assert report.error is None, (path, report.error)
            assert report.metrics["axe"]["passes"] > 20, path  # axe really ran
            assert failed(report) == [], path


def _homepage_bitv(base: str, pool) -> list:
    options = replace(OPTIONS, engines=frozenset({"static", "bitv"}))
    with PageAuditor(options, pool=pool) as auditor:
        report = auditor.audit_one(PageTarget(url=base + "/"), is_homepage=True)
    assert failed(report) == []
    return [f.rule_id for f in report.findings if f.outcome == "needs_review"]


def test_the_dgs_video_slot_is_a_review_until_a_video_is_configured(
    server: str, server_with_video: str, pool
) -> None:
    """The placeholder is declared in the statement as not yet accessible; the audit cannot see
    a video in it, so a person is asked to check; with a video configured nothing is left."""
    assert "bitv.sign-language-video" in _homepage_bitv(server, pool)
    assert "bitv.sign-language-video" not in _homepage_bitv(server_with_video, pool)


def _axe_and_static(session, url: str) -> list[str]:
    outcome = session.audit_current(WCAG_TAGS, "de")
    problems = [f"axe.{v['id']}: {v['help']}" for v in outcome.violations]
    page = Page(outcome.html, url)
    findings = run_rules(static_rules(), PageContext(page=page), "de")
    problems += [f"{f.rule_id} {f.location.selector}" for f in findings if f.outcome == "failed"]
    return problems


def _wait_for(driver, selector: str, timeout: float = 60) -> None:
    WebDriverWait(driver, timeout).until(lambda d: d.find_elements(By.CSS_SELECTOR, selector))


def test_result_pages_pass_axe_and_static_rules(server: str, pool, tmp_path: Path) -> None:
    with pool.session() as session:
        session.reset()  # no language cookie of an earlier test: these pages are German
        driver = session.driver
        driver.get(server + "/")
        driver.find_element(By.ID, "text").send_keys(LETTER)
        driver.find_element(By.ID, "profile-leicht").click()
        driver.find_element(By.CSS_SELECTOR, 'button[value="check"]').click()
        _wait_for(driver, "#ergebnis")
        assert driver.find_elements(By.CSS_SELECTOR, "mark[id]")
        assert _axe_and_static(session, driver.current_url) == []

        # The page audit report of a file full of barriers, with pictures of the elements.
        probe = tmp_path / "probe.html"
        probe.write_text(BARRIERS, encoding="utf-8")
        driver.get(server + "/seite-pruefen")
        driver.find_element(By.ID, "file").send_keys(str(probe))
        driver.find_element(By.CSS_SELECTOR, 'main button[type="submit"]').click()
        _wait_for(driver, "#ergebnis", timeout=120)
        pictures = driver.find_elements(By.CSS_SELECTOR, "img.screenshot")
        assert pictures, "no element pictures in the report"
        assert driver.execute_script("return arguments[0].naturalWidth", pictures[0]) > 0
        assert "Zu wenig Kontrast" in driver.page_source
        assert _axe_and_static(session, driver.current_url) == []


def _focus_style(driver) -> str:
    return driver.execute_script(
        "var s = getComputedStyle(document.activeElement);"
        "return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|');"
    )


def _style_of(driver, element) -> str:
    return driver.execute_script(
        "var s = getComputedStyle(arguments[0]);"
        "return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|');",
        element,
    )


def _tab_to(driver, predicate, limit: int = 40) -> object:
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        if predicate(active):
            return active
    raise AssertionError("not reached with the Tab key")


def test_keyboard_only_workbench(server: str, pool) -> None:
    with pool.session() as session:
        session.reset()  # no language cookie of an earlier test: these pages are German
        driver = session.driver
        driver.get(server + "/")
        # The first Tab shows the skip link.
        skip = _tab_to(driver, lambda el: el.get_attribute("class") == "skip-link", limit=1)
        assert skip.is_displayed() and skip.rect["y"] >= 0
        field = _tab_to(driver, lambda el: el.get_attribute("id") == "text")
        assert _focus_style(driver) != _style_of(driver, driver.find_element(By.ID, "file"))
        field.send_keys(LETTER)
        button = _tab_to(driver, lambda el: el.get_attribute("value") == "check")
        focused = _focus_style(driver)
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        assert _style_of(driver, button) != focused  # the focus indicator is visible
        ActionChains(driver).send_keys(Keys.TAB).perform()
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        _wait_for(driver, "#ergebnis")
        # app.js moves focus to the result heading.
        WebDriverWait(driver, 10).until(
            lambda d: d.switch_to.active_element.get_attribute("id") == "ergebnis"
        )
        # Apply the first suggestion with the Space key.
        apply = _tab_to(driver, lambda el: el.get_attribute("name") == "apply", limit=200)
        assert _focus_style(driver) != _style_of(driver, driver.find_element(By.ID, "text"))
        apply.send_keys(Keys.SPACE)
        WebDriverWait(driver, 60).until(lambda d: "Vorschlag übernommen" in d.page_source)


def test_reflow_at_320_css_pixels(server: str, pool) -> None:
    with pool.session() as session:
        session.reset()  # no language cookie of an earlier test: these pages are German
        driver = session.driver
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": False},
        )
        try:
            too_wide = []
            for path in PAGES:
                driver.get(server + path)
                too_wide += _overflow(driver, path)
            driver.get(server + "/")
            driver.find_element(By.ID, "text").send_keys(LETTER)
            driver.find_element(By.CSS_SELECTOR, 'button[value="check"]').click()
            _wait_for(driver, "#ergebnis")
            time.sleep(0.2)
            too_wide += _overflow(driver, "result")
            assert too_wide == []
        finally:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _overflow(driver, label: str) -> list[str]:
    width, scroll = driver.execute_script(
        "return [window.innerWidth, document.documentElement.scrollWidth];"
    )
    assert width == 320
    return [f"{label}: {scroll} > {width}"] if scroll > width else []
