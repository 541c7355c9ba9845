"""static.abbr-no-expansion: an abbreviation marked with <abbr> but never expanded.

WCAG 3.1.4 (Abbreviations, AAA), technique H28; the BITV and Leichte-Sprache guidance ask to
explain abbreviations on first use. The author already marked the abbreviation, so the
expansion is missing only by oversight: an <abbr> without a title and whose text is not
explained elsewhere on the page (another <abbr> with the same text and a title, or the
pattern "Bundesgesetzbuch (BGB)" / "BGB (Bundesgesetzbuch)" in the page text). Reported once
per abbreviation, for review and as info.
Known false positives: abbreviations explained in a glossary on another page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts

META = RuleMeta(
    id="static.abbr-no-expansion",
    engine="static",
    title=de_en("Abkürzung nicht erklärt", "Abbreviation not expanded"),
    message=de_en('Die Abkürzung "{abbr}" wird nirgends ausgeschrieben.',
                  'The abbreviation "{abbr}" is not expanded anywhere.'),
    explanation=de_en(
        'Schreiben Sie die Abkürzung beim ersten Vorkommen aus, z. B. „Bürgerliches '
        'Gesetzbuch (BGB)“, oder geben Sie ihr ein title-Attribut: <abbr title="…">.',
        'Expand the abbreviation on first use, e.g. "Government Digital Service (GDS)", or '
        'give it a title attribute: <abbr title="…">.',
    ),
    severity="info",
    outcome="needs_review",
    wcag=("3.1.4",),
    standards=("WCAG technique H28",),
    examples=(
        Example('<p><abbr id="a">BGB</abbr> regelt das Mietrecht.</p>',
                expect="needs_review", at="#a"),
        Example('<p><abbr title="Bürgerliches Gesetzbuch">BGB</abbr> regelt es.</p>', expect=None),
        Example('<p>Das Bürgerliche Gesetzbuch (<abbr>BGB</abbr>) regelt es.</p>', expect=None),
        Example(
            '<p><abbr title="Bürgerliches Gesetzbuch">BGB</abbr> und <abbr>BGB</abbr>'
            "</p>",
            expect=None,
        ),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    abbrs = known.tags("abbr")
    if not abbrs:
        return
    explained = {collapse(a.text_content()) for a in abbrs if collapse(a.get("title"))}
    text = page.text
    seen: set[str] = set()
    for el in abbrs:
        short = collapse(el.text_content())
        if not short or short in explained or short in seen or el in known.not_rendered:
            continue
        if collapse(el.get("title")) or el.get("aria-describedby"):
            continue
        seen.add(short)
        escaped = re.escape(short)
        # "Langform (KURZ)" or "KURZ (Langform)"
        if re.search(rf"\w{{3,}}\s*\(\s*{escaped}\s*\)|{escaped}\s*\(\s*\w{{3,}}", text):
            continue
        yield PageHit(el, {"abbr": short})
