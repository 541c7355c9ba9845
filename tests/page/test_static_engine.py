"""Whole-page tests of the static engine: a broken German page, a clean one, and a speed check."""

from __future__ import annotations

from checkers.page.dom import Page
from checkers.page.rule import PageContext, run_rules
from checkers.page.static import all_rules

BROKEN = """<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, maximum-scale=1, user-scalable=no">
  <meta http-equiv="refresh" content="300">
</head>
<body>
  <header>
    <a href="/"><img src="/img/logo.png"></a>
    <nav>
      <ul>
        <li><a href="/buergerservice">Bürgerservice</a></li>
        <div class="trenner"></div>
        <li><a href="/rathaus">Rathaus</a></li>
      </ul>
    </nav>
  </header>
  <div id="inhalt">
    <h1>Wohngeld</h1>
    <h3>Antrag stellen</h3>
    <p>Den Antrag finden Sie <a href="/formulare/wohngeld.pdf">hier</a>.</p>
    <p><a href="/formulare/merkblatt.pdf">Merkblatt zum Wohngeld</a></p>
    <h2></h2>
    <img src="/img/DSC_0012.JPG" alt="DSC_0012.JPG">
    <form action="/suche">
      <input type="text" name="q" id="q">
      <input type="text" name="plz" id="q">
      <label for="q">Suchbegriff</label>
      <select name="bereich"><option>Alle</option><option>Aktuelles</option></select>
      <button type="submit"><svg viewBox="0 0 8 8"><path d="M0 0h8"/></svg></button>
    </form>
    <iframe src="https://karte.example.de/rathaus"></iframe>
    <div aria-hidden="true"><a href="/newsletter">Newsletter</a></div>
    <div role="nav" aria-lable="Service">Service</div>
    <marquee>Das Bürgerbüro ist am Freitag geschlossen.</marquee>
    <p>Welcome to our town. We are happy that you are here and hope you enjoy your stay.</p>
    <p>Anrede</p>
    <label><input type="radio" name="anrede" value="frau"> Frau</label>
    <label><input type="radio" name="anrede" value="herr"> Herr</label>
    <table>
      <tr><td>Montag</td><td>8 bis 12 Uhr</td></tr>
      <tr><td>Dienstag</td><td id="zeit" headers="tag">8 bis 18 Uhr</td></tr>
      <tr><td>Mittwoch</td><td>geschlossen</td></tr>
    </table>
    <video src="/media/imagefilm.mp4" autoplay></video>
  </div>
</body>
</html>
"""

EXPECTED_BROKEN = {
    "static.document-title",
    "static.meta-viewport",
    "static.meta-refresh",
    "static.image-alt",
    "static.image-alt-filename",
    "static.link-name",
    "static.link-text-vague",
    "static.document-link-hint",
    "static.list-structure",
    "static.heading-order",
    "static.empty-heading",
    "static.form-label",
    "static.button-name",
    "static.duplicate-id-aria",
    "static.iframe-title",
    "static.aria-hidden-focus",
    "static.role-valid",
    "static.aria-attr-valid",
    "static.blink-marquee",
    "static.autoplay-audio",
    "static.page-lang-parts",
    "static.fieldset-legend",
    "static.table-headers",
    "static.video-captions",
}

CLEAN = """<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Wohngeld beantragen – Stadt Musterstadt</title>
</head>
<body>
  <a href="#inhalt">Zum Inhalt springen</a>
  <header>
    <a href="/"><img src="/img/logo.png" alt="Stadt Musterstadt – Startseite"></a>
    <nav aria-label="Hauptmenü">
      <ul>
        <li><a href="/buergerservice">Bürgerservice</a></li>
        <li><a href="/rathaus">Rathaus</a></li>
      </ul>
    </nav>
  </header>
  <main id="inhalt">
    <h1>Wohngeld</h1>
    <h2>Antrag stellen</h2>
    <p>Laden Sie den <a href="/formulare/wohngeld.pdf">Antrag auf Wohngeld (PDF, 250 KB)</a>
       herunter.</p>
    <img src="/img/linie.png" alt="">
    <figure>
      <img src="/img/rathaus.jpg" alt="Das Rathaus am Marktplatz">
      <figcaption>Das Rathaus</figcaption>
    </figure>
    <form action="/suche" role="search">
      <label for="q">Suchbegriff</label>
      <input type="search" id="q" name="q">
      <fieldset>
        <legend>Bereich</legend>
        <label><input type="radio" name="bereich" value="alle" checked> Alle</label>
        <label><input type="radio" name="bereich" value="news"> Aktuelles</label>
      </fieldset>
      <button type="submit" aria-label="Suchen"><svg aria-hidden="true"></svg></button>
    </form>
    <table>
      <caption>Öffnungszeiten</caption>
      <tr><th scope="col">Tag</th><th scope="col">Zeit</th></tr>
      <tr><td>Montag</td><td>8 bis 12 Uhr</td></tr>
      <tr><td>Dienstag</td><td>8 bis 18 Uhr</td></tr>
    </table>
    <iframe src="https://karte.example.de/rathaus" title="Karte: Lage des Rathauses"></iframe>
    <p lang="en">Welcome to our town.</p>
    <video src="/media/imagefilm.mp4" controls>
      <track kind="captions" src="/media/imagefilm.de.vtt" srclang="de" label="Deutsch">
    </video>
  </main>
  <footer><p>© Stadt Musterstadt</p></footer>
</body>
</html>
"""


def _run(html: str):
    page = Page(html, "https://www.musterstadt.de/wohngeld")
    return run_rules(all_rules(), PageContext(page=page), "de")


def test_broken_page_findings() -> None:
    findings = _run(BROKEN)
    found = {f.rule_id for f in findings}
    assert found == EXPECTED_BROKEN, (sorted(found - EXPECTED_BROKEN),
                                      sorted(EXPECTED_BROKEN - found))
    for finding in findings:
        assert finding.wcag or finding.standards, finding.rule_id
        assert finding.location.selector, finding.rule_id
        assert finding.engine == "static"
        assert finding.message and "{" not in finding.message, finding.message
    failed = {f.rule_id for f in findings if f.outcome == "failed"}
    # Review-only rules must never claim a failure.
    assert not failed & {"static.link-text-vague", "static.page-lang-parts",
                         "static.fieldset-legend", "static.heading-order"}


def test_page_without_lang() -> None:
    findings = _run("<html><head><title>T</title></head><body><p>Hallo</p></body></html>")
    assert [f.rule_id for f in findings] == ["static.html-has-lang"]


def test_clean_page_has_no_findings() -> None:
    findings = _run(CLEAN)
    assert findings == [], [(f.rule_id, f.location.selector, f.message) for f in findings]


def test_english_messages() -> None:
    page = Page(BROKEN, "https://www.musterstadt.de/wohngeld")
    findings = run_rules(all_rules(), PageContext(page=page), "en")
    assert all("{" not in f.message for f in findings)
    assert any(f.message == "The page has no title (title element)." for f in findings)
