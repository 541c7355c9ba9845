"""Word lists for instructions that rely on colour, shape, position or sound (not a rule).

German position words are matched in lower case only: the noun "Links" (hyperlinks) must not
count as the direction "links". Position alone (\"links neben dem Eingang\") is often about a
building, so a position needs a user-interface noun in the same phrase.
"""

from __future__ import annotations

import re

_COLOR_DE = (r"(?:rot|grün|blau|gelb|orange|grau|schwarz|weiß|weiss|violett|lila|pink|braun|"
             r"türkis)(?:e[nmrs]?)?")
_COLOR_EN = r"(?:red|green|blue|yellow|orange|grey|gray|black|purple|pink|brown)"
_UI_DE = (r"(?:Knopf|Knöpfe[n]?|Buttons?|Schaltfläche[n]?|Taste[n]?|Feld(?:er|ern)?|"
          r"Eingabefeld(?:er|ern)?|Links?|Symbol(?:e|en)?|Icons?|Pfeil(?:e|en)?|Kreis(?:e|en)?|"
          r"Kästchen|Rahmen|Markierung(?:en)?|Haken|Schrift|Hinweis(?:e|en)?|Kennzeichnung|"
          r"Hervorhebung|Sternchen)")
_UI_DE_POS = (r"(?:Schaltfläche|Knopf|Button|Feld|Eingabefeld|Suchfeld|Link|Menü|Symbol|Icon|"
              r"Kasten|Spalte|Randspalte|Seitenleiste|Navigation|Formular|Bildschirmrand|"
              r"Seitenrand|Pfeil|Reiter|Leiste|Bild|Foto|Grafik|Tabelle|Karte|Abbildung|"
              r"Liste|Box)")
_PLURAL = r"(?:er|ern|en|e|n|s)?\b"
_POS_DE = (r"(?:rechts|links|rechten|linken|oberen\s+rechten|oberen\s+linken|"
           r"unteren\s+rechten|unteren\s+linken)")
_UI_EN = (r"(?:buttons?|links?|icons?|box(?:es)?|fields?|arrows?|circles?|squares?|text|"
          r"labels?|tabs?|highlight|markers?|stars?|font|ink|type)")
_UI_EN_POS = r"(?:button|link|icon|box|field|menu|column|sidebar|panel|form|arrow|tab|bar)s?"

COLOR_REQUIRED = re.compile(
    rf"\b(?:{_COLOR_DE}|farbig(?:e[nmrs]?)?)\s+(?:markierte|gekennzeichnete|hervorgehobene|"
    rf"dargestellte|unterlegte|beschriftete)[nmrs]?\s+(?:Felder|Eingabefelder|Angaben|Fragen)"
    rf"|\bPflichtfelder\s+sind\s+(?:\w+\s+)?(?:{_COLOR_DE}|farbig)"
    rf"|\bFelder\s+(?:in|mit)\s+(?:{_COLOR_DE}|roter\s+Farbe|roter\s+Schrift)\s+(?:\w+\s+)?"
    rf"(?:sind|müssen)"
    rf"|\b(?:fields?|labels?|questions?)\s+(?:in|marked\s+in|shown\s+in|highlighted\s+in)\s+"
    rf"{_COLOR_EN}\s+(?:are|is)\s+(?:required|mandatory)"
    rf"|\b(?:required|mandatory)\s+fields\s+are\s+(?:shown\s+|marked\s+|highlighted\s+|"
    rf"displayed\s+)?(?:in\s+)?{_COLOR_EN}"
    rf"|\b{_COLOR_EN}\s+(?:fields|labels)\s+are\s+(?:required|mandatory)",
    re.I,
)

SENSORY = re.compile(
    # colour + interface noun: "den roten Knopf", "grün markierten", "the red button"
    rf"(?i:\b{_COLOR_DE}\s+{_UI_DE}\b)"
    rf"|(?i:\b{_COLOR_DE}\s+(?:markiert|hervorgehoben|gekennzeichnet|unterlegt|umrandet|"
    rf"dargestellt)(?:e[nmrs]?)?\b)"
    rf"|(?i:\bin\s+(?:roter|grüner|blauer|gelber|oranger|grauer)\s+(?:Farbe|Schrift)\b)"
    rf"|(?i:\b{_COLOR_EN}\s+{_UI_EN}\b)"
    rf"|(?i:\b(?:marked|highlighted|shown|displayed|indicated|coloured|colored|circled)\s+"
    rf"in\s+{_COLOR_EN}\b)"
    # shape
    rf"|(?i:\b(?:runde|eckige|dreieckige|quadratische|sternförmige)[nmrs]?\s+"
    rf"(?:Knopf|Schaltfläche|Button|Symbol|Icon|Taste)\b)"
    rf"|(?i:\b(?:round|square|triangular|circular|star-shaped)\s+(?:button|icon|link|key)s?\b)"
    # position (German adverbs in lower case only, see module docstring)
    rf"|\b{_UI_DE_POS}{_PLURAL}[^.!?\n]{{0,30}}?\b{_POS_DE}\b"
    rf"|\b{_POS_DE}\b[^.!?\n]{{0,30}}?\b{_UI_DE_POS}{_PLURAL}"
    rf"|(?i:\b{_UI_EN_POS}\b[^.!?\n]{{0,30}}?\b(?:on|to|at|in)\s+the\s+(?:left|right)"
    rf"(?:-hand)?\b)"
    rf"|(?i:\b(?:on|in|at)\s+the\s+(?:left|right)(?:-hand)?\s+(?:column|corner|sidebar|panel|"
    rf"menu|side\s+of\s+the\s+(?:page|screen|window))\b)"
    rf"|(?i:\b(?:top|bottom)[- ](?:left|right)\s+corner\b)"
    # "the artist on the right", "the image on the left" (not "on the right track/side")
    rf"|(?i:\bthe\s+[a-z]+\s+on\s+the\s+(?:left|right)\b(?!\s*(?:-|track|side|hand|"
    rf"of|way|time|path|answer|thing|direction)))"
    # sound
    rf"|(?i:\b(?:nach\s+dem|beim)\s+(?:Signalton|Piepton|Ton)\b)"
    rf"|(?i:\b(?:after|when\s+you\s+hear)\s+the\s+(?:beep|tone|chime)\b)",
)


