"""The one accessible-name computation (Page.accessible_name, W3C accname 1.2 without CSS).

Every static and BITV rule and the page-text engine read names only from here, so each case
names the accname step it checks and what a browser computes for the markup.
"""

from __future__ import annotations

import pytest

from checkers.page.dom import Page


def name_of(html: str, selector: str = "#x") -> str:
    page = Page(f"<!doctype html><html lang='de'><body>{html}</body></html>")
    (el,) = page.select(selector)
    return page.accessible_name(el)


@pytest.mark.parametrize(
    ("html", "selector", "expected"),
    [
        # HTML-AAM: label[for] names only the first element with that id (getElementById).
        ('<label for="x">PLZ</label><input id="x"><input id="x">', "input:nth-of-type(1)", "PLZ"),
        ('<label for="x">PLZ</label><input id="x"><input id="x">', "input:nth-of-type(2)", ""),
        # The label's own aria-labelledby / aria-label win over its text.
        ('<span id="o">Ort</span><label for="x" aria-labelledby="o">Feld</label><input id="x">',
         "#x", "Ort"),
        ('<label for="x" aria-label="Menü"></label><input id="x" type="checkbox">', "#x", "Menü"),
        # Several labels are joined; an implicit label counts next to label[for].
        ('<label for="x">Straße</label><label>Nr. <input id="x"></label>', "#x", "Straße Nr."),
        # accname 2B inside a name-from-content traversal: the child's aria-labelledby counts.
        ('<span id="t">Bericht als PDF</span><a id="x" href="/b.pdf"><img src="p.png" '
         'aria-labelledby="t"></a>', "#x", "Bericht als PDF"),
        # No name from content for a generic element: a descendant's labelledby does not name it.
        ('<span id="t">Text</span><div id="x"><img src="p.png" aria-labelledby="t"></div>',
         "#x", ""),
        # accname 2E: embedded controls give their value, not their label.
        ('<button id="x">Alle <select aria-label="Anzahl"><option>1</option>'
         "<option selected>3</option></select> Tage</button>", "#x", "Alle 3 Tage"),
        ('<button id="x">Alle <select><option disabled>–</option><option>2</option>'
         "</select> Tage</button>", "#x", "Alle 2 Tage"),
        ('<span id="v"><textarea>Hallo</textarea></span><button id="x" aria-labelledby="v">'
         "</button>", "#x", "Hallo"),
        ('<a id="x" href="#">Stufe <span role="slider" aria-valuenow="4" '
         'aria-valuetext="vier" aria-label="Stufe wählen"></span></a>', "#x", "Stufe vier"),
        ('<a id="x" href="#">Farbe <div role="listbox"><div role="option">Rot</div>'
         '<div role="option" aria-selected="true">Blau</div></div></a>', "#x", "Farbe Blau"),
        ('<label for="x">Suche <input value="Bonn" type="text"></label><input id="x">', "#x",
         "Suche Bonn"),
        # The control being named is left out of its own label (accname 2E, "another widget").
        ('<label>Menge <input id="x" value="5"></label>', "#x", "Menge"),
        # accname 2A: hidden content is skipped, unless aria-labelledby points at it.
        ('<a id="x" href="#">Mehr<span hidden> versteckt</span></a>', "#x", "Mehr"),
        ('<span id="t" hidden>Versteckt</span><button id="x" aria-labelledby="t"></button>',
         "#x", "Versteckt"),
    ],
)
def test_accessible_name(html: str, selector: str, expected: str) -> None:
    assert name_of(html, selector) == expected
