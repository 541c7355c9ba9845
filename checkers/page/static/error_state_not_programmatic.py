"""static.error-state-not-programmatic: an error summary, but no field marked as erroneous.

WCAG 3.3.1 (Error Identification), techniques ARIA21 (aria-invalid) and ARIA19 / G83: when a
form shows "There is a problem" / "Bitte korrigieren Sie die Fehler", the fields in error
must be identified in text and programmatically: aria-invalid="true", an error message tied
to the field with aria-describedby or aria-errormessage, or error text inside its label.
Marking them only with a red border or a CSS class (class="has-errors") leaves screen
reader users guessing. The rule looks for a rendered error summary (role=alert, or a class
or id containing error, fehler, validation or invalid) whose text speaks of an error, and
reports it for review when no form field on the page (search forms left out) carries any of
these markers.
Known false positives: error messages linked only from the summary to the fields, and
summaries shown while the fields are marked by script.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import raw_text, visible_text
from checkers.page.static._common import explicit_role, facts
from checkers.page.static.input_purpose_autocomplete import in_search_form

META = page_meta(__file__)

_PREFILTER = ("error", "fehler", "problem", "invalid", "ungültig", "korrigier", "fix",
              "falsch", "incorrect", "not valid", "nicht korrekt")
_ERROR_TEXT = re.compile(
    r"\b(?:errors?|fehler\w*|problem\w*|invalid|ungültig\w*|korrigier\w*|fix|falsch\w*|"
    r"incorrect|fehlerhaft\w*|nicht korrekt|not valid|nicht gültig)\b",
    re.I,
)
_ERROR_NAME = re.compile(r"error|fehler|validation|invalid|alert-danger", re.I)
_FIELDS = ("input", "select", "textarea")
_SOURCE = ("alert", "error", "fehler", "validation", "invalid")  # cheap first test


def _summaries(page, known) -> list:
    found = []
    for el in known.elements:
        attrib = el.attrib
        if not attrib or el in known.excluded or tag_of(el) in _FIELDS:
            continue
        marked = ("role" in attrib and explicit_role(el) in ("alert", "alertdialog")) or bool(
            ("class" in attrib or "id" in attrib)
            and _ERROR_NAME.search((el.get("class") or "") + " " + (el.get("id") or ""))
        )
        if not marked or tag_of(el) in ("html", "body", "form", "label"):
            continue
        text = visible_text(page, el)
        if text and _ERROR_TEXT.search(text) and not re.search(r"\b40[34]\b|\b50\d\b", text):
            found.append(el)
    return found


def _field_marked(page, known, field) -> bool:
    if (field.get("aria-invalid") or "").strip().lower() not in ("", "false"):
        return True
    refs = ((field.get("aria-describedby") or "") + " "
            + (field.get("aria-errormessage") or "")).split()
    for ref in refs:
        target = page.by_id(ref)
        if target is None:
            continue
        label = (target.get("class") or "") + " " + ref
        if _ERROR_NAME.search(label) or _ERROR_TEXT.search(collapse(target.text_content())):
            return True
    labels = list(field.iterancestors("label"))
    ident = field.get("id")
    if ident:
        labels.extend(page.label_index.get(ident, ()))
    for label in labels:
        for inner in label.iter():
            if inner is label or tag_of(inner) in _FIELDS:
                continue  # a class on the field itself is only styling
            if _ERROR_NAME.search(inner.get("class") or ""):
                return True
    return False


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    source = (page.html or "").lower()  # substring tests: much faster than re.I on 30 KB
    if not any(word in source for word in _SOURCE):
        return
    text = raw_text(page).lower()
    if not any(word in text for word in _PREFILTER):
        return
    fields = [
        el for tag in _FIELDS for el in known.tags(tag)
        if el not in known.excluded
        and (el.get("type") or "").strip().lower() not in ("submit", "reset", "button",
                                                            "image", "hidden")
        and not in_search_form(el)
    ]
    if not fields:
        return
    summaries = _summaries(page, known)
    if not summaries:
        return
    if any(_field_marked(page, known, f) for f in fields):
        return
    outer = [s for s in summaries if not any(a in summaries for a in s.iterancestors())]
    yield PageHit(outer[0])
