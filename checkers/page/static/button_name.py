"""static.button-name: a button without an accessible name.

WCAG 4.1.2 (Name, Role, Value), ACT rule 97a4e1 "Button has non-empty accessible name":
button elements, input type=submit/reset/button and elements with role="button" that are in
the accessibility tree. Icon buttons (an svg or img without text alternative) are the usual
case. input type=image has its own rule (static.input-image-alt). A submit or reset button
with an empty value attribute is reported for review (browsers differ).
Known false positives: buttons hidden by CSS classes; icon fonts with text in CSS ::before.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import (
    accessible_name,
    explicit_role,
    facts,
    presentational,
    wcag_standards,
)

META = RuleMeta(
    id="static.button-name",
    engine="static",
    title=de_en("Schaltfläche ohne Namen", "Button without a name"),
    message=de_en("Die Schaltfläche hat keinen Namen.", "The button has no name."),
    explanation=de_en(
        "Schreiben Sie in die Schaltfläche, was sie tut, zum Beispiel „Suchen“. Hat sie nur "
        'ein Symbol, geben Sie ihr aria-label="Suchen" oder dem Bild einen Alternativtext.',
        'Write in the button what it does, for example "Search". If it only has an icon, '
        'give it aria-label="Search" or give the image a text alternative.',
    ),
    severity="error",
    wcag=("4.1.2",),
    act=("97a4e1",),
    standards=wcag_standards("4.1.2"),
    examples=(
        Example('<button id="b"></button>', expect="failed", at="#b"),
        Example('<button id="b"><svg viewBox="0 0 8 8"><path d="M0 0h8"/></svg></button>',
                expect="failed", at="#b"),
        Example('<button id="b"><img src="lupe.png" alt=""></button>', expect="failed", at="#b"),
        Example('<input id="b" type="button">', expect="failed", at="#b"),
        Example('<span id="b" role="button" tabindex="0"></span>', expect="failed", at="#b"),
        Example('<button id="b"><span aria-hidden="true">×</span></button>',
                expect="failed", at="#b"),
        Example("<button>Suchen</button>", expect=None),
        Example('<button><img src="lupe.png" alt="Suchen"></button>', expect=None),
        Example('<button aria-label="Menü öffnen"><svg></svg></button>', expect=None),
        Example('<button title="Schließen">×</button>', expect=None),
        Example('<input type="submit">', expect=None),
        Example('<input type="button" value="Weiter">', expect=None),
        Example('<button style="display:none"></button>', expect=None),
        Example('<div aria-hidden="true"><button tabindex="-1"></button></div>', expect=None),
        # Another role: not a button any more.
        Example('<button role="tab" aria-label="Reiter"></button>', expect=None),
        Example('<input type="image" src="go.png">', expect=None),
        Example('<button role="none" disabled></button>', expect=None),
        # The hidden element aria-labelledby points at names the button with all its content.
        Example(
            '<span id="d" hidden><span>Drucken</span></span>'
            '<button aria-labelledby="d"></button>',
            expect=None,
        ),
        Example(
            '<span id="d"><span hidden>Drucken</span></span>'
            '<button id="b" aria-labelledby="d"></button>',
            expect="failed",
            at="#b",
        ),
    ),
)

_INPUT_BUTTONS = frozenset({"submit", "reset", "button"})


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    candidates = list(known.tags("button"))
    candidates.extend(
        el for el in known.tags("input")
        if (el.get("type") or "").strip().lower() in _INPUT_BUTTONS
    )
    candidates.extend(
        el for el in known.with_role
        if tag_of(el) not in ("button", "input") and explicit_role(el) == "button"
    )
    for el in candidates:
        if el in known.excluded or el in known.in_svg:
            continue
        if tag_of(el) in ("button", "input") and explicit_role(el) not in (
            None, "button", "none", "presentation"
        ):
            continue
        if presentational(el):
            continue
        if tag_of(el) == "input":
            value = el.get("value")
            kind = (el.get("type") or "").strip().lower()
            if kind in ("submit", "reset") and value is not None and not value.strip():
                if not any(el.get(a) for a in ("aria-label", "aria-labelledby", "title")):
                    yield PageHit(el, outcome="needs_review", severity="warning")
                continue
        if not accessible_name(page, el):
            yield PageHit(el)