def _forms(*stems: str) -> set[str]:
    return {stem + end for stem in stems for end in ("", "e", "en", "em", "er", "es")}


_COLOR_WORDS = frozenset(
    _forms("rot", "grün", "blau", "gelb", "orange", "grau", "schwarz", "weiß", "weiss",
           "violett", "lila", "pink", "braun", "türkis", "farbig")
    | {"red", "green", "blue", "yellow", "orange", "grey", "gray", "black", "purple", "pink",
       "brown"}
)
# Words one of which every SENSORY match contains: compared in lower case, except the German
# position words, which count only as written (lower case).
SENSORY_TRIGGERS = _COLOR_WORDS | frozenset(
    _forms("rund", "eckig", "dreieckig", "quadratisch", "sternförmig")
    | {"round", "square", "triangular", "circular", "star-shaped", "left", "right",
       "left-hand", "right-hand", "corner", "signalton", "piepton", "ton", "beep", "tone",
       "chime"}
)
_POSITION_WORDS = frozenset({"rechts", "links", "rechten", "linken"})
REQUIRED_TRIGGERS = frozenset({"pflichtfelder", "felder", "feldern", "eingabefelder", "angaben",
                               "fragen", "fields", "field", "labels", "label", "questions",
                               "required", "mandatory"})


def may_match_sensory(words: tuple[frozenset[str], frozenset[str]]) -> bool:
    raw, lower = words
    return not lower.isdisjoint(SENSORY_TRIGGERS) or not raw.isdisjoint(_POSITION_WORDS)


def may_match_required(words: tuple[frozenset[str], frozenset[str]]) -> bool:
    _, lower = words
    return not lower.isdisjoint(_COLOR_WORDS) and not lower.isdisjoint(REQUIRED_TRIGGERS)


# Colour as the key that tells items apart ("the green mushrooms", "die rot markierten
# Termine", "shown in red"): static.color-conveys-meaning. Not part of SENSORY.
_COLOR_EN_ALL = r"(?:red|green|blue|yellow|orange|grey|gray|purple|pink|brown)"
_COLOR_DE_ADJ = r"(?:rot|grün|blau|gelb|orange|grau|violett|lila|pink|braun|türkis)"
_COLOR_DE_NOUN = r"(?:Rot|Grün|Blau|Gelb|Orange|Grau|Violett|Lila|Pink|Braun|Türkis)"
_UI_NOUN = (r"(?:Knopf|Knöpfe|Schaltfläche|Button|Taste|Feld|Felder|Link|Symbol|Icon|Pfeil|"
            r"Kreis|Rahmen|Kästchen|Haken|buttons|links|icons|arrows|circles|squares|boxes|"
            r"fields|tabs|stars|markers|labels)")
# Colour words in lower case only: "the Green Party", "die Grünen" are names, not colours.
COLOR_MEANING = re.compile(
    rf"\b(?i:the)\s+{_COLOR_EN_ALL}\s+(?!{_UI_NOUN}\b)(?:ones|[a-z]{{3,}}s)\b"
    rf"|\b(?:shown|marked|highlighted|displayed|printed|written|coloured|colored|appears?|"
    rf"items?|entries|rows|dates|text)\s+in\s+{_COLOR_EN_ALL}\b"
    rf"|\b(?i:in)\s+{_COLOR_EN_ALL}\s+(?:are|is|mean|means|indicate|indicates|show|shows)\b"
    rf"|\b(?i:die|der|den|das|alle)\s+{_COLOR_DE_ADJ}\s*(?:markierte|gekennzeichnete|"
    rf"hervorgehobene|dargestellte|unterlegte|eingefärbte|geschriebene)[nmrs]?\b"
    rf"|\b(?i:die|der|den|alle)\s+{_COLOR_DE_ADJ}(?:en|e)\s+(?!{_UI_NOUN})"
    rf"[A-ZÄÖÜ][a-zäöüß]{{2,}}"
    rf"|\b(?:in|mit)\s+{_COLOR_DE_NOUN}\b(?!\s*[A-ZÄÖÜ])"
    rf"|\b{_COLOR_DE_ADJ}\s+(?:markiert|gekennzeichnet|hervorgehoben|dargestellt|unterlegt|"
    rf"eingefärbt)(?:e[nmrs]?)?\b",
)
COLOR_MEANING_TRIGGERS = _COLOR_WORDS | {"rot", "grün", "blau", "gelb", "grau", "violett",
                                         "lila", "braun", "türkis"}


def may_match_color_meaning(words: tuple[frozenset[str], frozenset[str]]) -> bool:
    _, lower = words
    return not lower.isdisjoint(COLOR_MEANING_TRIGGERS)
