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
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import explicit_role, facts, wcag_standards

META = RuleMeta(
    id="static.list-structure",
    engine="static",
    title=de_en("Liste falsch aufgebaut", "List built wrongly"),
    message=de_en("<{child}> steht direkt in <{parent}>; dort sind nur <li> erlaubt.",
                  "<{child}> sits directly in <{parent}>; only <li> is allowed there."),
    explanation=de_en(
        "Setzen Sie jeden Listenpunkt in ein <li>, und jedes <li> in ein <ul> oder <ol>.",
        "Put every list item in an <li>, and every <li> in a <ul> or <ol>.",
    ),
    severity="warning",
    wcag=("1.3.1",),
    standards=wcag_standards("1.3.1"),
    examples=(
        Example('<ul id="u"><li>a</li><div>b</div></ul>', expect="failed", at="#u"),
        Example('<ol id="u"><p>a</p></ol>', expect="failed", at="#u"),
        Example('<div><li id="l">a</li></div>', expect="failed", at="#l"),
        Example("<ul><li>a</li><li>b</li></ul>", expect=None),
        Example("<ul><li>a</li><script>x()</script><template><p>t</p></template></ul>",
                expect=None),
        Example('<ul><div role="listitem">a</div></ul>', expect=None),
        Example('<ul role="tablist"><div role="tab">a</div></ul>', expect=None),
        Example('<div role="list"><li>a</li></div>', expect=None),
        Example("<menu><li>a</li></menu>", expect=None),
        Example('<ul><li>a</li><div hidden>b</div></ul>', expect=None),
    ),
)

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
