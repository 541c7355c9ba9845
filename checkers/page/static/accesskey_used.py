"""static.accesskey-used: the page defines access keys (accesskey attributes).

Best practice, related to WCAG 2.1.4 (Character Key Shortcuts): accesskey shortcuts clash with
the keys of browsers and assistive technology, differ between browsers, and are not announced
to most users. Reported once per page for review and as info, at the first element with an
accesskey; keys that static.accesskey-duplicate already reports are left out here.
Known false positives: sites that document their access keys and let users turn them off.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static import accesskey_duplicate
from checkers.page.static._common import facts

META = RuleMeta(
    id="static.accesskey-used",
    engine="static",
    title=de_en("Tastenkürzel (accesskey) verwendet", "Access keys used"),
    message=de_en("Die Seite legt {count} Tastenkürzel fest (accesskey: {keys}).",
                  "The page defines {count} access key(s) (accesskey: {keys})."),
    explanation=de_en(
        "Tastenkürzel mit accesskey stören oft die Kürzel von Browser und Screenreader. "
        "Verzichten Sie darauf oder lassen Sie Nutzer sie abschalten und ändern.",
        "accesskey shortcuts often clash with browser and screen reader keys. Do without them, "
        "or let users turn them off and change them.",
    ),
    severity="info",
    outcome="needs_review",
    standards=("Best practice (HTML accesskey)", "WCAG 2.1.4 (related)"),
    examples=(
        Example('<a id="k" href="/kontakt" accesskey="k">Kontakt</a>',
                expect="needs_review", at="#k"),
        Example('<a href="/">Start</a><a href="/kontakt">Kontakt</a>', expect=None),
        Example(
            '<a id="s" href="/" accesskey="1">Start</a><a href="/k" accesskey="1">'
            "Kontakt</a>",
            expect="needs_review",
            at="#s",
        ),
        Example('<a href="/k" accesskey="k" hidden>Kontakt</a>', expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    first = None
    keys: list[str] = []
    count = 0
    duplicates = None
    for el in known.elements:
        key = el.get("accesskey")
        if key is None or el in known.not_rendered or not key.strip():
            continue
        if duplicates is None:
            duplicates = {hit.element for hit in accesskey_duplicate.check.check(context)}
        if el in duplicates:
            continue
        count += 1
        first = first if first is not None else el
        if key.strip().lower() not in keys:
            keys.append(key.strip().lower())
    if first is not None:
        shown = ", ".join(keys[:8]) + (" …" if len(keys) > 8 else "")
        yield PageHit(first, {"count": count, "keys": shown})
