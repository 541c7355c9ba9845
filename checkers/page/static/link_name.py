"""static.link-name: a link without an accessible name.

WCAG 2.4.4 (Link Purpose) and 4.1.2 (Name, Role, Value), ACT rule c487ae "Link has non-empty
accessible name": a elements with href and elements with role="link" that are in the
accessibility tree. The usual case is an image link whose image has no alt, or an icon link.
Names come from content (including alt of images inside), aria-labelledby, aria-label, title.
Areas of image maps are checked by static.area-alt.
Known false positives: icon fonts whose text comes from CSS; links hidden by CSS classes.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, Page, tag_of
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import (
    Facts,
    accessible_name,
    explicit_role,
    facts,
    wcag_standards,
)

META = RuleMeta(
    id="static.link-name",
    engine="static",
    title=de_en("Link ohne Namen", "Link without a name"),
    message=de_en("Der Link hat keinen Text.", "The link has no text."),
    explanation=de_en(
        "Jeder Link braucht einen Text, der sagt, wohin er führt. Bei Bild-Links beschreibt "
        "der Alternativtext des Bildes das Ziel, zum Beispiel alt=\"Startseite\".",
        "Every link needs text that says where it leads. For image links the text "
        'alternative of the image describes the target, for example alt="Home".',
    ),
    severity="error",
    wcag=("2.4.4", "4.1.2"),
    act=("c487ae",),
    standards=wcag_standards("2.4.4", "4.1.2"),
    examples=(
        Example('<a id="l" href="/"><img src="logo.png"></a>', expect="failed", at="#l"),
        Example('<a id="l" href="/"><img src="logo.png" alt=""></a>', expect="failed", at="#l"),
        Example('<a id="l" href="/suche"><svg><path d="M0 0"/></svg></a>',
                expect="failed", at="#l"),
        Example('<a id="l" href="/x"> </a>', expect="failed", at="#l"),
        Example('<span id="l" role="link" tabindex="0"></span>', expect="failed", at="#l"),
        Example('<a id="l" href="/x"><span aria-hidden="true">→</span></a>',
                expect="failed", at="#l"),
        Example('<a href="/">Startseite</a>', expect=None),
        Example('<a href="/"><img src="logo.png" alt="Startseite"></a>', expect=None),
        Example('<a href="/suche" aria-label="Suche"><svg></svg></a>', expect=None),
        Example('<a href="/suche" title="Suche"><svg></svg></a>', expect=None),
        Example('<span id="t">Kontakt</span><a href="/k" aria-labelledby="t"></a>', expect=None),
        Example('<a href="/" aria-hidden="true" tabindex="-1"><img src="l.png"></a>', expect=None),
        Example('<a name="anker"></a>', expect=None),
        Example('<a href="/" style="display:none"></a>', expect=None),
        Example('<a href="/" role="button" aria-label="Menü"></a>', expect=None),
        Example(
            '<a href="/"><img src="logo.png" aria-labelledby="n"></a>'
            '<span id="n">Startseite</span>',
            expect=None,
        ),
        Example('<a id="l" href="#q1" role="doc-noteref"><img src="1.png" alt=""></a>',
                expect="failed", at="#l"),
        Example('<a id="l" href="/" role="none"> </a>', expect="failed", at="#l"),
        # DPUB link roles take their name from the content, like link.
        Example('<p>Quelle<span role="doc-noteref" tabindex="0">2</span></p>', expect=None),
        Example('<p>Quelle<span id="n" role="doc-noteref" tabindex="0"></span></p>',
                expect="failed", at="#n"),
        # Inline style: the last display declaration counts.
        Example('<a href="/alt" style="display:inline; display:none"></a>', expect=None),
        Example('<a id="l" href="/alt" style="display:none; display:inline"></a>',
                expect="failed", at="#l"),
    ),
)


# Roles that inherit from link (DPUB-ARIA).
LINK_ROLES = frozenset({"link", "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref"})


def links(page: Page) -> list[HtmlElement]:
    """Elements with the link role that are in the accessibility tree (area excluded), in
    document order for a elements; computed once per page."""
    known = facts(page)
    if known.link_list is None:
        known.link_list = list(_links(known))
    return known.link_list


def _links(known: Facts) -> Iterator[HtmlElement]:
    for el in known.tags("a"):
        if el.get("href") is None or el in known.excluded or el in known.in_svg:
            continue
        role = explicit_role(el)
        if role is None or role in LINK_ROLES or role in ("none", "presentation"):
            yield el
    for el in known.with_role:
        if tag_of(el) in ("a", "area") or el in known.excluded or el in known.in_svg:
            continue
        if explicit_role(el) in LINK_ROLES:
            yield el


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    for el in links(page):
        if not accessible_name(page, el):
            yield PageHit(el)
