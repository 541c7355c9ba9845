"""static.aria-hidden-focus: content hidden with aria-hidden="true" can still get keyboard focus.

WCAG 4.1.2 (Name, Role, Value) and 1.3.1; ACT rule 6cfa84 "Element with aria-hidden has no
content in sequential focus navigation": keyboard users land on a link or button that screen
readers do not announce. Focusable are links and areas with href, buttons, form fields,
iframes, media with controls, summary, contenteditable and tabindex >= 0 — unless disabled,
hidden, inert or taken out of the tab order with tabindex="-1".
An element whose id an inline script listens to for focus (or with an onfocus handler) is
reported as needs_review only: focus sentinels before and after a modal dialog move focus on
at once and are not focusable in the ACT sense; whether the script does so needs a browser.
Known false positives: content made unfocusable by external scripts or hidden by CSS classes.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import (
    facts,
    in_tab_order,
    script_manages_focus,
    wcag_standards,
)

META = RuleMeta(
    id="static.aria-hidden-focus",
    engine="static",
    title=de_en("Verstecktes Element bekommt Fokus", "Hidden element takes focus"),
    message=de_en(
        'Im Bereich mit aria-hidden="true" kann {focus} mit der Tastatur erreicht werden.',
        'Inside the aria-hidden="true" area, {focus} can be reached with the keyboard.',
    ),
    explanation=de_en(
        'Entfernen Sie aria-hidden="true", oder nehmen Sie die Links und Schaltflächen darin '
        'mit tabindex="-1" aus der Tab-Reihenfolge.',
        'Remove aria-hidden="true", or take the links and buttons inside out of the tab '
        'order with tabindex="-1".',
    ),
    severity="error",
    wcag=("1.3.1", "4.1.2"),
    act=("6cfa84",),
    standards=wcag_standards("1.3.1", "4.1.2"),
    examples=(
        Example('<div id="h" aria-hidden="true"><a href="/">Start</a></div>',
                expect="failed", at="#h"),
        Example('<button id="h" aria-hidden="true">Menü</button>', expect="failed", at="#h"),
        Example('<div id="h" aria-hidden="true"><div tabindex="0">x</div></div>',
                expect="failed", at="#h"),
        Example('<div aria-hidden="true"><a href="/" tabindex="-1">Start</a></div>', expect=None),
        Example('<div aria-hidden="true"><button disabled>OK</button></div>', expect=None),
        Example('<div aria-hidden="true"><a href="/" style="display:none">x</a></div>',
                expect=None),
        Example('<div aria-hidden="true"><a>kein Link</a></div>', expect=None),
        Example('<div aria-hidden="false"><a href="/">Start</a></div>', expect=None),
        Example('<div aria-hidden="true" inert><a href="/">Start</a></div>', expect=None),
        Example('<div aria-hidden="true"><fieldset disabled><input></fieldset></div>', expect=None),
        # Focus sentinel after a dialog: a script sends focus back into the dialog at once.
        Example(
            '<div role="dialog" aria-label="Anmeldung"><input id="erstes" aria-label="Name">'
            '</div><span aria-hidden="true"><a id="wache" href="#">zurück</a></span>'
            '<script>document.getElementById("wache").addEventListener("focus", function () '
            '{ document.getElementById("erstes").focus(); });</script>',
            expect="needs_review",
            at="html > body > span",
        ),
        Example('<p aria-hidden="true"><a href="#" onfocus="weiter(this)">x</a></p>',
                expect="needs_review", at="html > body > p"),
        # The script only handles clicks: the hidden link stays in the tab order.
        Example(
            '<span id="w" aria-hidden="true"><a id="wache" href="#">zurück</a></span>'
            '<script>document.getElementById("wache").addEventListener("click", zu);</script>',
            expect="failed",
            at="#w",
        ),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for root in known.aria_hidden_roots:
        unsure = None
        for el in root.iter():
            if not isinstance(el.tag, str) or el in known.not_rendered or el in known.inert:
                continue
            if in_tab_order(el):
                if script_manages_focus(page, el):
                    # A focus sentinel: a script moves focus on as soon as it arrives, so the
                    # element is not focusable in the ACT sense. Only a browser can tell.
                    unsure = unsure if unsure is not None else el
                    continue
                yield PageHit(root, {"focus": f"<{el.tag}>"})
                break
        else:
            if unsure is not None:
                yield PageHit(root, {"focus": f"<{unsure.tag}>"}, outcome="needs_review")
