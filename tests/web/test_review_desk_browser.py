"""The review desk in a real Chromium: a keyboard-only review (Tab, Enter and the documented
shortcuts, no mouse), and every desk page audited: axe-core with zero violations plus the
project's own static and BITV checks, as a signed-in translator and as an editor."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_core.config.env import Settings
from a11y_service.accounts.store import AccountStore
from a11y_service.app import create_app
from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.options import AuditOptions
from tests.accounts.helpers import new_org_key
from tests.review.doubles import ShoutingTranslator
from tests.review.test_publish_guard import PAGE

pytestmark = pytest.mark.browser

SESSION_COOKIE = "a11y_session"


@dataclass
class Desk:
    base: str
    db_url: str
    job_id: str
    translator_cookie: str
    editor_cookie: str
    api_key: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def desk(checker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    tmp = tmp_path_factory.mktemp("desk")
    db_url = f"sqlite:///{tmp / 'desk.sqlite3'}"
    settings = Settings(
        database_url=db_url,
        queue_url=f"sqlite:///{tmp / 'queue.sqlite3'}",
        queue_workers=0,
        secret_key="desk-browser-test-secret-0123456789abcdef",
    )
    app = create_app(settings, checker=checker, translator=ShoutingTranslator())
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    try:
        org, key = new_org_key(db_url, role="editor")
        accounts = AccountStore.open(db_url)
        try:
            cookies = []
            for role in ("translator", "editor"):
                user = accounts.create_user(
                    org.id, f"{role}-{uuid.uuid4().hex[:6]}@example.org", role,
                    "ein langes Passwort 123",
                )
                cookies.append(accounts.create_session(user.id).token)
        finally:
            accounts.close()
        created = httpx.post(
            f"{base}/v1/translations",
            json={"content": PAGE, "format": "html", "source": "de", "target": "en",
                  "glossary": {"Ausweis": "ID card"}},
            headers={"Authorization": f"Bearer {key}"},
            timeout=30,
        )
        assert created.status_code == 201, created.text
        yield Desk(base, db_url, created.json()["id"], cookies[0], cookies[1], key)
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-extensions", "--window-size=1280,1024",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        yield browser
    finally:
        browser.quit()


def _sign_in(driver: WebDriver, desk: Desk, token: str) -> None:
    driver.get(f"{desk.base}/hilfe")
    driver.delete_all_cookies()
    driver.add_cookie({"name": SESSION_COOKIE, "value": token, "path": "/"})


def _api(desk: Desk) -> httpx.Client:
    return httpx.Client(base_url=desk.base, headers={"Authorization": f"Bearer {desk.api_key}"},
                        timeout=30)


def _segments(desk: Desk) -> list[dict]:
    with _api(desk) as api:
        return api.get(f"/v1/translations/{desk.job_id}/segments").json()


def _active(driver: WebDriver) -> tuple[str, str]:
    """Tag and id of the focused element, read in one step (a page may be reloading)."""
    try:
        tag, ident = driver.execute_script(
            "var a = document.activeElement;"
            "return a ? [a.tagName.toLowerCase(), a.id || ''] : ['', ''];"
        )
    except WebDriverException:
        return "", ""
    return str(tag), str(ident)


def _tab_to(driver: WebDriver, element_id: str, limit: int = 200) -> None:
    """Press Tab (only Tab) until ``element_id`` has the focus."""
    for _ in range(limit):
        if _active(driver)[1] == element_id:
            return
        ActionChains(driver).send_keys(Keys.TAB).perform()
    raise AssertionError(f"Tab never reached #{element_id}")


def _wait_for(condition, explain=None, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"condition not met in time: {explain() if explain else ''}")


def test_keyboard_only_review(driver: WebDriver, desk: Desk) -> None:
    _sign_in(driver, desk, desk.translator_cookie)
    driver.get(f"{desk.base}/uebersetzungen")
    # From the queue to the job, by Tab and Enter only.
    link = driver.find_element("css selector", f"a[href='/uebersetzungen/{desk.job_id}']")
    for _ in range(100):
        if driver.switch_to.active_element == link:
            break
        ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.switch_to.active_element == link
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    _wait_for(lambda: driver.current_url.rstrip("/").endswith(desk.job_id))
    first, second, third = _segments(desk)[:3]
    # Tab to the first sentence's translation, type a new one, Tab to "Freigeben", Enter.
    _tab_to(driver, f"t-{first['id']}")
    field = driver.switch_to.active_element
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("Citizens' Office North")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.switch_to.active_element.get_attribute("value") == "approve"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    # The answer lands on the next open sentence, and review.js puts the focus in its field.
    _wait_for(lambda: _active(driver) == ("textarea", f"t-{second['id']}"),
              lambda: (driver.current_url, _active(driver), driver.get_log("browser"),
                       driver.execute_script("return document.activeElement.outerHTML")))
    # Ctrl+Enter approves the sentence the focus is in and moves on.
    ActionChains(driver).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
    _wait_for(lambda: _active(driver) == ("textarea", f"t-{third['id']}"))
    # Typing a letter in the field does nothing but type it (no single-key shortcuts).
    field = driver.switch_to.active_element
    field.send_keys(" n r k")
    assert driver.current_url.endswith(f"#seg-{third['id']}")
    assert " n r k" in field.get_attribute("value")
    assert _active(driver) == ("textarea", f"t-{third['id']}")
    # Alt+Shift+P goes back a sentence, Alt+Shift+N forward again.
    ActionChains(driver).key_down(Keys.ALT).key_down(Keys.SHIFT).send_keys("p").key_up(
        Keys.SHIFT).key_up(Keys.ALT).perform()
    assert _active(driver) == ("textarea", f"t-{second['id']}")
    ActionChains(driver).key_down(Keys.ALT).key_down(Keys.SHIFT).send_keys("n").key_up(
        Keys.SHIFT).key_up(Keys.ALT).perform()
    assert _active(driver) == ("textarea", f"t-{third['id']}")
    stored = {s["id"]: s for s in _segments(desk)}
    assert stored[first["id"]]["state"] == "approved"
    assert stored[first["id"]]["target"] == "Citizens' Office North"
    assert stored[second["id"]]["state"] == "approved"
    # The reviewer is the signed-in person.
    assert stored[first["id"]]["reviewer"].startswith("translator-")


AXE_SOURCE = (
    Path(__file__).resolve().parents[2] / "a11y_service" / "static" / "vendor" / "axe.min.js"
)
AXE_TAGS = AuditOptions().axe_tags  # WCAG 2.x A/AA and best practice, as the page audit runs it
AXE_RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}}).then(function (result) {
  done(result.violations.map(function (v) {
    return v.id + " " + v.nodes.map(function (n) { return n.target.join(" "); }).join(", ");
  }));
}, function (error) { done(["axe failed: " + error]); });
"""


