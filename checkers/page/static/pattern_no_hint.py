"""static.pattern-no-hint: a field with a pattern but no hint at the format it expects.

WCAG 3.3.2 (Labels or Instructions) and 3.3.3 (Error Suggestion): an input with a pattern
attribute (pattern="7[0-9]{9}") rejects everything else, but users learn the rule only from
the error. When neither the label, the linked description (aria-describedby), the
placeholder nor the title contains an example or a format hint (a digit, "z. B.",
"Format", "e.g.", "TT.MM.JJJJ", "Zeichen", "digits" and the like), the field is reported
for review. Per HTML the title of a field with a pattern should describe the pattern.
Hidden, disabled and read-only fields are skipped.
Known false positives: formats explained in a paragraph above the form that is not linked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import disabled, facts

META = page_meta(__file__)

_HINT = re.compile(
    r"\d|\b(?:z\.\s?b\.?|zb|e\.\s?g\.?|eg|i\.\s?e\.|beispiel\w*|example\w*|format\w*|"
    r"muster|pattern|such as|tt|mm|jj|jjjj|dd|yyyy|yy|hh|zeichen|characters?|"
    r"digits?|ziffern?|stellen|stellig\w*|buchstaben|letters?|"
    r"groß\w*|klein\w*|upper\w*|lower\w*|nur|only)\b",
    re.I,
)
_TEXT_TYPES = frozenset({"", "text", "tel", "email", "url", "search", "password"})


def _described(page, el) -> str:
    parts = []
    for ref in (el.get("aria-describedby") or "").split():
        target = page.by_id(ref)
        if target is not None:
            parts.append(collapse(target.text_content()))
    return " ".join(parts)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("input"):
        if el.get("pattern") is None or not el.get("pattern").strip():
            continue
        kind = (el.get("type") or "").strip().lower()
        if kind not in _TEXT_TYPES or el in known.excluded:
            continue
        if el.get("readonly") is not None or disabled(el):
            continue
        name = page.accessible_name(el)
        hint = " ".join((name, _described(page, el), collapse(el.get("placeholder")),
                         collapse(el.get("title")), collapse(el.get("aria-description"))))
        if _HINT.search(hint):
            continue
        field = name or el.get("name") or el.get("id") or kind or "text"
        yield PageHit(el, {"field": field[:60]})
