"""static.mouse-only-events: hover or double-click handlers without a keyboard equivalent.

WCAG 2.1.1 (Keyboard), techniques SCR2 / F54: content that appears or changes on
onmouseover/onmouseenter should also appear on focus (onfocus/onfocusin), what disappears on
onmouseout/onmouseleave also on blur; ondblclick has no keyboard counterpart at all. Only
inline handler attributes are seen. Reported for review: the hover effect may be decoration
only (an image rollover) or the same content may be reachable another way.
Known false positives: purely visual hover effects; keyboard handling added by script.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import trivial_handler
from checkers.page.static._common import facts

META = page_meta(__file__)

# (mouse events, keyboard equivalents)
_PAIRS = (
    (("onmouseover", "onmouseenter"), ("onfocus", "onfocusin")),
    (("onmouseout", "onmouseleave"), ("onblur", "onfocusout")),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.elements:
        keys = el.attrib
        if not keys or not any(k.startswith("on") for k in keys):
            continue
        if el in known.excluded or tag_of(el) in ("html", "body"):
            continue
        if not trivial_handler(el.get("ondblclick")):
            missing = "onkeydown"
            if trivial_handler(el.get("onkeydown")) and trivial_handler(el.get("onkeyup")):
                yield PageHit(el, {"tag": tag_of(el), "event": "ondblclick",
                                   "missing": missing})
                continue
        for mouse, keyboard in _PAIRS:
            event = next((m for m in mouse if not trivial_handler(el.get(m))), None)
            if event is None:
                continue
            if any(el.get(k) is not None for k in keyboard):
                continue
            yield PageHit(el, {"tag": tag_of(el), "event": event,
                               "missing": "/".join(keyboard)})
            break
