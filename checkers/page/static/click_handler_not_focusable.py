"""static.click-handler-not-focusable: a click handler on an element the keyboard cannot reach.

WCAG 2.1.1 (Keyboard), technique failure F54 / F42: a div, span, img or an <a> without href
with an inline onclick (or onmousedown/onmouseup) handler, no tabindex and no native focus,
works only with a mouse. Clear-cut cases fail (no role; control roles such as
role="button" are left to static.widget-not-focusable). Not reported: elements inside or
around something focusable (the click bubbles from a real link or button: event
delegation, clickable cards), label elements (they forward the click to their field),
body/html/form, and handlers that only stop the event (``event.stopPropagation()``).
Reported for review only: onmousedown/onmouseup without onclick (drag handles, press effects),
handlers that just forward the click (``document.getElementById('f').click()``) and elements
without any content (overlay backdrops that close a dialog).
Handlers added by addEventListener are invisible in markup (browser checks only).
Known false positives: a script that adds tabindex and key handling after load; a click target
that merely duplicates a focusable control next to it (review the finding if so).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import trivial_handler
from checkers.page.static._common import (
    disabled,
    explicit_role,
    facts,
    focusable,
)
from checkers.page.static.widget_not_focusable import IN_COMPOSITE, STANDALONE

META = page_meta(__file__)

_EVENTS = ("onclick", "onmousedown", "onmouseup")
# A handler that only passes the click on to another element (which may be a real control).
_PROXY = re.compile(r"\A[^;]*\.(?:click|focus|select)\(\)\s*;?\s*(?:return\s+false;?)?\s*\Z")
_SKIP_TAGS = frozenset({"html", "body", "form", "label", "option", "optgroup", "main",
                        "fieldset", "table", "tbody", "thead", "ul", "ol", "nav"})
# Roles whose elements are not operated themselves (a click handler there is delegation).
_CONTAINER_ROLES = frozenset({"none", "presentation", "dialog", "alertdialog", "tabpanel",
                              "listbox", "menu", "menubar", "tablist", "tree", "grid",
                              "radiogroup", "toolbar", "group", "region", "application",
                              "document", "list", "navigation", "main", "form", "search"})


def _event(el) -> str | None:
    for name in _EVENTS:
        code = el.get(name)
        if code is not None and not trivial_handler(code):
            return name
    return None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.elements:
        if not el.attrib or (
            el.get("onclick") is None
            and el.get("onmousedown") is None
            and el.get("onmouseup") is None
        ):
            continue
        tag = tag_of(el)
        if tag in _SKIP_TAGS or el in known.excluded or (el in known.in_svg and tag != "svg"):
            continue
        event = _event(el)
        if event is None or focusable(el) or disabled(el):
            continue
        role = explicit_role(el)
        if role in _CONTAINER_ROLES or role in STANDALONE or role in IN_COMPOSITE:
            continue
        if (el.get("aria-disabled") or "").strip().lower() == "true":
            continue
        if any(focusable(a) or tag_of(a) == "label" for a in el.iterancestors()):
            continue  # the click reaches the element through a focusable ancestor
        if any(
            isinstance(d.tag, str) and focusable(d) and d not in known.excluded
            for d in el.iterdescendants()
        ):
            continue  # delegation: the handler catches clicks on real controls inside
        code = el.get(event) or ""
        unsure = (
            event != "onclick"  # drag handles and press effects: often a mouse extra
            or _PROXY.search(code) is not None  # forwards to a real control, like a label
            or not (collapse(el.text_content()) or next(el.iter("img", "svg"), None) is not None)
        )  # no content at all: an overlay backdrop (Escape or a close button may exist)
        if unsure:
            yield PageHit(el, {"tag": tag, "event": event}, outcome="needs_review",
                          severity="warning")
        else:
            yield PageHit(el, {"tag": tag, "event": event})
