"""bitv.statement-status: the statement states exactly one compliance status.

Reads the statement (``context.linked["statement"]`` or the audited page when it is one),
preferably its section "Stand der Vereinbarkeit mit den Anforderungen", and looks for
"vollständig vereinbar", "teilweise … vereinbar" or "nicht … vereinbar" (ä/ae, "mit den
Anforderungen der BITV 2.0" in between; "nicht vollständig vereinbar" counts as partial). None
→ error; more than one (typically the unedited model text "vollständig / teilweise / nicht")
→ error. The EU model statement (Durchführungsbeschluss (EU) 2018/1523) and the German models
under § 7 BITV 2.0 / § 12b BGG require one of the three.
Known false positives: "vereinbar" sentences about single documents outside the status section
are ignored unless they speak of the website/app, so an unusual wording ("Dieses Angebot der
Stadt ist …") may be missed; "vollständig barrierefrei" without "vereinbar" is not read as a
status (the models use "vereinbar").
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.bitv import samples as s
from checkers.page.bitv.common import (
    STATUS_LABELS,
    compliance_claims,
    hit_at,
    public_body_duty,
    statement_page,
    statuses,
)
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule

SEVERAL = de_en(
    "Die Erklärung nennt mehrere Stände der Vereinbarkeit: {found_de}. Es darf nur einer dastehen.",
    "The statement gives several compliance statuses: {found_en}. Only one may be given.",
)

META = RuleMeta(
    id="bitv.statement-status",
    engine="bitv",
    title=de_en("Stand der Vereinbarkeit", "Compliance status"),
    message=de_en(
        "Die Erklärung zur Barrierefreiheit sagt nicht, ob die Website „vollständig“, "
        "„teilweise“ oder „nicht“ mit den Anforderungen vereinbar ist.",
        "The accessibility statement does not say whether the site is fully, partially or not "
        "compliant ('vollständig / teilweise / nicht vereinbar').",
    ),
    explanation=de_en(
        "Ergänzen Sie den Abschnitt „Stand der Vereinbarkeit mit den Anforderungen“ mit genau "
        "einem Satz, z. B.: „Diese Website ist wegen der folgenden Unvereinbarkeiten teilweise "
        "mit den Anforderungen der BITV 2.0 vereinbar.“ Wählen Sie „vollständig“ nur, wenn eine "
        "Prüfung keine Mängel gefunden hat; sonst „teilweise“ oder „nicht“.",
        "Complete the section 'Stand der Vereinbarkeit mit den Anforderungen' with exactly one "
        "sentence, e.g. 'Diese Website ist wegen der folgenden Unvereinbarkeiten teilweise mit "
        "den Anforderungen der BITV 2.0 vereinbar.' Choose 'vollständig' only when an audit "
        "found no defects; otherwise 'teilweise' or 'nicht'.",
    ),
    severity="error",
    standards=("BITV 2.0 § 7", "BGG § 12b", "Durchführungsbeschluss (EU) 2018/1523"),
    examples=(
        Example(s.statement(), expect=None, url=s.STATEMENT_URL),
        Example(
            s.statement(
                status="<h2>Stand der Vereinbarkeit mit den Anforderungen</h2><p>Die Website "
                "ist noch nicht vollständig mit der BITV 2.0 vereinbar.</p>"
            ),
            expect=None,
            url=s.STATEMENT_URL,
        ),
        # No status heading: a sentence about the website still counts.
        Example(
            s.statement(
                status="<p>Diese Website ist mit den Anforderungen der BITV 2.0 "
                "vollstaendig vereinbar.</p>"
            ),
            expect=None,
            url=s.STATEMENT_URL,
        ),
        Example(s.statement(status=""), expect="failed", url=s.STATEMENT_URL),
        Example(
            s.statement(
                status="<h2>Stand der Vereinbarkeit mit den Anforderungen</h2><p id='model'>"
                "Diese Website ist [vollständig / teilweise / nicht] mit den Anforderungen "
                "der BITV 2.0 vereinbar.</p>"
            ),
            expect="failed",
            at="#model",
            url=s.STATEMENT_URL,
        ),
        # Only a document is "nicht vereinbar": no status for the site.
        Example(
            s.homepage(),
            expect="failed",
            context={
                "linked": {
                    "statement": (
                        s.STATEMENT_URL,
                        s.statement(
                            status="<p>Das Formular A12 ist nicht mit der BITV 2.0 vereinbar.</p>"
                        ),
                    )
                }
            },
        ),
    ),
)


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = statement_page(context)
    if page is None:
        return
    claims = compliance_claims(page)
    found = statuses(claims)
    if not found:
        yield hit_at(context, page)
    elif len(found) > 1:
        yield hit_at(
            context,
            page,
            claims[0].block.element,
            message=SEVERAL,
            params={
                "found_de": ", ".join(f"„{STATUS_LABELS[f][0]}“" for f in found),
                "found_en": ", ".join(f"'{STATUS_LABELS[f][1]}'" for f in found),
            },
        )
