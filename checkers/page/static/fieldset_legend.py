"""static.fieldset-legend: a group of radio buttons or checkboxes without a group label.

WCAG 1.3.1 (Info and Relationships) and 3.3.2 (Labels or Instructions): radio buttons that
belong together ("Anrede: Frau / Herr / divers") need the question as group label, from a
fieldset with legend or role="radiogroup"/"group" with a name. Otherwise screen reader users
hear only "Frau, radio button, 1 of 3" without the question. Reported for review, since the
question may be part of each button's label. Two or more checkboxes sharing a name ("Which
types of waste ...?" with one box per type) form such a group as well and are reported the
same way. Groups are formed per form and name.
Checkboxes that all sit in table cells (one per row, a row selection) are skipped.
Known false positives: radio buttons or checkboxes whose own labels repeat the question.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    groups: dict[tuple, list] = {}
    for el in known.tags("input"):
        kind = (el.get("type") or "").strip().lower()
        if kind not in ("radio", "checkbox") or el in known.excluded:
            continue
        name = el.get("name")
        if name:
            form = el.get("form") or next(el.iterancestors("form"), None)
            groups.setdefault((kind, form, name), []).append(el)
    for (kind, _form, name), inputs in groups.items():
        if len(inputs) < 2 or _grouped(page, inputs[0]):
            continue
        if kind == "checkbox":
            if all(next(i.iterancestors("td"), None) is not None for i in inputs):
                continue  # one box per table row: a row selection, labelled by the table
            yield PageHit(inputs[0], {"name": name}, message=_CHECKBOXES)
        else:
            yield PageHit(inputs[0], {"name": name})


_CHECKBOXES = de_en(
    'Die Kontrollkästchen "{name}" haben keine gemeinsame Beschriftung (fieldset/legend).',
    'The checkboxes "{name}" have no common label (fieldset/legend).',
)


def _grouped(page, el) -> bool:
    node = el.getparent()
    while node is not None:
        tag = tag_of(node)
        if tag == "fieldset" and page.accessible_name(node):
            return True
        if explicit_role(node) in ("radiogroup", "group") and page.accessible_name(node):
            return True
        node = node.getparent()
    return False
