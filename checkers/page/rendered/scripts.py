"""JavaScript run in the audited page after axe-core: what only the rendered page shows.

Each function returns plain JSON (selectors, numbers). They change the page while they measure
(focus, inline styles) and undo what they changed; the DOM the other engines read was captured
before they run. ``__a11ySelector`` comes from the browser module, so selectors match the other
engines' and findings on the same element fold.
"""

from __future__ import annotations

# Elements a keyboard user reaches with Tab, in document order (tabindex > 0 first is rare and
# flagged elsewhere), visible and enabled; at most ``limit``.
TABBABLES_JS = r"""
function __a11yTabbables(limit) {
  var query = 'a[href],area[href],button,input,select,textarea,iframe,summary,' +
              '[tabindex],[contenteditable=""],[contenteditable="true"]';
  var out = [];
  var all = document.querySelectorAll(query);
  for (var i = 0; i < all.length && out.length < limit; i++) {
    var el = all[i];
    if (el.tabIndex < 0 || el.disabled || el.closest('[inert]')) continue;
    if (el.localName === 'input' && el.type === 'hidden') continue;
    if (!el.getClientRects().length) continue;
    var cs = getComputedStyle(el);
    if (cs.visibility !== 'visible' || parseFloat(cs.opacity) === 0) continue;
    out.push(el);
  }
  return out;
}
"""

# Focus visible (WCAG 2.4.7, ACT oj04fd): focus each tabbable element and compare the computed
# styles that can draw a focus indicator, on the element, two ancestors, its first descendants
# and its ::before/::after, with the unfocused state. No difference at all: no visible focus.
FOCUS_JS = r"""
function __a11yFocus(limit) {
var PROPS = ['boxShadow', 'backgroundColor', 'backgroundImage', 'color', 'textDecorationLine',
  'textDecorationColor', 'textDecorationThickness', 'fontWeight', 'transform', 'opacity',
  'filter', 'width', 'height'];
var SIDES = ['Top', 'Right', 'Bottom', 'Left'];
function key(el, pseudo) {
  var cs = getComputedStyle(el, pseudo || null);
  var parts = [];
  for (var i = 0; i < PROPS.length; i++) parts.push(cs[PROPS[i]]);
  // An outline or border only shows when it has a style and a width: its colour alone
  // (the browser's focus colour under outline: none) draws nothing.
  if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) {
    parts.push(cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.outlineOffset);
  }
  for (var s = 0; s < SIDES.length; s++) {
    var w = cs['border' + SIDES[s] + 'Width'];
    var st = cs['border' + SIDES[s] + 'Style'];
    if (st !== 'none' && parseFloat(w) > 0) parts.push(st, w, cs['border' + SIDES[s] + 'Color']);
    else parts.push('-');
  }
  if (pseudo) parts.push(cs.content);
  return parts.join('|');
}
function snapshot(el) {
  var keys = [key(el), key(el, '::before'), key(el, '::after')];
  var p = el.parentElement;
  for (var i = 0; i < 2 && p; i++) { keys.push(key(p)); p = p.parentElement; }
  var inner = el.querySelectorAll('*');
  for (var j = 0; j < inner.length && j < 5; j++) keys.push(key(inner[j]));
  return keys.join('#');
}
// Elements styled alike (same tag, classes and parent) share their focus style: one of each
// kind is checked, so a menu of forty links costs one check.
function kind(el) {
  var p = el.parentElement;
  return [el.localName, el.className, el.getAttribute('role'), el.getAttribute('type'),
          p ? p.localName + '.' + p.className : ''].join('/');
}
var found = [];
var checked = 0;
var kinds = {};
var items = __a11yTabbables(4 * limit);
for (var i = 0; i < items.length && checked < limit; i++) {
  var el = items[i];
  if (el.localName === 'iframe') continue;  // the focus moves into the frame's document
  var k = kind(el);
  if (kinds[k]) continue;
  kinds[k] = true;
  if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  var before = snapshot(el);
  el.focus({preventScroll: true});
  if (document.activeElement !== el) continue;  // focus redirected: not this element's state
  checked++;
  if (snapshot(el) === before) {
    found.push({selector: __a11ySelector(el), html: el.outerHTML.slice(0, 300)});
  }
  el.blur();
}
return {checked: checked, unfocused: found};
}
"""

