"""Fix advice for page findings: a plain explanation, concrete steps, the standard and who asks.

One module for every place a person reads page findings: the web report, the HTML report of
``a11y check --report html=`` and the CLI's text output. Input is a report :class:`Finding`
(any engine) plus, when the caller has them, axe's raw check data for the element; without
them the concrete numbers (contrast ratio, colours) are read from axe's failure summary, which
carries the same values in either language.

The own rules (``static.*``, ``bitv.*``) already say what is wrong (``message``) and what to do
(``explanation``, filled with the element's data); axe's rules get plain texts here for the
barriers that are common on German public sites, and axe's own summary for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from checkers.report import Finding

WCAG_BASE = "https://www.w3.org/WAI/WCAG22/Understanding/"
BITV_BASE = "https://www.gesetze-im-internet.de/bitv_2_0/"
BGG_BASE = "https://www.gesetze-im-internet.de/bgg/"
EU_2018_1523 = "https://eur-lex.europa.eu/eli/dec_impl/2018/1523/oj"

# WCAG 2.2 success criteria: number -> (Understanding page, level). Levels decide who asks.
WCAG: dict[str, tuple[str, str]] = {
    "1.1.1": ("non-text-content", "A"),
    "1.2.1": ("audio-only-and-video-only-prerecorded", "A"),
    "1.2.2": ("captions-prerecorded", "A"),
    "1.2.3": ("audio-description-or-media-alternative-prerecorded", "A"),
    "1.2.4": ("captions-live", "AA"),
    "1.2.5": ("audio-description-prerecorded", "AA"),
    "1.3.1": ("info-and-relationships", "A"),
    "1.3.2": ("meaningful-sequence", "A"),
    "1.3.3": ("sensory-characteristics", "A"),
    "1.3.4": ("orientation", "AA"),
    "1.3.5": ("identify-input-purpose", "AA"),
    "1.3.6": ("identify-purpose", "AAA"),
    "1.4.1": ("use-of-color", "A"),
    "1.4.2": ("audio-control", "A"),
    "1.4.3": ("contrast-minimum", "AA"),
    "1.4.4": ("resize-text", "AA"),
    "1.4.5": ("images-of-text", "AA"),
    "1.4.6": ("contrast-enhanced", "AAA"),
    "1.4.8": ("visual-presentation", "AAA"),
    "1.4.9": ("images-of-text-no-exception", "AAA"),
    "1.4.10": ("reflow", "AA"),
    "1.4.11": ("non-text-contrast", "AA"),
    "1.4.12": ("text-spacing", "AA"),
    "1.4.13": ("content-on-hover-or-focus", "AA"),
    "2.1.1": ("keyboard", "A"),
    "2.1.2": ("no-keyboard-trap", "A"),
    "2.1.3": ("keyboard-no-exception", "AAA"),
    "2.1.4": ("character-key-shortcuts", "A"),
    "2.2.1": ("timing-adjustable", "A"),
    "2.2.2": ("pause-stop-hide", "A"),
    "2.3.1": ("three-flashes-or-below-threshold", "A"),
    "2.4.1": ("bypass-blocks", "A"),
    "2.4.2": ("page-titled", "A"),
    "2.4.3": ("focus-order", "A"),
    "2.4.4": ("link-purpose-in-context", "A"),
    "2.4.5": ("multiple-ways", "AA"),
    "2.4.6": ("headings-and-labels", "AA"),
    "2.4.7": ("focus-visible", "AA"),
    "2.4.9": ("link-purpose-link-only", "AAA"),
    "2.4.10": ("section-headings", "AAA"),
    "2.4.11": ("focus-not-obscured-minimum", "AA22"),
    "2.5.1": ("pointer-gestures", "A"),
    "2.5.2": ("pointer-cancellation", "A"),
    "2.5.3": ("label-in-name", "A"),
    "2.5.4": ("motion-actuation", "A"),
    "2.5.5": ("target-size-enhanced", "AAA"),
    "2.5.7": ("dragging-movements", "AA22"),
    "2.5.8": ("target-size-minimum", "AA22"),
    "3.1.1": ("language-of-page", "A"),
    "3.1.2": ("language-of-parts", "AA"),
    "3.1.3": ("unusual-words", "AAA"),
    "3.1.4": ("abbreviations", "AAA"),
    "3.1.5": ("reading-level", "AAA"),
    "3.2.1": ("on-focus", "A"),
    "3.2.2": ("on-input", "A"),
    "3.2.3": ("consistent-navigation", "AA"),
    "3.2.4": ("consistent-identification", "AA"),
    "3.2.6": ("consistent-help", "A22"),
    "3.3.1": ("error-identification", "A"),
    "3.3.2": ("labels-or-instructions", "A"),
    "3.3.3": ("error-suggestion", "AA"),
    "3.3.4": ("error-prevention-legal-financial-data", "AA"),
    "3.3.7": ("redundant-entry", "A22"),
    "3.3.8": ("accessible-authentication-minimum", "AA22"),
    "4.1.1": ("parsing", "A"),
    "4.1.2": ("name-role-value", "A"),
    "4.1.3": ("status-messages", "AA"),
}

# Rules about the page as a whole: the web report shows them once, with a count.
PAGE_LEVEL_RULES = frozenset(
    {
        "axe.region",
        "axe.landmark-one-main",
        "axe.page-has-heading-one",
        "axe.bypass",
        "axe.document-title",
        "axe.html-has-lang",
        "axe.html-lang-valid",
        "axe.meta-viewport",
        "axe.meta-viewport-large",
        "axe.landmark-no-duplicate-banner",
        "axe.landmark-no-duplicate-contentinfo",
        "axe.landmark-no-duplicate-main",
    }
)


@dataclass(frozen=True, slots=True)
class StandardLink:
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Advice:
    rule_id: str
    title: str
    explanation: str  # what is wrong and why it matters, in plain language
    steps: tuple[str, ...]  # how to fix it, with the element's data
    facts: tuple[tuple[str, str], ...] = ()  # measured values: ("Kontrast", "2.5:1")
    links: tuple[StandardLink, ...] = ()
    required_by: str = ""  # who asks for it
    page_level: bool = False
    colours: tuple[str, ...] = field(default=())  # colours named in the facts (for swatches)


# ---------------------------------------------------------------------------- axe texts

_AXE: dict[str, dict[str, Any]] = {
    "color-contrast": {
        "title": ("Zu wenig Kontrast", "Too little contrast"),
        "why": (
            "Der Text hebt sich zu wenig vom Hintergrund ab. Menschen, die schlecht sehen, "
            "und alle, die bei Sonne aufs Handy schauen, können ihn kaum lesen.",
            "The text does not stand out enough from its background. People with low vision, "
            "and everyone reading a phone in sunlight, can hardly read it.",
        ),
        "steps": (
            (
                "Machen Sie die Schrift dunkler oder den Hintergrund heller (oder umgekehrt).",
                "Make the text darker or the background lighter (or the other way round).",
            ),
            (
                "Nötig ist ein Kontrast von mindestens {expected}. Jetzt sind es {ratio}.",
                "A contrast of at least {expected} is needed. Now it is {ratio}.",
            ),
            (
                "Zum Beispiel passt die Textfarbe {better} auf dem Hintergrund {bg} "
                "(Kontrast {better_ratio}).",
                "For example, the text colour {better} works on the background {bg} "
                "(contrast {better_ratio}).",
            ),
        ),
    },
    "image-alt": {
        "title": ("Bild ohne Textalternative", "Image without a text alternative"),
        "why": (
            "Ein Screenreader kann ein Bild nicht beschreiben. Ohne Alternativtext erfahren "
            "blinde Menschen nicht, was das Bild zeigt.",
            "A screen reader cannot describe an image. Without alternative text, blind people "
            "do not learn what the image shows.",
        ),
        "steps": (
            (
                "Schreiben Sie in das Attribut alt, was das Bild zeigt oder wozu es dient.",
                "Write into the alt attribute what the image shows or what it is for.",
            ),
            (
                'Ist das Bild nur Schmuck, schreiben Sie alt="" (leer).',
                'If the image is only decoration, write alt="" (empty).',
            ),
        ),
    },
    "input-image-alt": {
        "title": ("Bild-Schaltfläche ohne Text", "Image button without text"),
        "why": (
            "Eine Schaltfläche aus einem Bild braucht einen Text. Sonst wissen blinde Menschen "
            "nicht, was die Schaltfläche tut.",
            "A button made of an image needs a text. Otherwise blind people do not know what "
            "the button does.",
        ),
        "steps": (
            (
                "Schreiben Sie in das Attribut alt, was die Schaltfläche tut, z. B. „Suchen“.",
                "Write into the alt attribute what the button does, e.g. 'Search'.",
            ),
        ),
    },
    "svg-img-alt": {
        "title": ("Grafik ohne Textalternative", "Graphic without a text alternative"),
        "why": (
            "Die Grafik hat die Rolle „Bild“, aber keinen Namen. Screenreader können sie nicht "
            "beschreiben.",
            "The graphic has the role 'image' but no name. Screen readers cannot describe it.",
        ),
        "steps": (
            (
                "Geben Sie der Grafik ein title-Element oder ein aria-label mit einer kurzen "
                "Beschreibung.",
                "Give the graphic a title element or an aria-label with a short description.",
            ),
        ),
    },
    "role-img-alt": {
        "title": ("Bild ohne Textalternative", "Image without a text alternative"),
        "why": (
            "Das Element ist als Bild gekennzeichnet, hat aber keinen Namen.",
            "The element is marked as an image but has no name.",
        ),
        "steps": (
            (
                "Geben Sie dem Element ein aria-label mit einer kurzen Beschreibung.",
                "Give the element an aria-label with a short description.",
            ),
        ),
    },
    "label": {
        "title": ("Eingabefeld ohne Beschriftung", "Form field without a label"),
        "why": (
            "Das Eingabefeld hat keine Beschriftung. Screenreader lesen nur „Eingabefeld“ vor. "
            "Niemand weiß dann, was hier hinein soll.",
            "The form field has no label. Screen readers only say 'edit field'. Nobody knows "
            "what to enter.",
        ),
        "steps": (
            (
                "Setzen Sie ein sichtbares label-Element vor das Feld und verbinden Sie beide: "
                '<label for="ID">Text</label> und id="ID" am Feld.',
                "Put a visible label element before the field and connect them: "
                '<label for="ID">Text</label> and id="ID" on the field.',
            ),
            (
                "Ein Platzhalter (placeholder) ersetzt die Beschriftung nicht.",
                "A placeholder does not replace the label.",
            ),
        ),
    },
    "select-name": {
        "title": ("Auswahlliste ohne Beschriftung", "Select list without a label"),
        "why": (
            "Die Auswahlliste hat keine Beschriftung. Screenreader sagen nicht, wofür sie ist.",
            "The select list has no label. Screen readers do not say what it is for.",
        ),
        "steps": (
            (
                'Verbinden Sie ein sichtbares label-Element mit der Liste (for="ID").',
                'Connect a visible label element to the list (for="ID").',
            ),
        ),
    },
    "link-name": {
        "title": ("Link ohne Text", "Link without text"),
        "why": (
            "Der Link hat keinen lesbaren Text. Screenreader lesen dann nur „Link“ oder die "
            "Adresse vor.",
            "The link has no readable text. Screen readers then only say 'link' or read out "
            "the address.",
        ),
        "steps": (
            (
                "Geben Sie dem Link einen Text, der das Ziel nennt. Besteht der Link nur aus "
                "einem Bild, schreiben Sie das Ziel in das alt-Attribut des Bildes.",
                "Give the link a text that names its target. If the link is only an image, "
                "write the target into the image's alt attribute.",
            ),
        ),
    },
    "button-name": {
        "title": ("Schaltfläche ohne Text", "Button without text"),
        "why": (
            "Die Schaltfläche hat keinen Namen. Blinde Menschen wissen nicht, was sie tut.",
            "The button has no name. Blind people do not know what it does.",
        ),
        "steps": (
            (
                "Schreiben Sie einen Text in die Schaltfläche. Bei einem Symbol ohne Text: "
                'aria-label mit der Aktion, z. B. aria-label="Menü öffnen".',
                "Put a text into the button. For an icon without text: aria-label with the "
                'action, e.g. aria-label="Open menu".',
            ),
        ),
    },
    "html-has-lang": {
        "title": ("Sprache der Seite fehlt", "Page language missing"),
        "why": (
            "Die Seite sagt nicht, in welcher Sprache sie geschrieben ist. Screenreader lesen "
            "deutschen Text dann vielleicht mit englischer Aussprache vor.",
            "The page does not say which language it is written in. Screen readers may then "
            "read German text with English pronunciation.",
        ),
        "steps": (
            (
                'Schreiben Sie <html lang="de"> an den Anfang der Seite.',
                'Write <html lang="de"> at the start of the page.',
            ),
        ),
    },
    "html-lang-valid": {
        "title": ("Sprache der Seite ungültig", "Page language not valid"),
        "why": (
            "Die Angabe der Sprache ist kein gültiger Sprachcode.",
            "The language given is not a valid language code.",
        ),
        "steps": (
            (
                'Nehmen Sie einen gültigen Code, z. B. lang="de" oder lang="en".',
                'Use a valid code, e.g. lang="de" or lang="en".',
            ),
        ),
    },
    "valid-lang": {
        "title": ("Ungültige Sprachangabe", "Language attribute not valid"),
        "why": (
            "Ein Teil der Seite hat eine ungültige Sprachangabe.",
            "Part of the page has a language attribute that is not valid.",
        ),
        "steps": (
            (
                'Nehmen Sie einen gültigen Code, z. B. lang="en" für Englisch.',
                'Use a valid code, e.g. lang="en" for English.',
            ),
        ),
    },
    "document-title": {
        "title": ("Seitentitel fehlt", "Page title missing"),
        "why": (
            "Die Seite hat keinen Titel. Den Titel lesen Screenreader als Erstes vor; er steht "
            "auch im Browser-Tab und in Lesezeichen.",
            "The page has no title. Screen readers read the title first; it is also shown in "
            "the browser tab and in bookmarks.",
        ),
        "steps": (
            (
                "Schreiben Sie ein title-Element in den head, z. B. "
                "„Wohngeld beantragen – Stadt X“.",
                "Write a title element into the head, e.g. 'Apply for housing benefit – City X'.",
            ),
        ),
    },
    "region": {
        "title": ("Inhalt außerhalb der Seitenbereiche", "Content outside the page regions"),
        "why": (
            "Teile der Seite stehen in keinem Bereich wie Kopfzeile, Navigation, Hauptinhalt "
            "oder Fußzeile. Screenreader-Nutzer springen über diese Bereiche durch die Seite "
            "und finden diese Teile dann nicht.",
            "Parts of the page are not inside a region such as header, navigation, main "
            "content or footer. Screen reader users jump through a page by these regions and "
            "then miss these parts.",
        ),
        "steps": (
            (
                "Legen Sie jeden Inhalt in header, nav, main, aside oder footer.",
                "Put all content into header, nav, main, aside or footer.",
            ),
        ),
    },
    "landmark-one-main": {
        "title": ("Hauptinhalt nicht gekennzeichnet", "Main content not marked"),
        "why": (
            "Die Seite hat keinen Bereich main. Screenreader-Nutzer können nicht direkt zum "
            "Hauptinhalt springen.",
            "The page has no main region. Screen reader users cannot jump straight to the "
            "main content.",
        ),
        "steps": (
            (
                "Legen Sie den Hauptinhalt in genau ein main-Element.",
                "Put the main content into exactly one main element.",
            ),
        ),
    },
    "page-has-heading-one": {
        "title": ("Hauptüberschrift fehlt", "Main heading missing"),
        "why": (
            "Die Seite hat keine Überschrift der ersten Ebene (h1). Viele Menschen springen "
            "mit dem Screenreader zuerst zur h1.",
            "The page has no first-level heading (h1). Many people jump to the h1 first with "
            "their screen reader.",
        ),
        "steps": (
            (
                "Geben Sie der Seite eine h1 mit dem Thema der Seite.",
                "Give the page an h1 naming its topic.",
            ),
        ),
    },
    "heading-order": {
        "title": ("Überschriften springen", "Headings skip levels"),
        "why": (
            "Die Überschriften überspringen eine Ebene (z. B. von h2 auf h4). Die Gliederung "
            "der Seite ist so schwer zu verstehen.",
            "The headings skip a level (e.g. from h2 to h4). The outline of the page is then "
            "hard to follow.",
        ),
        "steps": (
            (
                "Nehmen Sie die nächste Ebene: nach h2 kommt h3. Die Größe regeln Sie mit CSS.",
                "Use the next level: after h2 comes h3. Set the size with CSS.",
            ),
        ),
    },
    "empty-heading": {
        "title": ("Leere Überschrift", "Empty heading"),
        "why": (
            "Eine Überschrift ohne Text verwirrt: Screenreader kündigen eine Überschrift an, "
            "sagen aber nichts.",
            "A heading without text confuses: screen readers announce a heading but say nothing.",
        ),
        "steps": (
            (
                "Schreiben Sie Text in die Überschrift oder entfernen Sie sie.",
                "Put text into the heading or remove it.",
            ),
        ),
    },
    "list": {
        "title": ("Liste falsch aufgebaut", "List built incorrectly"),
        "why": (
            "In der Liste stehen Elemente, die keine Listenpunkte sind. Screenreader zählen "
            "die Punkte dann falsch.",
            "The list contains elements that are not list items. Screen readers then count "
            "the items wrongly.",
        ),
        "steps": (
            ("In ul und ol gehören nur li-Elemente.", "Only li elements belong inside ul and ol."),
        ),
    },
    "listitem": {
        "title": ("Listenpunkt ohne Liste", "List item outside a list"),
        "why": (
            "Ein Listenpunkt (li) steht nicht in einer Liste.",
            "A list item (li) is not inside a list.",
        ),
        "steps": (
            ("Legen Sie li-Elemente in ein ul oder ol.", "Put li elements into a ul or ol."),
        ),
    },
    "frame-title": {
        "title": ("Eingebetteter Inhalt ohne Titel", "Embedded content without a title"),
        "why": (
            "Ein iframe hat keinen Titel. Screenreader-Nutzer wissen nicht, was darin ist.",
            "An iframe has no title. Screen reader users do not know what it contains.",
        ),
        "steps": (
            (
                'Geben Sie dem iframe ein title-Attribut, z. B. title="Karte: So finden Sie uns".',
                'Give the iframe a title attribute, e.g. title="Map: how to find us".',
            ),
        ),
    },
    "meta-viewport": {
        "title": ("Vergrößern ist gesperrt", "Zooming is blocked"),
        "why": (
            "Die Seite verbietet das Vergrößern auf dem Handy. Menschen, die schlecht sehen, "
            "können den Text dann nicht größer machen.",
            "The page forbids zooming on phones. People with low vision then cannot make the "
            "text larger.",
        ),
        "steps": (
            (
                "Entfernen Sie user-scalable=no und maximum-scale aus dem meta viewport.",
                "Remove user-scalable=no and maximum-scale from the meta viewport.",
            ),
        ),
    },
    "duplicate-id-aria": {
        "title": ("Doppelte ID", "Duplicate ID"),
        "why": (
            "Eine ID, auf die eine Beschriftung verweist, kommt mehrmals vor. Screenreader "
            "lesen dann vielleicht die falsche Beschriftung vor.",
            "An ID that a label refers to appears more than once. Screen readers may then "
            "read the wrong label.",
        ),
        "steps": (("Geben Sie jedem Element eine eigene ID.", "Give every element its own ID."),),
    },
    "aria-hidden-focus": {
        "title": ("Versteckt, aber erreichbar", "Hidden but focusable"),
        "why": (
            "Ein Element ist für Screenreader versteckt, kann aber mit der Tab-Taste erreicht "
            "werden. Der Fokus landet dann auf etwas, das nicht vorgelesen wird.",
            "An element is hidden from screen readers but reachable with the Tab key. Focus "
            "then lands on something that is not read out.",
        ),
        "steps": (
            (
                'Entfernen Sie aria-hidden="true" oder nehmen Sie das Element aus der '
                'Tab-Reihenfolge (tabindex="-1").',
                'Remove aria-hidden="true" or take the element out of the tab order '
                '(tabindex="-1").',
            ),
        ),
    },
    "bypass": {
        "title": ("Kein Sprung zum Inhalt", "No way to skip to the content"),
        "why": (
            "Wer mit der Tastatur arbeitet, muss sich auf jeder Seite durch das ganze Menü tippen.",
            "Keyboard users must tab through the whole menu on every page.",
        ),
        "steps": (
            (
                "Setzen Sie als ersten Link „Zum Inhalt springen“ mit dem Ziel main.",
                "Put a first link 'Skip to content' that targets main.",
            ),
        ),
    },
    "target-size": {
        "title": ("Klickfläche zu klein", "Target too small"),
        "why": (
            "Die Klickfläche ist sehr klein oder liegt zu nah an einer anderen. Menschen mit "
            "zitternden Händen treffen sie schwer.",
            "The target is very small or too close to another one. People with shaky hands "
            "hit it with difficulty.",
        ),
        "steps": (
            (
                "Machen Sie die Fläche mindestens 24 × 24 Pixel groß oder lassen Sie Abstand.",
                "Make the target at least 24 × 24 pixels or leave space around it.",
            ),
        ),
    },
    "link-in-text-block": {
        "title": ("Link nur an der Farbe erkennbar", "Link recognisable by colour only"),
        "why": (
            "Der Link im Text unterscheidet sich nur durch die Farbe. Wer Farben schlecht "
            "unterscheidet, findet ihn nicht.",
            "The link in the text differs only by its colour. People who do not see colours "
            "well cannot find it.",
        ),
        "steps": (("Unterstreichen Sie Links im Fließtext.", "Underline links in running text."),),
    },
    "aria-valid-attr-value": {
        "title": ("Ungültiger ARIA-Wert", "Invalid ARIA value"),
        "why": (
            "Ein ARIA-Attribut hat einen ungültigen Wert, oft eine ID, die es nicht gibt. "
            "Hilfsmittel bekommen dann falsche Angaben.",
            "An ARIA attribute has an invalid value, often an ID that does not exist. "
            "Assistive technology then gets wrong information.",
        ),
        "steps": (
            (
                "Prüfen Sie den Wert; verweisen Sie nur auf vorhandene IDs.",
                "Check the value; refer only to IDs that exist.",
            ),
        ),
    },
    "nested-interactive": {
        "title": ("Bedienelement im Bedienelement", "Control inside a control"),
        "why": (
            "Ein Link oder eine Schaltfläche steckt in einem anderen Bedienelement. Screenreader "
            "und Tastatur erreichen das innere nicht richtig.",
            "A link or button is nested in another control. Screen readers and keyboards do "
            "not reach the inner one properly.",
        ),
        "steps": (
            (
                "Setzen Sie die Bedienelemente nebeneinander, nicht ineinander.",
                "Place the controls next to each other, not inside each other.",
            ),
        ),
    },
    "scrollable-region-focusable": {
        "title": ("Bereich nur mit Maus scrollbar", "Area scrollable by mouse only"),
        "why": (
            "Ein Bereich mit Scrollbalken ist mit der Tastatur nicht erreichbar.",
            "An area with a scroll bar cannot be reached with the keyboard.",
        ),
        "steps": (
            (
                'Geben Sie dem Bereich tabindex="0" und einen Namen (aria-label).',
                'Give the area tabindex="0" and a name (aria-label).',
            ),
        ),
    },
}

_LABELS = {
    "ratio": ("Kontrast jetzt", "Contrast now"),
    "expected": ("Kontrast nötig", "Contrast needed"),
    "fg": ("Textfarbe", "Text colour"),
    "bg": ("Hintergrund", "Background"),
    "font": ("Schrift", "Font"),
    "better": ("Vorschlag Textfarbe", "Suggested text colour"),
}

# axe's contrast summary in either language: "... of 2.52 (foreground color: #777777,
# background color: #ffffff, font size: 12.0pt (16px), ...). Expected contrast ratio of 4.5:1"
_RATIO = re.compile(r"(\d+(?:[.,]\d+)?)\s*\(")
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
_EXPECTED = re.compile(r"(\d+(?:[.,]\d+)?)\s*:\s*1")
_FONT = re.compile(r"(\d+(?:\.\d+)?pt \(\d+(?:\.\d+)?px\))")


def _pick(pair: tuple[str, str] | Mapping[str, str], locale: str) -> str:
    if isinstance(pair, Mapping):
        return pair.get(locale) or pair.get("de") or ""
    return pair[1] if locale == "en" else pair[0]


def _short_rule(rule_id: str) -> str:
    return rule_id.split(".", 1)[1] if "." in rule_id else rule_id


# ---------------------------------------------------------------------------- contrast


def _rgb(colour: str) -> tuple[int, int, int] | None:
    value = colour.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if len(value) != 6:
        return None
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return None


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float | None:
    """WCAG contrast ratio of two hex colours (1 to 21)."""
    a, b = _rgb(first), _rgb(second)
    if a is None or b is None:
        return None
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def better_colour(fg: str, bg: str, expected: float) -> str | None:
    """The text colour nearest to ``fg`` (same hue, darker or lighter) with enough contrast
    on ``bg``: a concrete value a person can try."""
    start, back = _rgb(fg), _rgb(bg)
    if start is None or back is None:
        return None
    towards = (0, 0, 0) if _luminance(back) > 0.18 else (255, 255, 255)
    for step in range(101):
        t = step / 100
        mixed = tuple(round(c + (target - c) * t) for c, target in zip(start, towards, strict=True))
        colour = "#{:02x}{:02x}{:02x}".format(*mixed)
        ratio = contrast_ratio(colour, bg)
        if ratio is not None and ratio >= expected + 0.05:
            return colour
    return None


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def contrast_facts(finding: Finding, check_data: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Ratio, expected ratio, colours and font of a contrast finding: from axe's check data
    when given, else from axe's failure summary."""
    facts: dict[str, str] = {}
    if check_data:
        if check_data.get("contrastRatio") is not None:
            facts["ratio"] = f"{float(check_data['contrastRatio']):.2f}:1"
        if check_data.get("expectedContrastRatio"):
            facts["expected"] = str(check_data["expectedContrastRatio"])
        for key, name in (("fg", "fgColor"), ("bg", "bgColor")):
            if check_data.get(name):
                facts[key] = str(check_data[name])
        if check_data.get("fontSize"):
            facts["font"] = f"{check_data['fontSize']}, {check_data.get('fontWeight', '')}".strip(
                ", "
            )
    text = finding.explanation or ""
    if "ratio" not in facts:
        match = _RATIO.search(text)
        if match and (value := _number(match.group(1))) is not None:
            facts["ratio"] = f"{value:.2f}:1"
    if "expected" not in facts:
        expected = _EXPECTED.findall(text)
        if expected:
            facts["expected"] = f"{expected[-1]}:1"
    if "fg" not in facts or "bg" not in facts:
        colours = _HEX.findall(text)
        if len(colours) >= 2:
            facts.setdefault("fg", colours[0])
            facts.setdefault("bg", colours[1])
    if "font" not in facts and (font := _FONT.search(text)):
        facts["font"] = font.group(1)
    expected_value = _number(facts.get("expected", "4.5").split(":")[0]) or 4.5
    if "fg" in facts and "bg" in facts:
        better = better_colour(facts["fg"], facts["bg"], expected_value)
        if better:
            facts["better"] = better
            ratio = contrast_ratio(better, facts["bg"])
            facts["better_ratio"] = f"{ratio:.2f}:1" if ratio else ""
    return facts


