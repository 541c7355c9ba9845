"""bitv.statement-contradiction: the statement claims full compliance, the audit found defects.

Flags the sentence of the statement (``context.linked["statement"]`` or the audited page when
it is one) that says "vollständig vereinbar" when the run found violations
(``context.violations`` > 0: failed findings of the other engines, counted by the engine).
A statement must be accurate (Durchführungsbeschluss (EU) 2018/1523; § 7 BITV 2.0, § 12b BGG);
a full-compliance claim next to known defects is the most common error in published statements
and the UK monitoring body checks the same contradiction.
Known false positives: violations that are outside the statement's scope (e.g. a third-party
page in the crawl) or that the statement lists under an exception; the engine decides what
counts as a violation.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.bitv import samples as s
from checkers.page.bitv.common import compliance_claims, hit_at, public_body_duty, statement_page
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule

_FULL = s.statement(
    status="<h2>Stand der Vereinbarkeit mit den Anforderungen</h2><p id='full'>Diese Website "
    "ist vollständig mit den Anforderungen der BayBITV vereinbar.</p>",
    non_accessible="",
)

META = RuleMeta(
    id="bitv.statement-contradiction",
    engine="bitv",
    title=de_en(
        "„Vollständig vereinbar“ trotz gefundener Mängel",
        "'Fully compliant' although defects were found",
    ),
    message=de_en(
        "Die Erklärung sagt „vollständig vereinbar“, aber diese Prüfung hat {found_de} gefunden.",
        "The statement claims full compliance, but this audit found {found_en}.",
    ),
    explanation=de_en(
        "Ändern Sie den Stand auf „teilweise vereinbar“ und beschreiben Sie die gefundenen "
        "Barrieren im Abschnitt „Nicht barrierefreie Inhalte“ (was, warum, welche Alternative "
        "es gibt). Oder beheben Sie die Barrieren und prüfen Sie erneut.",
        "Change the status to 'teilweise vereinbar' and describe the barriers found in the "
        "section 'Nicht barrierefreie Inhalte' (what, why, which alternative exists). Or fix "
        "the barriers and audit again.",
    ),
    severity="error",
    standards=("BITV 2.0 § 7", "BGG § 12b", "Durchführungsbeschluss (EU) 2018/1523"),
    examples=(
        Example(_FULL, expect=None, context={"violations": 0}, url=s.STATEMENT_URL),
        Example(s.statement(), expect=None, context={"violations": 12}, url=s.STATEMENT_URL),
        Example(_FULL, expect="failed", at="#full", context={"violations": 3}, url=s.STATEMENT_URL),
        Example(s.homepage(),
                expect="failed", at="#full",
                context={"violations": 1, "linked": {"statement": (s.STATEMENT_URL, _FULL)}}),
    ),
)


def _found(count: int) -> dict[str, object]:
    return {
        "violations": count,
        "found_de": "1 Barriere" if count == 1 else f"{count} Barrieren",
        "found_en": "1 barrier" if count == 1 else f"{count} barriers",
    }


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = statement_page(context)
    if page is None or context.violations <= 0:
        return
    for claim in compliance_claims(page):
        if claim.status == "full":
            yield hit_at(context, page, claim.block.element, params=_found(context.violations))
            return
