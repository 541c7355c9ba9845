"""static.role-valid: a role attribute with no valid role in it.

WCAG 1.3.1 and 4.1.2, ACT rule 674b10 "Role attribute has valid value": at least one token of
a non-empty role attribute must be a non-abstract role from WAI-ARIA 1.2, DPUB-ARIA or
Graphics-ARIA (further tokens are fallbacks and may be unknown). Typos ("buton"), abstract
roles ("widget", "landmark") and made-up roles ("nav") fail. Elements hidden from assistive
technology are skipped.
Known false positives: roles from drafts newer than ARIA 1.3 would be reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import ROLES, facts, role_tokens

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.with_role:
        tokens = role_tokens(el)
        if not tokens or el in known.excluded:
            continue
        if not any(token in ROLES for token in tokens):
            yield PageHit(el, {"role": " ".join(tokens)})
