"""static.focus-blur: a script takes the keyboard focus away as soon as an element gets it.

WCAG 2.1.1 (Keyboard), 2.4.7 (Focus Visible) and 3.2.1 (On Focus), technique failure F55:
``onfocus="this.blur()"`` (or ``blur()`` in an onfocus/onfocusin handler) throws keyboard
users off the element; they can never operate it and may lose their place. The handler is
read from the markup, so this is a failure. Hidden elements are skipped.
Known false positives: none known for inline handlers; the same done by addEventListener is
not seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.focus-blur",
    engine="static",
    title=de_en("Fokus wird sofort entfernt", "Focus is removed at once"),
    message=de_en(
        "Das {tag}-Element nimmt sich beim Fokussieren den Fokus wieder weg ({code}).",
        "The {tag} element removes focus from itself when it gets focus ({code}).",
    ),
    explanation=de_en(
        "Entfernen Sie blur() aus dem onfocus-Handler. Soll der Fokusrahmen anders aussehen, "
        "gestalten Sie ihn mit CSS (:focus-visible).",
        "Remove blur() from the onfocus handler. To change how the focus looks, style it "
        "with CSS (:focus-visible).",
    ),
    severity="error",
    wcag=("2.1.1", "2.4.7", "3.2.1"),
    standards=wcag_standards("2.1.1", "2.4.7", "3.2.1"),
    examples=(
        Example('<a id="b" href="/suche" onfocus="this.blur()">Suche</a>',
                expect="failed", at="#b"),
        Example(
            '<input id="b" type="text" onfocus="if(this.blur)this.blur();" '
            'aria-label="Ort">',
            expect="failed",
            at="#b",
        ),
        Example('<a href="/suche" onfocus="zeigeHilfe()">Suche</a>', expect=None),
        Example('<a href="/suche" onblur="this.blur()">Suche</a>', expect=None),
        Example('<a href="/s" hidden onfocus="this.blur()">S</a>', expect=None),
    ),
)

_BLUR = re.compile(r"(?:\bthis|\bevent\.target|\be\.target)\.blur\s*\(|^\s*blur\s*\(", re.I)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.elements:
        code = el.get("onfocus") or el.get("onfocusin")
        if not code or el in known.not_rendered:
            continue
        if _BLUR.search(code):
            short = code.strip()
            yield PageHit(el, {"tag": tag_of(el), "code": short[:60]})
