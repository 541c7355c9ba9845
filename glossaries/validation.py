"""Schema and example checks for glossary documents, reported as bilingual GlossaryErrors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import GlossaryError
from .model import GlossaryEntry, normalize

SCHEMA_PATH = Path(__file__).with_name("schema.json")
# More than a handful of errors buries the first one, which usually explains the rest.
MAX_REPORTED = 5


@cache
def schema_validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _field_path(path: Sequence[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(error: ValidationError) -> tuple[str, str]:
    """German and English wording of one jsonschema error (jsonschema itself speaks English)."""
    value = error.validator_value
    instance = error.instance
    match error.validator:
        case "required":
            missing = [p for p in value if isinstance(instance, dict) and p not in instance]
            names = ", ".join(missing)
            return f"Pflichtfeld fehlt: {names}", f"required field missing: {names}"
        case "additionalProperties":
            known = set(error.schema.get("properties", {}))
            extra = ", ".join(sorted(k for k in instance if k not in known))
            return f"unbekanntes Feld: {extra}", f"unknown field: {extra}"
        case "enum":
            allowed = ", ".join(map(str, value))
            return (
                f"Wert {instance!r} ist nicht erlaubt (erlaubt: {allowed})",
                f"value {instance!r} is not allowed (allowed: {allowed})",
            )
        case "const":
            return f"Wert muss {value!r} sein", f"value must be {value!r}"
        case "type":
            return (
                f"falscher Typ: erwartet {value}, gefunden {type(instance).__name__}",
                f"wrong type: expected {value}, got {type(instance).__name__}",
            )
        case "pattern":
            return (
                f"Wert {instance!r} ist leer oder hat ein ungültiges Format",
                f"value {instance!r} is empty or badly formatted",
            )
        case "minItems":
            return "die Liste darf nicht leer sein", "the list must not be empty"
        case "uniqueItems":
            return "die Liste enthält doppelte Werte", "the list contains duplicates"
        case "dependentRequired":
            return (
                "„verb“ und „phrase“ müssen zusammen angegeben werden",
                "'verb' and 'phrase' must be given together",
            )
        case _:
            return f"ungültiger Wert ({error.message})", f"invalid value ({error.message})"


def _leaf_errors(error: ValidationError) -> list[ValidationError]:
    # $ref/if-then wrappers carry the useful errors in their context.
    if error.context:
        return [leaf for sub in error.context for leaf in _leaf_errors(sub)]
    return [error]


def validate_document(doc: Any, path: str | Path) -> None:
    """Raise GlossaryError if ``doc`` (a parsed YAML file) does not match the schema."""
    validator = schema_validator()
    # is_valid is the cheap path for the common case (built-in files are always valid).
    if validator.is_valid(doc):
        return
    errors = sorted(
        (leaf for err in validator.iter_errors(doc) for leaf in _leaf_errors(err)),
        key=lambda e: [str(p) for p in e.absolute_path],
    )
    lines_de: list[str] = []
    lines_en: list[str] = []
    first_index: int | None = None
    first_term: str | None = None
    for err in errors[:MAX_REPORTED]:
        parts = list(err.absolute_path)
        if len(parts) >= 2 and parts[0] == "entries" and isinstance(parts[1], int):
            entry = doc["entries"][parts[1]]
            term = entry.get("term") if isinstance(entry, dict) else None
            if first_index is None:
                first_index, first_term = parts[1], term if isinstance(term, str) else None
            label_de = f"Eintrag {parts[1] + 1}" + (f" „{term}“" if isinstance(term, str) else "")
            label_en = f"entry {parts[1] + 1}" + (f" '{term}'" if isinstance(term, str) else "")
            rest = _field_path(parts[2:])
            loc_de = f"{label_de}, Feld {rest}" if rest else label_de
            loc_en = f"{label_en}, field {rest}" if rest else label_en
        else:
            rest = _field_path(parts)
            loc_de, loc_en = (f"Feld {rest}", f"field {rest}") if rest else ("Datei", "file")
        de, en = _describe(err)
        lines_de.append(f"{loc_de}: {de}")
        lines_en.append(f"{loc_en}: {en}")
    more = len(errors) - MAX_REPORTED
    if more > 0:
        lines_de.append(f"… und {more} weitere Fehler")
        lines_en.append(f"… and {more} more errors")
    raise GlossaryError(
        "Die Glossar-Datei ist ungültig: " + "; ".join(lines_de),
        "The glossary file is invalid: " + "; ".join(lines_en),
        path=path,
        index=first_index if len(errors) == 1 else None,
        term=first_term if len(errors) == 1 else None,
    )


def contains_word(text: str, needle: str) -> bool:
    """True if ``needle`` occurs in ``text`` as whole words (case and whitespace ignored).

    Plain string search with a manual boundary test instead of regexes: the check runs for every
    example of every entry at load time, and compiling hundreds of patterns would dominate it.
    """
    hay, pin = normalize(text), normalize(needle)
    if not pin:
        return False
    start = hay.find(pin)
    while start != -1:
        end = start + len(pin)
        before_ok = start == 0 or not _is_word_char(hay[start - 1]) or not _is_word_char(pin[0])
        after_ok = end == len(hay) or not _is_word_char(hay[end]) or not _is_word_char(pin[-1])
        if before_ok and after_ok:
            return True
        start = hay.find(pin, start + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def check_examples(entry: GlossaryEntry, index: int | None, path: str | Path) -> None:
    """Fail examples must show the term; pass examples must be free of it."""
    for example in entry.examples:
        hits = any(contains_word(example.text, s) for s in entry.surfaces)
        if example.fails:
            if hits or (entry.phrase is not None and contains_word(example.text, entry.phrase)):
                continue
            raise GlossaryError(
                f"Das Fehl-Beispiel „{example.text}“ enthält den Begriff nicht "
                "(auch keine seiner Formen).",
                f"The failing example '{example.text}' does not contain the term "
                "(nor any of its forms).",
                path=path,
                index=index,
                term=entry.term,
            )
        if hits:
            raise GlossaryError(
                f"Das Gut-Beispiel „{example.text}“ enthält den Begriff selbst.",
                f"The passing example '{example.text}' contains the term itself.",
                path=path,
                index=index,
                term=entry.term,
            )


def check_unique(entries: Sequence[GlossaryEntry], path: str | Path) -> None:
    """One file must not define the same (kind, term) twice: the second would hide the first."""
    seen: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(entries):
        if entry.key in seen:
            raise GlossaryError(
                f"doppelter Eintrag (schon Eintrag {seen[entry.key] + 1} mit Art „{entry.kind}“)",
                f"duplicate entry (already entry {seen[entry.key] + 1} of kind '{entry.kind}')",
                path=path,
                index=index,
                term=entry.term,
            )
        seen[entry.key] = index
