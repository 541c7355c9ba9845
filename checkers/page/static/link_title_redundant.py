"""static.link-title-redundant: a link whose title repeats its text.

Best practice (WCAG technique H33, 2.4.4): the title attribute should add information to a
link, not repeat it. Some screen readers read the text and the title, so users hear
"Google, link, Google"; sighted mouse users get a tooltip that says nothing new. Reported
for review and as info when the title equals the link's text (case, blanks and punctuation
ignored). Links whose name comes from the title alone (no text) are not reported: there the
title is the name.
Known false positives: none beyond verbosity; removing the title is always safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static.link_name import links

META = page_meta(__file__)

_NOISE = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _NOISE.sub(" ", collapse(text).casefold()).strip()


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    for el in links(page):
        title = collapse(el.get("title"))
        if not title:
            continue
        label = collapse(el.get("aria-label"))
        text = label or page._content_name(el, set())  # name without title
        if text and _key(text) and _key(text) == _key(title):
            yield PageHit(el, {"title": title[:80]})
