"""static.input-image-alt: an image button (input type="image") without a text alternative.

WCAG 1.1.1 (Non-text Content) and 4.1.2 (Name, Role, Value), ACT rule 59796f "Image button has
non-empty accessible name": the name comes from aria-labelledby, aria-label, alt or title.
Without it screen readers announce only "button" or the browser's default "Submit".
Known false positives: buttons hidden by CSS classes (style sheets are not read).
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
    for el in known.tags("input"):
        if (el.get("type") or "").strip().lower() != "image" or el in known.excluded:
            continue
        if explicit_role(el) not in (None, "button", "none", "presentation"):
            continue
        if not page.accessible_name(el):
            yield PageHit(el)
