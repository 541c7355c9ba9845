"""bitv.linked-page-reachable: the statement, Leichte-Sprache and DGS links lead somewhere.

A link that is there but ends in an error page does not fulfil the duty it stands for: § 7
BITV 2.0 (the statement must be reachable from every page) and § 4 BITV 2.0 (information in
Leichter Sprache and Deutscher Gebärdensprache on the homepage). The engine fetches the pages
``discover()`` finds and records the ones it could not load in ``context.extra["unreachable"]``
(role -> (url, reason)); this rule reports them. Known false positives: a target that is only
reachable from inside the organisation's network or behind a login the audit does not have.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta

ROLE_NAMES = {
    "statement": ("die Erklärung zur Barrierefreiheit", "the accessibility statement"),
    "easy_language": ("die Seite in Leichter Sprache", "the Leichte Sprache page"),
    "sign_language": ("die Seite in Gebärdensprache", "the sign language page"),
}

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    unreachable = context.extra.get("unreachable") or {}
    for role, (url, reason_de, reason_en) in sorted(unreachable.items()):
        name_de, name_en = ROLE_NAMES.get(role, (role, role))
        yield PageHit(
            params={
                "url": url,
                "name_de": name_de,
                "name_en": name_en,
                "reason_de": reason_de,
                "reason_en": reason_en,
            }
        )
