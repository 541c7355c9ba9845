"""Rule metadata as data: one YAML file beside each rule module, read once at import.

Like axe-core's ``lib/rules/<id>.json`` beside ``lib/checks/``: ``image_alt.py`` keeps its
docstring and its check function, ``image_alt.yaml`` holds the record (id, engine, severity,
WCAG criteria, ACT rules, standards, messages in German and English) and the examples. One
file per rule (not one per package) keeps a rule's code and data side by side in the tree and
in a diff, and two people editing two rules never touch the same file.

The file is checked when it is read: an unknown or missing key, a message without its German
or English text, a severity or outcome outside the one order raise :class:`RuleDataError`
naming the file and the key. ``standards`` may be left out: it then follows from ``wcag``
(EN 301 549 clause 9.<criterion> for each WCAG success criterion, :func:`wcag_standards`).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import marshal
import os
import sys
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checkers.rules.messages import LOCALES
from checkers.rules.record import OUTCOMES, SEVERITIES, Example, RuleMeta, Variant

try:  # libyaml's C loader reads the 130 page-rule files several times faster
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

__all__ = ["RuleDataError", "load_rule_meta", "read_rule_data", "rule_meta", "wcag_standards"]

_MESSAGES = ("title", "message", "explanation")
_STRING_TUPLES = ("wcag", "act", "standards", "scope", "languages")
_RECORD_KEYS = {f.name for f in dataclasses.fields(RuleMeta)}
_EXAMPLE_KEYS = {f.name for f in dataclasses.fields(Example)}
_REQUIRED = ("id", "engine", "severity", *_MESSAGES, "examples")

# Converts an example's ``context`` entry (a YAML mapping) into what the rule reads, e.g.
# {"bitv": BitvSettings(**value)}: the page engine passes its own, this package stays pure.
ContextTypes = Mapping[str, Callable[[Any], Any]]
# Builds an example's input from a mapping (e.g. {sample: statement, preparation: ""}: the
# sample statement with one part replaced), so an example shows only what it changes.
TextBuilder = Callable[[Mapping[str, Any]], str]


class RuleDataError(ValueError):
    """A rule data file that cannot become a :class:`RuleMeta`; the message names the file
    and the key."""


def wcag_standards(*criteria: str) -> tuple[str, ...]:
    """EN 301 549 clause 9.x for each WCAG success criterion (web content)."""
    return tuple(f"EN 301 549 9.{c}" for c in criteria)


@cache
def read_rule_data(path: Path) -> dict[str, Any]:
    """The raw mapping of one rule data file (read once per process).

    Parsing YAML costs about 0.6 ms a file even with libyaml (80 ms for the page rules at
    every start), so the parsed mapping is kept like a ``.pyc``: marshalled in
    ``__pycache__`` beside the file, keyed by the file's mtime and size, and used only while
    both match. Where ``__pycache__`` cannot be written (a read-only install) the YAML is
    parsed each time."""
    try:
        stat = path.stat()
    except OSError as error:
        raise RuleDataError(f"{path}: cannot read the rule data: {error}") from error
    key = (stat.st_mtime_ns, stat.st_size)
    # beside the .pyc files (honouring PYTHONPYCACHEPREFIX): __pycache__/x.yaml.cpython-311.marshal
    cached = Path(importlib.util.cache_from_source(f"{path}.py")).with_suffix(".marshal")
    try:
        stored_key, data = marshal.loads(cached.read_bytes())
        if tuple(stored_key) == key and isinstance(data, dict):
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no cache yet, or a stale or broken one: parse the YAML
    data = _parse(path)
    if not sys.dont_write_bytecode:
        _store(cached, key, data)
    return data


def _parse(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as stream:
            data = yaml.load(stream, Loader=_Loader)  # CSafeLoader or SafeLoader
    except OSError as error:
        raise RuleDataError(f"{path}: cannot read the rule data: {error}") from error
    except yaml.YAMLError as error:
        raise RuleDataError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise RuleDataError(f"{path}: expected a mapping of keys, got {type(data).__name__}")
    return data


def _store(cached: Path, key: tuple[int, int], data: dict[str, Any]) -> None:
    """Write the cache atomically; any failure only means parsing again next time."""
    try:
        payload = marshal.dumps((key, data))  # ValueError for types marshal lacks (dates)
        cached.parent.mkdir(exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}")
        partial.write_bytes(payload)
        partial.replace(cached)
    except (OSError, ValueError):
        pass


def load_rule_meta(
    path: str | Path,
    *,
    context_types: ContextTypes | None = None,
    build_text: TextBuilder | None = None,
) -> RuleMeta:
    """The :class:`RuleMeta` in the YAML file ``path``, checked key by key. ``build_text``
    turns an example's ``text`` given as a mapping into the text (None: text must be text)."""
    path = Path(path)
    data = read_rule_data(path)
    where = str(path)
    unknown = sorted(set(data) - _RECORD_KEYS)
    if unknown:
        raise RuleDataError(f"{where}: unknown key(s) {unknown}; known: {sorted(_RECORD_KEYS)}")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise RuleDataError(f"{where}: missing key(s) {missing}")
    fields: dict[str, Any] = {"id": _string(data["id"], where, "id")}
    where = f"{where} ({fields['id']})"
    for key in ("engine", "outcome"):
        if key in data:
            fields[key] = _string(data[key], where, key)
    if fields.get("outcome", "failed") not in OUTCOMES:
        raise RuleDataError(f"{where}: outcome must be one of {OUTCOMES}, not {data['outcome']!r}")
    fields["severity"] = _severity(data["severity"], where)
    for key in _MESSAGES:
        fields[key] = _messages(data[key], where, key)
    for key in _STRING_TUPLES:
        if key in data:
            fields[key] = _strings(data[key], where, key)
    if "standards" not in data:
        fields["standards"] = wcag_standards(*fields.get("wcag", ()))
    if "options" in data:
        fields["options"] = _mapping(data["options"], where, "options")
    if "variants" in data:
        fields["variants"] = {
            name: _variant(value, where, f"variants.{name}")
            for name, value in _mapping(data["variants"], where, "variants").items()
        }
    examples = data["examples"]
    if not isinstance(examples, list):
        raise RuleDataError(f"{where}: examples must be a list")
    fields["examples"] = tuple(
        _example(item, where, f"examples[{n}]", context_types or {}, build_text)
        for n, item in enumerate(examples)
    )
    return RuleMeta(**fields)


