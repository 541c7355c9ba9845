"""Checks only a rendered page can answer, run in the browser after axe-core.

- ``browser.focus-visible`` (WCAG 2.4.7, ACT oj04fd): a tabbable element whose look does not
  change at all when it gets focus (outline, shadow, border, colours, decoration, size, on the
  element, two ancestors, its first descendants and its ::before/::after). Reported for review:
  a focus indicator elsewhere on the page cannot be ruled out by styles alone.
- ``browser.reflow`` (WCAG 1.4.10): at 320 CSS pixels wide the page scrolls sideways because of
  content that is not a table, code, media, map or frame (the criterion's exceptions).
- ``browser.text-spacing`` (WCAG 1.4.12): with the criterion's spacing values applied, a box
  with overflow hidden or clip cuts off text it showed in full before.
- ``browser.keyboard-trap`` (WCAG 2.1.2, ACT 80af7b): a walk with real Tab and Shift+Tab key
  presses; focus that stays on one element (not a frame) for both directions is trapped.
- ``browser.focus-order`` (WCAG 2.4.3): the same walk, then back with Shift+Tab. The way back
  must mirror the way forward, and a Tab that jumps backwards in document order because of a
  positive tabindex is reported with that reason. For review: an order can be meaningful anyway.
- ``browser.content-on-hover`` (WCAG 1.4.13): content that appears on hover or focus must be
  dismissible with Escape, hoverable and persistent (see ``hover.py``).
- ``browser.image-of-text`` (WCAG 1.4.5) and ``browser.image-text-alt`` (1.1.1): OCR of the
  rendered pixels of visible images (see ``images.py``); skipped, and named in the report's
  limits, where Tesseract is missing.

Each check is bounded (elements, key presses) so a page costs tens of milliseconds, and can be
switched off with ``BrowserSettings.rendered_checks``. The rules' examples are run by
``tests/page/test_rendered.py`` in a real Chromium.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checkers.page.rendered import scripts
from checkers.page.rendered.applicability import pointer_checks_needed
from checkers.page.rendered.hover import CANDIDATES_JS, TRIGGER_LIMIT, check_hover_content
from checkers.page.rendered.images import ALT_OVERLAP, check_images
from checkers.report import Finding, Location

log = logging.getLogger(__name__)

FOCUS_LIMIT = 30  # kinds of tabbable element whose focus style is compared
WALK_LIMIT = 15  # Tab presses of the keyboard walk
REFLOW_WIDTH = 320
REFLOW_HEIGHT = 256


@dataclass(frozen=True, slots=True)
class RenderedExample:
    html: str
    fails: bool
    selector: str | None = None  # the element the finding must name (None: the page)


@dataclass(frozen=True, slots=True)
class RenderedRule:
    id: str
    message: Mapping[str, str]
    help: Mapping[str, str]
    wcag: tuple[str, ...]
    act: tuple[str, ...]
    severity: str
    outcome: str
    examples: tuple[RenderedExample, ...]


def _de_en(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


FOCUS_VISIBLE = RenderedRule(
    id="browser.focus-visible",
    message=_de_en(
        "Beim Fokussieren mit der Tastatur ändert sich das Aussehen dieses Elements nicht.",
        "The look of this element does not change when it gets keyboard focus.",
    ),
    help=_de_en(
        "Tastatur-Nutzende müssen sehen, wo sie sind. Entfernen Sie outline: none oder geben "
        "Sie dem Element mit :focus-visible einen deutlichen Rahmen. Prüfen Sie, ob der Fokus "
        "anders sichtbar wird (etwa an anderer Stelle der Seite).",
        "Keyboard users must see where they are. Remove outline: none or give the element a "
        "clear outline with :focus-visible. Check whether focus shows in another way.",
    ),
    wcag=("2.4.7",),
    act=("oj04fd",),
    severity="warning",
    outcome="needs_review",
    examples=(
        RenderedExample(
            '<style>a:focus{outline:none}</style><a id="l" href="/x">Weiter</a>',
            fails=True,
            selector="#l",
        ),
        RenderedExample('<a href="/x">Weiter</a>', fails=False),
        RenderedExample(
            "<style>a:focus{outline:none;text-decoration:underline overline}</style>"
            '<a href="/x">Weiter</a>',
            fails=False,
        ),
    ),
)

REFLOW = RenderedRule(
    id="browser.reflow",
    message=_de_en(
        "Bei 320 Pixel Breite muss man seitlich scrollen ({width} statt {view} Pixel).",
        "At 320 pixels wide the page scrolls sideways ({width} instead of {view} pixels).",
    ),
    help=_de_en(
        "Bei starker Vergrößerung oder auf schmalen Bildschirmen muss der Inhalt umbrechen. "
        "Vermeiden Sie feste Breiten in Pixeln; verwenden Sie max-width: 100 % und flexible "
        "Layouts.",
        "With strong zoom or on narrow screens content must reflow. Avoid fixed pixel widths; "
        "use max-width: 100% and flexible layouts.",
    ),
    wcag=("1.4.10",),
    act=(),
    severity="error",
    outcome="failed",
    examples=(
        RenderedExample(
            '<div id="w" style="width:900px">Ein breiter Textblock mit fester Breite.</div>',
            fails=True,
            selector="#w",
        ),
        RenderedExample("<p>Ein Text, der umbricht, wie er soll.</p>", fails=False),
        # Tables are an exception of the criterion.
        RenderedExample(
            '<table style="width:900px"><tr><th>A</th><td>1</td></tr></table>', fails=False
        ),
        RenderedExample(
            '<div style="overflow-x:auto"><div style="width:900px">Scrollt im Kasten</div></div>',
            fails=False,
        ),
    ),
)

TEXT_SPACING = RenderedRule(
    id="browser.text-spacing",
    message=_de_en(
        "Mit größeren Zeilen-, Wort- und Zeichenabständen wird hier Text abgeschnitten.",
        "With larger line, word and letter spacing, text is cut off here.",
    ),
    help=_de_en(
        "Manche Menschen lesen nur mit größeren Abständen. Geben Sie Textkästen keine feste "
        "Höhe mit overflow: hidden; lassen Sie sie mit dem Text wachsen (min-height statt "
        "height).",
        "Some people read only with larger spacing. Do not give text boxes a fixed height with "
        "overflow: hidden; let them grow with the text (min-height instead of height).",
    ),
    wcag=("1.4.12",),
    act=(),
    severity="error",
    outcome="failed",
    examples=(
        RenderedExample(
            '<div id="b" style="height:1.2em;width:12em;overflow:hidden;line-height:1.2">'
            "Kurzer Text in einer festen Box</div>",
            fails=True,
            selector="#b",
        ),
        RenderedExample(
            '<div style="min-height:1.2em;width:12em;overflow:hidden">Wächst mit</div>',
            fails=False,
        ),
        RenderedExample("<p>Normaler Absatz ohne feste Höhe.</p>", fails=False),
    ),
)

KEYBOARD_TRAP = RenderedRule(
    id="browser.keyboard-trap",
    message=_de_en(
        "Die Tastatur bleibt hier hängen: Weder Tab noch Umschalt+Tab verlassen das Element.",
        "The keyboard is trapped here: neither Tab nor Shift+Tab leaves the element.",
    ),
    help=_de_en(
        "Wer nur die Tastatur benutzt, muss jedes Element mit Tab wieder verlassen können. "
        "Fangen Sie die Tab-Taste nicht ab, oder nennen Sie die Taste, mit der man "
        "herauskommt.",
        "Keyboard users must be able to leave every element with Tab. Do not capture the Tab "
        "key, or tell users which key gets them out.",
    ),
    wcag=("2.1.2",),
    act=("80af7b",),
    severity="error",
    outcome="failed",
    examples=(
        RenderedExample(
            '<a href="/a">Start</a><input id="t" aria-label="Feld" '
            "onkeydown=\"if(event.key==='Tab'){event.preventDefault();}\">"
            '<a href="/b">Ende</a>',
            fails=True,
            selector="#t",
        ),
        RenderedExample(
            '<a href="/a">Start</a><input aria-label="Feld"><a href="/b">Ende</a>', fails=False
        ),
    ),
)

_TIP_CSS = (
    "<style>.tip{display:none;position:absolute;background:#ffe;border:1px solid #333}"
    "#t:hover+.tip,#t:focus+.tip{display:block;top:6em;left:0}</style>"
)

CONTENT_ON_HOVER = RenderedRule(
    id="browser.content-on-hover",
    message=_de_en(
        "Inhalt, der bei {mode} erscheint, ist {reasons}.",
        "Content that appears on {mode} is {reasons}.",
    ),
    help=_de_en(
        "Zusätzlicher Inhalt bei Maus-Hover oder Fokus (etwa Tooltips, Aufklapp-Menüs) muss "
        "sich mit Escape schließen lassen, ohne Maus oder Fokus zu bewegen, darf nicht "
        "verschwinden, wenn man mit der Maus auf ihn fährt, und muss sichtbar bleiben, bis man "
        "Hover oder Fokus wegnimmt.",
        "Extra content on hover or focus (tooltips, fly-out menus) must close with Escape "
        "without moving pointer or focus, must stay when the pointer moves onto it, and must "
        "stay visible until hover or focus is removed.",
    ),
    wcag=("1.4.13",),
    act=(),
    severity="error",
    outcome="failed",
    examples=(
        # CSS tooltip below a gap: it vanishes on the way to it and Escape cannot close it.
        RenderedExample(
            _TIP_CSS + '<p><button id="t">Info</button><span class="tip">Hilfetext</span></p>'
            "<p>Weiterer Text der Seite.</p>",
            fails=True,
            selector="#t",
        ),
        # A tooltip that hides itself after half a second is not persistent.
        RenderedExample(
            '<p><a id="t" href="/x">Begriff</a><span id="tip" hidden>Erklärung</span></p>'
            "<script>var t=document.getElementById('t'),p=document.getElementById('tip');"
            "t.addEventListener('mouseenter',function(){p.hidden=false;"
            "setTimeout(function(){p.hidden=true;},400);});"
            "t.addEventListener('mouseleave',function(){p.hidden=true;});</script>",
            fails=True,
            selector="#t",
        ),
        # An explanation inside the trigger, in the text flow: hoverable and obscures nothing.
        RenderedExample(
            "<style>.w .x{display:none}.w:hover .x{display:inline}</style>"
            '<p><span class="w">Begriff <span class="x">(Erklärung)</span></span></p>',
            fails=False,
        ),
        # A scripted tooltip done right: inside the trigger, Escape closes it, it stays.
        RenderedExample(
            '<p><span id="t" tabindex="0" aria-describedby="tip">Begriff'
            '<span id="tip" role="tooltip" hidden style="position:absolute;top:3em">'
            "Erklärung</span></span></p><p>Text</p>"
            "<script>var t=document.getElementById('t'),p=document.getElementById('tip');"
            "function show(){p.hidden=false;}function hide(){p.hidden=true;}"
            "t.addEventListener('mouseenter',show);t.addEventListener('focus',show);"
            "t.addEventListener('mouseleave',hide);t.addEventListener('blur',hide);"
            "document.addEventListener('keydown',function(e){if(e.key==='Escape')hide();});"
            "</script>",
            fails=False,
        ),
        RenderedExample('<p><a href="/x" title="Ein Titel">Link</a></p>', fails=False),
    ),
)

FOCUS_ORDER = RenderedRule(
    id="browser.focus-order",
    message=_de_en(
        "Die Tab-Reihenfolge ist hier auffällig: {reason}",
        "The tab order is unusual here: {reason}",
    ),
    help=_de_en(
        "Die Reihenfolge beim Tabben muss dem Sinn der Seite folgen, und Umschalt+Tab muss "
        "denselben Weg zurückgehen. Vermeiden Sie tabindex-Werte über 0 und Skripte, die den "
        "Fokus nur in eine Richtung umlenken. Prüfen Sie, ob die Reihenfolge trotzdem sinnvoll "
        "ist.",
        "The tab order must follow the meaning of the page, and Shift+Tab must go the same way "
        "back. Avoid tabindex values above 0 and scripts that redirect focus in one direction "
        "only. Check whether the order makes sense anyway.",
    ),
    wcag=("2.4.3",),
    act=(),
    severity="warning",
    outcome="needs_review",
    examples=(
        RenderedExample(
            '<a href="/a">Eins</a> <a href="/b">Zwei</a> <a id="z" href="/c" tabindex="1">Drei</a>',
            fails=True,
            selector="#z",
        ),
        # Tab from the first field skips the second one, Shift+Tab does not.
        RenderedExample(
            '<input id="a" aria-label="Eins"> <input id="b" aria-label="Zwei"> '
            '<input id="c" aria-label="Drei">'
            "<script>document.getElementById('a').addEventListener('keydown',function(e){"
            "if(e.key==='Tab'&&!e.shiftKey){e.preventDefault();"
            "document.getElementById('c').focus();}});</script>",
            fails=True,
            selector="#b",
        ),
        RenderedExample(
            '<a href="/a">Eins</a> <a href="/b">Zwei</a> <a href="/c">Drei</a><script></script>',
            fails=False,
        ),
    ),
)

IMAGE_OF_TEXT = RenderedRule(
    id="browser.image-of-text",
    message=_de_en(
        "Dieses Bild enthält Text: „{text}“.",
        "This image contains text: “{text}”.",
    ),
    help=_de_en(
        "Text in Bildern lässt sich nicht vergrößern, umfärben oder vorlesen. Setzen Sie den "
        "Text als echten Text; nur wenn das Aussehen wesentlich ist (etwa ein Logo), darf er "
        "ein Bild bleiben.",
        "Text in images cannot be enlarged, recoloured or read aloud. Use real text; only "
        "where the look is essential (such as a logo) may it stay an image.",
    ),
    wcag=("1.4.5",),
    act=(),
    severity="warning",
    outcome="needs_review",
    examples=(),  # images are made by tests/page/test_rendered_images.py
)

IMAGE_TEXT_ALT = RenderedRule(
    id="browser.image-text-alt",
    message=_de_en(
        "Der Alternativtext {alt} gibt den Text im Bild nicht wieder: „{text}“.",
        "The alt text {alt} does not say what the image's text says: “{text}”.",
    ),
    help=_de_en(
        "Wer das Bild nicht sieht, bekommt nur den Alternativtext. Schreiben Sie den Text aus "
        "dem Bild in das alt-Attribut.",
        "People who cannot see the image only get its alt text. Put the image's text into "
        "the alt attribute.",
    ),
    wcag=("1.1.1",),
    act=(),
    severity="error",
    outcome="failed",
    examples=(),
)

RULES = (
    FOCUS_VISIBLE, REFLOW, TEXT_SPACING, KEYBOARD_TRAP, FOCUS_ORDER, CONTENT_ON_HOVER,
    IMAGE_OF_TEXT, IMAGE_TEXT_ALT,
)

_HOVER_REASONS = {
    "dismissible": _de_en("nicht mit Escape zu schließen", "not dismissible with Escape"),
    "hoverable": _de_en(
        "verschwunden, als die Maus auf ihn fuhr", "gone when the pointer moved onto it"
    ),
    "persistent": _de_en("von selbst verschwunden", "gone by itself"),
}
_MODES = {"hover": _de_en("Maus-Hover", "hover"), "focus": _de_en("Fokus", "focus")}


def run_checks(driver: Any, cdp: bool, selector_js: str) -> dict[str, Any]:
    """Run the checks on the page the driver shows; returns JSON-able raw results with the
    seconds each step took. A check that fails is logged and left out, never fatal. Round trips
    to the browser are few: focus, spacing and the walk's preconditions share one script."""
    prelude = selector_js + scripts.TABBABLES_JS
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
    return raw


