"""static.link-role-button: a link turned into a button without the button's keys.

WCAG 2.1.1 (Keyboard) and 4.1.2 (Name, Role, Value): <a href role="button"> is announced as
a button, so users press Space, which on a link scrolls the page instead; the Space key must
be added by script. Links with role="button" and no inline key handler (onkeydown, onkeyup,
onkeypress) are reported for review and as info: a script added with addEventListener may
handle the key, which only a test in the browser shows.
Known false positives: key handling added by a script file.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import accessible_name, explicit_role, facts, wcag_standards

META = RuleMeta(
    id="static.link-role-button",
    engine="static",
    title=de_en("Link als Schaltfläche ohne Leertaste", "Link as button without Space key"),
    message=de_en(
        'Der Link "{text}" ist als Schaltfläche ausgezeichnet; reagiert er auch auf die '
        "Leertaste?",
        'The link "{text}" is marked up as a button; does it react to the Space key too?',
    ),
    explanation=de_en(
        "Verwenden Sie <button> für Aktionen und <a href> ohne role für Seitenwechsel. Soll "
        "der Link Schaltfläche bleiben, muss er auch auf die Leertaste reagieren.",
        "Use <button> for actions and <a href> without role for page changes. If the link "
        "must stay a button, it has to react to the Space key too.",
    ),
    severity="info",
    outcome="needs_review",
    wcag=("2.1.1", "4.1.2"),
    standards=wcag_standards("2.1.1", "4.1.2"),
    examples=(
        Example('<a id="b" href="/weiter" role="button">Weiter</a>',
                expect="needs_review", at="#b"),
        Example('<a href="#" role="button" onkeydown="taste(event)">Weiter</a>', expect=None),
        Example('<a href="/weiter">Weiter</a>', expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("a"):
        if el.get("href") is None or explicit_role(el) != "button" or el in known.excluded:
            continue
        if any(el.get(k) is not None for k in ("onkeydown", "onkeyup", "onkeypress")):
            continue
        yield PageHit(el, {"text": accessible_name(page, el)[:60]})
