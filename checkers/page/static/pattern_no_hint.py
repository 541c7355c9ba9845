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
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import accessible_name, disabled, facts, wcag_standards

META = RuleMeta(
    id="static.pattern-no-hint",
    engine="static",
    title=de_en("Eingabeformat nicht erklärt", "Input format not explained"),
    message=de_en(
        'Das Feld "{field}" verlangt ein bestimmtes Format (pattern), nennt aber kein '
        "Beispiel.",
        'The field "{field}" requires a certain format (pattern) but gives no example.',
    ),
    explanation=de_en(
        "Nennen Sie das Format im Label oder in einem verknüpften Hinweis, zum Beispiel "
        "„Telefon (z. B. 0228 123456)“, und verknüpfen Sie den Hinweis mit aria-describedby.",
        'Give the format in the label or a linked hint, for example "Phone (e.g. 020 7946 '
        '0000)", and link the hint with aria-describedby.',
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("3.3.2", "3.3.3"),
    standards=wcag_standards("3.3.2", "3.3.3"),
    examples=(
        Example(
            '<label>Telefonnummer <input id="f" type="tel" pattern="7[0-9]{9}">'
            "</label>",
            expect="needs_review",
            at="#f",
        ),
        Example(
            '<label for="f">Kennung</label><input id="f" pattern="[A-Z]{2}-\\d+" '
            'aria-describedby="h"><p id="h">Bitte genau eingeben.</p>',
            expect="needs_review",
            at="#f",
        ),
        Example(
            '<label>Telefon (z. B. 7123456789) <input type="tel" pattern="7[0-9]{9}">'
            "</label>",
            expect=None,
        ),
        Example(
            '<label for="d">Datum</label><input id="d" pattern="\\d{2}\\.\\d{2}\\.'
            '\\d{4}" aria-describedby="h"><span id="h">Format: TT.MM.JJJJ</span>',
            expect=None,
        ),
        Example('<label>PLZ <input pattern="\\d{5}" placeholder="53111"></label>', expect=None),
        Example('<label>Code <input pattern="[A-Z]+" title="Nur Großbuchstaben"></label>',
                expect=None),
        Example('<label>Telefon <input type="tel"></label>', expect=None),
    ),
)

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
        name = accessible_name(page, el)
        hint = " ".join((name, _described(page, el), collapse(el.get("placeholder")),
                         collapse(el.get("title")), collapse(el.get("aria-description"))))
        if _HINT.search(hint):
            continue
        field = name or el.get("name") or el.get("id") or kind or "text"
        yield PageHit(el, {"field": field[:60]})