class CdpScripts:
    """The driver, but its synchronous scripts run as one CDP ``Runtime.evaluate``: WebDriver's
    executeScript makes chromedriver wrap the script, check the frames and serialise elements,
    about twice the time and CPU of the script itself on small pages. The checks' scripts return
    plain JSON, never elements. Everything else (async scripts, CDP commands) goes to the
    driver unchanged."""

    SCRIPT_TIMEOUT_MS = 30_000  # like WebDriver's script timeout: a looping page cannot hang us

    def __init__(self, driver: Any) -> None:
        self._driver = driver

    def __getattr__(self, name: str) -> Any:
        return getattr(self._driver, name)

    def execute_script(self, script: str, *args: Any) -> Any:
        expression = f"(function () {{\n{script}\n}}).apply(null, {json.dumps(list(args))})"
        result = self._driver.execute_cdp_cmd(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "timeout": self.SCRIPT_TIMEOUT_MS},
        )
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
        lang = "en" if locale == "en" else "de"
        params = {
            "mode": _MODES[item["mode"]][lang],
            "reasons": ", ".join(_HOVER_REASONS[r][lang] for r in item["reasons"]),
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
        shown = "(leer)" if locale != "en" else "(empty)"
        found.append(_finding(IMAGE_TEXT_ALT, url, locale, item["selector"], item["html"],
                              {"text": text, "alt": shown}))
    elif alt.strip() and (item.get("overlap") or 0) < ALT_OVERLAP:
        # A paraphrase can be right: a non-empty alt that differs is for review.
        found.append(_finding(IMAGE_TEXT_ALT, url, locale, item["selector"], item["html"],
                              {"text": text, "alt": f"„{alt.strip()[:80]}“"},
                              outcome="needs_review"))
    return found


def _order_reason(item: Mapping[str, Any], locale: str) -> str:
    if item["kind"] == "tabindex":
        if locale == "en":
            return (f"Tab jumps back up the page from {item['from'] or 'the start'} to "
                    f"{item['to']} because of tabindex={item['tabindex']}.")
        return (f"Tab springt wegen tabindex={item['tabindex']} von {item['from'] or 'Anfang'} "
                f"auf der Seite zurück nach oben zu {item['to']}.")
    target = item["to"] or ("the page" if locale == "en" else "die Seite")
    if locale == "en":
        return (f"Shift+Tab from {item['from']} goes to {target}, but Tab came to "
                f"{item['from']} from {item['expected']}.")
    return (f"Umschalt+Tab von {item['from']} führt zu {target}, Tab kam aber von "
            f"{item['expected']} dorthin.")


def _finding(
    rule: RenderedRule,
    url: str | None,
    locale: str,
    selector: str | None,
    snippet: str | None,
    params: Mapping[str, Any] | None = None,
    outcome: str | None = None,
) -> Finding:
    template = rule.message.get(locale) or rule.message["de"]
    try:
        message = template.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        message = template
    return Finding(
        rule_id=rule.id,
        engine="browser",
        outcome=(outcome or rule.outcome),  # type: ignore[arg-type]
        severity=rule.severity,  # type: ignore[arg-type]
        message=message,
        explanation=rule.help.get(locale) or rule.help["de"],
        location=Location(
            url=url, selector=selector or None, snippet=" ".join((snippet or "").split()) or None
        ),
        wcag=list(rule.wcag),
        act=list(rule.act),
        standards=[f"EN 301 549 9.{c}" for c in rule.wcag] + ["BITV 2.0 § 3"],
    )
