"""static.image-decorative-conflict: an image marked decorative that still carries a text.

WCAG 1.1.1 (Non-text Content): alt="" or role="presentation" says "decoration, ignore me",
yet a title attribute (shown as tooltip) or a non-empty alt says the image means something.
Screen readers follow the decorative marking and skip the text, sighted mouse users see it.
Reported for review and as info: a person must decide whether the image is decoration
(then drop the title or alt text) or content (then give it a proper alt text).
Known false positives: tooltips that only repeat nearby visible text.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("img"):
        if el in known.excluded:
            continue
        alt = el.get("alt")
        title = collapse(el.get("title"))
        presentational = explicit_role(el) in ("presentation", "none")
        if alt is not None and alt == "" and title:
            yield PageHit(el, {"marking": 'alt=""', "text": title[:60]})
        elif presentational and collapse(alt):
            yield PageHit(el, {"marking": f'role="{explicit_role(el)}"',
                               "text": collapse(alt)[:60]})
