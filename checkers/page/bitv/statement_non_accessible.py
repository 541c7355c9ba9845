"""bitv.statement-non-accessible: a partially or not compliant site lists what is not accessible.

When the statement (``context.linked["statement"]`` or the audited page when it is one) says
"teilweise" or "nicht vereinbar", flags it when there is no heading "Nicht barrierefreie
Inhalte" (also "Nicht barrierefreie Bereiche", "Unvereinbarkeiten") or when nothing follows the
heading. § 12b Abs. 2 Nr. 1 BGG and the EU model statement (Durchführungsbeschluss (EU)
2018/1523) ask for the non-accessible parts, the reasons and the accessible alternatives.
Known false positives: the list placed under the status heading without a heading of its own
(the content is there; give it the model's heading anyway); a heading in bold text that is not
marked up as a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.bitv.common import (
    compliance_claims,
    find_section,
    hit_at,
    public_body_duty,
    statement_page,
    statuses,
)
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta

HEADING = re.compile(
    r"nicht[\s\-]+barriere[\s\-]*frei|unvereinbarkeit|barrieren\s+auf\s+(?:dieser|der)", re.I
)
EMPTY = de_en(
    "Unter der Überschrift „{heading}“ steht nichts. Zählen Sie dort die Inhalte auf, die nicht "
    "barrierefrei sind.",
    "Nothing follows the heading '{heading}'. List the content that is not accessible there.",
)

META = page_meta(__file__)


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = statement_page(context)
    if page is None:
        return
    found = statuses(compliance_claims(page))
    if not any(status in ("partial", "none") for status in found):
        return
    status = "partial" if "partial" in found else "none"
    section = find_section(page, HEADING)
    if section is None:
        labels = {
            "partial": ("teilweise vereinbar", "partially compliant"),
            "none": ("nicht vereinbar", "not compliant"),
        }[status]
        yield hit_at(context, page, params={"status_de": labels[0], "status_en": labels[1]})
    elif not section.text.strip():
        yield hit_at(
            context,
            page,
            section.heading.element,
            message=EMPTY,
            params={"heading": section.heading.text},
        )
