"""static.object-wmode: Flash content embedded without wmode "window".

WCAG 2.1.1 (Keyboard), legacy: Flash movies embedded with wmode "transparent" or "opaque"
(or with no wmode the page controls) are not reachable for screen readers and often not by
keyboard; the accessible embedding used <param name="wmode" value="window">. Browsers no
longer run Flash at all, so any such object is a barrier or dead content. Reported for review
and as info: <object>/<embed> with type application/x-shockwave-flash, a .swf file or the
Flash class id, without wmode "window", and any <object>/<embed> with a wmode other than
"window" (the parameter exists only for plugins); an <embed> inside a reported <object> is
left out.
Known false positives: none for the wmode test; the content may have an HTML fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_SWF = re.compile(r"\.swf(?:$|[?#])", re.I)
_FLASH_CLSID = "d27cdb6e-ae6d-11cf-96b8-444553540000"


def _flash(el: HtmlElement) -> bool:
    if (el.get("type") or "").strip().lower() == "application/x-shockwave-flash":
        return True
    if _FLASH_CLSID in (el.get("classid") or "").lower():
        return True
    for name in ("data", "src", "movie"):
        if _SWF.search((el.get(name) or "").strip()):
            return True
    if tag_of(el) == "object":
        for param in el.iterchildren("param"):
            if (param.get("name") or "").strip().lower() in ("movie", "src") and _SWF.search(
                (param.get("value") or "").strip()
            ):
                return True
    return False


def _wmode(el: HtmlElement) -> str:
    if tag_of(el) == "embed":
        return (el.get("wmode") or "").strip().lower()
    for param in el.iterchildren("param"):
        if (param.get("name") or "").strip().lower() == "wmode":
            return (param.get("value") or "").strip().lower()
    return ""


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    reported: set[HtmlElement] = set()
    elements = [*known.tags("object"), *known.tags("embed")]
    if len(elements) > 1:
        order = {el: n for n, el in enumerate(known.elements)}
        elements.sort(key=order.__getitem__)
    for el in elements:
        if el in known.not_rendered:
            continue
        mode = _wmode(el)
        if not mode and not _flash(el):
            continue  # wmode only exists for plugins (Flash); other objects are not judged
        if any(a in reported for a in el.iterancestors("object")):
            continue
        if mode == "window":
            continue
        reported.add(el)
        yield PageHit(el, {"wmode": mode or "—"})
