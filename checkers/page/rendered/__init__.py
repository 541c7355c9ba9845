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

RULES = (FOCUS_VISIBLE, REFLOW, TEXT_SPACING, KEYBOARD_TRAP)


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
    combined = prelude + scripts.COMBINED_JS
    page = timed(
        "page", lambda: json.loads(driver.execute_script(combined, FOCUS_LIMIT, WALK_LIMIT))
    )
    if page:
        raw["focus"] = page.get("focus")
        raw["spacing"] = page.get("spacing")
    if cdp:
        raw["reflow"] = timed("reflow", lambda: _reflow(driver, prelude))
        walk = (page or {}).get("walk") or {}
        if walk.get("tabbables", 0) >= 2 and walk.get("scripts"):
            raw["trap"] = timed("trap", lambda: _keyboard_walk(driver, prelude, walk["tabbables"]))
    return raw


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
    was reached, without leaving the page, is trapped (a modal dialog's own cycle is not)."""
    # Start the walk at the top of the page: focus a throw-away element placed first in the
    # body, then remove it (the next Tab goes to the first tabbable element).
    driver.execute_script(
        "var t = document.createElement('span'); t.tabIndex = -1;"
        "document.body.insertBefore(t, document.body.firstChild);"
        "t.focus({preventScroll: true}); t.remove(); window.scrollTo(0, 0);"
    )
    active_js = prelude + scripts.ACTIVE_JS
    visited: list[str] = []
    presses = 0
    for _ in range(min(total + 2, WALK_LIMIT)):
        _press(driver)
        presses += 1
        current, modal = driver.execute_async_script(active_js)
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
    return {"presses": presses, "trapped": []}


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
    return findings


def _finding(
    rule: RenderedRule,
    url: str | None,
    locale: str,
    selector: str | None,
    snippet: str | None,
    params: Mapping[str, Any] | None = None,
) -> Finding:
    template = rule.message.get(locale) or rule.message["de"]
    try:
        message = template.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        message = template
    return Finding(
        rule_id=rule.id,
        engine="browser",
        outcome=rule.outcome,  # type: ignore[arg-type]
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
