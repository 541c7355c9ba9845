"""static.link-text-url: a link whose text is a long web address.

WCAG 2.4.4 (Link Purpose (In Context)) and 2.4.9: screen readers read a bare address such as
"https://www.musterstadt.de/index.php?id=4711&L=0" character group by character group, and it
seldom says what the target is. Links whose whole name is a URL of more than 30 characters
(or one with a query string) are reported, for review and as info. Short, speakable addresses
("www.musterstadt.de") pass.
Known false positives: pages where the address itself is the subject (an imprint listing the
web address, a citation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts
from checkers.page.static.link_name import links

META = page_meta(__file__)

_URL = re.compile(r"\A(?:https?://|www\.)\S+\Z", re.I)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in links(page):
        if el in known.excluded:
            continue
        name = page.accessible_name(el)
        if not _URL.match(name):
            continue
        if len(name) > 30 or "?" in name:
            yield PageHit(el, {"text": name[:80]})
