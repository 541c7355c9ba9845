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
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)


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
