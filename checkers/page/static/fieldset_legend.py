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
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import explicit_role, facts, wcag_standards

META = RuleMeta(
    id="static.fieldset-legend",
    engine="static",
    title=de_en("Options- oder Kontrollfelder ohne Gruppen-Beschriftung",
                "Radio buttons or checkboxes without group label"),
    message=de_en(
        'Die Optionsfelder "{name}" haben keine gemeinsame Beschriftung (fieldset/legend).',
        'The radio buttons "{name}" have no common label (fieldset/legend).',
    ),
    explanation=de_en(
        "Fassen Sie zusammengehörige Optionsfelder oder Kontrollkästchen in <fieldset> "
        "zusammen und schreiben Sie die Frage in <legend>, zum Beispiel "
        "<legend>Anrede</legend>.",
        "Group related radio buttons or checkboxes in a <fieldset> and put the question in "
        "<legend>, for example <legend>Title</legend>.",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.3.1", "3.3.2"),
    standards=wcag_standards("1.3.1", "3.3.2"),
    examples=(
        Example(
            '<p>Anrede</p><label><input id="r" type="radio" name="anrede"> Frau'
            '</label><label><input type="radio" name="anrede"> Herr</label>',
            expect="needs_review",
            at="#r",
        ),
        Example(
            '<fieldset><legend>Anrede</legend><label><input type="radio" name="a">'
            'Frau</label><label><input type="radio" name="a"> Herr</label></fieldset>',
            expect=None,
        ),
        Example(
            '<div role="radiogroup" aria-label="Anrede"><label><input type="radio" '
            'name="a">Frau</label><label><input type="radio" name="a"> Herr</label>'
            "</div>",
            expect=None,
        ),
        Example('<label><input type="radio" name="a"> Ja</label>', expect=None),
        Example(
            '<h4>Welche Abfälle?</h4><label><input id="c" type="checkbox" name="w">'
            'Tierisch</label><label><input type="checkbox" name="w"> Bergbau</label>',
            expect="needs_review",
            at="#c",
        ),
        Example(
            '<fieldset><legend>Welche Abfälle?</legend><label><input type="checkbox" '
            'name="w">Tierisch</label><label><input type="checkbox" name="w">Bergbau'
            "</label></fieldset>",
            expect=None,
        ),
        Example(
            '<div role="group" aria-labelledby="q"><p id="q">Welche?</p><label>'
            '<input type="checkbox" name="w">A</label><label><input type="checkbox" '
            'name="w">B</label></div>',
            expect=None,
        ),
        Example(
            '<label><input type="checkbox" name="agb"> AGB gelesen</label><label>'
            '<input type="checkbox" name="news"> Newsletter</label>',
            expect=None,
        ),
        Example(
            '<form><label><input type="radio" name="a">Ja</label></form><form><label>'
            '<input type="radio" name="a">Nein</label></form>',
            expect=None,
        ),
        Example(
            '<table><tr><td><input type="checkbox" name="id" aria-label="A"></td>'
            '<td>A</td></tr><tr><td><input type="checkbox" name="id" aria-label="B">'
            "</td><td>B</td></tr></table>",
            expect=None,
        ),
    ),
)


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
