"""Content on hover or focus (WCAG 1.4.13), with real pointer and key events over CDP.

For each candidate trigger (bounded): move the pointer onto it (and, if it is tabbable, reach it
with a real Tab), then list what became visible. For such content:

- dismissible: Escape, without moving pointer or focus, must hide it, unless it lies in the flow
  of the page (then it obscures nothing and the criterion does not ask for it);
- hoverable (pointer only): the pointer moved onto the content, in small steps as a hand would,
  must not make it disappear;
- persistent: it must still be there after ``PERSIST_SECONDS`` while hover or focus stays.

Native ``title`` tooltips are the browser's and exempt; they are not candidates.
"""

from __future__ import annotations

import json
from typing import Any

TRIGGER_LIMIT = 8  # triggers hovered per page
CONTENT_WAIT_MS = 120  # time for a show delay or transition before the new content is read
DISMISS_WAIT_MS = 300  # time for a fade-out after Escape
PERSIST_SECONDS = 1.0

# Candidates: triggers of :hover/:focus rules that style something else (".a:hover .tip"),
# elements with pointer handlers or a description, and (pages with scripts) tabbable elements.
CANDIDATES_JS = r"""
function __a11yHoverCandidates(limit) {
var seen = new Set();
var out = [];
function add(el, why) {
  if (!el || seen.has(el) || out.length >= limit || !el.getClientRects().length) return;
  if (el === document.body || el === document.documentElement) return;
  seen.add(el);
  el.__a11yTrigger = out.length;
  out.push({selector: __a11ySelector(el), tabbable: el.tabIndex >= 0 && !el.disabled, why: why});
}
function rules(list, depth) {
  for (var i = 0; list && i < list.length && depth < 4; i++) {
    var r = list[i];
    if (r.cssRules && !r.selectorText) { rules(r.cssRules, depth + 1); continue; }
    var text = r.selectorText || '';
    if (!/:hover|:focus/.test(text)) continue;
    var parts = text.split(',');
    for (var p = 0; p < parts.length; p++) {
      var m = /^(.*?):(?:hover|focus-within|focus-visible|focus)(.*)$/.exec(parts[p].trim());
      // Only rules that show something else: ".a:hover .tip", ".a:focus + .hint".
      if (!m || !/^\s*[>+~]|^\s+\S/.test(m[2])) continue;
      var trigger = m[1].replace(/:(hover|focus[-a-z]*)/g, '').trim() || '*';
      try {
        var found = document.querySelectorAll(trigger);
        for (var f = 0; f < found.length && f < 3; f++) add(found[f], 'css');
      } catch (e) {}
    }
  }
}
for (var s = 0; s < document.styleSheets.length; s++) {
  try { rules(document.styleSheets[s].cssRules, 0); } catch (e) {}  // other origins
}
var hinted = document.querySelectorAll(
  '[onmouseover],[onmouseenter],[onfocus],[onfocusin],[aria-describedby],[data-tooltip],' +
  '[data-bs-toggle=tooltip],[data-toggle=tooltip],[aria-haspopup]');
for (var h = 0; h < hinted.length; h++) add(hinted[h], 'hint');
if (document.scripts.length) {
  var tabbables = __a11yTabbables(limit);
  for (var t = 0; t < tabbables.length; t++) add(tabbables[t], 'tab');
}
return out;
}
"""

# Prepare one trigger: scroll it into view, take the pointer and focus off everything, remember
# what is visible now; returns the point to hover (or null).
PREPARE_JS = r"""
var index = arguments[0], focusMode = arguments[1];
var el = null;
var all = document.querySelectorAll('*');
for (var i = 0; i < all.length; i++) if (all[i].__a11yTrigger === index) { el = all[i]; break; }
if (!el) return null;
if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
el.scrollIntoView({block: 'center', inline: 'center'});
window.__a11yHoverTrigger = el;
window.__a11yBefore = __a11yVisibleSet();
window.__a11yNew = [];
if (focusMode) {
  // A throw-away stop just before the trigger: the next real Tab reaches the trigger.
  var stop = document.createElement('span');
  stop.tabIndex = -1;
  el.parentNode.insertBefore(stop, el);
  stop.focus({preventScroll: true});
  stop.remove();
}
var r = el.getBoundingClientRect();
var x = Math.min(Math.max(r.left + Math.min(r.width / 2, 20), 1), innerWidth - 2);
var y = Math.min(Math.max(r.top + r.height / 2, 1), innerHeight - 2);
return [x, y];
"""

VISIBLE_JS = r"""
function __a11yShown(el) {
  if (!el.getClientRects().length) return false;
  if (el.checkVisibility) {
    return el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  }
  var cs = getComputedStyle(el);
  return cs.visibility === 'visible' && parseFloat(cs.opacity) > 0;
}
function __a11yVisibleSet() {
  var set = new Set();
  var all = document.body ? document.body.querySelectorAll('*') : [];
  for (var i = 0; i < all.length && i < 5000; i++) if (__a11yShown(all[i])) set.add(all[i]);
  return set;
}
"""

