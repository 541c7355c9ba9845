"""de.special-character: special characters and punctuation that readers stumble over.

Flags the semicolon, text in parentheses, "/" between words, "&", "§", "%", quotation marks
inside quotation marks, ellipses, dashes used instead of commas (and as "bis" in ranges) and, in
Leichte Sprache, gender characters (Bürger*innen, Bürger:innen, Bürger_innen, BürgerInnen).
Netzwerk Leichte Sprache and DIN SPEC 33429 ask for plain punctuation; DIN SPEC 33429 advises
against gender characters in Leichte Sprache and suggests paired forms instead.
Suggestions replace the character: "und", "oder", "pro", "Paragraf", "Prozent", a full stop with
a new sentence, a comma pair for a dash pair, "Bürgerinnen und Bürger" for a gender form.
URLs and e-mail addresses are single tokens and never looked into. Abbreviations ("z. B.") are
left to de.abbreviation.
Known false positives: "&" in company names ("Müller & Söhne"), "/" in fixed pairs that readers
know ("km/h" gets a suggestion), parentheses around a short explanation that an editor keeps on
purpose. Parentheses around a lone acronym ("(EU)") are not flagged: that is how an acronym is
introduced.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.grammar import month_names
from checkers.text.rules.base import Fix, Hit, de_en, rule
from checkers.text.tokens import Token

TERMINALS = frozenset({".", "!", "?"})
DASHES = frozenset({"–", "—", "-"})
DOUBLE_QUOTES = frozenset({"„", "“", "”", "«", "»", '"'})
INNER_OPENERS = frozenset({"‚", "›", "‹"})
INNER_CLOSERS = frozenset({"‘", "’", "‹", "›", "'"})
# "Euro/Monat" means "per": "Euro pro Monat".
PER_UNITS = frozenset(
    [
        "Monat", "Jahr", "Tag", "Woche", "Stunde", "Minute", "Person", "Kopf", "Haushalt",
        "Nacht", "Quadratmeter", "qm", "m²", "Stück", "Liter", "kg", "Kilogramm",
    ]
)
FIXED_SLASH = {("km", "h"): "Kilometer pro Stunde"}
RANGE_WORDS = frozenset(
    ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]
) | frozenset(month.lower() for month in month_names())
GENDER_ENDINGS = frozenset({"innen", "in"})
# Words before a plural noun that make it dative: "den Bürger*innen" -> "den Bürgerinnen und
# Bürgern".
DATIVE_CUES = frozenset(
    [
        "den", "allen", "vielen", "diesen", "unseren", "ihren", "deren", "mit", "von", "bei",
        "aus", "nach", "zu", "seit", "gegenüber",
    ]
)

MESSAGES: Mapping[str, Mapping[str, str]] = {
    "semicolon": de_en(
        "Benutzen Sie kein Semikolon (;). Machen Sie 2 Sätze.",
        "Do not use a semicolon (;). Write 2 sentences.",
    ),
    "parentheses": de_en(
        "Text in Klammern wird leicht überlesen. Schreiben Sie einen eigenen Satz.",
        "Text in parentheses is easily skipped. Write a sentence of its own.",
    ),
    "slash": de_en(
        "Schreiben Sie statt '/' die Wörter 'oder', 'und' oder 'pro'.",
        "Instead of '/', write 'oder' (or), 'und' (and) or 'pro' (per).",
    ),
    "ampersand": de_en("Schreiben Sie 'und' statt '&'.", "Write 'und' instead of '&'."),
    "paragraph": de_en(
        "Schreiben Sie 'Paragraf' statt '§'.", "Write 'Paragraf' instead of '§'."
    ),
    "percent": de_en("Schreiben Sie 'Prozent' statt '%'.", "Write 'Prozent' instead of '%'."),
    "nested_quotes": de_en(
        "Setzen Sie keine Anführungszeichen in Anführungszeichen.",
        "Do not put quotation marks inside quotation marks.",
    ),
    "ellipsis": de_en(
        "Die drei Punkte (…) sind schwer zu verstehen. Schreiben Sie alles aus.",
        "An ellipsis (…) is hard to understand. Write everything out.",
    ),
    "dash": de_en(
        "Der Gedanken·strich (–) unterbricht den Satz. Machen Sie 2 Sätze oder setzen Sie Kommas.",
        "The dash (–) interrupts the sentence. Write 2 sentences or use commas.",
    ),
    "range": de_en(
        "Schreiben Sie 'bis' statt des Strichs: 'von 9 bis 12 Uhr'.",
        "Write 'bis' instead of the dash: 'von 9 bis 12 Uhr'.",
    ),
    "gender": de_en(
        "Gender·zeichen (*, :, _) sind in Leichter Sprache schwer zu lesen. Schreiben Sie beide "
        "Formen aus: 'Bürgerinnen und Bürger'.",
        "Gender characters (*, :, _) are hard to read in Leichte Sprache. Write both forms: "
        "'Bürgerinnen und Bürger'.",
    ),
}

META = rule_meta(__file__)


def _adjacent(left: Token, right: Token) -> bool:
    return left.end == right.start


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    tokens = doc.tokens
    text = doc.text
    count = len(tokens)
    sentence_ends = {s.tokens[-1].start for s in doc.sentences if s.tokens}
    semicolons_per_sentence = {
        s.start: sum(1 for t in s.tokens if t.text == ";") for s in doc.sentences
    }
    sentence_of = _sentence_starts(doc)
    in_code = _code_checker(doc)
    gender_words = bool(settings.get("gender_characters", False))
    skip_until = -1
    quote_open = False
    for index, token in enumerate(tokens):
        if index <= skip_until:
            continue
        kind = token.kind
        if kind in ("url", "email", "number"):
            continue
        if in_code is not None and in_code(token.start):
            continue  # `a/b`, `x & y` in code are meant literally
        value = token.text
        if kind in ("word", "abbrev"):
            # Words matter only as gender forms ("Bürger_innen", "BürgerInnen"); everything
            # else here is punctuation or a symbol. Most tokens leave the loop at this point.
            if gender_words and ("_" in value or "In" in value):
                gender = _gender(doc, index)
                if gender is not None:
                    yield gender[0]
            continue
        previous = tokens[index - 1] if index else None
        following = tokens[index + 1] if index + 1 < count else None

        if quote_open and previous is not None and "\n\n" in text[previous.end : token.start]:
            quote_open = False  # quotes never run across paragraphs here
        if value in DOUBLE_QUOTES:
            if value == '"':
                quote_open = not quote_open
            elif not quote_open:
                quote_open = True
            elif value != "„":
                quote_open = False
            continue

        if value == ";" and settings.get("semicolon", False):
            fixes = []
            single = semicolons_per_sentence.get(sentence_of(token.start), 0) == 1
            if single and following is not None and following.kind == "word":
                fixes.append(Fix(". " + _capitalize(following.text), token.start, following.end))
            yield _hit(token.start, token.end, "semicolon", value, fixes)
            continue

        if value == "(" and settings.get("parentheses", False):
            hit, closing = _parenthesis(doc, index)
            if hit is not None:
                yield hit
            skip_until = max(skip_until, closing)
            continue

        if value == "/" and previous is not None and following is not None:
            result = _slash(doc, index, settings)
            if result is not None:
                hit, last = result
                yield hit
                skip_until = last
            continue

        if value == "&" and settings.get("ampersand", False):
            # "H&M", "B&B": attached ampersands belong to a name.
            if previous is not None and following is not None and (
                _adjacent(previous, token) or _adjacent(token, following)
            ):
                continue
            yield _hit(token.start, token.end, "ampersand", value, [Fix("und")])
            continue

        if value == "§" and settings.get("paragraph_sign", False):
            end = token.end
            word = "Paragraf"
            if following is not None and following.text == "§" and _adjacent(token, following):
                end, word = following.end, "Paragrafen"
                skip_until = index + 1
            yield _hit(token.start, end, "paragraph", text[token.start : end], [Fix(word)])
            continue

        if value == "%" and settings.get("percent_sign", False):
            if previous is not None and previous.kind == "number" and _adjacent(previous, token):
                fix = Fix(f"{previous.text} Prozent", previous.start, token.end)
            else:
                fix = Fix("Prozent")
            yield _hit(token.start, token.end, "percent", value, [fix])
            continue

        if value in INNER_OPENERS and quote_open and settings.get("nested_quotes", False):
            hit, closing = _inner_quote(doc, index)
            if hit is not None:
                yield hit
                skip_until = closing
            continue

        if value in ("...", "…") and settings.get("ellipsis", False):
            if _in_brackets(previous, following):
                continue  # "[…]" marks an omission in a quotation
            fixes = [Fix(".")] if token.start in sentence_ends else []
            yield _hit(token.start, token.end, "ellipsis", value, fixes)
            continue

        if value in DASHES and kind == "punct" and settings.get("dash", False):
            result_dash = _dash(doc, index)
            if result_dash is not None:
                hit, last = result_dash
                yield hit
                skip_until = max(skip_until, last)
            continue

        if settings.get("gender_characters", False):
            gender = _gender(doc, index)
            if gender is not None:
                hit, last = gender
                yield hit
                skip_until = max(skip_until, last)


def _sentence_starts(doc: AnalyzedText) -> Callable[[int], int]:
    starts = [s.start for s in doc.sentences]

    def sentence_of(offset: int) -> int:
        position = bisect_right(starts, offset) - 1
        return starts[position] if position >= 0 else -1

    return sentence_of


def _code_checker(doc: AnalyzedText) -> Callable[[int], bool] | None:
    """Offset -> inside inline code (Markdown `…`, HTML <code>)? None when there is none."""
    spans = sorted(doc.extracted.code_spans) if doc.extracted is not None else []
    if not spans:
        return None
    starts = [start for start, _ in spans]

    def inside(offset: int) -> bool:
        position = bisect_right(starts, offset) - 1
        return position >= 0 and offset < spans[position][1]

    return inside


def _hit(start: int, end: int, kind: str, char: str, fixes: list[Fix]) -> Hit:
    return Hit(start, end, {"char": char}, fixes, message=MESSAGES[kind])


def _in_brackets(previous: Token | None, following: Token | None) -> bool:
    return (
        previous is not None and following is not None
        and previous.text in ("[", "(") and following.text in ("]", ")")
    )


def _parenthesis(doc: AnalyzedText, index: int) -> tuple[Hit | None, int]:
    """The hit for '(' … ')' and the index of the closing parenthesis (or ``index``)."""
    tokens = doc.tokens
    text = doc.text
    opening = tokens[index]
    previous = tokens[index - 1] if index else None
    if previous is not None and _adjacent(previous, opening):
        return None, index  # "Mitarbeiter(innen)", "Seite(n)": part of a word
    closing = -1
    for position in range(index + 1, min(len(tokens), index + 60)):
        candidate = tokens[position].text
        if candidate == ")":
            closing = position
            break
        if candidate == "(" or "\n\n" in text[tokens[position - 1].end : tokens[position].start]:
            break
    if closing < 0:
        return None, index
    inner = tokens[index + 1 : closing]
    if not inner:
        return None, closing
    line_start = text.rfind("\n", 0, opening.start) + 1
    if len(inner) == 1:
        only = inner[0]
        # "(EU)" introduces an acronym; "(1)", "(a)" at a line start are list markers.
        if only.kind in ("url", "email", "number", "abbrev") or (
            only.text.isupper() and len(only.text) >= 2
        ):
            return None, closing
        if not text[line_start : opening.start].strip() and len(only.text) <= 3:
            return None, closing
    if all(t.kind in ("url", "email") or t.kind == "punct" for t in inner):
        return None, closing
    after = tokens[closing + 1] if closing + 1 < len(tokens) else None
    fixes: list[Fix] = []
    inner_text = text[inner[0].start : inner[-1].end]
    if (
        previous is not None and after is not None and after.text in TERMINALS
        and inner[-1].text not in TERMINALS and previous.kind != "punct"
    ):
        fixes.append(Fix(". " + _capitalize(inner_text), previous.end, tokens[closing].end))
    hit = _hit(opening.start, tokens[closing].end, "parentheses", "( )", fixes)
    return hit, closing


def _slash(doc: AnalyzedText, index: int, settings: RuleSettings) -> tuple[Hit, int] | None:
    """'A/B' (and 'A/B/C') between words -> 'A oder B', 'A und B', 'A pro B'; gender slashes
    ('Bürger/innen') go to the gender check."""
    tokens = doc.tokens
    slash = tokens[index]
    left, right = tokens[index - 1], tokens[index + 1]
    if left.kind not in ("word", "abbrev") or right.kind not in ("word", "abbrev"):
        return None  # "2024/25", "1/2": numbers are for de.number-format
    touching = _adjacent(left, slash) and _adjacent(slash, right)
    spaced = not _adjacent(left, slash) and not _adjacent(slash, right)
    if not (touching or spaced):
        return None
    if touching and right.text.lstrip("-").lower() in GENDER_ENDINGS:
        if not settings.get("gender_characters", False):
            return None
        return _gender_hit(doc, index - 1, index + 1, left.text)
    if not settings.get("slash", False):
        return None
    # Collect a chain "A/B/C".
    words = [left, right]
    last = index + 1
    while (
        last + 2 < len(tokens) and tokens[last + 1].text == "/"
        and tokens[last + 2].kind in ("word", "abbrev")
    ):
        words.append(tokens[last + 2])
        last += 2
    start, end = left.start, tokens[last].end
    parts = [w.text for w in words]
    fixes: list[Fix] = []
    fixed = FIXED_SLASH.get((left.text, right.text)) if len(words) == 2 else None
    if fixed is not None:
        fixes.append(Fix(fixed))
    elif len(words) == 2 and right.text in PER_UNITS:
        fixes.append(Fix(f"{left.text} pro {right.text}"))
    elif [p.lower() for p in parts] == ["und", "oder"]:
        fixes.append(Fix("oder"))
    else:
        head = ", ".join(parts[:-1])
        fixes.append(Fix(f"{head} oder {parts[-1]}"))
        fixes.append(Fix(f"{head} und {parts[-1]}"))
    hit = _hit(start, end, "slash", "/", fixes)
    return hit, last


def _inner_quote(doc: AnalyzedText, index: int) -> tuple[Hit | None, int]:
    tokens = doc.tokens
    for position in range(index + 1, min(len(tokens), index + 40)):
        candidate = tokens[position]
        if candidate.text in INNER_CLOSERS:
            inner = tokens[index + 1 : position]
            fixes = []
            if inner:
                fixes.append(Fix(doc.text[inner[0].start : inner[-1].end]))
            hit = _hit(tokens[index].start, candidate.end, "nested_quotes", tokens[index].text,
                       fixes)
            return hit, position
        if candidate.text in DOUBLE_QUOTES:
            break
    return None, index


def _dash(doc: AnalyzedText, index: int) -> tuple[Hit, int] | None:
    tokens = doc.tokens
    text = doc.text
    dash = tokens[index]
    if index == 0 or index + 1 >= len(tokens):
        return None
    previous, following = tokens[index - 1], tokens[index + 1]
    if _adjacent(previous, dash) or _adjacent(dash, following):
        return None  # a hyphen inside a word or a bullet glued to text
    if "\n" in text[previous.end : dash.start]:
        return None  # a list marker at the start of a line
    if previous.kind == "punct" and previous.text not in (")", "“", "”", '"'):
        return None
    is_range = (previous.kind == "number" and following.kind == "number") or (
        previous.text.lower() in RANGE_WORDS and following.text.lower() in RANGE_WORDS
    )
    if is_range:
        return _hit(dash.start, dash.end, "range", dash.text, [Fix("bis")]), index
    if following.kind == "punct":
        return None
    # A second dash before the sentence end makes a pair: "– also das Jobcenter –".
    for position in range(index + 2, min(len(tokens), index + 30)):
        candidate = tokens[position]
        if candidate.text in TERMINALS or "\n" in text[tokens[position - 1].end : candidate.start]:
            break
        if candidate.text in DASHES and candidate.kind == "punct" and not _adjacent(
            tokens[position - 1], candidate
        ):
            inner = text[following.start : tokens[position - 1].end]
            fix = Fix(f", {inner},", previous.end, candidate.end)
            return _hit(dash.start, candidate.end, "dash", dash.text, [fix]), position
    fixes = []
    if following.kind == "word":
        fixes.append(Fix(". " + _capitalize(following.text), previous.end, following.end))
        fixes.append(Fix(":", previous.end, dash.end))
    return _hit(dash.start, dash.end, "dash", dash.text, fixes), index


def _gender(doc: AnalyzedText, index: int) -> tuple[Hit, int] | None:
    tokens = doc.tokens
    token = tokens[index]
    value = token.text
    if token.kind == "word":
        # "Bürger_innen" (one token) and Binnen-I "BürgerInnen".
        for marker in ("_innen", "_in", "Innen", "In"):
            if value.endswith(marker) and len(value) > len(marker) + 2:
                stem = value[: -len(marker)]
                if marker.startswith("I") and not stem[-1:].islower():
                    continue
                hit, _ = _gender_hit(doc, index, index, stem, marker.lstrip("_").lower())
                return hit, index
        return None
    if value not in ("*", ":") or index == 0 or index + 1 >= len(tokens):
        return None
    left, right = tokens[index - 1], tokens[index + 1]
    if not (_adjacent(left, token) and _adjacent(token, right)):
        return None
    if left.kind != "word" or right.text.lower() not in GENDER_ENDINGS:
        return None
    return _gender_hit(doc, index - 1, index + 1, left.text)


def _gender_hit(
    doc: AnalyzedText, first: int, last: int, stem: str, ending: str | None = None
) -> tuple[Hit, int]:
    tokens = doc.tokens
    start, end = tokens[first].start, tokens[last].end
    if ending is None:
        ending = tokens[last].text.lstrip("-").lower()
    fixes: list[Fix] = []
    # Only -er/-el stems have a masculine form equal to the stem (Bürger, Mitarbeiter); other
    # plurals (Kolleg*innen -> Kollegen) need a dictionary we do not have.
    if stem.endswith(("er", "el")) and stem[:1].isupper():
        previous = tokens[first - 1].text.lower() if first else ""
        if ending == "innen":
            masculine = stem + ("n" if previous in DATIVE_CUES else "")
            fixes.append(Fix(f"{stem}innen und {masculine}"))
        else:
            fixes.append(Fix(f"{stem}in oder {stem}"))
    char = doc.text[start:end]
    return _hit(start, end, "gender", char, fixes), last


RULES = (check,)
