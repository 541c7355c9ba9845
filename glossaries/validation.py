"""Schema and example checks for glossary documents, reported as bilingual GlossaryErrors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import GlossaryError
from .model import GlossaryEntry, normalize

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_PATH = Path(__file__).with_name("schema.json")
# More than a handful of errors buries the first one, which usually explains the rest.
MAX_REPORTED = 5


@cache
def schema_bytes() -> bytes:
    return SCHEMA_PATH.read_bytes()


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """Replace local ``{"$ref": "#/$defs/x"}`` by the definition itself.

    jsonschema resolves references on every use, which doubles validation time for ~1000
    entries; the schema has no recursion, so inlining once is safe.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    return node


@cache
def schema_validator() -> Draft202012Validator:
    # Imported here: jsonschema costs ~45 ms to import and a warm (cached) load never needs it.
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_bytes())
    return Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


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
            if "fails" in instance and "expect" in known:
                # The examples' form before they became the rule framework's examples.
                return (
                    f"unbekanntes Feld: {extra} (heute „expect: failed“ mit „at: <Stelle>“ "
                    "oder „expect: null“; scripts/migrate_glossary_examples.py schreibt um)",
                    f"unknown field: {extra} (now 'expect: failed' with 'at: <span>' or "
                    "'expect: null'; scripts/migrate_glossary_examples.py rewrites it)",
                )
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


def _entry_index(error: ValidationError) -> int | None:
    parts = list(error.absolute_path)
    if len(parts) >= 2 and parts[0] == "entries" and isinstance(parts[1], int):
        return parts[1]
    return None


def _entry_term(doc: Any, index: int) -> str | None:
    entry = doc["entries"][index]
    term = entry.get("term") if isinstance(entry, dict) else None
    return term if isinstance(term, str) and term.strip() else None


def validate_document(doc: Any, path: str | Path) -> None:
    """Raise GlossaryError if ``doc`` (a parsed YAML file) does not match the schema."""
    validator = schema_validator()
    # is_valid is the cheap path for the common case (built-in files are always valid).
    if validator.is_valid(doc):
        return
    errors = sorted(
        (leaf for err in validator.iter_errors(doc) for leaf in _leaf_errors(err)),
        # Numeric order of entry indices, so "entry 2" comes before "entry 10".
        key=lambda e: [(p, "") if isinstance(p, int) else (-1, str(p)) for p in e.absolute_path],
    )
    indices = {_entry_index(err) for err in errors}
    # All problems in one entry: name it once in the error's location, not in every line.
    single = next(iter(indices)) if len(indices) == 1 else None
    lines_de: list[str] = []
    lines_en: list[str] = []
    for err in errors[:MAX_REPORTED]:
        parts = list(err.absolute_path)
        index = _entry_index(err)
        loc_de: list[str] = []
        loc_en: list[str] = []
        if index is not None and single is None:
            term = _entry_term(doc, index)
            loc_de.append(f"Eintrag {index + 1}" + (f" „{term}“" if term else ""))
            loc_en.append(f"entry {index + 1}" + (f" '{term}'" if term else ""))
        field = _field_path(parts[2:] if index is not None else parts)
        if field:
            loc_de.append(f"Feld {field}")
            loc_en.append(f"field {field}")
        de, en = _describe(err)
        lines_de.append(f"{', '.join(loc_de)}: {de}" if loc_de else de)
        lines_en.append(f"{', '.join(loc_en)}: {en}" if loc_en else en)
    more = len(errors) - MAX_REPORTED
    if more > 0:
        lines_de.append(f"… und {more} weitere Fehler")
        lines_en.append(f"… and {more} more errors")
    raise GlossaryError(
        "Die Glossar-Datei ist ungültig: " + "; ".join(lines_de),
        "The glossary file is invalid: " + "; ".join(lines_en),
        path=path,
        index=single,
        term=_entry_term(doc, single) if single is not None else None,
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
    """Fail examples must show the term (and the span they name); pass examples must be free of
    it and name no span."""
    for example in entry.examples:
        if example.at is not None and not example.fails:
            raise GlossaryError(
                f"Das Gut-Beispiel „{example.text}“ nennt eine Stelle (at); es meldet nichts.",
                f"The passing example '{example.text}' names a span (at); it reports nothing.",
                path=path,
                index=index,
                term=entry.term,
            )
        if example.at is not None and example.at not in example.text:
            raise GlossaryError(
                f"Die Stelle „{example.at}“ steht nicht im Beispiel „{example.text}“.",
                f"The span '{example.at}' is not in the example '{example.text}'.",
                path=path,
                index=index,
                term=entry.term,
            )
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