def rule_meta(module_file: str) -> RuleMeta:
    """The record of the rule in ``module_file``, from its ``.yaml`` twin: a rule module
    says ``META = rule_meta(__file__)`` (page rules use ``checkers.page.rule_data``)."""
    return load_rule_meta(Path(module_file).with_suffix(".yaml"))


# --- checks, each naming the file and the key ----------------------------------------------


def _string(value: Any, where: str, key: str) -> str:
    if not isinstance(value, str):
        raise RuleDataError(f"{where}: {key} must be a string, not {value!r}")
    return value


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleDataError(
            f"{where}: {key} must be a list of strings (quote 1.1.1), not {value!r}"
        )
    return tuple(value)


def _mapping(value: Any, where: str, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RuleDataError(f"{where}: {key} must be a mapping, not {value!r}")
    return value


def _messages(value: Any, where: str, key: str) -> dict[str, str]:
    value = _mapping(value, where, key)
    missing = [locale for locale in LOCALES if not isinstance(value.get(locale), str)]
    if missing or set(value) - set(LOCALES):
        raise RuleDataError(
            f"{where}: {key} needs exactly the texts {list(LOCALES)} (missing or not text: "
            f"{missing}; extra: {sorted(set(value) - set(LOCALES))})"
        )
    return value


def _severity(value: Any, where: str) -> Any:
    if isinstance(value, dict):
        bad = {k: v for k, v in value.items() if v is not None and v not in SEVERITIES}
    else:
        bad = {"": value} if value not in SEVERITIES else {}
    if bad:
        raise RuleDataError(f"{where}: severity must be one of {SEVERITIES}, not {bad}")
    return value


def _variant(value: Any, where: str, key: str) -> Variant:
    value = _mapping(value, where, key)
    try:
        return Variant(
            severity=_severity(value["severity"], f"{where} {key}"),
            outcome=value["outcome"],
            message=_messages(value["message"], where, f"{key}.message"),
        )
    except KeyError as error:
        raise RuleDataError(f"{where}: {key} misses {error}") from error


def _tuples(value: Any) -> Any:
    """YAML has lists only; the records use tuples (hashable, equal to the Python originals)."""
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    return value


def _text(value: Any, where: str, key: str, build_text: TextBuilder | None) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and build_text is not None:
        try:
            return build_text(value)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise RuleDataError(f"{where}: {key}: cannot build the text: {error!r}") from error
    raise RuleDataError(f"{where}: {key} must be text, not {value!r}")


def _example(
    item: Any, where: str, key: str, context_types: ContextTypes, build_text: TextBuilder | None
) -> Example:
    item = _mapping(item, where, key)
    unknown = sorted(set(item) - _EXAMPLE_KEYS)
    if unknown:
        raise RuleDataError(f"{where}: {key} has unknown key(s) {unknown}")
    if "text" not in item or "expect" not in item:
        raise RuleDataError(f"{where}: {key} needs text and expect (null: nothing reported)")
    if item["expect"] is not None and item["expect"] not in OUTCOMES:
        raise RuleDataError(
            f"{where}: {key}.expect must be one of {OUTCOMES} or null, not {item['expect']!r}"
        )
    fields = {k: _tuples(v) for k, v in item.items()}
    fields["text"] = _text(item["text"], where, f"{key}.text", build_text)
    if "context" in fields:
        context = dict(_mapping(fields["context"], where, f"{key}.context"))
        for name, make in context_types.items():
            if name in context:
                try:
                    context[name] = make(context[name])
                except RuleDataError as error:
                    raise RuleDataError(f"{where}: {key}.context.{name}: {error}") from error
                except (TypeError, ValueError) as error:
                    raise RuleDataError(f"{where}: {key}.context.{name}: {error}") from error
        fields["context"] = context
    for name in ("options", "placeholders"):
        if name in fields:
            fields[name] = dict(fields[name])
    return Example(**fields)
