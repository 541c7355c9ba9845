"""German grammar knowledge as data: closed word classes, prepositions by case, verb tables, noun
gender and month names.

One YAML file per topic lives beside this module (``closed``, ``prepositions``, ``verbs``,
``nouns``, ``months``). Each file is checked against its schema below when it is first read and
read once per process; every module that needs a word list asks here instead of keeping a copy.

Word lists are stored as whitespace-separated text: they read and diff better than a column of
quoted strings. The schema check is hand-written rather than jsonschema: importing jsonschema
costs ~45 ms of every cold start of ``a11y text``, and the shapes here are few and simple.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

__all__ = [
    "GrammarDataError",
    "auxiliary_overrides",
    "case_prepositions",
    "form_to_lemma",
    "load",
    "month_names",
    "month_numbers",
    "strong_verbs",
    "table",
    "word_tuple",
    "words",
]


class GrammarDataError(RuntimeError):
    """A grammar data file is missing or does not have the shape its schema asks for."""


# -- schema -----------------------------------------------------------------------------------
Check = Callable[[Any], str | None]


def _words(value: Any) -> str | None:
    if not isinstance(value, str) or not value.split():
        return "expected a non-empty whitespace-separated word list"
    return None


def _word(value: Any) -> str | None:
    if not isinstance(value, str) or not value or len(value.split()) != 1:
        return "expected one word"
    return None


def _optional_word(value: Any) -> str | None:
    return None if value is None else _word(value)


def _map_of(check: Check) -> Check:
    def check_map(value: Any) -> str | None:
        if not isinstance(value, dict) or not value:
            return "expected a non-empty mapping"
        for key, item in value.items():
            problem = _word(key) or check(item)
            if problem:
                return f"{key}: {problem}"
        return None

    return check_map


def _list_of(check: Check, size: int | None = None) -> Check:
    def check_list(value: Any) -> str | None:
        if not isinstance(value, list) or not value:
            return "expected a non-empty list"
        if size is not None and len(value) != size:
            return f"expected {size} items, got {len(value)}"
        for index, item in enumerate(value):
            problem = check(item)
            if problem:
                return f"[{index}]: {problem}"
        return None

    return check_list


def _strong_table(value: Any) -> str | None:
    """``infinitive preterite participle aux; …`` with aux h, s or ?."""
    if not isinstance(value, str):
        return "expected text"
    for entry in filter(None, (e.strip() for e in value.replace("\n", ";").split(";"))):
        parts = entry.split()
        if len(parts) != 4 or parts[3] not in ("h", "s", "?"):
            return f"{entry!r}: expected 'infinitive preterite participle h|s|?'"
    return None


def _phrase(value: Any) -> str | None:
    return None if isinstance(value, str) and value.split() else "expected text"


Schema = Mapping[str, "Schema | Check"]

SCHEMAS: dict[str, Schema] = {
    "closed": {
        "finite_forms": {"werden": _words, "haben": _words, "sein": _words,
                         "modal_and_lassen": _words, "sollte": _words},
        "modal_infinitives": _words,
        "determiners": _words,
        "genitive_determiners": {"only": _words, "before_noun_in_s": _words,
                                 "feminine_or_plural": _words, "plural_only": _words},
        "dative_markers": _words,
        "pronouns": {"subject": _words, "non_third_person_subject": _words,
                     "futur_subject": _words, "third_person_subject": _words,
                     "accusative": _words, "dative": _words, "genitive": _words},
        "subordinators": {"conjunctions": _words, "adverbs": _words, "pronouns": _words},
        "relative_pronouns": _words,
        "coordinators": {"clauses": _words, "phrases": _words},
        "degree_adverbs": _words,
        "declension": {
            "dative_to_nominative": _map_of(_word),
            "genitive_to_dative": _map_of(_word),
            "genitive_feminine_to_dative": _map_of(_list_of(_optional_word, 2)),
        },
    },
    "prepositions": {
        "dative": _words,
        "accusative": _words,
        "two_way": _words,
        "contractions": _map_of(_phrase),
        "genitive": _words,
        "genitive_or_dative": _words,
        "passive_agent": _words,
    },
    "verbs": {
        "prefixes": {"separable": _words, "inseparable": _words, "either": _words},
        "strong": _strong_table,
        "auxiliary": {"sein": _words, "either": _words, "haben": _words},
        "participle_overrides": _map_of(_word),
        "present": _map_of(_list_of(_word, 4)),
        "common_preterites": _words,
        "speech_preterites": _words,
        "genitive_object": _words,
        "konjunktiv_2": {"forms": _map_of(_words), "not_derived": _words,
                         "to_indicative": _map_of(_list_of(_word, 2))},
        "konjunktiv_1": {"forms": _map_of(_words), "third_person_forms": _map_of(_words),
                         "to_indicative": _map_of(_word)},
    },
    "nouns": {
        "gender": {"neuter": _words, "masculine": _words, "feminine": _words},
        "suffixes": {"feminine": _words, "neuter": _words, "weak_masculine": _words},
    },
    "months": {"months": _list_of(_list_of(_word)), },
}


def _validate(data: Any, schema: Schema | Check, where: str) -> list[str]:
    if callable(schema):
        problem = schema(data)
        return [f"{where}: {problem}"] if problem else []
    if not isinstance(data, dict):
        return [f"{where or 'top level'}: expected a mapping"]
    problems = [f"{where}.{key}: missing".lstrip(".") for key in schema if key not in data]
    problems += [f"{where}.{key}: unknown key".lstrip(".") for key in data if key not in schema]
    for key, sub in schema.items():
        if key in data:
            problems += _validate(data[key], sub, f"{where}.{key}".lstrip("."))
    return problems


def _extra_checks(topic: str, data: dict[str, Any]) -> list[str]:
    """Facts a shape check cannot see."""
    problems = []
    if topic == "prepositions":
        soft = set(data["genitive_or_dative"].split()) - set(data["genitive"].split())
        if soft:
            problems.append(f"genitive_or_dative: not in genitive: {sorted(soft)}")
    if topic == "verbs":
        classes = [set(data["auxiliary"][key].split()) for key in ("sein", "either", "haben")]
        twice = (classes[0] & classes[1]) | (classes[0] & classes[2]) | (classes[1] & classes[2])
        if twice:
            problems.append(f"auxiliary: verbs in two classes: {sorted(twice)}")
    if topic == "months" and len(data["months"]) != 12:
        problems.append(f"months: expected 12 months, got {len(data['months'])}")
    return problems


# -- loading ----------------------------------------------------------------------------------
@cache
def load(topic: str) -> Mapping[str, Any]:
    """The validated content of ``<topic>.yaml``; read and checked once per process."""
    if topic not in SCHEMAS:
        raise GrammarDataError(f"unknown grammar topic {topic!r}; known: {sorted(SCHEMAS)}")
    name = f"{topic}.yaml"
    try:
        text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except OSError as exc:  # a wheel built without its package data
        raise GrammarDataError(f"grammar data {name} not readable: {exc}") from exc
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)  # a safe loader: CSafeLoader or SafeLoader
    except yaml.YAMLError as exc:
        raise GrammarDataError(f"grammar data {name}: not valid YAML: {exc}") from exc
    problems = _validate(data, SCHEMAS[topic], "")
    if not problems:
        problems = _extra_checks(topic, data)
    if problems:
        raise GrammarDataError(f"grammar data {name}: " + "; ".join(problems))
    return data


def _at(topic: str, path: tuple[str, ...]) -> Any:
    value: Any = load(topic)
    for key in path:
        value = value[key]
    return value


@cache
def words(topic: str, *path: str) -> frozenset[str]:
    """A word list as a set: ``words("closed", "pronouns", "dative")``."""
    return frozenset(_at(topic, path).split())


@cache
def word_tuple(topic: str, *path: str) -> tuple[str, ...]:
    """A word list in the file's order (where the first match wins)."""
    return tuple(_at(topic, path).split())


