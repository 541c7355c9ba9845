"""BITV engine rules: the German legal duties no other checker covers.

§ 4 BITV 2.0 (Leichte Sprache and Deutsche Gebärdensprache on the homepage, per Land and kind of
body), § 7 BITV 2.0 and § 12b BGG (the accessibility statement: linked from every page, HTML,
scope, compliance status, non-accessible content, dates, feedback, Schlichtung).

What the engine (``checkers.page``) provides in :class:`PageContext`:

* ``bitv``: the run's :class:`BitvSettings` (check them once with :func:`validate_settings`);
* ``is_homepage``: True for the homepage (``BitvSettings.homepage`` or the run's first target):
  the Leichte-Sprache and DGS link rules only run there;
* ``linked``: the pages :func:`discover` names, fetched, under the same roles: "statement",
  "easy_language", "sign_language". Fill them for the homepage (and wherever else you like:
  findings about a linked page carry that page's URL and selector, so fingerprints repeat and
  can be de-duplicated). The statement rules read ``linked["statement"]``, or the audited page
  itself when :func:`is_statement` says it is one;
* ``violations``: failed findings of the other engines so far (for statement-contradiction);
* ``extra``: "statement_link_href" (the statement link's target, set even when it is a PDF that
  could not be parsed), "today" (a date or ISO string; pins the date for reproducible runs),
  "site_name" (optional: the site's name, for the scope sentence). All optional.
"""

from __future__ import annotations

from functools import cache

from checkers.page.bitv.applicability import (
    easy_language_duty,
    enforcement_hosts,
    settings_of,
    statement_duty,
    validate_settings,
)
from checkers.page.bitv.common import (
    ROLES,
    easy_language_links,
    first_url,
    is_statement,
    normalize_url,
    sign_language_links,
    statement_links,
    statement_page,
)
from checkers.page.dom import Page
from checkers.page.options import BitvSettings
from checkers.page.rule import PageRule, rules_in
from checkers.rules import discover as discover_rules

__all__ = [
    "ROLES",
    "all_rules",
    "discover",
    "easy_language_duty",
    "enforcement_hosts",
    "is_statement",
    "statement_duty",
    "statement_page",
    "validate_settings",
]


@cache
def _rules() -> tuple[PageRule, ...]:
    return tuple(discover_rules(__name__, rules_in, lambda r: r.meta.id))


def all_rules() -> list[PageRule]:
    """Every BITV rule module's ``check``, found by walking this package, in the order of ids."""
    return list(_rules())


def discover(page: Page, settings: BitvSettings | None = None) -> dict[str, str]:
    """URLs of the statement, the Leichte-Sprache page and the DGS page linked from ``page``.

    Keys are the ``PageContext.linked`` roles: "statement", "easy_language", "sign_language";
    a role is missing when the page has no such link. ``BitvSettings.statement_url`` wins for
    the statement even when the page does not link it (statement-linked reports that). A role
    whose URL is the page itself is left out (the rules then read the page directly). Pure: no
    fetching; the values are absolute URLs as written (fragment kept), possibly a PDF.
    """
    settings = settings_of(settings)
    found: dict[str, str] = {}
    statement = (
        page.absolute(settings.statement_url) if settings.statement_url else None
    ) or first_url(statement_links(page))
    candidates = {
        "statement": statement,
        "easy_language": first_url(easy_language_links(page)),
        "sign_language": first_url(sign_language_links(page)),
    }
    own = normalize_url(page.url)
    for role in ROLES:
        url = candidates[role]
        if url and (not own or normalize_url(url) != own):
            found[role] = url
    return found