# ---------------------------------------------------------------------------- links, duty

_BITV_PARAGRAPH = re.compile(r"BITV 2\.0 § (\d+[a-z]?)")
_BGG_PARAGRAPH = re.compile(r"BGG § (\d+[a-z]?)")


def standard_links(finding: Finding, locale: str = "de") -> tuple[StandardLink, ...]:
    links: list[StandardLink] = []
    for criterion in finding.wcag:
        entry = WCAG.get(criterion)
        if entry is None:
            continue
        slug, level = entry
        level_name = level.replace("22", "")
        links.append(
            StandardLink(
                _pick(
                    (
                        f"WCAG {criterion} (Stufe {level_name}) verstehen",
                        f"Understanding WCAG {criterion} (level {level_name})",
                    ),
                    locale,
                ),
                f"{WCAG_BASE}{slug}.html",
            )
        )
    seen: set[str] = set()
    for standard in finding.standards:
        if (match := _BITV_PARAGRAPH.search(standard)) and match.group(1) not in seen:
            seen.add(match.group(1))
            links.append(
                StandardLink(f"BITV 2.0 § {match.group(1)}", f"{BITV_BASE}__{match.group(1)}.html")
            )
        elif (match := _BGG_PARAGRAPH.search(standard)) and f"bgg{match.group(1)}" not in seen:
            seen.add(f"bgg{match.group(1)}")
            links.append(
                StandardLink(f"BGG § {match.group(1)}", f"{BGG_BASE}__{match.group(1)}.html")
            )
        elif "2018/1523" in standard and "eu" not in seen:
            seen.add("eu")
            links.append(
                StandardLink(
                    _pick(
                        (
                            "EU-Mustererklärung (Durchführungsbeschluss 2018/1523)",
                            "EU model statement (Implementing Decision 2018/1523)",
                        ),
                        locale,
                    ),
                    EU_2018_1523,
                )
            )
    if not links and finding.help_url:
        # Named after the rule: several such links on one page lead to different pages.
        name = _short_rule(finding.rule_id)
        label = _pick((f"Regel {name} erklärt", f"Rule {name} explained"), locale)
        links.append(StandardLink(label, finding.help_url))
    return tuple(links)


