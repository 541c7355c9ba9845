"""Checks only a rendered page can answer, run in the browser after axe-core.

Each rule has its own module and record beside it (``focus_visible.py`` + ``focus_visible.yaml``:
id, WCAG and ACT references, severity, outcome, messages in German and English, examples; see
:mod:`checkers.rules`): focus-visible (2.4.7), reflow (1.4.10), text-spacing (1.4.12),
keyboard-trap (2.1.2), focus-order (2.4.3), content-on-hover (1.4.13, ``hover.py``),
image-of-text (1.4.5) and image-text-alt (1.1.1, OCR in ``images.py``). This module runs the
checks in the browser (:func:`run_checks`) and turns their raw results into findings
(:func:`rendered_findings`). One probe has no rule of its own: it focuses the tab-order elements
inside aria-hidden subtrees and tells focus sentinels apart (:func:`focus_probe`), which the
rules static.aria-hidden-focus and axe.aria-hidden-focus (ACT 6cfa84) then use; another measures
text contrast on gradients and background images (``contrast.py``), which decides axe's
undecided color-contrast nodes where the answer is clear.

Each check is bounded (elements, key presses) so a page costs tens of milliseconds, and can be
switched off with ``BrowserSettings.rendered_checks``. The rules' examples are run by
``tests/page/test_rendered.py`` in a real Chromium, each asserting exactly what it expects.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from typing import Any

from checkers.page.rendered import (
    content_on_hover,
    focus_order,
    focus_visible,
    image_of_text,
    image_text_alt,
    keyboard_trap,
    reflow,
    scripts,
    text_spacing,
)
from checkers.page.rendered.applicability import pointer_checks_needed
from checkers.page.rendered.contrast import CONTRAST_LIMIT, COUNT_JS, check_background_contrast
from checkers.page.rendered.hover import CANDIDATES_JS, TRIGGER_LIMIT, check_hover_content
from checkers.page.rendered.images import ALT_OVERLAP, check_images
from checkers.report import Finding, Location
from checkers.rules import RuleMeta, discover, fill, localized

log = logging.getLogger(__name__)

FOCUS_LIMIT = 30  # kinds of tabbable element whose focus style is compared
WALK_LIMIT = 15  # Tab presses of the keyboard walk
REFLOW_WIDTH = 320
REFLOW_HEIGHT = 256
SENTINEL_LIMIT = 20  # elements inside aria-hidden subtrees focused to see whether focus stays


def _meta(module: object) -> list[RuleMeta]:
    meta = getattr(module, "META", None)
    return [meta] if isinstance(meta, RuleMeta) else []


# One module and one YAML record per rule (focus_visible.py + focus_visible.yaml, ...), found by
# the one registry; the helper modules (hover, images, scripts, applicability) have no META.
RULES: tuple[RuleMeta, ...] = tuple(discover(__name__, _meta, lambda meta: meta.id))
FOCUS_VISIBLE = focus_visible.META
REFLOW = reflow.META
TEXT_SPACING = text_spacing.META
KEYBOARD_TRAP = keyboard_trap.META
FOCUS_ORDER = focus_order.META
CONTENT_ON_HOVER = content_on_hover.META
IMAGE_OF_TEXT = image_of_text.META
IMAGE_TEXT_ALT = image_text_alt.META


def run_checks(driver: Any, cdp: bool, selector_js: str) -> dict[str, Any]:
    """Run the checks on the page the driver shows; returns JSON-able raw results with the
    seconds each step took. A check that fails is logged and left out, never fatal. Round trips
    to the browser are few: focus, spacing and the walk's preconditions share one script."""
    prelude = selector_js + scripts.TABBABLES_JS
    # The focus probe's script starts by counting the text the contrast step would measure.
    probes_js = prelude + "var __a11yBackgrounds = " + COUNT_JS + ";\n" + scripts.SENTINELS_JS
    raw: dict[str, Any] = {"timings": {}}

    def timed(name: str, work: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return work()
        except Exception as error:  # one check must not cost the page its other findings
            log.warning("rendered check %s failed: %s", name, error)
            return None
        finally:
            raw["timings"][name] = time.perf_counter() - t0

    if cdp and not getattr(driver, "_a11y_focus_emulated", False):
        # A background window has no focus, and then :focus styles never apply. The setting
        # stays for the browser tab, so it is made once per session.
        timed("focus_emulation", lambda: driver.execute_cdp_cmd(
            "Emulation.setFocusEmulationEnabled", {"enabled": True}
        ))
        driver._a11y_focus_emulated = True
    # The images check takes screenshots of the elements it gets back: it keeps the driver.
    images_driver = driver
    if cdp:
        driver = CdpScripts(driver)
    combined = prelude + CANDIDATES_JS + scripts.COMBINED_JS
    page = timed(
        "page",
        lambda: json.loads(driver.execute_script(combined, FOCUS_LIMIT, WALK_LIMIT, TRIGGER_LIMIT)),
    )
    if page:
        raw["focus"] = page.get("focus")
        raw["spacing"] = page.get("spacing")
        raw["inert"] = page.get("inert") or []
    if cdp:
        raw["reflow"] = timed("reflow", lambda: _reflow(driver, prelude))
        walk = (page or {}).get("walk") or {}
        if walk.get("tabbables", 0) >= 2 and (walk.get("scripts") or walk.get("positive")):
            raw["trap"] = timed("trap", lambda: _keyboard_walk(driver, prelude, walk["tabbables"]))
        candidates = (page or {}).get("hover") or []
        if candidates:  # most pages have none: no pointer moves, no round trips
            needed = timed(
                "hover_applicable", lambda: pointer_checks_needed(driver, cdp, candidates)
            ) or [True] * len(candidates)
            for candidate, pointer in zip(candidates, needed, strict=True):
                candidate["pointer"] = pointer
            raw["hover"] = timed(
                "hover", lambda: check_hover_content(driver, prelude, candidates)
            )
    if (page or {}).get("images", 1):
        raw["images"] = timed("images", lambda: check_images(images_driver, prelude))
    # One round trip: count the text on gradients and background images (before anything is
    # focused), then focus the elements inside aria-hidden subtrees (their handlers may change
    # the page, so this comes last of the scripts).
    probes = timed(
        "probes",
        lambda: json.loads(driver.execute_script(probes_js, SENTINEL_LIMIT, CONTRAST_LIMIT)),
    )
    raw["sentinels"] = probes
    if (probes or {}).get("backgrounds"):
        raw["contrast"] = timed(
            "contrast", lambda: check_background_contrast(images_driver, prelude)
        )
    return raw


def focus_probe(rendered: Mapping[str, Any] | None) -> dict[str, frozenset[str]] | None:
    """The browser's answer for elements inside aria-hidden subtrees that are in the tab order:
    selectors of those that passed focus on at once (``left``: focus sentinels, not focusable
    in the ACT sense), of those that kept it (``kept``) and of the aria-hidden elements that
    hold only sentinels (``clear``). None when the probe did not run."""
    found = (rendered or {}).get("sentinels")
    if not isinstance(found, dict):
        return None
    return {
        key: frozenset(s for s in found.get(key) or () if isinstance(s, str))
        for key in ("left", "kept", "clear")
    }


def inert_frames(rendered: Mapping[str, Any] | None) -> frozenset[str]:
    """Selectors of the frames an open modal dialog made inert when the page was rendered."""
    return frozenset(s for s in (rendered or {}).get("inert") or () if isinstance(s, str))


class CdpScripts:
    """The driver, but its scripts run as one CDP ``Runtime.evaluate`` each: WebDriver's
    executeScript makes chromedriver wrap the script, check the frames and serialise elements,
    about twice the time and CPU of the script itself on small pages (async scripts: 5-8 ms of
    browser and driver CPU a call against 3 ms). The checks' scripts return plain JSON, never
    elements. Everything else (CDP commands) goes to the driver unchanged."""

    SCRIPT_TIMEOUT_MS = 30_000  # like WebDriver's script timeout: a looping page cannot hang us

    def __init__(self, driver: Any) -> None:
        self._driver = driver

    def __getattr__(self, name: str) -> Any:
        return getattr(self._driver, name)

    def execute_script(self, script: str, *args: Any) -> Any:
        expression = f"(function () {{\n{script}\n}}).apply(null, {json.dumps(list(args))})"
        return self._evaluate(expression, awaited=False)

    def execute_async_script(self, script: str, *args: Any) -> Any:
        """WebDriver's async script contract (the last argument is the callback) as one
        awaited promise: the checks' async scripts (hover waits, the keyboard walk's reads)
        are many per page. The promise gives up after the script timeout, as WebDriver's
        would."""
        expression = (
            "new Promise(function (resolve, reject) {\n"
            f"setTimeout(function () {{ reject(new Error('script timeout')); }}, "
            f"{self.SCRIPT_TIMEOUT_MS});\n"
            f"(function () {{\n{script}\n}}).apply(null, {json.dumps(list(args))}"
            ".concat([resolve]));\n})"
        )
        return self._evaluate(expression, awaited=True)

    def _evaluate(self, expression: str, awaited: bool) -> Any:
        params: dict[str, Any] = {"expression": expression, "returnByValue": True}
        if awaited:
            params["awaitPromise"] = True
        else:
            params["timeout"] = self.SCRIPT_TIMEOUT_MS
        result = self._driver.execute_cdp_cmd("Runtime.evaluate", params)
        details = result.get("exceptionDetails")
        if details:
            from selenium.common.exceptions import JavascriptException

            thrown = (details.get("exception") or {}).get("description") or details.get("text")
            raise JavascriptException(f"javascript error: {thrown}")
        return result.get("result", {}).get("value")


def rendered_limits(raw: Mapping[str, Any] | None) -> list[str]:
    """What the rendered checks could not do on this machine, for the report's limits."""
    if raw and (raw.get("images") or {}).get("skipped") == "tesseract":
        return [
            "Texterkennung (Tesseract) fehlt: Bilder mit Text (1.4.5, 1.1.1) nicht geprüft / "
            "OCR (Tesseract) missing: images of text (1.4.5, 1.1.1) not checked"
        ]
    return []


def _reflow(driver: Any, prelude: str) -> dict[str, Any]:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": REFLOW_WIDTH, "height": REFLOW_HEIGHT, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        return json.loads(driver.execute_script(prelude + scripts.REFLOW_JS))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _press(driver: Any, shift: bool = False) -> None:
    modifiers = 8 if shift else 0
    for kind in ("rawKeyDown", "keyUp"):
        driver.execute_cdp_cmd(
            "Input.dispatchKeyEvent",
            {
                "type": kind,
                "key": "Tab",
                "code": "Tab",
                "windowsVirtualKeyCode": 9,
                "nativeVirtualKeyCode": 9,
                "modifiers": modifiers,
            },
        )


def _keyboard_walk(driver: Any, prelude: str, total: int) -> dict[str, Any]:
    """Tab through the page. Focus that comes back to an element before every tabbable element
    was reached, without leaving the page, is trapped (a modal dialog's own cycle is not).
    Without a trap, walk back with Shift+Tab: the way back must mirror the way forward."""
    # Start the walk at the top of the tab order: focus a throw-away element placed first in
    # the body with tabindex 1 (so elements with a positive tabindex come after it, too); the
    # first read of the focus removes it.
    driver.execute_script(
        "var t = document.createElement('span'); t.tabIndex = 1; t.id = '__a11y_walk_start';"
        "document.body.insertBefore(t, document.body.firstChild);"
        "t.focus({preventScroll: true}); window.scrollTo(0, 0);"
        "window.__a11yPrevFocus = null;"
    )
    active_js = prelude + scripts.ACTIVE_JS
    visited: list[str] = []
    order: list[dict[str, Any]] = []
    presses = 0
    for _ in range(min(total + 2, WALK_LIMIT)):
        _press(driver)
        presses += 1
        current, modal, backwards, tabindex, previous = driver.execute_async_script(active_js)
        if current and backwards and current not in visited and (tabindex > 0 or previous > 0):
            # A jump back up the page, caused by a positive tabindex (on either end).
            order.append({
                "selector": visited[-1] if previous > 0 and visited else current,
                "kind": "tabindex", "from": visited[-1] if visited else "", "to": current,
                "tabindex": max(tabindex, previous),
            })
        if not current:
            if visited:
                break  # focus left the page: no trap on the way
            continue  # the walk started behind the last element and wrapped to the top
        if current in visited:
            cycle = visited[visited.index(current) :]
            if len(set(visited)) < total and not modal and "iframe" not in current:
                return {"presses": presses, "trapped": list(dict.fromkeys(cycle))[:3]}
            break
        visited.append(current)
    mismatch = _walk_back(driver, active_js, visited) if len(visited) >= 2 else None
    if mismatch:
        order.append(mismatch)
    return {"presses": presses, "trapped": [], "order": order[:3], "forward": visited}


def _walk_back(driver: Any, active_js: str, visited: list[str]) -> dict[str, Any] | None:
    """From the last element reached, Shift+Tab must meet the same elements in reverse."""
    focused = driver.execute_script(
        "var el = document.querySelector(arguments[0]);"
        "if (!el) return false; el.focus({preventScroll: true});"
        "window.__a11yPrevFocus = el; return document.activeElement === el;",
        visited[-1],
    )
    if not focused:
        return None
    for expected, came_from in zip(visited[-2::-1], visited[:0:-1], strict=True):
        _press(driver, shift=True)
        current = driver.execute_async_script(active_js)[0]
        if current != expected:
            return {"selector": current or came_from, "kind": "reverse", "from": came_from,
                    "to": current, "expected": expected}
    return None


def rendered_findings(
    raw: Mapping[str, Any] | None, page_url: str | None, locale: str
) -> list[Finding]:
    """The raw results as report findings."""
    if not raw:
        return []
    findings: list[Finding] = []
    for item in (raw.get("focus") or {}).get("unfocused", []):
        findings.append(_finding(FOCUS_VISIBLE, page_url, locale, item["selector"], item["html"]))
    reflow = raw.get("reflow") or {}
    for item in reflow.get("causes", [])[:5]:
        params = {"width": reflow.get("width"), "view": reflow.get("view")}
        findings.append(_finding(REFLOW, page_url, locale, item["selector"], item["html"], params))
    for item in (raw.get("spacing") or {}).get("clipped", []):
        findings.append(_finding(TEXT_SPACING, page_url, locale, item["selector"], item["html"]))
    for selector in (raw.get("trap") or {}).get("trapped", []):
        findings.append(_finding(KEYBOARD_TRAP, page_url, locale, selector, None))
    for item in (raw.get("trap") or {}).get("order", []):
        reason = _order_reason(item, locale)
        findings.append(
            _finding(FOCUS_ORDER, page_url, locale, item["selector"], None, {"reason": reason})
        )
    for item in (raw.get("hover") or {}).get("problems", []):
        parts = CONTENT_ON_HOVER.options
        params = {
            "mode": localized(parts["modes"][item["mode"]], locale),
            "reasons": ", ".join(localized(parts["reasons"][r], locale) for r in item["reasons"]),
        }
        findings.append(
            _finding(CONTENT_ON_HOVER, page_url, locale, item["selector"], item["html"], params)
        )
    for item in (raw.get("images") or {}).get("images", []):
        findings += _image_findings(item, page_url, locale)
    return findings


def _image_findings(item: Mapping[str, Any], url: str | None, locale: str) -> list[Finding]:
    text = " ".join(str(item.get("text") or "").split())[:120]
    alt = item.get("alt")
    decorative = item.get("role") in ("presentation", "none")
    found = [_finding(IMAGE_OF_TEXT, url, locale, item["selector"], item["html"], {"text": text})]
    if alt is None:
        return found  # no alt attribute at all: axe-core's image-alt reports it
    if alt.strip() == "" and not decorative:
        shown = localized(IMAGE_TEXT_ALT.options["empty"], locale)
        found.append(_finding(IMAGE_TEXT_ALT, url, locale, item["selector"], item["html"],
                              {"text": text, "alt": shown}))
    elif alt.strip() and (item.get("overlap") or 0) < ALT_OVERLAP:
        # A paraphrase can be right: a non-empty alt that differs is for review.
        found.append(_finding(IMAGE_TEXT_ALT, url, locale, item["selector"], item["html"],
                              {"text": text, "alt": f"„{alt.strip()[:80]}“"},
                              outcome="needs_review"))
    return found


def _order_reason(item: Mapping[str, Any], locale: str) -> str:
    parts = FOCUS_ORDER.options
    params = dict(item)
    if item["kind"] == "tabindex":
        params["from"] = item["from"] or localized(parts["start"], locale)
    else:
        params["to"] = item["to"] or localized(parts["page"], locale)
    return fill(localized(parts["reasons"][item["kind"]], locale), params, FOCUS_ORDER.id)


def _finding(
    rule: RuleMeta,
    url: str | None,
    locale: str,
    selector: str | None,
    snippet: str | None,
    params: Mapping[str, Any] | None = None,
    outcome: str | None = None,
) -> Finding:
    return Finding(
        rule_id=rule.id,
        engine="browser",
        outcome=(outcome or rule.outcome),  # type: ignore[arg-type]
        severity=rule.severity,  # type: ignore[arg-type]
        message=fill(localized(rule.message, locale), params or {}, rule.id),
        explanation=localized(rule.explanation, locale),
        location=Location(
            url=url, selector=selector or None, snippet=" ".join((snippet or "").split()) or None
        ),
        wcag=list(rule.wcag),
        act=list(rule.act),
        standards=list(rule.standards),
    )
