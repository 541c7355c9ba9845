"""static.summary-name: a disclosure's summary has no name, or one that says nothing.

WCAG 4.1.2 (Name, Role, Value), ACT rule 2t702h "Summary element has non-empty accessible name":
the summary that works as the button of its details element (the first summary child, without
an explicit role other than none/presentation) must have a name; an empty one fails. The text
itself needs judgement (WCAG 2.4.6 Headings and Labels): a summary that only says "Mehr",
"Details" or "Klicken Sie hier", or several summaries on one page with the same text for
different content, leave people who jump from control to control guessing what each opens.
Those are reported for review with the reason, under 2.4.6 only.
Known false positives: an FAQ whose questions repeat on purpose in different sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import (
    accessible_name,
    explicit_role,
    facts,
    wcag_standards,
)

VAGUE = de_en(
    'Der Text "{name}" zum Aufklappen sagt nicht, was sich öffnet: {reason_de}',
    'The disclosure text "{name}" does not say what it opens: {reason_en}',
)

META = RuleMeta(
    id="static.summary-name",
    engine="static",
    title=de_en("Aufklapp-Schaltfläche ohne Namen", "Disclosure button without a name"),
    message=de_en(
        "Die Schaltfläche zum Aufklappen (summary) hat keinen Text.",
        "The disclosure button (summary) has no text.",
    ),
    explanation=de_en(
        "Nennen Sie im summary-Element das Thema des verborgenen Inhalts, zum Beispiel "
        "„Öffnungszeiten des Bürgerbüros“ statt „Mehr“.",
        "Name the topic of the hidden content in the summary element, e.g. 'Opening hours "
        "of the citizens' office' instead of 'More'.",
    ),
    severity="error",
    wcag=("4.1.2",),
    act=("2t702h",),
    standards=wcag_standards("4.1.2"),
    examples=(
        Example('<details><summary id="s"></summary><p>Öffnungszeiten …</p></details>',
                expect="failed", at="#s"),
        # Presentational roles conflict: focusable, so the role none is ignored.
        Example('<details><summary id="s" role="none"></summary><p>…</p></details>',
                expect="failed", at="#s"),
        Example(
            '<details><summary id="s"></summary><summary>Öffnungszeiten</summary>'
            "<p>…</p></details>",
            expect="failed",
            at="#s",
        ),
        Example('<details><summary id="s">Mehr</summary><p>Öffnungszeiten …</p></details>',
                expect="needs_review", at="#s"),
        Example('<details><summary id="s">Details anzeigen</summary><p>…</p></details>',
                expect="needs_review", at="#s"),
        Example(
            "<details><summary>Gebühren</summary><p>12 €</p></details>"
            '<details><summary id="s">Gebühren</summary><p>30 €</p></details>',
            expect="needs_review",
            at="#s",
        ),
        Example("<details><summary>Öffnungszeiten</summary><p>…</p></details>", expect=None),
        Example('<details><summary aria-label="Öffnungszeiten"></summary><p>…</p></details>',
                expect=None),
        Example(
            "<details><summary>Gebühren Reisepass</summary><p>…</p></details>"
            "<details><summary>Gebühren Personalausweis</summary><p>…</p></details>",
            expect=None,
        ),
        # Only the first summary is the button; one outside details is no control.
        Example(
            "<details><summary>Öffnungszeiten</summary><summary></summary><p>…</p>"
            "</details>",
            expect=None,
        ),
        Example("<summary></summary><details><div><summary></summary></div></details>",
                expect=None),
        Example('<details><summary role="button">Öffnungszeiten</summary></details>', expect=None),
        Example('<details style="display:none"><summary></summary><p>…</p></details>', expect=None),
        Example('<div hidden><details><summary>Mehr</summary><p>…</p></details></div>',
                expect=None),
        Example(
            '<details><summary aria-label="Mehr zu den Gebühren">Mehr</summary><p>…</p>'
            "</details>",
            expect=None,
        ),
    ),
)

_VAGUE = re.compile(
    r"(?:mehr|mehr (?:anzeigen|lesen|erfahren|infos?|informationen)|weitere informationen|"
    r"details(?: anzeigen| einblenden)?|info(?:s|rmationen)?|aufklappen|ausklappen|öffnen|"
    r"anzeigen|einblenden|hier|klicken sie hier|hier klicken|more|read more|show more|"
    r"show details|click here|expand|open)",
    re.I,
)


def _summary_button(el: HtmlElement) -> bool:
    """The summary that a browser uses as its details element's button."""
    parent = el.getparent()
    if parent is None or tag_of(parent) != "details":
        return False
    first = next((c for c in parent if isinstance(c.tag, str) and tag_of(c) == "summary"), None)
    if first is not el:
        return False
    role = explicit_role(el)
    return role is None or role in ("none", "presentation")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    seen: set[str] = set()
    for el in known.tags("summary"):
        if el in known.excluded or el in known.not_rendered or not _summary_button(el):
            continue
        name = accessible_name(page, el)
        key = name.casefold().strip(" .:…»›>")
        if not key:
            yield PageHit(el)
            continue
        reason = None
        if _VAGUE.fullmatch(key):
            reason = ("Der Text passt auf jeden Inhalt.", "The text fits any content.")
        elif key in seen:
            reason = (
                "Ein anderer Aufklapp-Bereich der Seite hat denselben Text.",
                "Another disclosure on the page has the same text.",
            )
        seen.add(key)
        if reason is not None:
            yield PageHit(
                el,
                {"name": name, "reason_de": reason[0], "reason_en": reason[1]},
                outcome="needs_review",
                severity="info",
                message=VAGUE,
                wcag=("2.4.6",),
                act=(),
            )