def required_by(finding: Finding, locale: str = "de", bitv_settings: Any = None) -> str:
    """Who asks for the fix: the law and the standard, in one plain sentence."""
    text = " ".join(finding.standards)
    if "§ 4" in text and "BITV" in text:
        law = "§ 4 BITV 2.0"
        if bitv_settings is not None:
            from checkers.page.bitv.applicability import describe

            law = describe(bitv_settings).get(f"law_{locale}", law)
        return _pick(
            (
                f"Pflicht für öffentliche Stellen nach {law}: Informationen in Leichter Sprache "
                "und Deutscher Gebärdensprache auf der Startseite.",
                f"Required of public bodies by {law}: information in easy-to-read German and "
                "German Sign Language on the homepage.",
            ),
            locale,
        )
    if "§ 7" in text or "2018/1523" in text or "§ 12b" in text:
        body = ""
        if bitv_settings is not None:
            from checkers.page.bitv.applicability import enforcement_body

            found = enforcement_body(bitv_settings)
            body = f" ({found})" if found else ""
        return _pick(
            (
                "Pflicht für öffentliche Stellen nach § 12b BGG und § 7 BITV 2.0 (und den "
                f"Landesgesetzen): die Erklärung zur Barrierefreiheit. Aufsicht: die "
                f"Überwachungsstelle{body}.",
                "Required of public bodies by § 12b BGG and § 7 BITV 2.0 (and the Länder laws): "
                f"the accessibility statement. Supervised by the monitoring body{body}.",
            ),
            locale,
        )
    levels = {WCAG[c][1] for c in finding.wcag if c in WCAG}
    if levels & {"A", "AA"}:
        return _pick(
            (
                "Pflicht für öffentliche Stellen (BITV 2.0 § 3, EN 301 549, WCAG 2.1 Stufe AA) und "
                "für viele Unternehmen nach dem Barrierefreiheitsstärkungsgesetz (BFSG).",
                "Required of public bodies (BITV 2.0 § 3, EN 301 549, WCAG 2.1 level AA) and of "
                "many businesses under the German Accessibility Act (BFSG).",
            ),
            locale,
        )
    if levels & {"A22", "AA22"}:
        return _pick(
            (
                "Neu in WCAG 2.2 (Stufe AA): noch keine Pflicht nach BITV 2.0, aber empfohlen.",
                "New in WCAG 2.2 (level AA): not yet required by BITV 2.0, but recommended.",
            ),
            locale,
        )
    if levels:
        return _pick(
            (
                "WCAG Stufe AAA: keine Pflicht, aber hilfreich.",
                "WCAG level AAA: not required, but helpful.",
            ),
            locale,
        )
    return _pick(
        (
            "Keine gesetzliche Pflicht, aber gute Praxis: es hilft vielen Menschen.",
            "Not required by law, but good practice: it helps many people.",
        ),
        locale,
    )


