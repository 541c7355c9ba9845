"""static.fieldset-legend: a group of radio buttons without a group label.

WCAG 1.3.1 (Info and Relationships) and 3.3.2 (Labels or Instructions): radio buttons that
belong together ("Anrede: Frau / Herr / divers") need the question as group label, from a
fieldset with legend or role="radiogroup"/"group" with a name. Otherwise screen reader users
hear only "Frau, radio button, 1 of 3" without the question. Reported for review, since the
question may be part of each button's label.
Known false positives: radio buttons whose own labels repeat the question.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageExample, PageHit, PageRuleMeta, de_en, page_rule
from checkers.page.static._common import explicit_role, facts, wcag_standards

META = PageRuleMeta(
    id="static.fieldset-legend",
    engine="static",
    title=de_en("Optionsfelder ohne Gruppen-Beschriftung", "Radio buttons without group label"),
    message=de_en(
        'Die Optionsfelder "{name}" haben keine gemeinsame Beschriftung (fieldset/legend).',
        'The radio buttons "{name}" have no common label (fieldset/legend).',
    ),
    help=de_en(
        "Fassen Sie zusammengehörige Optionsfelder in <fieldset> zusammen und schreiben Sie "
        "die Frage in <legend>, zum Beispiel <legend>Anrede</legend>.",
        "Group related radio buttons in a <fieldset> and put the question in <legend>, for "
        "example <legend>Title</legend>.",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.3.1", "3.3.2"),
    standards=wcag_standards("1.3.1", "3.3.2"),
    examples=(
        PageExample('<p>Anrede</p><label><input id="r" type="radio" name="anrede"> Frau'
                    '</label><label><input type="radio" name="anrede"> Herr</label>',
                    fails=True, selector="#r"),
        PageExample('<fieldset><legend>Anrede</legend><label><input type="radio" name="a">'
                    'Frau</label><label><input type="radio" name="a"> Herr</label></fieldset>',
                    fails=False),
        PageExample('<div role="radiogroup" aria-label="Anrede"><label><input type="radio" '
                    'name="a">Frau</label><label><input type="radio" name="a"> Herr</label>'
                    "</div>", fails=False),
        PageExample('<label><input type="radio" name="a"> Ja</label>', fails=False),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    groups: dict[str, list] = {}
    for el in known.tags("input"):
        if (el.get("type") or "").strip().lower() != "radio" or el in known.excluded:
            continue
        name = el.get("name")
        if name:
            groups.setdefault(name, []).append(el)
    for name, radios in groups.items():
        if len(radios) < 2 or _grouped(page, radios[0]):
            continue
        yield PageHit(radios[0], {"name": name})


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
