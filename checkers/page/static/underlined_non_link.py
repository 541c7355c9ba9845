"""static.underlined-non-link: underlined text that is not a link.

Best practice for WCAG 1.4.1 (Use of Color) and 3.2.4 (Consistent Identification): on the web
underlining means "link"; underlined plain text makes people click on it in vain, and people
who rely on the underline to find links (because they cannot see the link colour) are misled.
<u> elements and inline ``text-decoration: underline`` outside links are reported, for review
and as info (<u> may legitimately mark misspellings or Chinese proper names).
Known false positives: <u> for spelling errors; underline used in a legend explaining links.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._barriers import declarations, visible_text
from checkers.page.static._common import explicit_role, facts

META = RuleMeta(
    id="static.underlined-non-link",
    engine="static",
    title=de_en("Unterstrichener Text ohne Link", "Underlined text that is not a link"),
    message=de_en(
        '"{text}" ist unterstrichen, aber kein Link.',
        '"{text}" is underlined but is not a link.',
    ),
    explanation=de_en(
        "Unterstreichen Sie nur Links. Zum Hervorheben nutzen Sie <strong> oder <em>.",
        "Underline only links. To emphasise text, use <strong> or <em>.",
    ),
    severity="info",
    outcome="needs_review",
    standards=("Best practice (WCAG 1.4.1, 3.2.4)",),
    examples=(
        Example('<p>Bitte beachten Sie die <u id="u">neuen Öffnungszeiten</u>.</p>',
                expect="needs_review", at="#u"),
        Example('<span id="u" style="text-decoration: underline">Wichtig</span>',
                expect="needs_review", at="#u"),
        Example('<a href="/x"><u>Öffnungszeiten</u></a>', expect=None),
        Example('<a href="/x" style="text-decoration: underline">Öffnungszeiten</a>', expect=None),
        Example('<span style="text-decoration: none">Text</span>', expect=None),
    ),
)

_LINKISH = frozenset({"link", "button", "tab", "menuitem"})


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    candidates = list(known.tags("u"))
    for el in known.elements:
        style = el.get("style")
        if style and "underline" in style and tag_of(el) != "u":
            decoration = declarations(style)
            value = decoration.get("text-decoration", "") + decoration.get(
                "text-decoration-line", "")
            if "underline" in value:
                candidates.append(el)
    for el in candidates:
        if el in known.not_rendered or tag_of(el) in ("a", "button"):
            continue
        if explicit_role(el) in _LINKISH:
            continue
        if any(tag_of(a) in ("a", "button") or explicit_role(a) in _LINKISH
               for a in el.iterancestors()):
            continue
        text = visible_text(page, el)
        if not text:
            continue
        yield PageHit(el, {"text": text[:60]})