# ---------------------------------------------------------------------------- advice


@cache
def _own_rule_titles() -> dict[str, Mapping[str, str]]:
    from checkers.page.bitv import all_rules as bitv_rules
    from checkers.page.static import all_rules as static_rules
    from checkers.text.rules import all_rules as text_rules

    titles: dict[str, Mapping[str, str]] = {r.meta.id: r.meta.title for r in text_rules()}
    titles.update({r.meta.id: r.meta.title for r in (*static_rules(), *bitv_rules())})
    return titles


def is_page_level(finding: Finding) -> bool:
    if finding.rule_id in PAGE_LEVEL_RULES:
        return True
    selector = finding.location.selector
    if not selector:
        return True
    return selector.split(" > ")[-1].strip() in ("html", "head", "body", "title")


def advise(
    finding: Finding,
    locale: str = "de",
    check_data: Mapping[str, Any] | None = None,
    bitv_settings: Any = None,
) -> Advice:
    """Plain advice for one finding. ``check_data``: axe's check data for the element (the
    ``data`` of the node's failed check), when the caller has the raw results."""
    locale = "en" if locale == "en" else "de"
    rule = _short_rule(finding.rule_id)
    facts: dict[str, str] = {}
    colours: tuple[str, ...] = ()
    if finding.engine == "axe" and rule in _AXE:
        entry = _AXE[rule]
        title = _pick(entry["title"], locale)
        explanation = _pick(entry["why"], locale)
        if rule == "color-contrast":
            facts = contrast_facts(finding, check_data)
            colours = tuple(facts[k] for k in ("fg", "bg", "better") if k in facts)
        steps = []
        for step in entry["steps"]:
            template = _pick(step, locale)
            try:
                steps.append(template.format(**facts))
            except (KeyError, IndexError, ValueError):
                continue  # a step whose numbers are unknown is left out, not shown half-filled
    elif finding.engine in ("static", "bitv", "text"):
        titles = _own_rule_titles()
        title = _pick(titles[finding.rule_id], locale) if finding.rule_id in titles else rule
        explanation = finding.message
        steps = [finding.explanation] if finding.explanation else []
    else:
        title = finding.message
        explanation = finding.message
        steps = [
            line.strip() for line in (finding.explanation or "").splitlines()[1:] if line.strip()
        ] or ([finding.explanation] if finding.explanation else [])
    shown_facts = tuple(
        (_pick(_LABELS[k], locale), v) for k, v in facts.items() if k in _LABELS and v
    )
    return Advice(
        rule_id=finding.rule_id,
        title=title,
        explanation=explanation,
        steps=tuple(steps),
        facts=shown_facts,
        links=standard_links(finding, locale),
        required_by=required_by(finding, locale, bitv_settings),
        page_level=is_page_level(finding),
        colours=colours,
    )


PAGE_ENGINES = ("axe", "static", "bitv")


def has_advice(finding: Finding) -> bool:
    """Findings the advice is written for: page barriers (the text engine explains itself)."""
    return finding.engine in PAGE_ENGINES


def advice_lines(finding: Finding, locale: str = "de") -> list[str]:
    """The advice as plain text lines (the CLI's text output)."""
    advice = advise(finding, locale)
    label = {
        "de": ("So beheben Sie es", "Standard", "Wer verlangt es"),
        "en": ("How to fix it", "Standard", "Who asks for it"),
    }[locale if locale == "en" else "de"]
    lines = []
    if advice.steps:
        lines.append(f"{label[0]}: " + " ".join(advice.steps))
    for name, value in advice.facts:
        lines.append(f"{name}: {value}")
    for link in advice.links:
        lines.append(f"{label[1]}: {link.label} <{link.url}>")
    lines.append(f"{label[2]}: {advice.required_by}")
    return lines
