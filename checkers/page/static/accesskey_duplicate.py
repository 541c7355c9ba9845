"""static.accesskey-duplicate: the same accesskey on two or more elements.

Best practice (HTML: accesskey values should be unique; axe-core's "accesskeys" rule is a best
practice too): when two elements share a shortcut, browsers either activate the first or
only move between them, so the shortcut no longer does what the page promises. The second
element with an already used key (case-insensitive) is reported, once per key. A plain
defect in the markup, so it fails, as a warning: no WCAG success criterion is violated by it
alone.
Known false positives: elements never shown at the same time (tabs, dialogs) sharing a key.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    seen: set[str] = set()
    reported: set[str] = set()
    for el in known.elements:
        key = el.get("accesskey")
        if key is None or el in known.not_rendered:
            continue
        key = key.strip().lower()
        if not key:
            continue
        if key in seen and key not in reported:
            reported.add(key)  # once per key: repeated page navigation would flood the report
            yield PageHit(el, {"key": key})
        seen.add(key)
