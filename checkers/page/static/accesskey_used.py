"""static.accesskey-used: the page defines access keys (accesskey attributes).

Best practice, related to WCAG 2.1.4 (Character Key Shortcuts): accesskey shortcuts clash with
the keys of browsers and assistive technology, differ between browsers, and are not announced
to most users. Reported once per page for review and as info, at the first element with an
accesskey; keys that static.accesskey-duplicate already reports are left out here.
Known false positives: sites that document their access keys and let users turn them off.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static import accesskey_duplicate
from checkers.page.static._common import facts

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    first = None
    keys: list[str] = []
    count = 0
    duplicates = None
    for el in known.elements:
        key = el.get("accesskey")
        if key is None or el in known.not_rendered or not key.strip():
            continue
        if duplicates is None:
            duplicates = {hit.element for hit in accesskey_duplicate.check.check(context)}
        if el in duplicates:
            continue
        count += 1
        first = first if first is not None else el
        if key.strip().lower() not in keys:
            keys.append(key.strip().lower())
    if first is not None:
        shown = ", ".join(keys[:8]) + (" …" if len(keys) > 8 else "")
        yield PageHit(first, {"count": count, "keys": shown})
