"""static.empty-heading: a heading without text.

WCAG 1.3.1 (Info and Relationships) and 2.4.6 (Headings and Labels), ACT rule ffd0e9
"Heading has non-empty accessible name": h1–h6 and role="heading" in the accessibility tree.
Empty headings are announced as "heading" with nothing to say; they often hold only an icon
or are left over from a template. Text hidden with aria-hidden does not count; the alt text
of an image inside does.
Known false positives: headings filled by script after loading (the static engine sees the
source).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import headings

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    for el, level in headings(page):
        if not page.accessible_name(el):
            yield PageHit(el, {"level": level})