# Reflow (WCAG 1.4.10): run with the viewport at 320 CSS pixels. Horizontal scrolling caused by
# content that may not scroll in two dimensions is a failure; tables, preformatted text, code,
# media, maps and frames are the criterion's exceptions. Reports the outermost causes.
REFLOW_JS = r"""
var de = document.documentElement;
var body = document.body;
var view = de.clientWidth;
var width = Math.max(de.scrollWidth, body ? body.scrollWidth : 0);
if (width <= view + 2) return JSON.stringify({view: view, width: width, causes: []});
var EXCEPT = 'table,pre,code,img,video,canvas,svg,iframe,object,embed,map,math,textarea,' +
             '[role=img],[role=grid],[role=table],[role=application]';
function insideScroller(el) {
  for (var p = el.parentElement; p && p !== body && p !== de; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') return true;
  }
  return false;
}
var causes = [];
var all = body ? body.querySelectorAll('*') : [];
for (var i = 0; i < all.length && causes.length < 10; i++) {
  var el = all[i];
  var r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || r.right <= view + 2) continue;
  if (el.closest(EXCEPT)) continue;
  var cs = getComputedStyle(el);
  if (cs.visibility !== 'visible' || cs.position === 'fixed') continue;
  var parent = el.parentElement;
  if (parent && parent !== body && parent.getBoundingClientRect().right > view + 2) continue;
  if (insideScroller(el)) continue;  // a box that scrolls or clips on its own
  causes.push({selector: __a11ySelector(el), html: el.outerHTML.slice(0, 300),
               right: Math.round(r.right)});
}
return JSON.stringify({view: view, width: width, causes: causes});
"""

# Text spacing (WCAG 1.4.12): apply line height 1.5, letter spacing 0.12em, word spacing 0.16em
# and paragraph spacing 2em as inline !important styles (a page's CSP cannot block CSSOM), then
# report text that an overflow:hidden/clip box now cuts off. Restores the inline styles.
SPACING_JS = r"""
function __a11ySpacing() {
function clipping(el) {
  var cs = getComputedStyle(el);
  var clips = /hidden|clip/.test(cs.overflowX + cs.overflowY) || cs.webkitLineClamp !== 'none';
  return clips && cs.visibility === 'visible' && el.getClientRects().length > 0;
}
function ownText(el) {
  for (var n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 && n.data.trim()) return true;
  }
  return false;
}
var body = document.body;
if (!body) return {clipped: []};
var boxes = [];
var all = body.querySelectorAll('*');
for (var i = 0; i < all.length; i++) {
  var el = all[i];
  if (!clipping(el) || !el.textContent.trim()) continue;
  boxes.push({el: el, v: el.scrollHeight - el.clientHeight, h: el.scrollWidth - el.clientWidth,
              html: el.outerHTML.slice(0, 300)});
}
var saved = [];
if (boxes.length) {
  for (var j = 0; j < all.length; j++) {
    var s = all[j].style;
    if (!s) continue;
    saved.push([all[j], s.cssText]);
    s.setProperty('line-height', '1.5', 'important');
    s.setProperty('letter-spacing', '0.12em', 'important');
    s.setProperty('word-spacing', '0.16em', 'important');
    if (all[j].localName === 'p') s.setProperty('margin-bottom', '2em', 'important');
  }
}
var clipped = [];
for (var k = 0; k < boxes.length && clipped.length < 20; k++) {
  var b = boxes[k];
  var v = b.el.scrollHeight - b.el.clientHeight;
  var h = b.el.scrollWidth - b.el.clientWidth;
  if (v > Math.max(b.v, 0) + 2 || h > Math.max(b.h, 0) + 2) {
    if (!ownText(b.el) && !b.el.querySelector('*')) continue;
    clipped.push({selector: __a11ySelector(b.el), html: b.html});
  }
}
for (var m = 0; m < saved.length; m++) saved[m][0].style.cssText = saved[m][1];
return {checked: boxes.length, clipped: clipped};
}
"""

