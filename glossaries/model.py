"""Immutable in-memory form of glossary entries, shared by the YAML loader and the TBX reader."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from checkers.rules.record import Example

Kind = Literal[
    "amtsdeutsch",
    "funktionsverbgefuege",
    "abbreviation",
    "acronym",
    "foreign-word",
    "idiom",
    "term",
]
Profile = Literal["leicht", "einfach", "standard"]
Severity = Literal["info", "warning", "error"]

KINDS: tuple[str, ...] = (
    "amtsdeutsch",
    "funktionsverbgefuege",
    "abbreviation",
    "acronym",
    "foreign-word",
    "idiom",
    "term",
)
PROFILES: tuple[str, ...] = ("leicht", "einfach", "standard")
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
DEFAULT_PROFILES: tuple[str, ...] = ("leicht", "einfach")
DEFAULT_SEVERITY = "warning"


def normalize(text: str) -> str:
    """Key form of a term: whitespace collapsed and case folded, so lookups ignore both."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    term: str
    kind: str
    replacements: tuple[str, ...] = ()
    # Dicts are not hashable, so they are left out of __hash__; equality still compares them.
    explanation: Mapping[str, str] = field(default_factory=dict, hash=False)
    forms: tuple[str, ...] = ()
    verb: str | None = None
    phrase: str | None = None
    profiles: tuple[str, ...] = DEFAULT_PROFILES
    severity: str = DEFAULT_SEVERITY
    case_sensitive: bool = False
    translations: Mapping[str, str] = field(default_factory=dict, hash=False)
    do_not_translate: bool = False
    examples: tuple[Example, ...] = ()
    disabled: bool = False
    source: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """Identity used for overriding: a user entry with the same key replaces the built-in."""
        return (self.kind, normalize(self.term))

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The term and all listed forms: every string the matcher looks for verbatim."""
        return (self.term, *self.forms)

    def explanation_for(self, lang: str) -> str:
        """Explanation in ``lang``, falling back to German (always present in built-in data)."""
        return self.explanation.get(lang) or self.explanation.get("de", "")


def entry_from_dict(
    data: Mapping[str, Any], source: str, defaults: Mapping[str, Any] | None = None
) -> GlossaryEntry:
    """Build an entry from an already schema-validated mapping (file defaults fill the gaps)."""
    defaults = defaults or {}

    def pick(name: str, fallback: Any) -> Any:
        if name in data:
            return data[name]
        return defaults.get(name, fallback)

    kind = data["kind"]
    return GlossaryEntry(
        term=data["term"],
        kind=kind,
        replacements=tuple(data.get("replacements", ())),
        explanation=dict(data.get("explanation", {})),
        forms=tuple(data.get("forms", ())),
        verb=data.get("verb"),
        phrase=data.get("phrase"),
        profiles=tuple(pick("profiles", DEFAULT_PROFILES)),
        severity=pick("severity", DEFAULT_SEVERITY),
        # Acronyms are case sensitive by default: "EU" is an acronym, "eu" in a URL is not.
        case_sensitive=bool(pick("case_sensitive", kind == "acronym")),
        translations=dict(data.get("translations", {})),
        do_not_translate=bool(data.get("do_not_translate", False)),
        examples=tuple(example_from_dict(e) for e in data.get("examples", ())),
        disabled=bool(data.get("disabled", False)),
        source=source,
    )


def entry_to_dict(entry: GlossaryEntry) -> dict[str, Any]:
    """Mapping in the YAML file layout; fields equal to their default are left out."""
    out: dict[str, Any] = {"term": entry.term, "kind": entry.kind}
    if entry.forms:
        out["forms"] = list(entry.forms)
    if entry.verb is not None:
        out["verb"] = entry.verb
    if entry.phrase is not None:
        out["phrase"] = entry.phrase
    if entry.replacements:
        out["replacements"] = list(entry.replacements)
    if entry.explanation:
        out["explanation"] = dict(entry.explanation)
    if entry.profiles != DEFAULT_PROFILES:
        out["profiles"] = list(entry.profiles)
    if entry.severity != DEFAULT_SEVERITY:
        out["severity"] = entry.severity
    if entry.case_sensitive != (entry.kind == "acronym"):
        out["case_sensitive"] = entry.case_sensitive
    if entry.translations:
        out["translations"] = dict(entry.translations)
    if entry.do_not_translate:
        out["do_not_translate"] = True
    if entry.examples:
        out["examples"] = [example_to_dict(e) for e in entry.examples]
    if entry.disabled:
        out["disabled"] = True
    return out


def example_from_dict(data: Mapping[str, Any]) -> Example:
    """An entry's example in the rule framework's form: ``expect`` is "failed" (the text check
    reports the entry, at the span ``at``, offering ``suggestions``) or None (nothing)."""
    return Example(
        text=data["text"],
        expect=data["expect"],
        at=data.get("at"),
        suggestions=tuple(data.get("suggestions", ())),
    )


def example_to_dict(example: Example) -> dict[str, Any]:
    out: dict[str, Any] = {"text": example.text, "expect": example.expect}
    if example.at is not None:
        out["at"] = example.at
    if example.suggestions:
        out["suggestions"] = list(example.suggestions)
    return out


class Glossary:
    """The merged glossary: built-in entries plus user overrides, read-only after construction."""

    __slots__ = ("_by_kind", "_exact", "_folded", "entries", "sources")

    def __init__(self, entries: Iterable[GlossaryEntry], sources: Iterable[str] = ()) -> None:
        # A tuple, not a list: the glossary is cached and shared, so nobody may mutate it.
        self.entries: tuple[GlossaryEntry, ...] = tuple(entries)
        self.sources: tuple[str, ...] = tuple(sources)
        self._by_kind: dict[str, list[GlossaryEntry]] = {}
        self._folded: dict[str, list[GlossaryEntry]] = {}
        self._exact: dict[str, list[GlossaryEntry]] = {}
        for entry in self.entries:
            self._by_kind.setdefault(entry.kind, []).append(entry)
            for surface in entry.surfaces:
                if entry.case_sensitive:
                    self._exact.setdefault(" ".join(surface.split()), []).append(entry)
                else:
                    self._folded.setdefault(normalize(surface), []).append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GlossaryEntry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"Glossary({len(self.entries)} entries from {', '.join(self.sources) or '-'})"

    def by_kind(self, kind: str) -> list[GlossaryEntry]:
        return list(self._by_kind.get(kind, ()))

    def lookup(self, term: str) -> list[GlossaryEntry]:
        """All entries whose term or one of whose forms is ``term`` (case rules of each entry)."""
        found = self._exact.get(" ".join(term.split()), []) + self._folded.get(normalize(term), [])
        # An entry can be reached through the term and a form that fold to the same key.
        return list(dict.fromkeys(found))
