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

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import ROLES, facts, role_tokens, wcag_standards

META = RuleMeta(
    id="static.role-valid",
    engine="static",
    title=de_en("Ungültige Rolle", "Invalid role"),
    message=de_en('role="{role}" ist keine gültige ARIA-Rolle.',
                  'role="{role}" is not a valid ARIA role.'),
    explanation=de_en(
        "Verwenden Sie nur Rollen aus WAI-ARIA, zum Beispiel role=\"navigation\" statt "
        'role="nav". Besser noch: nehmen Sie das passende HTML-Element (nav, button).',
        'Use only roles from WAI-ARIA, for example role="navigation" instead of role="nav". '
        "Better: use the matching HTML element (nav, button).",
    ),
    severity="error",
    wcag=("1.3.1", "4.1.2"),
    act=("674b10",),
    standards=wcag_standards("1.3.1", "4.1.2"),
    examples=(
        Example('<div id="r" role="nav">x</div>', expect="failed", at="#r"),
        Example('<span id="r" role="buton">x</span>', expect="failed", at="#r"),
        Example('<div id="r" role="widget">x</div>', expect="failed", at="#r"),
        Example('<div id="r" role="foo bar">x</div>', expect="failed", at="#r"),
        Example('<div role="navigation">x</div>', expect=None),
        Example('<div role="Button" tabindex="0">x</div>', expect=None),
        Example('<div role="switch checkbox" aria-checked="false" tabindex="0">x</div>',
                expect=None),
        Example('<div role="foo button" tabindex="0">x</div>', expect=None),
        Example('<section role="doc-chapter">x</section>', expect=None),
        Example('<div role=" ">x</div>', expect=None),
        Example('<div role="nav" aria-hidden="true">x</div>', expect=None),
        Example('<div role="nav" style="display:none">x</div>', expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.with_role:
        tokens = role_tokens(el)
        if not tokens or el in known.excluded:
            continue
        if not any(token in ROLES for token in tokens):
            yield PageHit(el, {"role": " ".join(tokens)})
