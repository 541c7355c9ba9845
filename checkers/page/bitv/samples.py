"""Realistic German pages for the BITV rules' examples (written for this project).

A model statement of the fictitious "Stadt Musterstadt" in Bavaria, built from named parts so an
example can drop or replace one section and show exactly what a rule reacts to. Also a
homepage, a Leichte-Sprache page and a DGS page. The examples are the rules' tests
(``tests/test_rule_examples.py``) and double as documentation for editors.
"""

from __future__ import annotations

from checkers.page.options import BitvSettings

SITE = "https://www.musterstadt.de"
HOME = f"{SITE}/"
STATEMENT_URL = f"{SITE}/erklaerung-zur-barrierefreiheit/"
EASY_URL = f"{SITE}/leichte-sprache/"
SIGN_URL = f"{SITE}/gebaerdensprache/"
TODAY = "2026-12-04"

BY_MUNICIPAL = BitvSettings(land="BY", body="municipal")
BW_MUNICIPAL = BitvSettings(land="BW", body="municipal")
SN_MUNICIPAL = BitvSettings(land="SN", body="municipal")
FEDERAL = BitvSettings(land="bund", body="federal")
ASSOCIATION = BitvSettings(land="BW", body="association")

FOOTER = (
    '<footer><ul><li><a href="/impressum/">Impressum</a></li>'
    '<li><a href="/datenschutz/">Datenschutz</a></li>'
    '<li><a id="a11y-statement" href="/erklaerung-zur-barrierefreiheit/">'
    "Erklärung zur Barrierefreiheit</a></li></ul></footer>"
)

STATEMENT_PARTS: dict[str, str] = {
    "title": "<h1>Erklärung zur Barrierefreiheit</h1>",
    "intro": (
        "<p>Die Stadt Musterstadt ist bemüht, ihre Website im Einklang mit dem Bayerischen "
        "Behindertengleichstellungsgesetz (BayBGG) und der Bayerischen Barrierefreie "
        "Informationstechnik-Verordnung (BayBITV) barrierefrei zugänglich zu machen.</p>"
    ),
    "scope": (
        '<p id="scope">Diese Erklärung zur Barrierefreiheit gilt für die Website '
        "www.musterstadt.de der Stadt Musterstadt.</p>"
    ),
    "status": (
        "<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>"
        '<p id="status">Diese Website ist wegen der folgenden Unvereinbarkeiten und Ausnahmen '
        "teilweise mit den Anforderungen der BayBITV vereinbar.</p>"
    ),
    "non_accessible": (
        '<h2 id="non-accessible">Nicht barrierefreie Inhalte</h2>'
        "<p>Die folgenden Inhalte sind nicht barrierefrei:</p>"
        "<ul><li>Ältere Ausgaben des Amtsblatts (vor 2024) liegen nur als nicht barrierefreie "
        "PDF-Dateien vor. Auf Anfrage senden wir Ihnen den Text per E-Mail.</li>"
        "<li>Die Videos der Stadtratssitzungen haben noch keine Untertitel. Wir ergänzen sie "
        "bis Juni 2027.</li></ul>"
    ),
    "preparation": (
        "<h2>Erstellung dieser Erklärung zur Barrierefreiheit</h2>"
        '<p id="created">Diese Erklärung wurde am 15.03.2026 erstellt. Sie beruht auf einer '
        "Selbstbewertung durch die Stadtverwaltung.</p>"
        '<p id="reviewed">Die Erklärung wurde zuletzt am 2. Oktober 2026 überprüft.</p>'
    ),
    "feedback": (
        '<h2 id="feedback">Feedback und Kontaktangaben</h2>'
        "<p>Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten dieser Website "
        "aufgefallen? Dann melden Sie sich bitte bei uns: per E-Mail an "
        '<a href="mailto:barrierefreiheit@musterstadt.de">barrierefreiheit@musterstadt.de</a> '
        "oder telefonisch unter 08123 456-0. Wir antworten innerhalb eines Monats.</p>"
    ),
    "enforcement": (
        '<h2 id="enforcement">Durchsetzungsverfahren</h2>'
        "<p>Wenn Sie auf Ihre Meldung innerhalb eines Monats keine zufriedenstellende Antwort "
        "erhalten, können Sie sich an die Durchsetzungsstelle beim Landesamt für "
        'Digitalisierung, Breitband und Vermessung wenden: <a id="enforcement-link" '
        'href="https://www.ldbv.bayern.de/">Durchsetzungsstelle für barrierefreie '
        "Informationstechnik</a>.</p>"
    ),
}


def statement(**parts: str) -> str:
    """The Musterstadt statement; ``part="..."`` replaces a part, ``part=""`` removes it."""
    merged = {**STATEMENT_PARTS, **parts}
    body = "".join(merged[name] for name in STATEMENT_PARTS)
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Erklärung zur Barrierefreiheit | Stadt Musterstadt</title></head><body>"
        '<header><a href="/">Stadt Musterstadt</a></header>'
        f"<main>{body}</main>{FOOTER}</body></html>"
    )


def homepage(nav: str = "", footer: str = FOOTER, title: str = "Stadt Musterstadt") -> str:
    return (
        f'<!DOCTYPE html><html lang="de"><head><title>{title}</title></head><body>'
        f'<header><a href="/">Startseite</a><nav id="service">{nav}</nav></header>'
        "<main><h1>Willkommen in Musterstadt</h1><p>Aktuelles aus dem Rathaus.</p></main>"
        f"{footer}</body></html>"
    )


EASY_LANGUAGE_PAGE = (
    '<!DOCTYPE html><html lang="de"><head><title>Leichte Sprache | Stadt Musterstadt</title>'
    "</head><body><main><h1>Informationen in Leichter Sprache</h1>"
    "<h2>Was steht auf dieser Internet-Seite?</h2>"
    "<p>Hier finden Sie Informationen über die Stadt Musterstadt. Zum Beispiel: "
    "Wann hat das Rathaus offen?</p>"
    "<h2>So finden Sie sich auf der Internet-Seite zurecht</h2>"
    "<p>Oben ist das Menü. Dort klicken Sie auf ein Thema.</p>"
    "<h2>Erklärung zur Barriere-Freiheit</h2>"
    "<p>Barriere-Freiheit bedeutet: Alle Menschen können die Internet-Seite gut benutzen. "
    'Lesen Sie hier mehr: <a href="/erklaerung-zur-barrierefreiheit/">Erklärung zur '
    "Barriere-Freiheit</a>.</p>"
    "<h2>Weitere Informationen in Leichter Sprache</h2>"
    "<p>Es gibt noch mehr Texte in Leichter Sprache und Videos in Gebärden-Sprache.</p>"
    "</main></body></html>"
)

SIGN_LANGUAGE_PAGE = (
    '<!DOCTYPE html><html lang="de"><head><title>Gebärdensprache | Stadt Musterstadt</title>'
    "</head><body><main><h1>Informationen in Deutscher Gebärdensprache</h1>"
    '<video id="dgs-video" controls src="/media/dgs-startseite.mp4" '
    'title="Die Stadt Musterstadt in Gebärdensprache"></video>'
    '<p><a id="dgs-download" href="/media/dgs-startseite.mp4" download>Video herunterladen</a> '
    "(MP4, 48,5 MB, Dauer 4:12 Minuten)</p>"
    "</main></body></html>"
)
