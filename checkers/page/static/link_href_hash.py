"""static.link-href-hash: a link to "#" that goes nowhere.

WCAG 2.1.1 (Keyboard) and 4.1.2 (Name, Role, Value): href="#" (or "#!") only jumps to the
top of the page. Without a script the link does nothing; with one it is a button in disguise
that screen readers announce as a link. Reported for review when the link has no role, no
non-trivial onclick handler and no sign of a scripted widget (aria-expanded, aria-controls,
aria-haspopup, data-toggle): then it most likely leads nowhere. Scripts bound with
addEventListener are invisible to markup, hence the review.
Known false positives: links whose handler is attached by a script (still better a button).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import trivial_handler
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_WIDGET = ("aria-expanded", "aria-controls", "aria-haspopup", "aria-pressed", "data-toggle",
           "data-bs-toggle", "data-action", "data-target", "data-bs-target")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("a"):
        href = el.get("href")
        if href is None or href.strip() not in ("#", "#!"):
            continue
        if el in known.excluded or el in known.in_svg or explicit_role(el) is not None:
            continue
        if not trivial_handler(el.get("onclick")):
            continue
        if any(el.get(attr) is not None for attr in _WIDGET):
            continue
        yield PageHit(el, {"text": page.accessible_name(el)[:60]})
