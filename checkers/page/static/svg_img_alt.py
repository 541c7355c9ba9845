"""static.svg-img-alt: an SVG graphic marked as image (role="img") without a name.

WCAG 1.1.1 (Non-text Content), ACT rule 7d6734 "svg element with explicit role has non-empty
accessible name": applies to svg elements and their descendants with role img,
graphics-document or graphics-symbol that are in the accessibility tree. The name comes from
aria-labelledby, aria-label or a title child element; a title attribute does not count (it is
not defined in SVG).
Known false positives: none known; svg hidden by CSS classes is still checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_ROLES = ("img", "graphics-document", "graphics-symbol")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.with_role:
        if el not in known.in_svg or el in known.excluded:
            continue
        role = explicit_role(el)
        if role not in _ROLES:
            continue
        name = page.accessible_name(el)
        # SVG has no title attribute: a name that only came from it does not count.
        if name and not (el.get("aria-label") or el.get("aria-labelledby")) and (
            name == collapse(el.get("title"))
        ):
            name = ""
        if name:
            continue
        title = next((c for c in el if tag_of(c) == "title"), None)
        if title is not None and collapse(title.text_content()):
            continue
        yield PageHit(el, {"role": role})
