"""static.img-alt-title-differ: an image whose alt and title say different things.

WCAG 1.1.1 (Non-text Content), best practice: screen readers announce the alt text, sighted
mouse users see the title as a tooltip, and keyboard and touch users see neither tooltip. When
the two differ, the groups get different information, and often one of the texts is stale.
Reported for review and as info: an img (in the accessibility tree) with a non-empty alt and a
non-empty title that differ after case, spacing and end punctuation are ignored.
Known false positives: a title that deliberately adds a photo credit or a longer caption.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)


def _norm(text: str) -> str:
    return collapse(text).lower().strip(" .:!?-–")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("img"):
        alt = el.get("alt")
        title = el.get("title")
        if not alt or not title or el in known.excluded:
            continue
        a, t = _norm(alt), _norm(title)
        if a and t and a != t:
            yield PageHit(el, {"alt": collapse(alt)[:60], "title": collapse(title)[:60]})
