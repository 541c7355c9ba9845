"""static.adjacent-links-no-separator: text links next to each other with only white space between.

Best practice for WCAG 1.3.1 and 2.4.4 (the former WCAG 1.0 checkpoint 10.5): links in a row
separated only by blanks ("Page A Page B Page C") run together when read as text, in
braille and in some screen reader modes, and look like one long link to some users. Runs of
at least two sibling links with visible text and nothing but white space between them are
reported once, on the first link, for review and as info. Links inside lists, nav, menus,
toolbars and tab lists are skipped: there the structure separates them.
Known false positives: links set apart by CSS (margins, borders, icons from ::before).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_LIST_TAGS = frozenset({"ul", "ol", "menu", "nav", "dl", "select", "table"})
_LIST_ROLES = frozenset({"navigation", "list", "menu", "menubar", "toolbar", "tablist",
                         "listbox", "tree", "grid", "group", "radiogroup"})


def _text_link(el, known) -> bool:
    if tag_of(el) != "a" or el.get("href") is None or el in known.excluded:
        return False
    if explicit_role(el) not in (None, "link"):
        return False
    return bool(collapse(el.text_content()))


def _in_list(el) -> bool:
    for node in el.iterancestors():
        if tag_of(node) in _LIST_TAGS or explicit_role(node) in _LIST_ROLES:
            return True
    return False


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    seen: set = set()
    for el in known.tags("a"):
        if el in seen or not _text_link(el, known):
            continue
        run = [el]
        node = el
        while not collapse(node.tail):
            following = node.getnext()
            if following is None or not isinstance(following.tag, str):
                break
            if not _text_link(following, known):
                break
            run.append(following)
            node = following
        seen.update(run)
        if len(run) < 2 or _in_list(el):
            continue
        yield PageHit(el, {"count": len(run), "text": collapse(el.text_content())[:60]})
