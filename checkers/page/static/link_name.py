"""static.link-name: a link without an accessible name.

WCAG 2.4.4 (Link Purpose) and 4.1.2 (Name, Role, Value), ACT rule c487ae "Link has non-empty
accessible name": a elements with href and elements with role="link" that are in the
accessibility tree. The usual case is an image link whose image has no alt, or an icon link.
Names come from content (including alt of images inside), aria-labelledby, aria-label, title.
Areas of image maps are checked by static.area-alt.
Known false positives: icon fonts whose text comes from CSS; links hidden by CSS classes.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, Page, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import (
    Facts,
    explicit_role,
    facts,
)

META = page_meta(__file__)


# Roles that inherit from link (DPUB-ARIA).
LINK_ROLES = frozenset({"link", "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref"})


def links(page: Page) -> list[HtmlElement]:
    """Elements with the link role that are in the accessibility tree (area excluded), in
    document order for a elements; computed once per page."""
    known = facts(page)
    if known.link_list is None:
        known.link_list = list(_links(known))
    return known.link_list


def _links(known: Facts) -> Iterator[HtmlElement]:
    for el in known.tags("a"):
        if el.get("href") is None or el in known.excluded or el in known.in_svg:
            continue
        role = explicit_role(el)
        if role is None or role in LINK_ROLES or role in ("none", "presentation"):
            yield el
    for el in known.with_role:
        if tag_of(el) in ("a", "area") or el in known.excluded or el in known.in_svg:
            continue
        if explicit_role(el) in LINK_ROLES:
            yield el


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    for el in links(page):
        if not page.accessible_name(el):
            yield PageHit(el)
