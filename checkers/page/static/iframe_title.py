"""static.iframe-title: an iframe or frame without an accessible name.

WCAG 4.1.2 (Name, Role, Value), ACT rule cae760 "Iframe element has non-empty accessible
name": iframes in the accessibility tree need a name (title, aria-label or aria-labelledby)
that tells screen reader users what the embedded content is (map, video, form). The name
attribute is for scripts and does not count. Like the ACT rule, iframes with role="none" or
"presentation" or a negative tabindex are left out.
Known false positives: iframes hidden by CSS classes (style sheets are not read).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts, tabindex

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for tag in ("iframe", "frame"):
        for el in known.tags(tag):
            if el in known.excluded:
                continue
            # ACT cae760 leaves out iframes marked decorative (role none/presentation) or taken
            # out of the tab order: browsers handle their focus inconsistently.
            if explicit_role(el) not in (None, "document", "application"):
                continue
            index = tabindex(el)
            if index is not None and index < 0:
                continue
            if not page.accessible_name(el):
                yield PageHit(el, {"tag": tag})
