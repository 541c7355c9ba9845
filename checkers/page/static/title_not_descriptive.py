"""static.title-not-descriptive: a page title that cannot describe the page.

WCAG 2.4.2 (Page Titled); a review aid for ACT rule c4a8a4 "HTML page title is descriptive"
(not an implementation of it, so the finding names no ACT id): whether a title
describes its page needs a person, but some titles never do: a file name ("index.html",
"Dokument1.docx"), a placeholder ("Unbenannt", "Untitled", "Neue Seite") or a word that fits
every page of a site alone ("Startseite", "Home", "Seite", "Willkommen"). Reported for review
with the reason. An empty or missing title is static.document-title.
Known false positives: a homepage titled only with the site's name is fine and not flagged; a
homepage titled "Startseite" alone is flagged although it names the page's role, because it
does not say whose site it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts, is_foreign_document, text_of

META = page_meta(__file__)

_FILE = re.compile(r"[\w ()~%+-]+\.(?:html?|php|aspx?|jsp|pdf|docx?|xlsx?|pptx?|odt|txt)", re.I)
_PLACEHOLDER = re.compile(
    r"(?:unbenannt(?:es dokument)?|untitled(?: document)?|neue seite|new page|"
    r"dokument\s*\d*|document\s*\d*|titel|title|seitentitel|page title|ohne titel|test(?:seite)?)",
    re.I,
)
_GENERIC = re.compile(
    r"(?:startseite|home|homepage|home page|index|seite|page|willkommen|welcome|"
    r"herzlich willkommen|hauptseite|aktuelles|news|inhalt|content)",
    re.I,
)
_REASONS = {
    "file": ("Er ist ein Dateiname.", "It is a file name."),
    "placeholder": ("Er ist ein Platzhalter.", "It is a placeholder."),
    "generic": (
        "Das Wort allein passt auf viele Seiten und nennt weder Thema noch Website.",
        "The word alone fits many pages and names neither topic nor site.",
    ),
}


def title_problem(title: str) -> str | None:
    text = title.strip(" .:-_|–—")
    if not text:
        return None
    if _FILE.fullmatch(text):
        return "file"
    if _PLACEHOLDER.fullmatch(text):
        return "placeholder"
    if _GENERIC.fullmatch(text):
        return "generic"
    return None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if is_foreign_document(page):
        return
    known = facts(page)
    first = next((t for t in known.tags("title") if t not in known.in_svg), None)
    if first is None:
        return
    title = text_of(first)
    problem = title_problem(title)
    if problem is not None:
        de, en = _REASONS[problem]
        yield PageHit(first, {"title": title, "reason_de": de, "reason_en": en})