# After hover or focus: the outermost elements that became visible and have text or an image.
NEW_CONTENT_JS = r"""
var done = arguments[arguments.length - 1];
setTimeout(function () {
  var before = window.__a11yBefore || new Set();
  var trigger = window.__a11yHoverTrigger;
  var now = __a11yVisibleSet();
  var fresh = [];
  now.forEach(function (el) {
    if (before.has(el)) return;
    var p = el.parentElement;
    if (p && !before.has(p) && now.has(p)) return;  // its parent is new too: take the parent
    var r = el.getBoundingClientRect();
    if (r.width * r.height < 16) return;
    if (!el.textContent.trim() && !el.querySelector('img,svg') && el.localName !== 'img') return;
    fresh.push(el);
  });
  window.__a11yNew = fresh.slice(0, 3);
  var out = [];
  for (var i = 0; i < window.__a11yNew.length; i++) {
    var el = window.__a11yNew[i];
    var r = el.getBoundingClientRect();
    var overlay = false;
    for (var a = el; a && a !== trigger && a !== document.body; a = a.parentElement) {
      var pos = getComputedStyle(a).position;
      if (pos === 'absolute' || pos === 'fixed') { overlay = true; break; }
    }
    out.push({html: el.outerHTML.slice(0, 300), overlay: overlay,
              inside: !!(trigger && trigger.contains(el)),
              x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 10)});
  }
  done(JSON.stringify({items: out,
    focused: document.activeElement === trigger}));
}, arguments[0]);
"""

# How many of the new elements are still visible, after a wait.
STILL_SHOWN_JS = r"""
var done = arguments[arguments.length - 1];
setTimeout(function () {
  var n = 0;
  var list = window.__a11yNew || [];
  for (var i = 0; i < list.length; i++) if (list[i].isConnected && __a11yShown(list[i])) n++;
  done([n, list.length]);
}, arguments[0]);
"""


def _mouse(driver: Any, x: float, y: float) -> None:
    driver.execute_cdp_cmd(
        "Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y, "button": "none"}
    )


def _key(driver: Any, key: str, code: int) -> None:
    for kind in ("rawKeyDown", "keyUp"):
        driver.execute_cdp_cmd(
            "Input.dispatchKeyEvent",
            {
                "type": kind,
                "key": key,
                "code": key,
                "windowsVirtualKeyCode": code,
                "nativeVirtualKeyCode": code,
            },
        )


def _still_shown(driver: Any, prelude: str, wait_ms: int) -> bool:
    shown, total = driver.execute_async_script(prelude + STILL_SHOWN_JS, wait_ms)
    return total > 0 and shown == total


def check_hover_content(
    driver: Any, prelude: str, candidates: list[dict[str, Any]]
) -> dict[str, Any]:
    """Hover and focus the ``candidates`` (from ``__a11yHoverCandidates``, run with the other
    checks' script, which marks them in the page). Returns ``{"checked": n, "problems":
    [{selector, html, mode, reasons}]}``."""
    prelude = prelude + VISIBLE_JS
    problems: list[dict[str, Any]] = []
    checked = 0
    # The pointer starts outside every trigger (top left corner, one pixel in).
    _mouse(driver, 0, 0)
    for index, candidate in enumerate(candidates):
        # "pointer" False: no listener or :hover rule can react (see applicability.py)
        modes = (["hover"] if candidate.get("pointer", True) else []) + (
            ["focus"] if candidate["tabbable"] else []
        )
        for mode in modes:
            point = driver.execute_script(prelude + PREPARE_JS, index, mode == "focus")
            if not point:
                continue
            checked += 1
            x, y = point
            if mode == "hover":
                _mouse(driver, x, y)
            else:
                _key(driver, "Tab", 9)
            seen = json.loads(
                driver.execute_async_script(prelude + NEW_CONTENT_JS, CONTENT_WAIT_MS)
            )
            items = seen["items"]
            if not items or (mode == "focus" and not seen["focused"]):
                _leave(driver, mode)
                continue
            reasons = _judge(driver, prelude, mode, items, x, y)
            if reasons:
                problems.append(
                    {
                        "selector": candidate["selector"],
                        "html": items[0]["html"],
                        "mode": mode,
                        "reasons": reasons,
                    }
                )
            _leave(driver, mode)
            if reasons:
                break  # one finding per trigger
    return {"checked": checked, "candidates": len(candidates), "problems": problems}


def _leave(driver: Any, mode: str) -> None:
    _mouse(driver, 0, 0)
    if mode == "focus":
        driver.execute_script(
            "if (document.activeElement && document.activeElement.blur)"
            " document.activeElement.blur();"
        )


def _judge(
    driver: Any, prelude: str, mode: str, items: list[dict[str, Any]], x: float, y: float
) -> list[str]:
    reasons: list[str] = []
    # Persistent: still there after a while, hover or focus unchanged.
    if not _still_shown(driver, prelude, int(PERSIST_SECONDS * 1000)):
        reasons.append("persistent")
        return reasons  # gone by itself: dismissing or hovering it cannot be tested
    if mode == "hover" and not all(item["inside"] for item in items):
        # Hoverable: move the pointer onto the content in steps, as a hand would.
        target = items[0]
        for step in range(1, 5):
            _mouse(driver, x + (target["x"] - x) * step / 4, y + (target["y"] - y) * step / 4)
        if not _still_shown(driver, prelude, CONTENT_WAIT_MS):
            reasons.append("hoverable")
        _mouse(driver, x, y)  # back onto the trigger (shows the content again)
        driver.execute_async_script(prelude + NEW_CONTENT_JS, CONTENT_WAIT_MS)
    if any(item["overlay"] for item in items):
        _key(driver, "Escape", 27)
        if _still_shown(driver, prelude, DISMISS_WAIT_MS):
            reasons.append("dismissible")
    return reasons
