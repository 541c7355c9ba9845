"""static.area-alt: a clickable area of an image map without a text alternative.

WCAG 1.1.1, 2.4.4 and 4.1.2; ACT rule c487ae "Link has non-empty accessible name" (area
elements with href are links). Applies to area elements with href inside a map that a shown
img uses (usemap); the name comes from aria-labelledby, aria-label, alt or title.
Known false positives: none known; maps whose img is hidden by CSS are still checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    used = {
        (img.get("usemap") or "").strip().lstrip("#").lower()
        for img in known.tags("img")
        if img.get("usemap") and img not in known.excluded
    }
    if not used:
        return
    for map_el in known.tags("map"):
        map_name = (map_el.get("name") or map_el.get("id") or "").strip().lower()
        if map_name not in used:
            continue
        for area in map_el.iter("area"):
            if area.get("href") is None or area in known.excluded:
                continue
            if explicit_role(area) not in (None, "link"):
                continue
            if not page.accessible_name(area):
                yield PageHit(area)
