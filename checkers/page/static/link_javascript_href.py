"""static.link-javascript-href: a link whose href is "javascript:" code instead of an address.

WCAG 2.1.1 (Keyboard) and 4.1.2 (Name, Role, Value): a link with href="javascript:..." does
not lead anywhere; it is a button in disguise. Screen readers announce it as a link, it
cannot be opened in a new tab, and it does nothing without scripts. The scheme is matched as
browsers parse it (case-insensitive, leading blanks and embedded tabs or line breaks
ignored). Reported for review; links given another role (role="button") are left to
static.link-role-button. Hidden links are skipped.
Known false positives: links that only fall back to script while a real address exists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_SCHEME = re.compile(r"\Ajavascript:", re.I)
_STRIP = re.compile(r"[\t\n\r]")


def javascript_href(href: str | None) -> bool:
    if not href:
        return False
    value = _STRIP.sub("", href).lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e"
                                          "\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
                                          "\x1b\x1c\x1d\x1e\x1f ")
    return bool(_SCHEME.match(value))


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("a"):
        if el in known.excluded or el in known.in_svg or not javascript_href(el.get("href")):
            continue
        if explicit_role(el) not in (None, "link"):
            continue
        yield PageHit(el, {"text": page.accessible_name(el)[:60]})
