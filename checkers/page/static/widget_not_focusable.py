"""static.widget-not-focusable: an element with a control role that the keyboard cannot reach.

WCAG 2.1.1 (Keyboard); a hit claims only 2.1.1 (its name and role are exposed, 4.1.2 is the
name rules' concern). role="button", "link", "checkbox",
"switch", "slider", "textbox" and the like promise a control that can be operated; without
tabindex (and without native focus such as <button>) the element never gets keyboard focus.
Fails for standalone control roles. For roles that live inside a composite widget (tab,
option, menuitem, treeitem, radio) focus may be managed by a script with a roving
tabindex set at runtime, so those are reported for review. Not reported: elements inside a
composite that uses aria-activedescendant, aria-disabled="true" or disabled controls,
elements inside or around a focusable element (a role on a wrapper of a real link or button
is a naming issue, not a keyboard barrier), and elements hidden from the accessibility tree.
Known false positives: widgets whose tabindex is set by a script after load.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import (
    disabled,
    explicit_role,
    facts,
    focusable,
    wcag_standards,
)

META = RuleMeta(
    id="static.widget-not-focusable",
    engine="static",
    title=de_en("Bedienelement nicht mit Tastatur erreichbar",
                "Control not reachable by keyboard"),
    message=de_en(
        'Das Element hat role="{role}", kann aber keinen Tastaturfokus erhalten.',
        'The element has role="{role}" but cannot receive keyboard focus.',
    ),
    explanation=de_en(
        'Verwenden Sie das passende HTML-Element (<button>, <a href>, <input>) oder geben Sie '
        'dem Element tabindex="0" und Tastenbedienung.',
        "Use the matching HTML element (<button>, <a href>, <input>) or give the element "
        'tabindex="0" and keyboard handling.',
    ),
    severity="error",
    wcag=("2.1.1", "4.1.2"),
    standards=wcag_standards("2.1.1", "4.1.2"),
    examples=(
        Example('<div id="w" role="button">Drucken</div>', expect="failed", at="#w"),
        Example('<span id="w" role="link">Impressum</span>', expect="failed", at="#w"),
        Example('<div id="w" role="checkbox" aria-checked="false">Newsletter</div>',
                expect="failed", at="#w"),
        # Inside a composite widget a script may set a roving tabindex: review only.
        Example('<div role="tablist"><div role="tab">Allgemein</div></div>',
                expect="needs_review", at="html > body > div > div"),
        Example('<div role="button" tabindex="0">Drucken</div>', expect=None),
        Example('<button role="switch" aria-checked="false">Ton</button>', expect=None),
        Example('<a href="/impressum" role="button">Impressum</a>', expect=None),
        Example('<div role="button" aria-disabled="true">Senden</div>', expect=None),
        Example(
            '<ul role="listbox" tabindex="0" aria-activedescendant="o1">'
            '<li id="o1" role="option">Bonn</li><li role="option">Köln</li></ul>',
            expect=None,
        ),
        Example(
            '<div role="tablist"><div role="tab" tabindex="0">A</div>'
            '<div role="tab" tabindex="-1">B</div></div>',
            expect=None,
        ),
        Example('<div role="button" aria-hidden="true">x</div>', expect=None),
        Example('<li role="menuitem"><a href="/abfall">Abfall</a></li>', expect=None),
        Example('<a href="/x"><span role="img" aria-label="Pfeil">→</span></a>', expect=None),
    ),
)

STANDALONE = frozenset({"button", "link", "checkbox", "switch", "slider", "spinbutton",
                        "textbox", "searchbox", "combobox", "scrollbar"})
IN_COMPOSITE = frozenset({"tab", "option", "menuitem", "menuitemcheckbox", "menuitemradio",
                          "treeitem", "radio"})


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.with_role:
        role = explicit_role(el)
        if role not in STANDALONE and role not in IN_COMPOSITE:
            continue
        if el in known.excluded or focusable(el) or disabled(el):
            continue
        if tag_of(el) in ("input", "select", "textarea", "button"):
            continue  # native controls; disabled ones are skipped above
        if (el.get("aria-disabled") or "").strip().lower() == "true":
            continue
        managed = False
        for ancestor in el.iterancestors():
            if ancestor.get("aria-activedescendant") is not None or focusable(ancestor):
                managed = True
                break
            if (ancestor.get("aria-disabled") or "").strip().lower() == "true":
                managed = True
                break
        if managed:
            continue
        if any(isinstance(d.tag, str) and focusable(d) and d not in known.excluded
               for d in el.iterdescendants()):
            continue  # a wrapper around a real control: the keyboard reaches the control
        if role == "textbox" and el.get("contenteditable") is not None:
            continue
        # Not reaching the control by keyboard breaks 2.1.1; its name and role are exposed
        # all the same (a missing name is the name rules' finding), so 4.1.2 is not claimed.
        if role in IN_COMPOSITE:
            yield PageHit(el, {"role": role}, outcome="needs_review", severity="warning",
                          wcag=_KEYBOARD)
        else:
            yield PageHit(el, {"role": role}, wcag=_KEYBOARD)


_KEYBOARD = ("2.1.1",)
