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

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)


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
