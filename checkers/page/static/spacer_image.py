"""static.spacer-image: tiny or "spacer" images used for layout.

WCAG 1.3.1 and 1.1.1, best practice: transparent 1×1 pixel images ("spacer.gif") were used to
push content into place. Layout belongs in CSS; spacer images without alt="" are announced by
screen readers, and their spacing breaks when text is enlarged. Reported for review and as
info, once per image file: an img with width or height of 2 pixels or less (attribute or
inline style), or a file name like spacer, blank, pixel, 1x1, clear.gif or transparent.gif.
Images with a query string in src (tracking pixels), lazy-loading placeholders (data-src)
and unrendered ones are left out.
Known false positives: 1-pixel rules or borders drawn as images.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import declarations
from checkers.page.static._common import facts

META = page_meta(__file__)

_NAME = re.compile(r"(?:^|[/_-])(?:spacer|blank|pixel|1x1|clear|transparent|space|trans|"
                   r"shim|dot_clear|leer)(?:[_-]?\d*)\.(?:gif|png)$", re.I)
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$", re.I)


def _tiny(value: str | None) -> bool:
    if not value:
        return False
    found = _SIZE.match(value)
    return bool(found) and float(found.group(1)) <= 2


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    seen: set[str] = set()
    for el in known.tags("img"):
        src = (el.get("src") or "").strip()
        if not src or "?" in src or src.startswith("data:") or el in known.not_rendered:
            continue
        if any(name.startswith("data-") and "src" in name for name in el.attrib):
            continue  # lazy loading: the real image comes later
        path = src.split("#")[0]
        spacer = bool(_NAME.search(path)) or _tiny(el.get("width")) or _tiny(el.get("height"))
        if not spacer and el.get("style"):
            style = declarations(el.get("style"))
            spacer = _tiny(style.get("width")) or _tiny(style.get("height"))
        if not spacer or path in seen:
            continue
        seen.add(path)
        yield PageHit(el, {"src": path.rsplit("/", 1)[-1][:60]})
