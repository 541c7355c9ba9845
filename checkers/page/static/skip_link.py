"""static.skip-link: a page with navigation but no way to skip it.

WCAG 2.4.1 (Bypass Blocks): keyboard and screen reader users need a way past repeated
navigation. Any of these is enough and makes the rule pass: a main landmark (<main> or
role="main"), a link to an anchor on the same page before the navigation ends (skip link),
headings, or frames. Only a page with a navigation block (nav, role="navigation", or a header
with at least 5 links) and none of these is reported, for review and as info: the markup
cannot prove that the navigation repeats on other pages.
Known false positives: single pages whose navigation is not repeated elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts, headings

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    if known.tags("main") or known.tags("frameset"):
        return
    if any(explicit_role(el) == "main" for el in known.with_role):
        return
    if headings(page):
        return
    navigation = next((el for el in known.tags("nav") if el not in known.excluded), None)
    if navigation is None:
        navigation = next(
            (el for el in known.with_role
             if explicit_role(el) == "navigation" and el not in known.excluded), None)
    if navigation is None:
        navigation = next(
            (el for el in known.tags("header")
             if el not in known.excluded and sum(1 for _ in el.iter("a")) >= 5), None)
    if navigation is None:
        return
    # A same-page link before the end of the navigation that points to an existing element.
    for el in known.elements:
        if tag_of(el) == "a":
            href = (el.get("href") or "").strip()
            if href.startswith("#") and len(href) > 1 and page.by_id(href[1:]) is not None:
                return
        if el is navigation:
            break
    nav_links = [a for a in navigation.iter("a") if isinstance(a.tag, str)]
    if any((a.get("href") or "").strip().startswith("#") and len(a.get("href").strip()) > 1
           and page.by_id(a.get("href").strip()[1:]) is not None for a in nav_links):
        return
    yield PageHit(navigation)
