"""static.broken-anchor-link: a link to a place on the same page that does not exist.

WCAG 2.4.1 (Bypass Blocks) and 2.4.4 (Link Purpose): a skip link ("Zum Inhalt") or a table
of contents entry whose target id is missing does nothing; keyboard users stay where they
are. Links whose href is only a fragment ("#inhalt", or the page's own address plus a
fragment) are checked against the ids of the page and the names of <a name> anchors.
Bare "#" and "#top" (scripted or browser-defined) are ignored. A broken skip link (text such
as "Inhalt", "springen", "skip", "content") is a warning, other broken anchors are info; all
for review: a script may create the target later.
Known false positives: targets inserted by script after load.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, urldefrag

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_SKIP = re.compile(r"inhalt|springen|sprung|überspringen|skip|content|hauptbereich|main", re.I)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    try:
        own = urldefrag(page.url or "")[0]
    except ValueError:
        return
    names: set[str] | None = None
    for el in known.tags("a") + known.tags("area"):
        href = (el.get("href") or "").strip()
        if "#" not in href or el in known.excluded:
            continue
        base, fragment = href.split("#", 1)
        try:
            if base and urldefrag(page.absolute(base) or "")[0] != own:
                continue
        except ValueError:
            continue  # a broken address (e.g. "http://[x"): not a link into this page
        if not fragment or fragment.lower() == "top" or fragment.startswith(("!", "/")):
            continue  # "#", "#top", routes of single-page apps ("#!/a", "#/a")
        target = unquote(fragment)
        if page.by_id(target) is not None or page.by_id(fragment) is not None:
            continue
        if names is None:
            names = {a.get("name") for a in known.tags("a") if a.get("name")}
        if target in names or fragment in names:
            continue
        text = page.accessible_name(el)
        if _SKIP.search(text):
            yield PageHit(el, {"text": text[:60], "target": target[:60]}, severity="warning")
        else:
            yield PageHit(el, {"text": text[:60], "target": target[:60]})
