"""The project's own German texts for the axe-core rules it runs, keyed by axe rule id.

axe-core's German locale mixes forms of address and keeps English jargon ("landmark region",
"main landmark"). Editors read these messages, so each one says in plain German, addressing the
reader as "Sie", what is wrong; the finding keeps axe's rule id (``axe.<id>``) and axe's own
details in the explanation. ``tests/page/test_axe_messages.py`` keeps the list complete for
every rule the audit runs.
"""

from __future__ import annotations

MESSAGES_DE: dict[str, str] = {
    "accesskeys": "Dieses Tastenkürzel (accesskey) gibt es auf der Seite mehrmals. "
    "Geben Sie jedem Tastenkürzel nur eine Aufgabe.",
    "area-alt": "Ein klickbarer Bereich einer Bildkarte hat keinen Alternativtext. "
    "Beschreiben Sie im alt-Attribut, wohin der Bereich führt.",
    "aria-allowed-attr": "Dieses Element hat ein ARIA-Attribut, das zu seiner Rolle nicht passt. "
    "Entfernen Sie das Attribut oder ändern Sie die Rolle.",
    "aria-allowed-role": "Die ARIA-Rolle passt nicht zu diesem HTML-Element. "
    "Verwenden Sie ein passendes Element oder entfernen Sie die Rolle.",
    "aria-braille-equivalent": "Eine Braille-Beschriftung (aria-braillelabel) braucht auch eine "
    "normale Beschriftung. Ergänzen Sie einen zugänglichen Namen.",
    "aria-command-name": "Ein Bedienelement (Schaltfläche, Link oder Menüpunkt) hat keinen Namen. "
    "Geben Sie ihm einen Text, den Screenreader vorlesen.",
    "aria-conditional-attr": "Ein ARIA-Attribut ist für dieses Element nicht erlaubt. "
    "Entfernen Sie es oder verwenden Sie das passende HTML-Attribut.",
    "aria-deprecated-role": "Diese ARIA-Rolle ist veraltet. Verwenden Sie eine aktuelle Rolle.",
    "aria-dialog-name": "Ein Dialogfenster hat keinen Namen. Geben Sie ihm einen Titel, zum "
    "Beispiel mit aria-labelledby auf die Überschrift des Dialogs.",
    "aria-hidden-body": "Die ganze Seite ist für Screenreader versteckt (aria-hidden am body). "
    "Entfernen Sie aria-hidden vom body-Element.",
    "aria-hidden-focus": "Ein für Screenreader verstecktes Element enthält etwas, das man mit "
    "der Tab-Taste erreicht. Nehmen Sie es aus der Tab-Reihenfolge oder zeigen Sie es an.",
    "aria-input-field-name": "Ein Eingabefeld hat keine Beschriftung. "
    "Geben Sie ihm eine sichtbare Beschriftung, die mit dem Feld verbunden ist.",
    "aria-meter-name": "Eine Messanzeige (meter) hat keinen Namen. Beschriften Sie sie.",
    "aria-progressbar-name": "Ein Fortschrittsbalken hat keinen Namen. Beschriften Sie ihn.",
    "aria-prohibited-attr": "Ein ARIA-Attribut ist bei dieser Rolle verboten. Entfernen Sie es.",
    "aria-required-attr": "Einem Element mit ARIA-Rolle fehlt ein Pflichtattribut "
    "(zum Beispiel aria-checked bei einem Kontrollkästchen). Ergänzen Sie es.",
    "aria-required-children": "Einem Element mit ARIA-Rolle fehlen die Unterelemente, die seine "
    "Rolle verlangt (zum Beispiel Listeneinträge in einer Liste). Ergänzen Sie sie.",
    "aria-required-parent": "Ein Element mit ARIA-Rolle steht nicht in dem Element, das seine "
    "Rolle verlangt (zum Beispiel ein Menüpunkt ohne Menü). Korrigieren Sie die Verschachtelung.",
    "aria-roles": "Diese ARIA-Rolle gibt es nicht. Prüfen Sie die Schreibweise.",
    "aria-tab-name": "Ein Reiter (Tab) hat keinen Namen. Geben Sie ihm einen Text.",
    "aria-text": "Ein Element mit role=\"text\" enthält etwas Bedienbares. "
    "Entfernen Sie die Rolle oder das bedienbare Element darin.",
    "aria-toggle-field-name": "Ein Schalter oder Auswahlfeld hat keinen Namen. Beschriften Sie es.",
    "aria-tooltip-name": "Ein Tooltip hat keinen Text. Geben Sie ihm einen.",
    "aria-treeitem-name": "Ein Eintrag einer Baumansicht hat keinen Namen. Geben Sie ihm einen.",
    "aria-valid-attr-value": "Ein ARIA-Attribut hat einen ungültigen Wert "
    "(zum Beispiel ein Verweis auf eine id, die es nicht gibt). Korrigieren Sie den Wert.",
    "aria-valid-attr": "Dieses ARIA-Attribut gibt es nicht. Prüfen Sie die Schreibweise.",
    "autocomplete-valid": "Der autocomplete-Wert dieses Felds ist ungültig. Verwenden Sie einen "
    "der festgelegten Werte, zum Beispiel \"email\" oder \"postal-code\".",
    "avoid-inline-spacing": "Zeilen-, Wort- oder Zeichenabstand ist mit !important festgelegt. "
    "So können Nutzende die Abstände nicht anpassen. Entfernen Sie !important.",
    "blink": "Blinkender Text (blink) lenkt ab und ist schwer zu lesen. Entfernen Sie ihn.",
    "button-name": "Eine Schaltfläche hat keinen Namen. Geben Sie ihr einen Text, der sagt, "
    "was sie tut.",
    "bypass": "Es gibt keinen Weg, wiederkehrende Inhalte zu überspringen. Setzen Sie einen "
    "Link „Zum Inhalt springen“ an den Anfang oder gliedern Sie die Seite mit Bereichen.",
    "color-contrast": "Der Text hebt sich zu wenig vom Hintergrund ab. Wählen Sie Farben mit "
    "mehr Kontrast (mindestens 4,5 : 1, bei großer Schrift 3 : 1).",
    "color-contrast-enhanced": "Der Text erreicht nicht den erhöhten Kontrast der Stufe AAA "
    "(7 : 1, bei großer Schrift 4,5 : 1).",
    "css-orientation-lock": "Die Seite ist auf Hoch- oder Querformat festgelegt. Lassen Sie "
    "beide Ausrichtungen zu.",
    "definition-list": "Eine Definitionsliste (dl) enthält andere Elemente als dt und dd. "
    "Korrigieren Sie den Aufbau.",
    "dlitem": "Ein Begriff (dt) oder eine Erklärung (dd) steht nicht in einer Definitionsliste "
    "(dl). Setzen Sie ihn in eine Liste.",
    "document-title": "Die Seite hat keinen Titel. Geben Sie im title-Element an, worum es auf "
    "der Seite geht.",
    "duplicate-id-aria": "Eine id, auf die Beschriftungen oder ARIA verweisen, gibt es mehrmals. "
    "Machen Sie jede id eindeutig.",
    "empty-heading": "Eine Überschrift ist leer. Geben Sie ihr Text oder entfernen Sie sie.",
    "empty-table-header": "Eine Kopfzelle der Tabelle ist leer. Beschriften Sie die Spalte oder "
    "Zeile.",
    "form-field-multiple-labels": "Ein Formularfeld hat mehrere Beschriftungen. Verwenden Sie "
    "nur eine.",
    "frame-focusable-content": "Ein Frame mit bedienbaren Inhalten ist aus der Tab-Reihenfolge "
    "genommen (tabindex=\"-1\"). Entfernen Sie den negativen tabindex.",
    "frame-tested": "Der Inhalt eines Frames konnte nicht geprüft werden. Prüfen Sie ihn "
    "gesondert.",
    "frame-title-unique": "Mehrere Frames haben denselben Titel. Geben Sie jedem Frame einen "
    "eigenen Titel.",
    "frame-title": "Ein Frame (iframe) hat keinen Titel. Beschreiben Sie im title-Attribut, was "
    "er enthält.",
    "heading-order": "Eine Überschriftenebene wird übersprungen (zum Beispiel h4 nach h2). "
    "Verwenden Sie die Ebenen der Reihe nach.",
    "html-has-lang": "Die Sprache der Seite ist nicht angegeben. Ergänzen Sie lang=\"de\" am "
    "html-Element.",
    "html-lang-valid": "Die Sprachangabe der Seite ist ungültig. Verwenden Sie einen "
    "Sprachcode wie \"de\" oder \"en\".",
    "html-xml-lang-mismatch": "lang und xml:lang der Seite nennen verschiedene Sprachen. "
    "Geben Sie dieselbe Sprache an.",
    "identical-links-same-purpose": "Links mit gleichem Text führen zu verschiedenen Zielen. "
    "Prüfen Sie, ob sie denselben Zweck haben, oder benennen Sie sie unterschiedlich.",
    "image-alt": "Ein Bild hat keinen Alternativtext. Beschreiben Sie im alt-Attribut, was das "
    "Bild zeigt; ein Schmuckbild bekommt alt=\"\".",
    "image-redundant-alt": "Der Alternativtext wiederholt den Text daneben. Kürzen Sie ihn oder "
    "lassen Sie ihn leer, wenn das Bild nichts Neues zeigt.",
    "input-button-name": "Eine Schaltfläche (input) hat keinen Text. Ergänzen Sie das "
    "value-Attribut.",
    "input-image-alt": "Eine Grafik-Schaltfläche hat keinen Alternativtext. Beschreiben Sie im "
    "alt-Attribut, was sie tut.",
    "label-content-name-mismatch": "Der sichtbare Text ist nicht Teil des zugänglichen Namens. "
    "Nehmen Sie den sichtbaren Text in den Namen auf.",
    "label-title-only": "Ein Formularfeld ist nur über das title-Attribut beschriftet. Geben Sie "
    "ihm eine sichtbare Beschriftung.",
    "label": "Ein Formularfeld hat keine Beschriftung. Verbinden Sie eine sichtbare Beschriftung "
    "mit dem Feld (label for=…).",
    "landmark-banner-is-top-level": "Der Kopfbereich der Seite steht in einem anderen Bereich. "
    "Setzen Sie ihn auf die oberste Ebene.",
    "landmark-contentinfo-is-top-level": "Der Fußbereich der Seite steht in einem anderen "
    "Bereich. Setzen Sie ihn auf die oberste Ebene.",
    "landmark-main-is-top-level": "Der Hauptinhalt steht in einem anderen Bereich. Setzen Sie "
    "main auf die oberste Ebene.",
    "landmark-no-duplicate-banner": "Die Seite hat mehr als einen Kopfbereich. Verwenden Sie "
    "nur einen.",
    "landmark-no-duplicate-contentinfo": "Die Seite hat mehr als einen Fußbereich. Verwenden Sie "
    "nur einen.",
    "landmark-no-duplicate-main": "Die Seite hat mehr als einen Hauptinhalt (main). Verwenden "
    "Sie nur einen.",
    "landmark-one-main": "Die Seite hat keinen Hauptinhalt-Bereich. Fassen Sie den Hauptinhalt "
    "in ein main-Element.",
    "landmark-unique": "Mehrere gleichartige Seitenbereiche haben denselben Namen. Geben Sie "
    "jedem einen eigenen Namen.",
    "link-in-text-block": "Ein Link im Fließtext ist nur an der Farbe zu erkennen. Unterstreichen "
    "Sie ihn oder heben Sie ihn anders hervor.",
    "link-name": "Ein Link hat keinen Text. Geben Sie ihm einen Text, der sagt, wohin er führt.",
    "list": "Eine Liste (ul oder ol) enthält andere Elemente als Listeneinträge. Korrigieren Sie "
    "den Aufbau.",
    "listitem": "Ein Listeneintrag (li) steht nicht in einer Liste. Setzen Sie ihn in ul oder ol.",
    "marquee": "Laufschrift (marquee) ist schwer zu lesen und nicht anzuhalten. Entfernen Sie "
    "sie.",
    "meta-refresh": "Die Seite lädt sich nach einer Wartezeit neu oder leitet weiter. Entfernen "
    "Sie das automatische Neuladen.",
    "meta-refresh-no-exceptions": "Die Seite lädt sich nach einer Wartezeit neu oder leitet "
    "weiter (Stufe AAA: ohne Ausnahme). Entfernen Sie das automatische Neuladen.",
    "meta-viewport-large": "Die Seite lässt sich auf Mobilgeräten kaum vergrößern. Erlauben Sie "
    "Zoom bis mindestens 500 %.",
    "meta-viewport": "Die Seite verhindert das Vergrößern auf Mobilgeräten. Entfernen Sie "
    "user-scalable=no und maximum-scale unter 2.",
    "nested-interactive": "Ein Bedienelement steckt in einem anderen. Screenreader lesen das "
    "innere dann nicht vor. Trennen Sie die beiden.",
    "no-autoplay-audio": "Ton spielt automatisch länger als 3 Sekunden. Spielen Sie Ton erst auf "
    "Wunsch ab oder bieten Sie eine Stopp-Taste.",
    "object-alt": "Ein eingebettetes Objekt hat keinen Alternativtext. Beschreiben Sie, was es "
    "zeigt.",
    "page-has-heading-one": "Die Seite hat keine Hauptüberschrift (h1). Ergänzen Sie eine.",
    "presentation-role-conflict": "Ein als Schmuck markiertes Element ist trotzdem bedienbar "
    "oder hat ARIA-Attribute. Screenreader lesen es dann doch vor.",
    "region": "Inhalte stehen außerhalb der Seitenbereiche (Kopfbereich, Navigation, "
    "Hauptinhalt, Fußbereich). Ordnen Sie alle Inhalte einem Bereich zu.",
    "role-img-alt": "Ein Element mit der Rolle Bild hat keinen Alternativtext. Ergänzen Sie "
    "aria-label.",
    "scope-attr-valid": "Das scope-Attribut einer Tabellenzelle ist falsch verwendet. Verwenden "
    "Sie scope nur an Kopfzellen (th) mit row oder col.",
    "scrollable-region-focusable": "Ein scrollbarer Bereich ist mit der Tastatur nicht "
    "erreichbar. Machen Sie ihn fokussierbar (tabindex=\"0\").",
    "select-name": "Eine Auswahlliste hat keine Beschriftung. Verbinden Sie eine sichtbare "
    "Beschriftung mit der Liste.",
    "server-side-image-map": "Eine serverseitige Bildkarte lässt sich mit der Tastatur nicht "
    "bedienen. Verwenden Sie Links oder eine clientseitige Bildkarte.",
    "skip-link": "Das Ziel des Sprunglinks gibt es nicht oder es ist nicht fokussierbar. "
    "Korrigieren Sie das Ziel.",
    "summary-name": "Ein aufklappbarer Bereich (summary) hat keinen Text. Beschriften Sie ihn.",
    "svg-img-alt": "Eine SVG-Grafik mit der Rolle Bild hat keinen Alternativtext. Ergänzen Sie "
    "ein title-Element oder aria-label.",
    "tabindex": "Ein Element hat einen tabindex über 0. Das verändert die Tab-Reihenfolge. "
    "Verwenden Sie 0 oder -1.",
    "table-duplicate-name": "Die Tabelle hat dieselbe Beschriftung (caption) und Zusammenfassung. "
    "Entfernen Sie die Wiederholung.",
    "target-size": "Eine Schaltfläche oder ein Link ist zu klein oder liegt zu dicht an einem "
    "anderen. Machen Sie die Fläche mindestens 24 × 24 Pixel groß.",
    "td-headers-attr": "Eine Tabellenzelle verweist mit headers auf Zellen, die es in der Tabelle "
    "nicht gibt. Korrigieren Sie die Verweise.",
    "th-has-data-cells": "Eine Kopfzelle der Tabelle beschreibt keine Datenzellen. Prüfen Sie "
    "den Aufbau der Tabelle.",
    "valid-lang": "Eine Sprachangabe (lang) im Text ist ungültig. Verwenden Sie einen "
    "Sprachcode wie \"en\" oder \"fr\".",
    "video-caption": "Ein Video hat keine Untertitel. Ergänzen Sie eine Untertitelspur "
    "(track kind=\"captions\").",
}


def message_de(rule_id: str) -> str | None:
    """The German message for an axe rule id (without the ``axe.`` prefix), if written."""
    return MESSAGES_DE.get(rule_id)
