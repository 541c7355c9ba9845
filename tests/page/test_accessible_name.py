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


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # accname 2F: inline children join their neighbours' text directly, as in browsers...
        ('<a id="x" href="#">foo<b>bar</b></a>', "foobar"),
        ('<a id="x" href="#">Kontakt<span>formular</span> öffnen</a>', "Kontaktformular öffnen"),
        # ...elements in a box of their own (block, inline-block controls, a line break) apart.
        ('<a id="x" href="#">foo<div>bar</div></a>', "foo bar"),
        ('<button id="x">Jetzt<br>kaufen</button>', "Jetzt kaufen"),
        ('<a id="x" href="#">foo<span style="display: block">bar</span></a>', "foo bar"),
        ('<a id="x" href="#">foo<div style="display:inline">bar</div></a>', "foobar"),
        ('<label id="x">Anzahl<select><option>3</option></select>Tage</label>', "Anzahl 3 Tage"),
    ],
)
def test_children_are_joined_as_browsers_lay_them_out(html: str, expected: str) -> None:
    assert name_of(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # HTML-AAM: a text field's placeholder names it when nothing else does (after title).
        ('<input id="x" placeholder="Suchbegriff">', "Suchbegriff"),
        ('<input id="x" type="email" placeholder="name@example.de">', "name@example.de"),
        ('<textarea id="x" placeholder="Ihre Nachricht"></textarea>', "Ihre Nachricht"),
        ('<input id="x" title="Suche" placeholder="Begriff">', "Suche"),
        ('<label>PLZ <input id="x" placeholder="53111"></label>', "PLZ"),
        ('<input id="x" aria-placeholder="Ort">', "Ort"),
        ('<div id="x" role="textbox" contenteditable aria-placeholder="Kommentar"></div>',
         "Kommentar"),
        # Not a text field: no placeholder name.
        ('<input id="x" type="checkbox" placeholder="Ja">', ""),
        ('<select id="x" aria-placeholder="Land"><option>DE</option></select>', ""),
        ('<input id="x" placeholder="Suche" hidden>', ""),
    ],
)
def test_placeholder_is_the_last_name_source_of_a_text_field(html: str, expected: str) -> None:
    assert name_of(html) == expected


def test_the_name_without_placeholder_tells_a_label_from_a_placeholder() -> None:
    page = Page("<!doctype html><html lang='de'><body><input id='x' placeholder='PLZ'>"
                "<label>Ort <input id='y' placeholder='Bonn'></label></body></html>")
    (field,) = page.select("#x")
    (labelled,) = page.select("#y")
    assert page.accessible_name(field) == "PLZ"
    assert page.accessible_name(field, placeholder=False) == ""
    assert page.accessible_name(labelled, placeholder=False) == "Ort"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # A text alternative inside a name from content stands apart, inline or not.
        ('<a id="x" href="/"><img src="l.png" alt="Logo">Stadt Bonn</a>', "Logo Stadt Bonn"),
        ('<a id="x" href="#">Mehr<span aria-label="über uns"></span></a>', "Mehr über uns"),
    ],
)
def test_text_alternatives_stand_apart(html: str, expected: str) -> None:
    assert name_of(html) == expected
