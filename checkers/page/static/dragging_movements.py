"""static.dragging-movements: content that is operated by dragging.

WCAG 2.5.7 (Dragging Movements, WCAG 2.2 AA): every function that uses dragging (sortable
lists, sliders built from divs, drag-and-drop upload, map panning) needs a way to do the
same with single clicks or taps, for people who cannot hold a pointer down while moving.
Elements with draggable="true" or an inline ondragstart/ondrop handler are reported for
review and as info, once per parent (a sortable list is one finding): a single-pointer
alternative may exist, which a person must check. File inputs next to a drop zone count
as alternative.
Known false positives: drag and drop that merely duplicates buttons next to it.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts

META = RuleMeta(
    id="static.dragging-movements",
    engine="static",
    title=de_en("Bedienung durch Ziehen", "Operated by dragging"),
    message=de_en(
        "Das {tag}-Element wird durch Ziehen bedient. Gibt es eine Alternative mit Klicks?",
        "The {tag} element is operated by dragging. Is there an alternative with clicks?",
    ),
    explanation=de_en(
        "Bieten Sie für jede Zieh-Funktion eine Bedienung mit einfachen Klicks an, z. B. "
        "Schaltflächen „nach oben“/„nach unten“ oder ein Datei-Auswahlfeld.",
        'Offer single clicks for every drag function, e.g. "move up"/"move down" buttons or '
        "a file picker.",
    ),
    severity="info",
    outcome="needs_review",
    wcag=("2.5.7",),
    standards=("WCAG 2.2 2.5.7",),
    examples=(
        Example(
            '<ul><li id="d" draggable="true">Termin 1</li><li draggable="true">Termin 2'
            "</li></ul>",
            expect="needs_review",
            at="#d",
        ),
        Example('<div id="d" ondrop="lade(event)">Dateien hierher ziehen</div>',
                expect="needs_review", at="#d"),
        Example(
            '<div ondrop="lade(event)">Dateien hierher ziehen oder <input type="file" '
            'aria-label="Datei wählen"></div>',
            expect=None,
        ),
        Example('<img src="a.png" alt="A" draggable="false">', expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    parents: set = set()
    for el in known.elements:
        if not el.attrib:
            continue
        dragging = ((el.get("draggable") or "").strip().lower() == "true"
                    or el.get("ondragstart") is not None or el.get("ondrop") is not None)
        if not dragging or el in known.excluded:
            continue
        parent = el.getparent()
        if parent in parents:
            continue
        scope = parent if parent is not None else el
        if any((i.get("type") or "").lower() == "file" for i in scope.iter("input")):
            continue
        parents.add(parent)
        yield PageHit(el, {"tag": el.tag})
