"""axe-core in a real browser: a pool of reused Chromium sessions driven by Selenium.

Why not axe-selenium-python: it ships axe-core 3.1.1 (2018), pastes Python reprs into JavaScript
and re-sends the 650 KB script on every page. Here axe-core comes pinned from the npm registry,
is registered once per browser with CDP ``Page.addScriptToEvaluateOnNewDocument`` (so it is in
every frame of every page before the page's own scripts run, and a page's CSP cannot block it),
and options travel as JSON. On a Selenium Grid (no CDP) it is injected per page into every frame.

A crashed or hung browser is killed with its whole process tree and replaced; the caller retries
the page once (see :mod:`checkers.page.audit`).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import (
    JavascriptException,
    NoSuchFrameException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from urllib3.exceptions import HTTPError as DriverConnectionError

from checkers.page import dialogs
from checkers.page.axe import extra_rules
from checkers.page.guard_proxy import GuardProxy
from checkers.page.options import BrowserSettings, UrlPolicy
from checkers.page.rendered import run_checks

log = logging.getLogger(__name__)

# Selenium Manager would look for drivers on the internet; the Debian driver is given explicitly.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

_ROOT = Path(__file__).resolve().parents[2]
# Chromium's own background services still look up Google hosts; an audit must not wait on them.
_QUIET_HOSTS = (
    "MAP content-autofill.googleapis.com ~NOTFOUND, MAP accounts.google.com ~NOTFOUND, "
    "MAP update.googleapis.com ~NOTFOUND, MAP clients2.google.com ~NOTFOUND, "
    "MAP optimizationguide-pa.googleapis.com ~NOTFOUND"
)
_CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--disable-quic",
    "--mute-audio",
    # WebRTC could send UDP around the policy proxy to internal addresses.
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
    # Cross-origin iframes stay in the page's process, so the registered axe script reaches them.
    "--disable-features=IsolateOrigins,site-per-process,Translate,OptimizationHints",
    f"--host-resolver-rules={_QUIET_HOSTS}",
)


class BrowserUnavailable(RuntimeError):
    """No browser could be started (not installed, or the Grid cannot be reached)."""


class BrowserBusy(RuntimeError):
    """Every browser of the pool stayed busy longer than a page may take."""


def find_axe() -> tuple[Path, Path | None]:
    """axe.min.js and its German locale, installed from the npm registry by ``make install``."""
    candidates = []
    if os.environ.get("A11Y_AXE_PATH"):
        candidates.append(Path(os.environ["A11Y_AXE_PATH"]))
    candidates += [
        _ROOT / "node_modules" / "axe-core" / "axe.min.js",
        _ROOT / "a11y_service" / "static" / "vendor" / "axe.min.js",
    ]
    for path in candidates:
        if path.is_file():
            for locale in (
                path.parent / "locales" / "de.json",
                path.parent / "axe-locales" / "de.json",
            ):
                if locale.is_file():
                    return path, locale
            return path, None
    raise BrowserUnavailable(
        "axe-core fehlt; `make install` installiert es aus dem npm-Register. "
        "/ axe-core is missing; `make install` installs it from the npm registry."
    )


# A selector in the same form as checkers.page.dom.Page.selector, so findings of every engine
# name an element the same way and can be folded.
_SELECTOR_JS = r"""
function __a11ySelector(el) {
  var parts = [];
  var ident = /^-?[A-Za-z_][A-Za-z0-9_-]*$/;
  while (el && el.nodeType === 1) {
    var id = el.getAttribute('id');
    if (id && ident.test(id) && document.querySelectorAll('[id="' + id + '"]').length === 1) {
      parts.push('#' + id); break;
    }
    var tag = el.localName;
    var parent = el.parentElement;
    if (!parent || tag === 'html' || tag === 'body' || tag === 'head') {
      parts.push(tag);
      if (!parent || tag === 'html') break;
      el = parent; continue;
    }
    var same = Array.prototype.filter.call(parent.children, function (c) {
      return c.localName === tag;
    });
    parts.push(same.length === 1 ? tag : tag + ':nth-of-type(' + (same.indexOf(el) + 1) + ')');
    el = parent;
  }
  return parts.reverse().join(' > ');
}
"""

_RUN_JS = (
    _SELECTOR_JS
    + r"""
