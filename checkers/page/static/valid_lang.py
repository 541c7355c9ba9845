"""static.valid-lang: a lang attribute inside the page is not a valid language tag.

WCAG 3.1.2 (Language of Parts), ACT rule de46e4: applies to elements in the body with a
non-empty lang attribute that hold text inheriting their language, not overridden by a
nested non-empty lang and not hidden. Rendered text counts even under aria-hidden; an alt or
aria-label counts only on elements in the accessibility tree. The primary language subtag is
judged like static.html-lang-valid (whitespace only fails); unknown three-letter codes are
reported for review.
Known false positives: none known; rare languages need a review.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import Facts, facts, wcag_standards
from checkers.page.static._lang import check_tag

META = RuleMeta(
    id="static.valid-lang",
    engine="static",
    title=de_en("Ungültige Sprache eines Textteils", "Invalid language of a part"),
    message=de_en(
        'Die Sprache "{lang}" ist kein gültiger Sprach-Code.',
        'The language "{lang}" is not a valid language tag.',
    ),
    explanation=de_en(
        'Verwenden Sie für Textteile in anderen Sprachen gültige Sprach-Codes, zum Beispiel '
        'lang="en" für Englisch oder lang="fr" für Französisch.',
        'Use valid language tags for parts in other languages, for example lang="en" for '
        'English or lang="fr" for French.',
    ),
    severity="error",
    wcag=("3.1.2",),
    act=("de46e4",),
    standards=wcag_standards("3.1.2"),
    examples=(
        Example('<html lang="de"><body><p id="x" lang="englisch">Hello</p></body></html>',
                expect="failed", at="#x"),
        Example(
            '<html lang="de"><body><p>Das ist <span id="x" lang="e">cool</span>.</p>'
            "</body></html>",
            expect="failed",
            at="#x",
        ),
        Example('<html lang="de"><body><p lang="en">Hello</p></body></html>', expect=None),
        Example('<html lang="de"><body><p lang="fr-CA">Bonjour</p></body></html>', expect=None),
        # No text in the element: nothing to pronounce.
        Example('<html lang="de"><body><p lang="xyz-!"></p></body></html>', expect=None),
        # Hidden from everyone.
        Example('<html lang="de"><body><p lang="english" hidden>Hello</p></body></html>',
                expect=None),
        Example('<html lang="de"><body><p lang="">Hallo</p></body></html>', expect=None),
        Example('<html lang="de"><body><p id="x" lang="  ">Hallo</p></body></html>',
                expect="failed", at="#x"),
        Example('<html lang="de"><body><p id="x" lang="eng">Hello</p></body></html>',
                expect="failed", at="#x"),
        Example(
            '<html lang="de"><body><div id="x" lang="englisch"><img src="a.png" '
            'alt="Fireworks"></div></body></html>',
            expect="failed",
            at="#x",
        ),
        # All text has its own valid language: the outer lang decides nothing.
        Example(
            '<html lang="de"><body><div lang="englisch"><p lang="en">Hello</p></div>'
            "</body></html>",
            expect=None,
        ),
        Example(
            '<html lang="de"><body><div lang="englisch"><img src="a.png" alt="">'
            "</div></body></html>",
            expect=None,
        ),
        Example(
            '<html lang="de"><body><p lang="xx"><span style="display:none">Hi</span>'
            "</p></body></html>",
            expect=None,
        ),
        # The alt text of an aria-hidden image is not exposed: no text takes this language.
        Example(
            '<html lang="de"><body><span lang="englisch"><img src="a.png" alt="Map" '
            'aria-hidden="true"></span></body></html>',
            expect=None,
        ),
        # An aria-label in the accessibility tree is text in the element's language.
        Example(
            '<html lang="de"><body><span id="x" lang="englisch"><button '
            'aria-label="Close"></button></span></body></html>',
            expect="failed",
            at="#x",
        ),
        # lang="" on the child does not stop the inheritance.
        Example(
            '<html lang="de"><body><div id="x" lang="englisch"><p lang="">Hello</p>'
            "</div></body></html>",
            expect="failed",
            at="#x",
        ),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    body_elements = known.tags("body")
    if not body_elements:
        return
    for el in body_elements[0].iter():
        if not isinstance(el.tag, str):
            continue
        value = el.get("lang")
        if value is None or value == "" or el in known.not_rendered:
            continue
        if not _inherited_text(el, known):
            continue
        verdict = check_tag(value)
        if verdict == "invalid":
            yield PageHit(el, {"lang": value.strip()})
        elif verdict == "unsure":
            yield PageHit(el, {"lang": value.strip()}, outcome="needs_review", severity="info")


def _inherited_text(el: HtmlElement, known: Facts) -> bool:
    """Is there shown text (or an accessible name) that takes its language from el, not from a
    descendant with its own non-empty lang attribute? Text nodes count when rendered (even
    under aria-hidden); names (alt, aria-label) only of elements in the accessibility tree."""
    if el.text and el.text.strip():
        return True
    if el not in known.excluded and _own_name(el):
        return True
    for child in el:
        if child.tail and child.tail.strip():
            return True
        if not isinstance(child.tag, str) or child in known.not_rendered:
            continue
        if child.get("lang"):  # lang="" inherits the language of its parent
            continue
        if _inherited_text(child, known):
            return True
    return False


def _own_name(el: HtmlElement) -> bool:
    if el.tag in ("img", "area") and (el.get("alt") or "").strip():
        return True
    return bool((el.get("aria-label") or "").strip())
