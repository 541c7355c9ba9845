"""Elements with an inline style attribute, and the lower-cased source, once per page (not a rule).

Several rules look only at inline styles (text colour, font size, float, font style); one
shared list, cached per page, saves each of them a walk over every element.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from checkers.page.dom import HtmlElement, Page
from checkers.page.static._common import facts

_CACHE: WeakKeyDictionary[Page, list[tuple[HtmlElement, str]]] = WeakKeyDictionary()
_SOURCE: WeakKeyDictionary[Page, str] = WeakKeyDictionary()


def source_lower(page: Page) -> str:
    """The page's HTML source in lower case (for cheap substring prefilters), cached."""
    found = _SOURCE.get(page)
    if found is None:
        found = _SOURCE[page] = (page.html or "").lower()
    return found


def styled(page: Page) -> list[tuple[HtmlElement, str]]:
    """(element, lower-cased style attribute) for rendered elements with a non-empty style,
    in document order."""
    found = _CACHE.get(page)
    if found is None:
        known = facts(page)
        hidden = known.not_rendered
        found = []
        source = source_lower(page)
        if "style=" in source or "style =" in source:
            for el in known.elements:
                style = el.get("style")
                if style and el not in hidden:
                    found.append((el, style.lower()))
        _CACHE[page] = found
    return found
