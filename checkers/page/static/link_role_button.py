"""static.link-role-button: a link turned into a button without the button's keys.

WCAG 2.1.1 (Keyboard) and 4.1.2 (Name, Role, Value): <a href role="button"> is announced as
a button, so users press Space, which on a link scrolls the page instead; the Space key must
be added by script. Links with role="button" and no inline key handler (onkeydown, onkeyup,
onkeypress) are reported for review and as info: a script added with addEventListener may
handle the key, which only a test in the browser shows.
Known false positives: key handling added by a script file.
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
    for el in known.tags("a"):
        if el.get("href") is None or explicit_role(el) != "button" or el in known.excluded:
            continue
        if any(el.get(k) is not None for k in ("onkeydown", "onkeyup", "onkeypress")):
            continue
        yield PageHit(el, {"text": page.accessible_name(el)[:60]})
