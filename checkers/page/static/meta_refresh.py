"""static.meta-refresh: the page reloads or redirects itself after a delay.

WCAG 2.2.1 (Timing Adjustable), 2.2.4 (Interruptions) and 3.2.5 (Change on Request); ACT rules
bc659a "Meta element has no refresh delay" and bisz58 (no exception). The first valid
<meta http-equiv="refresh"> counts. A delay of 0 (an instant redirect) passes; a delay up to
20 hours (72000 s) fails, because people are interrupted while reading; a longer delay is only
a problem at level AAA and is reported for review.
Known false positives: none known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import HtmlElement, Page
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_DELAY = re.compile(r"\s*(\d+)(?:\.[\d.]*)?\s*(?:[;,\s]|$)")


def first_refresh(page: Page) -> tuple[HtmlElement, int] | None:
    """The first valid ``<meta http-equiv="refresh">`` and its delay in seconds, if any: the
    one the browser acts on (an invalid ``content`` is ignored by browsers and by ACT)."""
    for el in facts(page).tags("meta"):
        if (el.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        match = _DELAY.match(el.get("content") or "")
        if match is not None:
            return el, int(match.group(1))
    return None


def redirects_at_once(page: Page) -> bool:
    """The page sends the browser on at once (delay 0): what the browser then shows is
    another document, while this one is still judged on its own markup."""
    found = first_refresh(page)
    return found is not None and found[1] == 0


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    found = first_refresh(context.page)
    if found is not None:
        el, seconds = found
        if 0 < seconds <= 72000:
            yield PageHit(el, {"seconds": seconds})
        elif seconds > 72000:
            # Allowed by 2.2.1 (more than 20 hours): only the AAA criteria, ACT bisz58.
            yield PageHit(
                el,
                {"seconds": seconds},
                outcome="needs_review",
                severity="info",
                wcag=("2.2.4", "3.2.5"),
                act=("bisz58",),
            )
