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
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import (
    disabled,
    explicit_role,
    facts,
    focusable,
)

META = page_meta(__file__)

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
