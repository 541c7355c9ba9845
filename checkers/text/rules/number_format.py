"""de.number-format: numbers that are hard to read.

Flags numbers written as words ("drei", "fünfundzwanzig"), large numbers ("14.795 Menschen"),
decimals ("62,7"), percentages ("62,7 %", "50 Prozent"), Roman numerals ("SGB II"), fractions
("½", "zwei Drittel"), dates with a numeric month ("31.03.2025") and centuries ("im 19.
Jahrhundert"). Leichte Sprache (Netzwerk Leichte Sprache, DIN SPEC 33429) asks for digits, few
and simple numbers and the month written out; Einfache Sprache allows 1 to 12 as words.
Suggestions: digits, rounded numbers ("fast 15.000"), shares in words ("mehr als die Hälfte"),
Arabic numerals, the month as a word.
Known false positives: exact amounts that must stay exact (money, deadlines in binding letters:
the suggestions say so), "sieben" as a verb, Roman-looking acronyms outside the exclusion list.
"ein"/"eine" are never flagged: they are articles far more often than numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.grammar import month_names
from checkers.text.rules.base import Fix, Hit, de_en, rule
from checkers.text.tokens import Token

UNITS = {
    "ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9,
}
TEENS = {
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}
TENS = {
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
    "achtzig": 80, "neunzig": 90,
}
MONTH_NAMES = month_names()
_MONTHS_LOWER = frozenset(m.lower() for m in MONTH_NAMES)
# Words before a four-digit number that make it a year, not a quantity.
YEAR_CUES = frozenset(
    [
        "im", "jahr", "jahre", "jahres", "jahrgang", "seit", "bis", "ab", "anfang", "ende",
        "mitte", "von", "vor", "nach", "sommer", "herbst", "winter", "frühjahr", "frühling",
        "stand", "zum",
    ]
) | _MONTHS_LOWER
# Words after a number that make it a quantity (amounts, people, units).
QUANTITY_WORDS = frozenset(
    [
        "euro", "eur", "€", "cent", "dollar", "menschen", "personen", "leute", "kinder", "frauen",
        "männer", "einwohner", "einwohnerinnen", "mitglieder", "beschäftigte", "mitarbeiter",
        "mitarbeiterinnen", "haushalte", "familien", "schüler", "schülerinnen", "studierende",
        "teilnehmer", "teilnehmerinnen", "besucher", "besucherinnen", "fälle", "anträge", "stück",
        "meter", "kilometer", "km", "m", "qm", "quadratmeter", "kilogramm", "kg", "gramm",
        "tonnen", "liter", "stunden", "minuten", "tage", "wochen", "monate", "jahre", "wohnungen",
        "plätze", "stimmen",
    ]
)
# Words before a number that mark it as an identifier (postcode, file or phone number).
IDENTIFIER_CUES = frozenset(
    [
        "nr.", "nr", "nummer", "tel.", "tel", "telefon", "fax", "plz", "postleitzahl", "az.",
        "az", "aktenzeichen", "kundennummer", "iban", "raum", "zimmer", "haus", "zeichen",
    ]
)
QUANTITY_CUES = frozenset(
    [
        "etwa", "rund", "ca.", "circa", "über", "fast", "knapp", "mehr", "weniger", "genau",
    ]
)
BIG_WORDS = frozenset(["million", "millionen", "milliarde", "milliarden", "mio.", "mrd."])
FRACTION_WORDS = frozenset(
    ["Drittel", "Viertel", "Fünftel", "Sechstel", "Achtel", "Zehntel", "Hundertstel", "Tausendstel"]
)
FRACTION_SYMBOLS = frozenset("½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞")
NUMBER_WORDS_FOR_FRACTIONS = frozenset(
    [
        "ein", "eine", "einem", "einer", "zwei", "drei", "vier", "fünf", "sechs", "sieben",
        "acht", "neun", "zehn",
    ]
)
MONEY = frozenset({"euro", "eur", "€", "cent"})
# All-caps words that are valid Roman numerals but are almost always something else
# (CV = Lebenslauf, CI = Corporate Identity, CC = e-mail copy, XL = clothing size).
ROMAN_EXCLUDE = frozenset({"CV", "CI", "CC", "XL", "LI", "CL", "LC"})
# Names that contain a Roman numeral as part of the name.
ROMAN_NAME_HEADS = frozenset({"Hartz"})

_ROMAN_RE = re.compile(r"^(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_BARE_RE = re.compile(r"^\d{4,}$")
_DECIMAL_RE = re.compile(r"^\d+,\d+$")
_INT_RE = re.compile(r"^\d+(?:\.\d{3})*$")
_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_DAY_MONTH_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})$")

MESSAGES = {
    "word": de_en(
        "Schreiben Sie die Zahl als Ziffer: {suggestion}.",
        "Write the number as digits: {suggestion}.",
    ),
    "large": de_en(
        "Große Zahlen sind schwer. Runden Sie oder schreiben Sie 'viele'. Nur wenn die genaue "
        "Zahl nicht wichtig ist.",
        "Large numbers are hard. Round them or write 'many', unless the exact number matters.",
    ),
    "decimal": de_en(
        "Kommazahlen sind schwer. Runden Sie die Zahl.",
        "Decimals are hard. Round the number.",
    ),
    "percent": de_en(
        "Prozent-Zahlen sind schwer. Schreiben Sie zum Beispiel 'mehr als die Hälfte'.",
        "Percentages are hard. Write, for example, 'more than half'.",
    ),
    "roman": de_en(
        "Schreiben Sie römische Zahlen als normale Ziffern: {suggestion}.",
        "Write Roman numerals as Arabic digits: {suggestion}.",
    ),
    "fraction": de_en(
        "Brüche sind schwer zu verstehen. Schreiben Sie zum Beispiel 'die Hälfte' oder 'viele'.",
        "Fractions are hard to understand. Write, for example, 'half' or 'many'.",
    ),
    "date": de_en(
        "Schreiben Sie den Monat als Wort: {suggestion}.",
        "Write the month as a word: {suggestion}.",
    ),
    "century": de_en(
        "Jahrhunderte sind schwer vorstellbar. Schreiben Sie zum Beispiel 'vor langer Zeit'.",
        "Centuries are hard to picture. Write, for example, 'a long time ago'.",
    ),
}
NOTE_EXACT = de_en(
    "Nur wenn die genaue Zahl nicht wichtig ist.",
    "Only if the exact number does not matter.",
)

META = rule_meta(__file__)


# Every numeral word ends in one of these; checking the ending first keeps the rule cheap.
_NUMERAL_ENDINGS = (
    "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
    "zwölf", "zig", "ßig", "hundert", "tausend",
)


def parse_number_word(word: str) -> int | None:
    """Value of a German numeral written as one word ("fünfundzwanzig" -> 25), else None.

    A bare "ein" is an article and never a number here.
    """
    if not word.endswith(_NUMERAL_ENDINGS):
        return None
    if word == "eins":
        return 1
    if word == "ein":
        return None
    if "tausend" in word:
        head, _, tail = word.partition("tausend")
        thousands = 1 if head in ("", "ein") else _below_thousand(head)
        rest = 0 if tail == "" else _below_thousand(tail if tail != "eins" else "ein")
        if thousands is None or rest is None:
            return None
        return thousands * 1000 + rest
    return _below_thousand(word)


def _below_thousand(word: str) -> int | None:
    if "hundert" in word:
        head, _, tail = word.partition("hundert")
        hundreds = 1 if head in ("", "ein") else UNITS.get(head)
        rest = 0 if tail == "" else _below_hundred(tail if tail != "eins" else "ein")
        if hundreds is None or rest is None:
            return None
        return hundreds * 100 + rest
    if word == "ein":
        return None
    return _below_hundred(word)


def _below_hundred(word: str) -> int | None:
    if word in TEENS:
        return TEENS[word]
    if word in TENS:
        return TENS[word]
    if word in UNITS:
        return UNITS[word]
    if "und" in word:
        unit, _, tens = word.partition("und")
        if unit in UNITS and tens in TENS:
            return UNITS[unit] + TENS[tens]
    return None


def roman_value(text: str) -> int | None:
    if len(text) < 2 or not _ROMAN_RE.match(text):
        return None
    total = 0
    for index, char in enumerate(text):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def format_int(value: int, dotted: bool = False) -> str:
    """German digits: thousands separated by dots from 10.000 on (Duden allows 4 digits bare),
    or always when the text wrote them so ("1.250")."""
    if value < (1_000 if dotted else 10_000):
        return str(value)
    return f"{value:,}".replace(",", ".")


def round_large(value: int, dotted: bool = False) -> str | None:
    """'fast 15.000' / 'mehr als 14.000': two significant digits, one when that is close."""
    digits = len(str(value))
    if digits < 4:
        return None
    step = 10 ** (digits - 2)
    rounded = (value + step // 2) // step * step  # half up, not Python's half to even
    coarse_step = 10 ** (digits - 1)
    coarse = (value + coarse_step // 2) // coarse_step * coarse_step
    if abs(coarse - value) <= value * 0.1:
        rounded = coarse
    if rounded == value:
        return None
    return f"{'fast' if rounded > value else 'mehr als'} {format_int(rounded, dotted)}"


def share_phrase(percent: float) -> str | None:
    """A percentage as a share in words, as Leichte Sprache guides suggest."""
    if percent < 0 or percent > 100:
        return None
    if percent == 0:
        return "niemand"
    bands: tuple[tuple[float, str], ...] = (
        (10, "sehr wenige"), (23, "wenige"), (27.5, "ein Viertel"), (31, "weniger als ein Drittel"),
        (35.5, "ein Drittel"), (48, "weniger als die Hälfte"), (52.5, "die Hälfte"),
        (67, "mehr als die Hälfte"), (90, "die meisten"), (100, "fast alle"),
    )
    if percent == 100:
        return "alle"
    for limit, phrase in bands:
        if percent < limit:
            if phrase == "die Hälfte" and percent != 50:
                return "etwa die Hälfte"
            return phrase
    return None


def _number_value(text: str) -> float | None:
    if _INT_RE.match(text):
        return float(text.replace(".", ""))
    if _DECIMAL_RE.match(text) or _THOUSANDS_RE.match(text):
        return float(text.replace(".", "").replace(",", "."))
    return None


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    allow_up_to = int(settings.get("allow_words_up_to", 0))
    for sentence in doc.sentences:
        yield from _check_sentence(doc, sentence.tokens, settings, allow_up_to)


def _check_sentence(
    doc: AnalyzedText, tokens: list[Token], settings: RuleSettings, allow_up_to: int
) -> Iterator[Hit]:
    consumed = -1  # tokens up to this index belong to an earlier hit (percent, fraction)
    count = len(tokens)
    for index, token in enumerate(tokens):
        if index <= consumed:
            continue
        previous = tokens[index - 1] if index else None
        following = tokens[index + 1] if index + 1 < count else None
        prev_lower = previous.text.lower() if previous else ""
        next_lower = following.text.lower() if following else ""
        kind = token.kind
        text = token.text

        # Percentages first: "62,7 %", "50 Prozent", "fünfzig Prozent".
        if following is not None and (following.text == "%" or next_lower == "prozent"):
            value = _number_value(text) if kind == "number" else None
            if value is None and kind == "word":
                word_value = parse_number_word(text.lower())
                value = float(word_value) if word_value is not None else None
            if value is not None:
                consumed = index + 1
                if settings.get("percentages", False):
                    yield _percent_hit(token, following, previous, prev_lower, value)
                elif kind == "word" and value > allow_up_to:
                    yield _word_hit(token, int(value))
                continue

        if kind == "word":
            if text in FRACTION_SYMBOLS:
                if settings.get("fractions", False):
                    yield Hit(token.start, token.end, {"number": text}, [],
                              message=MESSAGES["fraction"])
                continue
            if (
                text in FRACTION_WORDS and previous is not None
                and (prev_lower in NUMBER_WORDS_FOR_FRACTIONS or previous.kind == "number")
            ):
                if settings.get("fractions", False):
                    yield Hit(previous.start, token.end, {"number": text}, [],
                              message=MESSAGES["fraction"])
                continue
            if text.isupper() and settings.get("roman_numerals", False):
                hit = _roman_hit(token, previous)
                if hit is not None:
                    yield hit
                continue
            # Lower case, or capitalised as the first word: "Acht" mid-sentence is a noun.
            if text[:1].isupper() and index != 0:
                continue
            value = parse_number_word(text.lower())
            if value is None or value <= allow_up_to:
                continue
            if next_lower in BIG_WORDS:
                if settings.get("large_numbers", False):
                    yield _big_word_hit(token, following, tokens, index)  # type: ignore[arg-type]
                    consumed = index + 1
                continue
            if following is not None and following.text in FRACTION_WORDS:
                continue  # "zwei Drittel" is a fraction, handled above at the fraction word
            yield _word_hit(token, value)
            continue

        if kind != "number":
            continue
        if next_lower == "." and following is not None and following.start == token.end:
            after = tokens[index + 2] if index + 2 < count else None
            if after is not None and after.text == "Jahrhundert":
                if settings.get("centuries", False):
                    yield Hit(token.start, after.end, {"number": text}, [],
                              message=MESSAGES["century"])
                consumed = index + 2
                continue
        if settings.get("numeric_dates", False):
            # A date's closing dot that also ends the sentence stays in the text.
            closes_sentence = index + 2 == count
            hit = _date_hit(token, following, prev_lower, closes_sentence)
            if hit is not None:
                yield hit
                continue
        if next_lower in BIG_WORDS:
            if settings.get("large_numbers", False):
                yield _big_word_hit(token, following, tokens, index)  # type: ignore[arg-type]
            consumed = index + 1
            continue
        if _THOUSANDS_RE.match(text) or (
            _BARE_RE.match(text) and _is_quantity(text, prev_lower, next_lower)
        ):
            if settings.get("large_numbers", False):
                yield _large_hit(token, next_lower)
            continue
        if _DECIMAL_RE.match(text) and settings.get("decimals", False):
            if next_lower in MONEY:
                continue  # prices stay exact ("2,50 Euro")
            rounded = round(float(text.replace(",", ".")))
            suggestion = "weniger als 1" if rounded == 0 else f"etwa {format_int(rounded)}"
            yield Hit(token.start, token.end, {"number": text}, [Fix(suggestion)],
                      message=MESSAGES["decimal"])


def _is_quantity(text: str, prev_lower: str, next_lower: str) -> bool:
    """A bare number of 4+ digits is a quantity (not a year, postcode or file number) only with
    a cue: a unit or count noun after it, or 'etwa', 'über' … before it."""
    if prev_lower in IDENTIFIER_CUES:
        return False
    value = int(text)
    if 1900 <= value <= 2100 and prev_lower in YEAR_CUES:
        return False
    return next_lower in QUANTITY_WORDS or prev_lower in QUANTITY_CUES


def _word_hit(token: Token, value: int) -> Hit:
    digits = format_int(value)
    return Hit(token.start, token.end, {"number": token.text, "suggestion": digits},
               [Fix(digits)], message=MESSAGES["word"])


def _large_hit(token: Token, next_lower: str) -> Hit:
    value = int(float(token.text.replace(".", "").replace(",", ".")))
    fixes: list[Fix] = []
    rounded = round_large(value, "." in token.text)
    if rounded is not None:
        fixes.append(Fix(rounded, note=NOTE_EXACT))
    if next_lower not in MONEY:
        # "sehr viele Euro" is wrong; amounts of money only get the rounded form.
        fixes.append(Fix("sehr viele", note=NOTE_EXACT))
    return Hit(token.start, token.end, {"number": token.text}, fixes, message=MESSAGES["large"])


def _big_word_hit(token: Token, word: Token, tokens: list[Token], index: int) -> Hit:
    after = tokens[index + 2].text.lower() if index + 2 < len(tokens) else ""
    # "2 Millionen Euro" -> "sehr viele Euro" would be wrong; money gets no rewrite.
    fixes = [] if after in MONEY else [Fix("sehr viele", note=NOTE_EXACT)]
    return Hit(token.start, word.end, {"number": token.text}, fixes, message=MESSAGES["large"])


def _percent_hit(
    token: Token, sign: Token, previous: Token | None, prev_lower: str, value: float
) -> Hit:
    fixes: list[Fix] = []
    if previous is not None and prev_lower == "zu" and value in (50, 100):
        # "zu 100 %" -> "ganz", "zu 50 %" -> "zur Hälfte": replace "zu" as well.
        fixes.append(Fix("ganz" if value == 100 else "zur Hälfte", previous.start, sign.end))
    elif prev_lower != "um":
        # After "um" the number is a change ("steigt um 5 %"), not a share of people.
        phrase = share_phrase(value)
        if phrase is not None:
            fixes.append(Fix(phrase, note=de_en(
                "Prüfen Sie, ob der Satz dann noch stimmt.",
                "Check that the sentence is still correct.",
            )))
    return Hit(token.start, sign.end, {"number": token.text}, fixes, message=MESSAGES["percent"])


def _roman_hit(token: Token, previous: Token | None) -> Hit | None:
    text = token.text
    if text in ROMAN_EXCLUDE:
        return None
    if previous is not None and previous.text in ROMAN_NAME_HEADS:
        return None  # "Hartz IV" is a name
    value = roman_value(text)
    if value is None:
        return None
    return Hit(token.start, token.end, {"number": text, "suggestion": str(value)},
               [Fix(str(value))], message=MESSAGES["roman"])


def _date_hit(
    token: Token, following: Token | None, prev_lower: str, closes_sentence: bool
) -> Hit | None:
    match = _DATE_RE.match(token.text)
    end = token.end
    year = ""
    if match:
        day, month, year = int(match[1]), int(match[2]), match[3]
        if len(year) == 2:
            # Two-digit years in letters are recent ones; '49 and below read as 20xx.
            year = ("20" if int(year) < 50 else "19") + year
    else:
        match = _DAY_MONTH_RE.match(token.text)
        # "31.03." needs its closing dot; "12.30 Uhr" and decimals have none.
        if not match or following is None or following.text != "." or following.start != end:
            return None
        if prev_lower == "um":
            return None  # "um 9.15." is a time
        day, month = int(match[1]), int(match[2])
        if not closes_sentence:
            end = following.end
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    suggestion = f"{day}. {MONTH_NAMES[month - 1]}" + (f" {year}" if year else "")
    return Hit(token.start, end, {"number": token.text, "suggestion": suggestion},
               [Fix(suggestion)], message=MESSAGES["date"])


RULES = (check,)