def table(topic: str, *path: str) -> dict[str, Any]:
    """A mapping from the data, as a new dict (lists become tuples); callers may keep it."""
    return {
        key: tuple(value) if isinstance(value, list) else value
        for key, value in _at(topic, path).items()
    }


def form_to_lemma(topic: str, *path: str) -> dict[str, str]:
    """``lemma: form form …`` entries turned round: form -> lemma."""
    return {form: lemma for lemma, forms in _at(topic, path).items() for form in forms.split()}


@cache
def case_prepositions() -> frozenset[str]:
    """Prepositions with the dative, the accusative or either; no contractions, no genitive."""
    return frozenset().union(
        *(words("prepositions", case) for case in ("dative", "accusative", "two_way"))
    )


def strong_verbs() -> dict[str, tuple[str, str, str]]:
    """Strong and mixed verbs: infinitive -> (preterite, participle, auxiliary h|s|?)."""
    table_ = {}
    for entry in load("verbs")["strong"].replace("\n", ";").split(";"):
        parts = entry.split()
        if parts:
            table_[parts[0]] = (parts[1], parts[2], parts[3])
    return table_


def auxiliary_overrides() -> dict[str, str]:
    """Verbs whose auxiliary the strong table does not settle: lemma -> "s", "?" or "h"."""
    result = {}
    for key, code in (("sein", "s"), ("either", "?"), ("haben", "h")):
        result.update(dict.fromkeys(words("verbs", "auxiliary", key), code))
    return result


@cache
def month_names() -> tuple[str, ...]:
    """The twelve standard month names in calendar order (Januar … Dezember)."""
    return tuple(spellings[0] for spellings in load("months")["months"])


@cache
def month_numbers() -> Mapping[str, int]:
    """Every spelling in lower case -> month number 1..12 ("jänner" -> 1); read-only (shared)."""
    return MappingProxyType({
        spelling.lower(): number
        for number, spellings in enumerate(load("months")["months"], start=1)
        for spelling in spellings
    })
