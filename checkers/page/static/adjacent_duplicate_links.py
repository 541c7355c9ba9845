"""static.adjacent-duplicate-links: an image link and a text link next to each other, same target.

WCAG technique H2 (combining adjacent image and text links), best practice for 2.4.4 and
1.1.1: a teaser picture and its headline linked separately to the same page make screen
reader and keyboard users pass the same link twice, often once with a useless name. Links
with the same address that follow each other with nothing but white space between them
are reported, for review and as info.
Known false positives: none known beyond taste; the fix is one link around both.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("a"):
        href = el.get("href")
        if not href or href.startswith("#") or el in known.excluded:
            continue
        previous = el.getprevious()
        if previous is None or previous.tag != "a" or collapse(previous.tail):
            continue
        if previous.get("href") != href or previous in known.excluded:
            continue
        yield PageHit(el, {"href": href[:80]})