var done = arguments[arguments.length - 1];
var options = JSON.parse(arguments[0]);
var locale = arguments[1];
var exclude = JSON.parse(arguments[2] || '[]');
var context = exclude.length ? {include: [['html']], exclude: exclude} : document;
// Pre-injected on the CDP path; elsewhere (or after an odd navigation) the caller injects it and
// asks again. Checking here saves a round trip per page.
if (!(window.axe && window.axe.run)) { done(JSON.stringify({missing: true})); return; }
try {
  if (locale && window.__a11yAxeLocales && window.__a11yAxeLocales[locale]) {
    axe.configure({locale: window.__a11yAxeLocales[locale]});
  } else { axe.reset(); }
  axe.run(context, options).then(function (results) {
    ['violations', 'incomplete'].forEach(function (kind) {
      (results[kind] || []).forEach(function (rule) {
        rule.nodes.forEach(function (node) {
          if (node.target && node.target.length === 1 && typeof node.target[0] === 'string') {
            try {
              var el = document.querySelector(node.target[0]);
              if (el) { node.a11ySelector = __a11ySelector(el); }
            } catch (e) {}
          }
        });
      });
    });
    var nav = (performance.getEntriesByType && performance.getEntriesByType('navigation')[0]) || {};
    done(JSON.stringify({
      status: nav.responseStatus || 0, href: location.href,
      violations: results.violations, incomplete: results.incomplete,
      passes: (results.passes || []).length, url: results.url,
      engine: results.testEngine, html: '<!DOCTYPE html>' + document.documentElement.outerHTML,
      title: document.title, dialogs: (window.__a11yDialogs || []).slice(0, 20)
    }));
  }).catch(function (e) { done(JSON.stringify({error: String(e && e.message || e)})); });
} catch (e) { done(JSON.stringify({error: String(e && e.message || e)})); }
"""
)


@dataclass(slots=True)
class AxeOutcome:
    status: int  # HTTP status of the document the browser showed (0: unknown)
    violations: list[dict[str, Any]]
    incomplete: list[dict[str, Any]]
    passes: int
    html: str  # the rendered DOM, serialised: what the static and text engines then read
    final_url: str
    engine_version: str
    act_ids: dict[str, list[str]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    # PNG (base64) of failed elements by selector; only when the caller asks (web report).
    screenshots: dict[str, str] = field(default_factory=dict)
    dialogs: list[tuple[str, str]] = field(default_factory=list)  # dismissed: (kind, message)
    rendered: dict[str, Any] = field(default_factory=dict)  # checkers.page.rendered results
    tags: tuple[str, ...] = ()  # the axe tags the audit ran (e.g. wcag2aaa when AAA was asked)


class BrowserSession:
    """One WebDriver session: local Chromium (with CDP) or a Grid node (without)."""

    def __init__(
        self,
        settings: BrowserSettings,
        axe_source: str,
        locales: dict[str, Any],
        proxy_url: str | None = None,
    ):
        self.settings = settings
        self.pages = 0
        self.cdp = False
        self._headers = False
        started = time.perf_counter()
        options = webdriver.ChromeOptions()
        for flag in _CHROME_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--window-size={settings.width},{settings.height}")
        if proxy_url:
            # Every request of the page goes through the policy proxy, loopback included.
            options.add_argument(f"--proxy-server={proxy_url}")
            options.add_argument("--proxy-bypass-list=<-loopback>")
        options.page_load_strategy = "normal"
        dialogs.configure_options(options)
        try:
            if settings.remote_url:
                from checkers.page.remote import open_remote_session

                self.driver: webdriver.Remote = open_remote_session(
                    settings.remote_url, options, patience=settings.page_timeout
                )
            else:
                if not Path(settings.chromedriver).exists():
                    raise BrowserUnavailable(
                        f"ChromeDriver fehlt ({settings.chromedriver}); `make install` installiert "
                        "chromium und chromium-driver. Ohne Browser: --static-only. / ChromeDriver "
                        "is missing; `make install` installs it. Without a browser: --static-only."
                    )
                options.binary_location = settings.chromium
                self.driver = webdriver.Chrome(
                    service=Service(settings.chromedriver), options=options
                )
                self.cdp = True
        except WebDriverException as error:
            raise BrowserUnavailable(
                f"Der Browser startet nicht / the browser does not start: {error.msg or error}"
            ) from None
        # A hung browser must not hold a command for Selenium's default 120 s: every command is
        # bounded a little above the page and script limits, then the session counts as broken.
        # The dialog guard first: a page's own scripts must never open a blocking dialog.
        self.bootstrap = (
            dialogs.DIALOG_GUARD_JS
            + axe_source
            + ";window.__a11yAxeLocales = "
            + json.dumps(locales)
            + ";"
        )
        try:
            self.driver.command_executor._client_config.timeout = (
                max(settings.page_timeout, settings.axe_timeout) + 10
            )
            self.driver.set_page_load_timeout(settings.page_timeout)
            self.driver.set_script_timeout(settings.axe_timeout)
            if self.cdp:
                self.driver.execute_cdp_cmd(
                    "Page.addScriptToEvaluateOnNewDocument", {"source": self.bootstrap}
                )
        except Exception:
            self.close(kill=True)  # a half-started browser must not outlive the failure
            raise
        self.started_in = time.perf_counter() - started

    @property
    def pid(self) -> int | None:
        service = getattr(self.driver, "service", None)
        process = getattr(service, "process", None)
        return getattr(process, "pid", None)

    def audit(
        self,
        url: str,
        tags: tuple[str, ...],
        locale: str,
        exclude: tuple[str, ...] = (),
        screenshots: int = 0,
    ) -> AxeOutcome:
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        self.driver.get(url)
        timings["load"] = time.perf_counter() - t0
        return self.audit_current(tags, locale, exclude, timings, screenshots)

    def audit_current(
        self,
        tags: tuple[str, ...],
        locale: str,
        exclude: tuple[str, ...] = (),
        timings: dict[str, float] | None = None,
        screenshots: int = 0,
    ) -> AxeOutcome:
        """Run axe-core on the document the browser shows now; with ``screenshots`` > 0 also
        picture up to that many failed elements (see :mod:`checkers.page.screenshots`)."""
        timings = {} if timings is None else timings
        self.pages += 1
        options = {
            "runOnly": {"type": "tag", "values": list(tags)},
            "rules": extra_rules(tags),
            "resultTypes": ["violations", "incomplete"],
            "iframes": True,
            "elementRef": False,
        }
        arguments = (json.dumps(options), locale, json.dumps([[s] for s in exclude]))
        t2 = time.perf_counter()
        raw = self.driver.execute_async_script(_RUN_JS, *arguments)
        data = json.loads(raw)
        if data.get("missing"):  # not pre-injected (Grid, no CDP): inject, then run
            t1 = time.perf_counter()
            self._inject_frames()
            timings["inject"] = time.perf_counter() - t1
            t2 = time.perf_counter()
            data = json.loads(self.driver.execute_async_script(_RUN_JS, *arguments))
        else:
            timings["inject"] = 0.0
        timings["axe"] = time.perf_counter() - t2
        if isinstance(data.get("dialogs"), list):
            seen_dialogs = [(str(kind), str(message)) for kind, message in data["dialogs"]]
        else:
            seen_dialogs = dialogs.read_dialogs(self.driver)
        if "error" in data:
            raise JavascriptException(f"axe-core: {data['error']}")
        pictures: dict[str, str] = {}
        if screenshots > 0:
            from checkers.page.screenshots import capture, failed_selectors

            t3 = time.perf_counter()
            selectors = failed_selectors(data.get("violations") or [])
            pictures = capture(self.driver, selectors, screenshots)
            timings["screenshots"] = time.perf_counter() - t3
        rendered: dict[str, Any] = {}
        if self.settings.rendered_checks:
            t3 = time.perf_counter()
            rendered = run_checks(self.driver, self.cdp, _SELECTOR_JS)
            timings["rendered"] = time.perf_counter() - t3
        return AxeOutcome(
            status=int(data.get("status") or 0),
            violations=data.get("violations") or [],
            incomplete=data.get("incomplete") or [],
            passes=int(data.get("passes") or 0),
            html=data.get("html") or "",
            final_url=data.get("href") or self.driver.current_url,
            engine_version=(data.get("engine") or {}).get("version", ""),
            timings=timings,
            screenshots=pictures,
            dialogs=seen_dialogs,
            rendered=rendered,
            tags=tuple(tags),
        )

    def audit_html(
        self,
        html: str,
        base_url: str | None,
        tags: tuple[str, ...],
        locale: str,
        exclude: tuple[str, ...] = (),
        screenshots: int = 0,
    ) -> AxeOutcome:
        """Audit an HTML document given as text (API): written into about:blank, so relative
        resources resolve against ``base_url`` when given and local files are never reachable."""
        if base_url and "<base" not in html[:4096].lower():
            html = f'<base href="{_attr(base_url)}">' + html
        self.reset()  # no cookies or headers of an earlier audit in this browser
        self.driver.get("about:blank")
        self.driver.execute_script(
            "document.open(); document.write(arguments[0]); document.close();", html
        )
        outcome = self.audit_current(tags, locale, exclude, screenshots=screenshots)
        outcome.final_url = base_url or "about:blank"
        return outcome

    def prepare(self, url: str, headers: dict[str, str], cookies: list[dict[str, Any]]) -> None:
        """Cookies and headers for pages behind a login; cleared between pages of a run."""
        self.reset()
        self.set_headers(headers)
        self.add_cookies(url, cookies)

    def act_ids(self) -> dict[str, list[str]]:
        """axe's rule -> ACT rule ids; results do not carry them, ``axe.getRules()`` does."""
        rules = self.driver.execute_script(
            "return (window.axe ? axe.getRules() : []).map(function (r) {"
            " return [r.ruleId, r.actIds || []]; });"
        )
        return {rule_id: list(ids) for rule_id, ids in rules or []}

    def _inject_frames(self, depth: int = 0) -> None:
        """Grid path (no CDP): put axe into this frame and, recursively, every child frame."""
        self.driver.execute_script(self.bootstrap)
        if depth >= 4:
            return
        frames = self.driver.find_elements(By.CSS_SELECTOR, "iframe, frame")
        for index in range(len(frames)):
            try:
                self.driver.switch_to.frame(index)
            except NoSuchFrameException:
                continue
            try:
                self._inject_frames(depth + 1)
            except WebDriverException as error:
                log.debug("could not inject axe into a frame: %s", error)
            finally:
                self.driver.switch_to.parent_frame()

    def reset(self) -> None:
        """Between pages: forget cookies and headers of the previous target."""
        if self.cdp:
            self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
            if self._headers:
                self.driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {}})
                self._headers = False
        else:
            with suppress(WebDriverException):
                self.driver.delete_all_cookies()

    def add_cookies(self, url: str, cookies: list[dict[str, Any]]) -> None:
        if not cookies:
            return
        if self.cdp:
            for cookie in cookies:
                params = {"name": cookie["name"], "value": cookie["value"], "url": url}
                if cookie.get("domain"):
                    params["domain"] = cookie["domain"]
                    params.pop("url")
                params["path"] = cookie.get("path", "/")
                self.driver.execute_cdp_cmd("Network.setCookie", params)
            return
        self.driver.get(url)
        for cookie in cookies:
            self.driver.add_cookie(cookie)

    def set_headers(self, headers: dict[str, str]) -> None:
        if headers and self.cdp:
            self.driver.execute_cdp_cmd("Network.enable", {})
            self.driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": headers})
            self._headers = True

    def close(self, kill: bool = False) -> None:
        pid = self.pid
        if kill and pid:
            kill_tree(pid)
        else:
            try:
                self.driver.quit()
            except Exception:  # a dead browser cannot be asked to quit
                if pid:
                    kill_tree(pid)


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def kill_tree(pid: int) -> None:
    """Kill a process and all its descendants (chromedriver → chromium → renderers)."""
    for child in _descendants(pid):
        with suppress(ProcessLookupError, PermissionError):
            os.kill(child, signal.SIGKILL)
    with suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)
    with suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: list[int] = []
    stack = [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


class BrowserPool:
    """Up to ``pool_size`` browser sessions, started on demand and reused across pages."""

    def __init__(
        self, settings: BrowserSettings | None = None, policy: UrlPolicy | None = None
    ) -> None:
        self.settings = settings or BrowserSettings()
        # The URL policy for everything local browsers load (see guard_proxy); a Grid's nodes
        # cannot reach a proxy on this machine's loopback, their network is their isolation.
        self.policy = policy or UrlPolicy()
        self._proxy: GuardProxy | None = None
        axe_path, locale_path = find_axe()
        self.axe_source = axe_path.read_text(encoding="utf-8")
        self.locales: dict[str, Any] = {}
        if locale_path is not None:
            self.locales["de"] = json.loads(locale_path.read_text(encoding="utf-8"))
        self._idle: queue.LifoQueue[BrowserSession] = queue.LifoQueue()
        self._lock = threading.Lock()
        # Signals waiting callers that a session came back or a slot was freed.
        self._freed = threading.Condition(threading.Lock())
        self._live = 0
        self._closed = False
        self._act_ids: dict[str, list[str]] | None = None
        self.started = 0  # sessions started over the pool's life (for tests and the bench)
        self.replaced = 0

    @contextmanager
    def session(self) -> Iterator[BrowserSession]:
        session = self._acquire()
        healthy = True
        try:
            yield session
        except BaseException:
            healthy = False
            raise
        finally:
            if healthy and not self._closed and session.pages < self.settings.max_pages_per_browser:
                self._idle.put(session)
            else:
                self.discard(session, kill=not healthy)
            with self._freed:
                self._freed.notify()

    def _acquire(self) -> BrowserSession:
        """An idle session, or a new one while the pool has room; otherwise wait until a
        session is returned or discarded (a discarded one frees a slot for a new browser)."""
        deadline = time.monotonic() + self.settings.page_timeout * 4
        while True:
            if self._closed:
                raise BrowserUnavailable("Der Browser-Pool ist geschlossen. / The pool is closed.")
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                pass
            with self._freed:
                if self._live < self.settings.pool_size:
                    self._live += 1
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise BrowserBusy(
                        "Alle Browser sind belegt; die Seite wurde nicht rechtzeitig geprüft. "
                        "/ All browsers are busy; the page was not audited in time."
                    )
                self._freed.wait(min(remaining, 0.5))
        try:
            session = BrowserSession(
                self.settings, self.axe_source, self.locales, self._proxy_url()
            )
        except BaseException:
            with self._freed:
                self._live -= 1
                self._freed.notify()
            raise
        self.started += 1
        return session

    def _proxy_url(self) -> str | None:
        if self.settings.remote_url:
            return None
        with self._lock:
            if self._proxy is None:
                self._proxy = GuardProxy(self.policy)
            return self._proxy.url

    @property
    def refused(self) -> list[str]:
        """Requests of audited pages the policy refused (host:port)."""
        return self._proxy.refused if self._proxy is not None else []

    def discard(self, session: BrowserSession, kill: bool = True) -> None:
        with self._freed:
            self._live -= 1
            self._freed.notify()
        if kill:
            self.replaced += 1
        session.close(kill=kill)

    def remember_act_ids(self, session: BrowserSession) -> None:
        if self._act_ids is None:
            with suppress(WebDriverException):
                self._act_ids = session.act_ids()

    def act_ids_cached(self) -> dict[str, list[str]]:
        return self._act_ids or {}

    def close(self) -> None:
        self._closed = True
        sessions: list[BrowserSession] = []
        while True:
            try:
                sessions.append(self._idle.get_nowait())
            except queue.Empty:
                break
            with self._lock:
                self._live -= 1
        # A browser takes about half a second to quit; the pool's browsers quit together.
        closers = [threading.Thread(target=s.close, daemon=True) for s in sessions[1:]]
        for closer in closers:
            closer.start()
        if sessions:
            sessions[0].close()
        for closer in closers:
            closer.join()
        if self._proxy is not None:
            self._proxy.close()
            self._proxy = None


__all__ = [
    "AxeOutcome",
    "BrowserBusy",
    "BrowserPool",
    "BrowserSession",
    "BrowserUnavailable",
    "DriverConnectionError",
    "TimeoutException",
    "WebDriverException",
    "find_axe",
    "kill_tree",
]