# The focused element a moment after a key press (scripts that pull focus back run on timers):
# its selector, or "" for the document itself, whether it sits in a modal dialog, whether it
# comes before the previously focused element in document order, and both tabindex values.
ACTIVE_JS = r"""
var done = arguments[arguments.length - 1];
setTimeout(function () {
  var start = document.getElementById('__a11y_walk_start');
  if (start) start.remove();  // the keyboard walk's starting point, used once
  var el = document.activeElement;
  var prev = window.__a11yPrevFocus;
  var prevIndex = prev && prev.isConnected ? prev.tabIndex : 0;
  if (!el || el === document.body || el === document.documentElement) {
    done(['', false, false, 0, prevIndex]); return;
  }
  var modal = !!el.closest('dialog[open],[role=dialog],[role=alertdialog],[aria-modal=true]');
  var backwards = !!(prev && prev !== el && prev.isConnected &&
    (el.compareDocumentPosition(prev) & Node.DOCUMENT_POSITION_FOLLOWING));
  window.__a11yPrevFocus = el;
  done([__a11ySelector(el), modal, backwards, el.tabIndex, prevIndex]);
}, 25);
"""

# One round trip for the checks that need no browser commands between them.
COMBINED_JS = (
    FOCUS_JS
    + SPACING_JS
    + r"""
// First, before any check moves focus or presses a key (Escape closes a dialog): an open modal
// dialog makes everything outside it inert (HTML: "blocked by a modal dialog"), so frames there
// cannot be reached with the keyboard at all, whatever their tabindex says.
var inert = [];
var modal = null;
try { modal = document.querySelector(':modal'); } catch (e) { modal = null; }
if (modal) {
  var frames = document.querySelectorAll('iframe, frame');
  for (var f = 0; f < frames.length && inert.length < 50; f++) {
    if (!modal.contains(frames[f])) inert.push(__a11ySelector(frames[f]));
  }
}
var focus = __a11yFocus(arguments[0]);
var spacing = __a11ySpacing();
var scripted = document.scripts.length > 0 ||
  !!document.querySelector('[onblur],[onfocus],[onkeydown],[onkeyup],[onfocusout]');
var positive = 0;
var withIndex = document.querySelectorAll('[tabindex]');
for (var i = 0; i < withIndex.length; i++) if (withIndex[i].tabIndex > 0) positive++;
return JSON.stringify({focus: focus, spacing: spacing,
  walk: {tabbables: __a11yTabbables(arguments[1]).length, scripts: scripted,
         positive: positive},
  hover: __a11yHoverCandidates(arguments[2]), images: document.images.length, inert: inert});
"""
)

# Focus sentinels (ACT 6cfa84): an element inside aria-hidden="true" that is in the tab order is
# a failure, unless it is not focusable in the ACT sense: a script moves focus elsewhere as soon
# as it arrives (the "sentinels" before and after a modal dialog). Each such element is focused
# once; whether it received focus and whether focus is still there after its own handlers ran
# tells the two apart. Handlers that move focus later (a timer) are not waited for: such an
# element counts as keeping focus.
SENTINELS_JS = r"""
var limit = arguments[0];
var out = {left: [], kept: [], clear: [], backgrounds: __a11yBackgrounds};
var roots = document.querySelectorAll('[aria-hidden]');
var seen = [];
for (var r = 0; r < roots.length && seen.length < limit; r++) {
  if ((roots[r].getAttribute('aria-hidden') || '').trim().toLowerCase() !== 'true') continue;
  var els = [roots[r]].concat(Array.prototype.slice.call(roots[r].querySelectorAll('*')));
  var left = 0, kept = 0, complete = true;
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    if (!(el.tabIndex >= 0) || el.disabled) continue;
    if (el.closest('[inert]') || !el.getClientRects().length) continue;
    if (seen.indexOf(el) < 0) {
      if (seen.length >= limit) { complete = false; break; }
      seen.push(el);
    }
    var got = false;
    var mark = function () { got = true; };
    el.addEventListener('focus', mark, true);
    el.focus({preventScroll: true});
    el.removeEventListener('focus', mark, true);
    if (!got) continue;  // the browser did not give it focus at all
    if (document.activeElement === el) {
      kept++; out.kept.push(__a11ySelector(el)); el.blur();
    } else {
      left++; out.left.push(__a11ySelector(el));
    }
  }
  // A root whose every element that took focus passed it on at once holds only sentinels.
  if (complete && left && !kept) out.clear.push(__a11ySelector(roots[r]));
}
return JSON.stringify(out);
"""
