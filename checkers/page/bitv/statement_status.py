"""bitv.statement-status: the statement states exactly one compliance status.

Reads the statement (``context.linked["statement"]`` or the audited page when it is one),
preferably its section "Stand der Vereinbarkeit mit den Anforderungen", and looks for
"vollständig vereinbar", "teilweise … vereinbar" or "nicht … vereinbar" (ä/ae, "mit den
Anforderungen der BITV 2.0" in between; "nicht vollständig vereinbar" counts as partial). None
→ error; more than one (typically the unedited model text "vollständig / teilweise / nicht")
→ error. The EU model statement (Durchführungsbeschluss (EU) 2018/1523) and the German models
under § 7 BITV 2.0 / § 12b BGG require one of the three.
Known false positives: "vereinbar" sentences about single documents outside the status section
are ignored unless they speak of the website/app, so an unusual wording ("Dieses Angebot der
Stadt ist …") may be missed; "vollständig barrierefrei" without "vereinbar" is not read as a
status (the models use "vereinbar").
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.bitv.common import (
    STATUS_LABELS,
    compliance_claims,
    hit_at,
    public_body_duty,
    statement_page,
    statuses,
)
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta

SEVERAL = de_en(
    "Die Erklärung nennt mehrere Stände der Vereinbarkeit: {found_de}. Es darf nur einer dastehen.",
    "The statement gives several compliance statuses: {found_en}. Only one may be given.",
)

META = page_meta(__file__)


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = statement_page(context)
    if page is None:
        return
    claims = compliance_claims(page)
    found = statuses(claims)
    if not found:
        yield hit_at(context, page)
    elif len(found) > 1:
        yield hit_at(
            context,
            page,
            claims[0].block.element,
            message=SEVERAL,
            params={
                "found_de": ", ".join(f"„{STATUS_LABELS[f][0]}“" for f in found),
                "found_en": ", ".join(f"'{STATUS_LABELS[f][1]}'" for f in found),
            },
        )
