"""static.link-text-punctuation: a link whose whole text is a punctuation mark or symbol.

WCAG 2.4.4 (Link Purpose (In Context)): a link named ".", ">", "»", "→", "…", "+" or "#"
passes the check for a non-empty name (ACT c487ae), but a screen reader announces "link
full stop" or nothing useful, and the tiny target is hard to hit. Reported for review,
once per symbol: the surrounding sentence may explain the link, which WCAG accepts as context.
Links into the page itself (heading permalinks "#", "§", "¶") and operators in code
(<a><code>?</code></a>) are skipped.
Known false positives: pagination arrows inside a labelled navigation; "+"/"−" buttons
styled as links next to a visible label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts
from checkers.page.static.link_name import links

META = page_meta(__file__)

_SYMBOLS = re.compile(r"\A[^\w]{1,3}\Z")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    reported: set[str] = set()
    for el in links(page):
        if el in known.excluded or (el.get("href") or "").strip().startswith("#"):
            continue  # "#", "§", "¶" permalinks next to headings point into the page itself
        name = page.accessible_name(el)
        if not name or not _SYMBOLS.match(name) or name in reported:
            continue
        if next(el.iter("code", "kbd", "samp", "var"), None) is not None:
            continue  # a link to the documentation of an operator such as "?" or "!"
        reported.add(name)  # once per symbol: repeated "»" in teaser lists is one finding
        yield PageHit(el, {"text": name})
