"""static.tabindex-positive: tabindex greater than 0 changes the keyboard order of the page.

WCAG 2.4.3 (Focus Order), technique failure F44: elements with tabindex="1" or higher are
focused before everything else, in their own order, so the Tab key jumps around the page
instead of following the reading order. Reported for review (a warning): the order may still
be meaningful, which a person must judge. axe-core reports this only as best practice.
Known false positives: a page whose every focusable element has a positive tabindex in
reading order (rare; still fragile).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import disabled, facts, tabindex

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.elements:
        if el.get("tabindex") is None:
            continue
        value = tabindex(el)
        if value is None or value <= 0 or el in known.not_rendered or disabled(el):
            continue
        yield PageHit(el, {"value": value})
