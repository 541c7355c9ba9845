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
              r"Seitenrand|Pfeil|Reiter|Leiste)")
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
    rf"|\b(?i:{_UI_DE_POS})[^.!?\n]{{0,30}}?\b{_POS_DE}\b"
    rf"|\b{_POS_DE}\b[^.!?\n]{{0,30}}?\b(?i:{_UI_DE_POS})"
    rf"|(?i:\b{_UI_EN_POS}\b[^.!?\n]{{0,30}}?\b(?:on|to|at|in)\s+the\s+(?:left|right)"
    rf"(?:-hand)?\b)"
    rf"|(?i:\b(?:on|in|at)\s+the\s+(?:left|right)(?:-hand)?\s+(?:side|column|corner|sidebar|"
    rf"panel|menu)\b)"
    rf"|(?i:\b(?:top|bottom)[- ](?:left|right)\s+corner\b)"
    # sound
    rf"|(?i:\b(?:nach\s+dem|beim)\s+(?:Signalton|Piepton|Ton)\b)"
    rf"|(?i:\b(?:after|when\s+you\s+hear)\s+the\s+(?:beep|tone|chime)\b)",
)
