"""static.aria-attr-valid: an aria-* attribute that does not exist, or has an impossible value.

WCAG 1.3.1 and 4.1.2. ACT rule 5f99a7 "ARIA attribute is defined in WAI-ARIA": every aria-*
attribute must exist in WAI-ARIA (typos such as aria-lable or aria-labeledby are ignored by
browsers, so the label is lost). ACT rule 6a7281 "ARIA state or property has valid value":
true/false, tristate, token, integer and number values are checked; empty values, strings and
id references are not (id references may point to elements added later). aria-current,
aria-invalid and aria-haspopup values outside the list are reported for review, because
browsers treat them as "true".
Known false positives: attributes from ARIA drafts newer than 1.3.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import GLOBAL_ARIA, facts

META = page_meta(__file__)

_TRUE_FALSE = frozenset({"true", "false"})
_TRISTATE = frozenset({"true", "false", "mixed", "undefined"})
_TRUE_FALSE_UNDEFINED = frozenset({"true", "false", "undefined"})
_TOKENS: dict[str, frozenset[str]] = {
    "aria-autocomplete": frozenset({"inline", "list", "both", "none"}),
    "aria-live": frozenset({"assertive", "off", "polite"}),
    "aria-orientation": frozenset({"horizontal", "vertical", "undefined"}),
    "aria-sort": frozenset({"ascending", "descending", "none", "other"}),
}
# Values outside these lists are treated as "true" by browsers: review, not failure.
_LENIENT_TOKENS: dict[str, frozenset[str]] = {
    "aria-current": frozenset({"page", "step", "location", "date", "time", "true", "false"}),
    "aria-invalid": frozenset({"grammar", "spelling", "true", "false"}),
    "aria-haspopup": frozenset({"false", "true", "menu", "listbox", "tree", "grid", "dialog"}),
}
_TOKEN_LISTS: dict[str, frozenset[str]] = {
    "aria-relevant": frozenset({"additions", "removals", "text", "all"}),
    "aria-dropeffect": frozenset({"copy", "execute", "link", "move", "none", "popup"}),
}
_KIND: dict[str, str] = {
    **dict.fromkeys(
        ("aria-atomic", "aria-busy", "aria-disabled", "aria-modal", "aria-multiline",
         "aria-multiselectable", "aria-readonly", "aria-required"), "true/false"),
    **dict.fromkeys(("aria-checked", "aria-pressed"), "tristate"),
    **dict.fromkeys(("aria-expanded", "aria-hidden", "aria-selected", "aria-grabbed"),
                    "true/false/undefined"),
    **dict.fromkeys(
        ("aria-colcount", "aria-colindex", "aria-colspan", "aria-level", "aria-posinset",
         "aria-rowcount", "aria-rowindex", "aria-rowspan", "aria-setsize"), "integer"),
    **dict.fromkeys(("aria-valuemax", "aria-valuemin", "aria-valuenow"), "number"),
    # ID reference (one id, not a list): whitespace inside makes it no id at all.
    **dict.fromkeys(("aria-activedescendant", "aria-errormessage"), "idref"),
}
KNOWN = frozenset(
    GLOBAL_ARIA
    | set(_KIND)
    | set(_TOKENS)
    | set(_LENIENT_TOKENS)
    | set(_TOKEN_LISTS)
    | {
        "aria-activedescendant", "aria-colindextext", "aria-rowindextext", "aria-placeholder",
        "aria-roledescription", "aria-valuetext", "aria-actions", "aria-keyshortcuts",
    }
)
_INTEGER = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def value_ok(attr: str, value: str) -> bool | None:
    """True: valid; False: invalid; None: outside the list but tolerated by browsers."""
    kind = _KIND.get(attr)
    if kind == "true/false":
        return value in _TRUE_FALSE
    if kind == "tristate":
        return value in _TRISTATE
    if kind == "true/false/undefined":
        return value in _TRUE_FALSE_UNDEFINED
    if kind == "integer":
        return bool(_INTEGER.fullmatch(value))
    if kind == "number":
        return bool(_NUMBER.fullmatch(value))
    if kind == "idref":
        return len(value.split()) == 1
    if attr in _TOKENS:
        return value in _TOKENS[attr]
    if attr in _TOKEN_LISTS:
        return all(token in _TOKEN_LISTS[attr] for token in value.split())
    if attr in _LENIENT_TOKENS:
        return True if value in _LENIENT_TOKENS[attr] else None
    return True


_BAD_VALUE = de_en('{attr}="{value}" ist kein erlaubter Wert.',
                   '{attr}="{value}" is not an allowed value.')


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    # Template content is an inert fragment, not part of the document (ACT: not applicable).
    templated = {el for t in known.tags("template") for el in t.iterdescendants()}
    for el in known.with_aria:
        if el in templated:
            continue
        for key, raw in el.attrib.items():
            if not key.startswith("aria-"):
                continue
            attr = key.lower()
            if attr not in KNOWN:
                yield PageHit(el, {"attr": attr, "value": raw})
                continue
            value = raw.strip().lower()
            if not value:
                continue
            verdict = value_ok(attr, value)
            if verdict is False:
                yield PageHit(el, {"attr": attr, "value": raw}, message=_BAD_VALUE)
            elif verdict is None:
                yield PageHit(el, {"attr": attr, "value": raw}, message=_BAD_VALUE,
                              outcome="needs_review", severity="warning")
