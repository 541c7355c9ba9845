"""bitv.statement-linked: every page links to the accessibility statement.

Flags a page without a link whose accessible name is "Erklärung zur Barrierefreiheit",
"Erklärung zur digitalen Barrierefreiheit", "Barrierefreiheitserklärung" or just
"Barrierefreiheit", whose href contains erklaerung-zur-barrierefreiheit, or which points to
``BitvSettings.statement_url``. § 7 BITV 2.0 (and the Länder rules that copy it) asks for the
statement to be reachable from the homepage and from every page; the EU model statement
(Durchführungsbeschluss (EU) 2018/1523) suggests a static header or footer link. When a
statement URL is configured and the page's statement link points elsewhere, the finding needs
review (two statements, or a stale link). The statement page itself is not checked.
Known false positives: a footer injected by JavaScript (the static HTML lacks it); a link
named only with an icon whose alt text says something else.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.bitv import samples as s
from checkers.page.bitv.applicability import settings_of
from checkers.page.bitv.common import (
    is_statement,
    normalize_url,
    public_body_duty,
    statement_links,
)
from checkers.page.options import BitvSettings
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule

ELSEWHERE = de_en(
    "Der Link „{name}“ führt zu {found}, die Erklärung zur Barrierefreiheit ist aber unter "
    "{expected} eingestellt. Alle Seiten sollen auf dieselbe Erklärung verlinken.",
    "The link '{name}' leads to {found}, but the accessibility statement is configured as "
    "{expected}. All pages should link to the same statement.",
)

META = RuleMeta(
    id="bitv.statement-linked",
    engine="bitv",
    title=de_en(
        "Jede Seite verlinkt die Erklärung zur Barrierefreiheit",
        "Every page links to the accessibility statement",
    ),
    message=de_en(
        "Auf dieser Seite fehlt ein Link zur „Erklärung zur Barrierefreiheit“.",
        "This page has no link to the accessibility statement ('Erklärung zur Barrierefreiheit').",
    ),
    explanation=de_en(
        "Setzen Sie in die Fußzeile, die auf allen Seiten gleich ist, einen Link mit dem Text "
        "„Erklärung zur Barrierefreiheit“. § 7 BITV 2.0 verlangt, dass die Erklärung von der "
        "Startseite und von jeder Seite aus erreichbar ist. Heißt der Link bei Ihnen anders, "
        "tragen Sie die Adresse der Erklärung als statement_url in die Konfiguration ein.",
        "Put a link with the text 'Erklärung zur Barrierefreiheit' into the footer shown on "
        "every page. § 7 BITV 2.0 requires the statement to be reachable from the homepage and "
        "from every page. If your link has another name, configure the statement's address as "
        "statement_url.",
    ),
    severity="error",
    standards=("BITV 2.0 § 7", "Durchführungsbeschluss (EU) 2018/1523"),
    examples=(
        Example(s.homepage(), expect=None),
        Example(
            s.homepage(footer='<footer><a href="/barrierefreiheit/">Barrierefreiheit</a></footer>'),
            expect=None,
        ),
        Example(
            s.homepage(footer='<footer><a href="/a11y/">Hinweise zur Zugänglichkeit</a></footer>'),
            expect=None,
            context={"bitv": BitvSettings(statement_url="https://www.musterstadt.de/a11y/")},
            url=s.HOME,
        ),
        Example(s.statement(), expect=None, url=s.STATEMENT_URL),
        Example(s.homepage(footer='<footer><a href="/impressum/">Impressum</a></footer>'),
                expect="failed"),
        # A jump link on a page whose address names the statement is no statement link.
        Example(s.homepage(footer='<footer><a href="#inhalt">Nach oben</a></footer>'),
                expect="failed", url="https://www.musterstadt.de/barrierefreiheit/hilfe.html"),
        # Hidden links do not count.
        Example(
            s.homepage(
                footer='<footer hidden><a href="/erklaerung-zur-barrierefreiheit/">'
                "Erklärung zur Barrierefreiheit</a></footer>"
            ),
            expect="failed",
            context={"bitv": s.BW_MUNICIPAL},
        ),
        Example(
            s.homepage(),
            expect="needs_review",
            at="#a11y-statement",
            context={
                "bitv": BitvSettings(statement_url="https://www.musterstadt.de/barrierefreiheit/")
            },
            url=s.HOME,
        ),
    ),
)


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if is_statement(page):
        return
    settings = settings_of(context.bitv)
    links = statement_links(page, settings.statement_url)
    if not links:
        yield PageHit()
        return
    if settings.statement_url:
        expected = normalize_url(page.absolute(settings.statement_url))
        if not any(normalize_url(m.url) == expected for m in links):
            first = links[0]
            yield PageHit(
                element=first.element,
                outcome="needs_review",
                severity="warning",
                message=ELSEWHERE,
                params={"name": first.name, "found": first.url or "", "expected": expected},
            )
