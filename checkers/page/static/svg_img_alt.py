"""static.svg-img-alt: an SVG graphic marked as image (role="img") without a name.

WCAG 1.1.1 (Non-text Content), ACT rule 7d6734 "svg element with explicit role has non-empty
accessible name": applies to svg elements and their descendants with role img,
graphics-document or graphics-symbol that are in the accessibility tree. The name comes from
aria-labelledby, aria-label or a title child element; a title attribute does not count (it is
not defined in SVG).
Known false positives: none known; svg hidden by CSS classes is still checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import explicit_role, facts, wcag_standards

META = RuleMeta(
    id="static.svg-img-alt",
    engine="static",
    title=de_en("SVG-Grafik ohne Namen", "SVG graphic without a name"),
    message=de_en(
        'Die SVG-Grafik mit role="{role}" hat keinen Namen.',
        'The SVG graphic with role="{role}" has no name.',
    ),
    explanation=de_en(
        "Geben Sie der Grafik einen Namen: ein <title>-Element als erstes Kind-Element oder "
        'aria-label="…". Ist die Grafik nur Schmuck, schreiben Sie aria-hidden="true".',
        'Give the graphic a name: a <title> element as first child or aria-label="…". If '
        'the graphic is only decoration, add aria-hidden="true".',
    ),
    severity="error",
    wcag=("1.1.1",),
    act=("7d6734",),
    standards=wcag_standards("1.1.1"),
    examples=(
        Example('<svg id="s" role="img" viewBox="0 0 10 10"><circle r="5"/></svg>',
                expect="failed", at="#s"),
        Example(
            '<svg id="s" role="graphics-document"><title> </title><circle r="5"/>'
            "</svg>",
            expect="failed",
            at="#s",
        ),
        Example('<svg><circle id="c" role="graphics-symbol" r="5"></circle></svg>',
                expect="failed", at="#c"),
        Example('<svg id="s" role="img" title="Logo"><circle r="5"/></svg>',
                expect="failed", at="#s"),
        Example('<svg role="img"><title>Logo der Stadt</title><circle r="5"/></svg>', expect=None),
        Example('<svg role="img" aria-label="Logo"><circle r="5"/></svg>', expect=None),
        Example('<p id="n">Logo</p><svg role="img" aria-labelledby="n"></svg>', expect=None),
        Example('<svg role="img" aria-hidden="true"><circle r="5"/></svg>', expect=None),
        # Without an explicit role the rule does not apply.
        Example('<svg><circle r="5"/></svg>', expect=None),
        Example(
            '<svg><circle role="graphics-symbol" r="5"><title>Punkt</title></circle>'
            "</svg>",
            expect=None,
        ),
    ),
)

_ROLES = ("img", "graphics-document", "graphics-symbol")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.with_role:
        if el not in known.in_svg or el in known.excluded:
            continue
        role = explicit_role(el)
        if role not in _ROLES:
            continue
        name = page.accessible_name(el)
        # SVG has no title attribute: a name that only came from it does not count.
        if name and not (el.get("aria-label") or el.get("aria-labelledby")) and (
            name == collapse(el.get("title"))
        ):
            name = ""
        if name:
            continue
        title = next((c for c in el if tag_of(c) == "title"), None)
        if title is not None and collapse(title.text_content()):
            continue
        yield PageHit(el, {"role": role})
