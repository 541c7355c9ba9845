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

from checkers.page.bitv import samples as s
from checkers.page.bitv.common import (
    compliance_claims,
    find_section,
    hit_at,
    public_body_duty,
    statement_page,
    statuses,
)
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule

HEADING = re.compile(
    r"nicht[\s\-]+barriere[\s\-]*frei|unvereinbarkeit|barrieren\s+auf\s+(?:dieser|der)", re.I
)
EMPTY = de_en(
    "Unter der Überschrift „{heading}“ steht nichts. Zählen Sie dort die Inhalte auf, die nicht "
    "barrierefrei sind.",
    "Nothing follows the heading '{heading}'. List the content that is not accessible there.",
)

META = RuleMeta(
    id="bitv.statement-non-accessible",
    engine="bitv",
    title=de_en("Abschnitt „Nicht barrierefreie Inhalte“", "Section on non-accessible content"),
    message=de_en(
        "Die Erklärung sagt „{status_de}“, nennt aber unter keiner Überschrift „Nicht "
        "barrierefreie Inhalte“, was nicht barrierefrei ist.",
        "The statement says '{status_en}' but has no section 'Nicht barrierefreie Inhalte' "
        "listing what is not accessible.",
    ),
    explanation=de_en(
        "Fügen Sie eine Überschrift „Nicht barrierefreie Inhalte“ ein und zählen Sie darunter "
        "auf: welche Inhalte nicht barrierefrei sind, warum (Unvereinbarkeit, unverhältnismäßige "
        "Belastung oder nicht im Geltungsbereich) und welche barrierefreie Alternative es gibt, "
        "z. B. „Ältere PDF-Dateien des Amtsblatts sind nicht barrierefrei. Wir senden Ihnen den "
        "Text auf Anfrage per E-Mail.“",
        "Add a heading 'Nicht barrierefreie Inhalte' and list below it which content is not "
        "accessible, why (non-compliance, disproportionate burden or out of scope) and which "
        "accessible alternative exists.",
    ),
    severity="warning",
    standards=("BGG § 12b Abs. 2 Nr. 1", "Durchführungsbeschluss (EU) 2018/1523"),
    examples=(
        Example(s.statement(), expect=None, url=s.STATEMENT_URL),
        # Fully compliant: nothing to list.
        Example(
            s.statement(
                status="<p>Diese Website ist vollständig mit der BayBITV vereinbar.</p>",
                non_accessible="",
            ),
            expect=None,
            url=s.STATEMENT_URL,
        ),
        Example(s.statement(non_accessible=""), expect="failed", url=s.STATEMENT_URL),
        Example(s.statement(non_accessible='<h2 id="empty">Nicht barrierefreie Inhalte</h2>'),
                expect="failed", at="#empty", url=s.STATEMENT_URL),
    ),
)


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