def _axe(driver: WebDriver, url: str) -> list[str]:
    """axe-core in the page as the browser shows it (status 409 pages included)."""
    driver.get(url)
    driver.execute_script(AXE_SOURCE.read_text(encoding="utf-8"))
    return list(driver.execute_async_script(AXE_RUN, list(AXE_TAGS)))


def _own_audit(html: str) -> list[str]:
    """The project's own static and BITV checks on the page's HTML."""
    options = AuditOptions(engines=frozenset({"static", "bitv"}))
    with PageAuditor(options) as auditor:
        run = auditor.audit([PageTarget(html=html)])
    report = run.reports[0]
    assert report.error is None, report.error
    return [f"{f.rule_id} {f.location.selector} {f.message}" for f in report.findings
            if f.outcome == "failed"]


def test_desk_pages_pass_axe_and_the_own_audit(driver: WebDriver, desk: Desk) -> None:
    # Make the export blocked first: an approved sentence that drops the price.
    segments = _segments(desk)
    with _api(desk) as api:
        for seg in segments:
            body: dict[str, object] = {"version": seg["version"], "state": "approved"}
            if "25" in seg["source"]:
                body["target"] = "The ID card costs euros."
            answer = api.patch(f"/v1/translations/{desk.job_id}/segments/{seg['id']}", json=body)
            assert answer.status_code == 200, answer.text
    pages = [
        (desk.translator_cookie, "/uebersetzungen", 200),
        (desk.translator_cookie, f"/uebersetzungen/{desk.job_id}", 200),
        (desk.translator_cookie, f"/uebersetzungen/{desk.job_id}?lang=en", 200),
        (desk.translator_cookie, f"/uebersetzungen/{desk.job_id}/export", 409),
        (desk.editor_cookie, f"/uebersetzungen/{desk.job_id}/export", 409),
        (desk.editor_cookie, f"/uebersetzungen/{desk.job_id}/export?lang=en", 409),
    ]
    for token, path, status in pages:
        page = httpx.get(f"{desk.base}{path}", cookies={SESSION_COOKIE: token}, timeout=30)
        assert page.status_code == status, path
        assert _own_audit(page.text) == [], path
        _sign_in(driver, desk, token)
        assert _axe(driver, f"{desk.base}{path}") == [], path
    # The audit has teeth: the same page with an image without alt text fails.
    driver.execute_script(
        "var i = document.createElement('img'); i.src = '/static/none.png';"
        "document.querySelector('main').appendChild(i);"
    )
    found = driver.execute_async_script(AXE_RUN, list(AXE_TAGS))
    assert any(v.startswith("image-alt ") for v in found)
    # Reflow: at 320 CSS pixels nothing scrolls sideways.
    driver.set_window_size(320, 800)
    try:
        _sign_in(driver, desk, desk.editor_cookie)
        driver.get(f"{desk.base}/uebersetzungen/{desk.job_id}/export")
        wide = driver.execute_script(
            "return document.documentElement.scrollWidth > window.innerWidth + 1;"
        )
        assert not wide
    finally:
        driver.set_window_size(1280, 1024)


def test_editor_overrides_by_keyboard(driver: WebDriver, desk: Desk) -> None:
    _sign_in(driver, desk, desk.editor_cookie)
    driver.get(f"{desk.base}/uebersetzungen/{desk.job_id}/export")
    assert "Veröffentlichen ist gesperrt" in driver.page_source
    # app.js focuses the explanation's heading; the form follows by Tab.
    _tab_to(driver, "override-reason")
    driver.switch_to.active_element.send_keys("Der Preis steht im Bild daneben.")
    ActionChains(driver).send_keys(Keys.TAB, Keys.ENTER).perform()
    _wait_for(lambda: "hinweis=uebergangen" in driver.current_url)
    with _api(desk) as api:
        overrides = api.get(f"/v1/translations/{desk.job_id}/overrides").json()
        assert overrides and overrides[0]["reviewer"].startswith("editor-")
        assert overrides[0]["comment"] == "Der Preis steht im Bild daneben."
        assert api.get(f"/v1/translations/{desk.job_id}/export",
                       params={"format": "html"}).status_code == 200
