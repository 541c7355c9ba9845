"""Which hover checks can apply, so the checks that cannot change anything are not run.

The content-on-hover check (``hover.py``) moves the pointer onto each candidate trigger and
waits for new content. Candidates found only because the page has scripts (``why == "tab"``)
cost that wait on nearly every page, but the pointer can reveal content only through

- a pointer or scroll listener (``mouse*``, ``pointer*``, ``scroll``) on the trigger, one of its
  ancestors, the document or the window (the browser lists them all over CDP, whoever added
  them: ``addEventListener``, ``on…`` properties and attributes, jQuery), or
- a ``:hover`` rule that styles something other than the hovered element itself and whose
  trigger is the candidate or one of its ancestors.

A candidate with neither keeps its focus check but gets no pointer check. Whenever the answer
is not certain (an unreadable cross-origin stylesheet, ``:hover`` inside ``:has()``/``:is()``/
``:not()``, running animations, many listening elements, no CDP) every check runs as before.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

# Event types the pointer moves of the hover check (and its scrollIntoView) can fire.
_POINTER_PREFIXES = ("mouse", "pointer")
_OTHER_TYPES = frozenset({"scroll", "scrollend", "wheel"})
_MARK_LIMIT = 40  # more listening elements than this: keep every check rather than mark them

# A listener inside a shadow tree also hears events of light-DOM elements slotted into it,
# which the ancestor walk cannot see: then the whole page counts as listening.
_MARK_JS = (
    "function () { this.__a11yPointer = true;"
    " var root = this.getRootNode && this.getRootNode();"
    " if (root && root !== document && root.host) document.__a11yPointer = true; }"
)

# arguments[0]: the candidates' indexes to decide (marked __a11yTrigger by the candidates
# script). Returns, per index, whether the pointer check can apply; null: run everything.
APPLICABLE_JS = r"""
var wanted = arguments[0];
var unsure = false;
var triggers = [];
var SELF_ONLY = /^(::?[-a-zA-Z]+(\([^()]*\))?)*$/;
function parts(text) {
  var out = [], depth = 0, start = 0;
  for (var i = 0; i < text.length; i++) {
    var c = text[i];
    if (c === '(') depth++; else if (c === ')') depth--;
    else if (c === ',' && depth === 0) { out.push(text.slice(start, i)); start = i + 1; }
  }
  out.push(text.slice(start));
  return out;
}
function rule(text) {
  var list = parts(text);
  for (var p = 0; p < list.length; p++) {
    var part = list[p].trim();
    var at = part.indexOf(':hover');
    if (at < 0) continue;
    var before = part.slice(0, at);
    if ((before.match(/\(/g) || []).length !== (before.match(/\)/g) || []).length) {
      unsure = true; return;  // :hover inside :has(), :is(), :not(), ...
    }
    var rest = part.slice(at + 6);
    if (SELF_ONLY.test(rest)) continue;  // styles only the hovered element itself
    var trigger = before.replace(/:(hover|focus[-a-z]*)/g, '').trim() || '*';
    try { document.querySelector(trigger); } catch (e) { unsure = true; return; }
    triggers.push(trigger);
  }
}
function walk(list, depth) {
  for (var i = 0; list && i < list.length && !unsure; i++) {
    var r = list[i];
    if (depth > 6) { unsure = true; return; }
    if (r.styleSheet) { sheet(r.styleSheet, depth + 1); continue; }  // @import
    if (r.cssRules && !r.selectorText) { walk(r.cssRules, depth + 1); continue; }
    if (r.selectorText && r.selectorText.indexOf(':hover') >= 0) rule(r.selectorText);
    if (r.cssRules && r.cssRules.length) walk(r.cssRules, depth + 1);  // nested rules
  }
}
function sheet(s, depth) {
  var list;
  try { list = s.cssRules; } catch (e) { unsure = true; return; }  // other origin
  walk(list, depth);
}
for (var s = 0; s < document.styleSheets.length && !unsure; s++) sheet(document.styleSheets[s], 0);
var adopted = document.adoptedStyleSheets || [];
for (var a = 0; a < adopted.length && !unsure; a++) sheet(adopted[a], 0);
if (document.getAnimations && document.getAnimations().length) unsure = true;
if (unsure || document.__a11yPointer || window.__a11yPointer) return null;
var byIndex = {};
var all = document.querySelectorAll('*');
for (var i = 0; i < all.length; i++) {
  if (all[i].__a11yTrigger !== undefined) byIndex[all[i].__a11yTrigger] = all[i];
}
var out = {};
for (var w = 0; w < wanted.length; w++) {
  var el = byIndex[wanted[w]];
  var needed = !el;
  for (var p = el; p && !needed; p = p.parentElement) if (p.__a11yPointer) needed = true;
  for (var t = 0; t < triggers.length && !needed; t++) {
    try { if (el.closest(triggers[t])) needed = true; } catch (e) { needed = true; }
  }
  out[wanted[w]] = needed;
}
return out;
"""


def _pointer_type(kind: str) -> bool:
    return kind.startswith(_POINTER_PREFIXES) or kind in _OTHER_TYPES


def _mark_pointer_listeners(driver: Any) -> bool:
    """Mark (``__a11yPointer``) every element, the document and the window when a pointer or
    scroll listener is registered on it. False when there are too many to mark."""
    nodes: set[int] = set()
    for expression in ("document", "window"):
        handle = driver.execute_cdp_cmd(
            "Runtime.evaluate", {"expression": expression, "objectGroup": "a11y-hover"}
        )["result"]["objectId"]
        listeners = driver.execute_cdp_cmd(
            "DOMDebugger.getEventListeners", {"objectId": handle, "depth": -1, "pierce": True}
        ).get("listeners", [])
        relevant = [item for item in listeners if _pointer_type(str(item.get("type", "")))]
        if expression == "window":
            if relevant:
                driver.execute_cdp_cmd(
                    "Runtime.callFunctionOn", {"objectId": handle, "functionDeclaration": _MARK_JS}
                )
            break
        nodes = {int(item["backendNodeId"]) for item in relevant if item.get("backendNodeId")}
        if len(nodes) > _MARK_LIMIT:
            return False
    for backend_id in nodes:
        handle = driver.execute_cdp_cmd(
            "DOM.resolveNode", {"backendNodeId": backend_id, "objectGroup": "a11y-hover"}
        )["object"]["objectId"]
        driver.execute_cdp_cmd(
            "Runtime.callFunctionOn", {"objectId": handle, "functionDeclaration": _MARK_JS}
        )
    return True


def pointer_checks_needed(
    driver: Any, cdp: bool, candidates: list[dict[str, Any]]
) -> list[bool]:
    """Per candidate: whether moving the pointer onto it can reveal content. Candidates found
    by a rule or hint (not only for being tabbable on a page with scripts) always can."""
    needed = [candidate.get("why") != "tab" for candidate in candidates]
    undecided = [index for index, keep in enumerate(needed) if not keep]
    if not undecided or not cdp:
        return [True] * len(candidates)
    try:
        if not _mark_pointer_listeners(driver):
            return [True] * len(candidates)
        answer = driver.execute_script(APPLICABLE_JS, undecided)
    except Exception as error:  # not certain: every check runs
        log.info("hover applicability unknown: %s", error)
        return [True] * len(candidates)
    # The handles (document, window, a few nodes) are not released one by one: a round trip
    # each, and they go with the document at the next navigation anyway.
    if not isinstance(answer, dict):
        return [True] * len(candidates)
    for index in undecided:
        needed[index] = bool(answer.get(str(index), True))
    return needed
