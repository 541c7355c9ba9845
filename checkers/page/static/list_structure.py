"""static.list-structure: lists with foreign children, list items outside a list.

WCAG 1.3.1 (Info and Relationships): screen readers announce "list, 5 items" from the
markup. A ul or ol may only contain li (plus script and template); an li must sit in ul, ol
or menu (or an element with role="list"). Children with role="listitem" or hidden ones are
accepted; lists with another explicit role are skipped.
Known false positives: none known.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_ALLOWED = frozenset({"li", "script", "template"})
_LISTS = frozenset({"ul", "ol", "menu"})


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for tag in ("ul", "ol"):
        for el in known.tags(tag):
            if el in known.excluded or explicit_role(el) not in (None, "list"):
                continue
            for child in el:
                if not isinstance(child.tag, str) or tag_of(child) in _ALLOWED:
                    continue
                if child in known.excluded or explicit_role(child) == "listitem":
                    continue
                yield PageHit(el, {"child": tag_of(child), "parent": tag})
                break
    for el in known.tags("li"):
        parent = el.getparent()
        if el in known.excluded or explicit_role(el) is not None or parent is None:
            continue
        if tag_of(parent) in _LISTS or explicit_role(parent) == "list":
            continue
        yield PageHit(el, {"child": "li", "parent": tag_of(parent)}, message=de_en(
            "<li> steht außerhalb einer Liste (in <{parent}>).",
            "<li> sits outside a list (in <{parent}>).",
        ))
