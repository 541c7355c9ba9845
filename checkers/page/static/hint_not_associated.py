"""static.hint-not-associated: a hint text between a label and its field that screen readers skip.

WCAG 1.3.1 (Info and Relationships) and 3.3.2 (Labels or Instructions): "Sie finden die
Nummer auf Ihrem Bescheid, z. B. AB 12 34" placed between <label for="x"> and <input id="x">
is seen by everyone but not announced when the field gets focus, unless the field points to
it with aria-describedby. Reported for review and as info: text elements (p, span, div,
small; at most two, 10 to 300 characters) that stand between a field's label and the field,
as siblings, and that no aria-describedby (or aria-labelledby) of the field names.
Known false positives: hints that are also inside the label text.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import visible_text
from checkers.page.static._common import facts

META = page_meta(__file__)

_HINT_TAGS = frozenset({"p", "span", "div", "small", "em"})


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for ident, labels in page.label_index.items():
        field = page.by_id(ident)
        if field is None or tag_of(field) not in ("input", "select", "textarea"):
            continue
        if field in known.excluded:
            continue
        referenced = set(((field.get("aria-describedby") or "") + " "
                          + (field.get("aria-labelledby") or "")).split())
        for label in labels:
            if label.getparent() is not field.getparent():
                continue
            between = []
            node = label.getnext()
            while node is not None and node is not field and len(between) <= 2:
                if isinstance(node.tag, str):
                    between.append(node)
                node = node.getnext()
            if node is not field:
                continue  # the field is not right after the label: no hint pattern
            for hint_el in between:
                if (tag_of(hint_el) in _HINT_TAGS and hint_el not in known.not_rendered
                        and (hint_el.get("id") or "") not in referenced):
                    hint = visible_text(page, hint_el)
                    if 10 <= len(hint) <= 300:
                        yield PageHit(hint_el, {"hint": hint[:80]})
