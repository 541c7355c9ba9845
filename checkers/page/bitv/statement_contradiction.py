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

from checkers.page.bitv.common import compliance_claims, hit_at, public_body_duty, statement_page
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta

META = page_meta(__file__)


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
