"""static.iframe-title: an iframe or frame without an accessible name.

WCAG 4.1.2 (Name, Role, Value), ACT rule cae760 "Iframe element has non-empty accessible
name": iframes in the accessibility tree need a name (title, aria-label or aria-labelledby)
that tells screen reader users what the embedded content is (map, video, form). The name
attribute is for scripts and does not count. Like the ACT rule, iframes with role="none" or
"presentation" or a negative tabindex are left out.
Known false positives: iframes hidden by CSS classes (style sheets are not read).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import explicit_role, facts, tabindex, wcag_standards

META = RuleMeta(
    id="static.iframe-title",
    engine="static",
    title=de_en("Frame ohne Titel", "Frame without a title"),
    message=de_en("Der eingebettete Inhalt ({tag}) hat keinen Titel.",
                  "The embedded content ({tag}) has no title."),
    explanation=de_en(
        'Geben Sie dem iframe einen title, der den Inhalt nennt, zum Beispiel title="Karte: '
        'So finden Sie das Rathaus".',
        'Give the iframe a title that names its content, for example title="Map: how to '
        'find the town hall".',
    ),
    severity="error",
    wcag=("4.1.2",),
    act=("cae760",),
    standards=wcag_standards("4.1.2"),
    examples=(
        Example('<iframe id="f" src="https://karte.example/"></iframe>', expect="failed", at="#f"),
        Example('<iframe id="f" src="/video" title=" " name="video"></iframe>',
                expect="failed", at="#f"),
        Example('<iframe src="/karte" title="Stadtplan"></iframe>', expect=None),
        Example('<iframe src="/karte" aria-label="Stadtplan"></iframe>', expect=None),
        Example('<iframe src="/track" aria-hidden="true" tabindex="-1"></iframe>', expect=None),
        Example('<iframe src="/track" style="display:none"></iframe>', expect=None),
        Example('<iframe src="/track" hidden></iframe>', expect=None),
        Example('<iframe src="/track" tabindex="-1"></iframe>', expect=None),
        Example('<iframe src="/track" role="presentation"></iframe>', expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for tag in ("iframe", "frame"):
        for el in known.tags(tag):
            if el in known.excluded:
                continue
            # ACT cae760 leaves out iframes marked decorative (role none/presentation) or taken
            # out of the tab order: browsers handle their focus inconsistently.
            if explicit_role(el) not in (None, "document", "application"):
                continue
            index = tabindex(el)
            if index is not None and index < 0:
                continue
            if not page.accessible_name(el):
                yield PageHit(el, {"tag": tag})
