"""static.form-no-submit: a form with fields but no submit button.

WCAG 3.2.2 (On Input), technique H32 (provide submit buttons): without a submit button a
form either cannot be sent with the keyboard (Enter only submits forms with one text field
or a submit button) or it is sent by a script on change, which changes the context
unexpectedly. Forms with at least one field other than hidden and buttons are checked; a
<button> without type, type=submit, input type=submit or image, or a submit button outside
the form with form="id" count. Forms with exactly one text field pass (Enter in it submits
the form).
Reported for review and as info: a script may send the form through another control.
Known false positives: forms sent by a scripted "Weiter" link or button type=button.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_NOT_FIELDS = frozenset({"hidden", "submit", "reset", "button", "image"})
_TEXTLIKE = frozenset({"text", "search", "email", "tel", "url", "password", "number", "date",
                       "month", "week", "time", "datetime-local", ""})


def _is_submit(el) -> bool:
    tag = tag_of(el)
    kind = (el.get("type") or "").strip().lower()
    if tag == "button":
        return kind in ("", "submit")
    return tag == "input" and kind in ("submit", "image")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    forms = known.tags("form")
    if not forms:
        return
    external = {
        (el.get("form") or "").strip()
        for el in known.tags("button") + known.tags("input")
        if el.get("form") and _is_submit(el)
    }
    for form in forms:
        if form in known.not_rendered:
            continue
        fields = []
        has_submit = False
        for el in form.iter("input", "select", "textarea", "button"):
            if _is_submit(el):
                has_submit = True
                break
            tag = tag_of(el)
            kind = (el.get("type") or "").strip().lower() if tag == "input" else tag
            if tag == "button" or kind in _NOT_FIELDS:
                continue
            fields.append(kind)
        if has_submit or not fields or (form.get("id") or "") in external - {""}:
            continue
        if sum(kind in _TEXTLIKE for kind in fields) == 1:
            continue  # implicit submission: Enter in the only text field sends the form
        yield PageHit(form, {"fields": len(fields)})
