"""static.iframe-title-generic: an iframe title that says nothing about the frame.

WCAG 4.1.2 (Name, Role, Value) and 2.4.1 (Bypass Blocks): screen readers announce a frame by
its title, and users pick frames from a list by it. A title such as "iframe", "Inhalt" or the
file name of the framed page does not tell what the frame holds. (A missing or empty title is
static.iframe-title's.) Reported for review: a rendered iframe in the accessibility tree
whose title is one generic word (optionally with a number), only the name of a platform
("YouTube video player", "Facebook", "Google Maps"), or equals the file name of its src
(with or without extension).
Known false positives: a frame whose file name really is its best description; a page
that names the embedded content right next to the frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.iframe-title-generic",
    engine="static",
    title=de_en("Nichtssagender Titel eines Frames", "Generic frame title"),
    message=de_en('Der Titel "{title}" beschreibt den Inhalt des Frames nicht.',
                  'The title "{title}" does not describe the frame\'s content.'),
    explanation=de_en(
        "Geben Sie dem iframe einen Titel, der Inhalt oder Zweck nennt, z. B. "
        'title="Karte: Lage des Rathauses".',
        'Give the iframe a title naming its content or purpose, e.g. title="Map: location of '
        'the town hall".',
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("4.1.2", "2.4.1"),
    standards=wcag_standards("4.1.2", "2.4.1"),
    examples=(
        Example('<iframe id="f" src="karte.html" title="iframe"></iframe>',
                expect="needs_review", at="#f"),
        Example('<iframe id="f" src="/embed/karte.html" title="karte.html"></iframe>',
                expect="needs_review", at="#f"),
        Example('<iframe id="f" src="a.html" title="Inhalt 2"></iframe>',
                expect="needs_review", at="#f"),
        Example(
            '<iframe id="f" src="https://www.youtube.com/embed/x" '
            'title="YouTube video player"></iframe>',
            expect="needs_review",
            at="#f",
        ),
        Example('<iframe src="karte.html" title="Karte: Lage des Rathauses"></iframe>',
                expect=None),
        Example('<iframe src="karte.html" title="iframe" hidden></iframe>', expect=None),
    ),
)

_GENERIC = re.compile(
    r"(?:i?frame|content|contents|inhalt|inhalte|widget|embed|embedded|untitled|unbenannt|"
    r"title|titel|null|undefined|none|blank|empty|leer|default|test|placeholder|platzhalter)"
    r"[ _-]?\d*"
    # a platform's name alone says nothing about the embedded video, post or map
    r"|(?:facebook|youtube|vimeo|twitter|x|instagram|tiktok|linkedin|google\s*maps|"
    r"openstreetmap|google|maps?|karte|video|player|social\s*media)"
    r"(?:\s*(?:video\s*)?(?:player|embed|widget|iframe|frame|plugin|inhalt|content))?",
    re.I,
)


def _stem(src: str) -> str:
    name = src.split("?", maxsplit=1)[0].split("#", maxsplit=1)[0].rstrip("/").rsplit("/", 1)[-1]
    return name.lower()


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("iframe"):
        title = collapse(el.get("title"))
        if not title or el in known.excluded:
            continue
        if el.get("aria-label", "").strip() or el.get("aria-labelledby", "").strip():
            continue
        lower = title.lower().strip(" .:")
        generic = bool(_GENERIC.fullmatch(lower))
        if not generic:
            name = _stem(el.get("src") or "")
            generic = bool(name) and lower in (name, name.rsplit(".", 1)[0]) and (
                "." in name or lower == name)
        if generic:
            yield PageHit(el, {"title": title[:60]})
