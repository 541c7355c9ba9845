"""static.new-window-no-warning: a link opens a new window or tab without saying so.

WCAG 3.2.5 (Change on Request, AAA) and technique G201 (give advance warning when opening a
new window); the BITV test and GOV.UK guidance ask for it, because a new window breaks the
back button and disorients screen reader and magnifier users. Links with target="_blank"
(or an onclick that calls window.open) are checked; the link's name, title, the text of
aria-describedby and of images in the link count as warning when they say "neues Fenster",
"neuer Tab", "new window" / "new tab" (or "externer Link öffnet ..."). Reported for review
and as info, once per link name: the page may explain the behaviour once for all links.
Known false positives: a general notice elsewhere on the page; links to documents that open
in a viewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_WARNED = re.compile(
    r"neue[nmsr]?\s+(?:browser-?)?(?:fenster|tab|registerkarte|seite|browserfenster)|"
    r"neue[nmsr]?\s+browser|new\s+(?:browser\s+)?(?:window|tab)|externer?\s+link.*öffnet|"
    r"\bextern(?:al)?\b.*(?:fenster|window|tab)",
    re.I,
)


def _texts(page, el) -> Iterator[str]:
    yield page.accessible_name(el)
    yield el.get("title") or ""
    for ident in (el.get("aria-describedby") or "").split():
        ref = page.by_id(ident)
        if ref is not None:
            yield collapse(ref.text_content())
    for img in el.iter("img"):
        yield (img.get("alt") or "") + " " + (img.get("title") or "")
    yield el.get("aria-description") or ""


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    reported: set[str] = set()
    for el in known.tags("a") + known.tags("area"):
        target = (el.get("target") or "").strip().lower()
        onclick = el.get("onclick") or ""
        if target != "_blank" and "window.open" not in onclick:
            continue
        if el in known.excluded:
            continue
        if el.get("href") is None and not onclick:
            continue
        if any(_WARNED.search(text) for text in _texts(page, el) if text):
            continue
        name = page.accessible_name(el)
        if name.lower() in reported:
            continue  # the same link repeated ("Run code" under every example): once per name
        reported.add(name.lower())
        yield PageHit(el, {"text": name[:80]})
