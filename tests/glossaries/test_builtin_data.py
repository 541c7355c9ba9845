"""Quality checks on the built-in glossary data (validated without the disk cache)."""

from __future__ import annotations

import functools
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from glossaries import BUILTIN_DIR, SCHEMA_PATH, load_glossaries, loader
from glossaries.loader import builtin_files, load_file
from glossaries.model import normalize
from glossaries.validation import contains_word, validate_document

FILES = builtin_files()


@pytest.fixture(autouse=True)
def _fresh_process_caches() -> Iterator[None]:
    # Replaces the package's per-test cache clearing: these tests only read the built-in files,
    # which no test writes, so one parse serves the module (test_load_time clears for itself).
    yield


@functools.cache
def _doc(path: Path) -> Any:
    # Parsed once per file for the module (the pure-Python YAML parser takes about a second for
    # the large files); the tests only read the document.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_expected_builtin_files() -> None:
    assert {p.name for p in FILES} == {
        "abbreviations.yaml",
        "amtsdeutsch.yaml",
        "foreign-words.yaml",
        "funktionsverbgefuege.yaml",
        "idioms.yaml",
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_builtin_file_matches_schema(path: Path) -> None:
    doc = _doc(path)
    # The raw schema (with $refs) and the loader's inlined copy must agree.
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(doc)
    validate_document(doc, path)
    # Full load without cache: also runs the example checks.
    file_id, entries = load_file(path, use_cache=False)
    assert file_id == path.stem
    assert len(entries) == len(doc["entries"])


def test_file_ids_unique() -> None:
    ids = [_doc(p)["id"] for p in FILES]
    assert len(ids) == len(set(ids))


def test_counts() -> None:
    counts = Counter(e.kind for e in load_glossaries())
    assert counts["amtsdeutsch"] >= 250
    assert counts["funktionsverbgefuege"] >= 80
    assert counts["amtsdeutsch"] + counts["funktionsverbgefuege"] >= 330
    assert counts["abbreviation"] + counts["acronym"] >= 80
    assert counts["acronym"] >= 20
    assert counts["foreign-word"] >= 80
    assert counts["idiom"] >= 40


def test_terms_unique_per_kind_and_file() -> None:
    for path in FILES:
        keys = Counter((e["kind"], normalize(e["term"])) for e in _doc(path)["entries"])
        assert [k for k, n in keys.items() if n > 1] == [], path.name


def test_no_surface_shared_between_entries() -> None:
    # The same string in two entries would produce two findings for one word.
    owners: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)
    for entry in load_glossaries():
        for surface in entry.surfaces:
            owners[normalize(surface)].add((entry.kind, entry.term))
    assert {s: o for s, o in owners.items() if len(o) > 1} == {}


def test_every_entry_has_explanations_and_replacements() -> None:
    problems = []
    for entry in load_glossaries():
        if not entry.explanation.get("de") or not entry.explanation.get("en"):
            problems.append(f"{entry.term}: explanation de/en")
        if not entry.replacements:
            problems.append(f"{entry.term}: replacements")
        if entry.term in entry.replacements:
            problems.append(f"{entry.term}: replaces itself")
    assert problems == []


def test_funktionsverbgefuege_have_verb_and_phrase() -> None:
    for entry in load_glossaries().by_kind("funktionsverbgefuege"):
        assert entry.verb and entry.phrase, entry.term
        # The term is the citation form: phrase plus infinitive.
        assert normalize(entry.phrase) in normalize(entry.term), entry.term
        assert normalize(entry.term).endswith(normalize(entry.verb)), entry.term


def test_examples_cover_a_third_of_entries() -> None:
    entries = load_glossaries().entries
    both = [
        e
        for e in entries
        if any(x.fails for x in e.examples) and any(not x.fails for x in e.examples)
    ]
    assert len(both) >= len(entries) // 3
    # No entry with examples should lack the counterpart.
    one_sided = [e.term for e in entries if e.examples and e not in both]
    assert one_sided == []


def test_passing_examples_are_clean_of_all_terms() -> None:
    # A "good" example that contains another flagged word would teach the wrong thing.
    glossary = load_glossaries()
    surfaces = [(s, e) for e in glossary for s in e.surfaces]
    problems = [
        (entry.term, example.text, other.term)
        for entry in glossary
        for example in entry.examples
        if not example.fails
        for surface, other in surfaces
        if contains_word(example.text, surface)
        and (not other.case_sensitive or surface in example.text)
    ]
    assert problems == []


def test_translations_for_translation_terminology() -> None:
    translated = [e for e in load_glossaries().by_kind("amtsdeutsch") if e.translations]
    assert len(translated) >= 30
    assert all("en" in e.translations for e in translated)
    assert sum("tr" in e.translations for e in translated) >= 20


def test_abbreviations_have_unspaced_form() -> None:
    for entry in load_glossaries().by_kind("abbreviation"):
        if ". " in entry.term:
            assert entry.term.replace(" ", "") in entry.forms, entry.term


def test_lookup_and_by_kind() -> None:
    glossary = load_glossaries()
    assert [e.term for e in glossary.lookup("z.B.")] == ["z. B."]
    assert [e.term for e in glossary.lookup("ANTRAGSTELLERS")] == ["Antragsteller"]
    # Acronyms are case-sensitive: "eu" is not the EU.
    assert glossary.lookup("eu") == []
    assert [e.term for e in glossary.lookup("EU")] == ["EU"]
    assert glossary.lookup("Haus") == []
    assert all(e.kind == "idiom" for e in glossary.by_kind("idiom"))


def test_entries_are_frozen() -> None:
    entry = load_glossaries().entries[0]
    with pytest.raises(AttributeError):
        entry.term = "x"  # type: ignore[misc]


def test_load_time(capsys: pytest.CaptureFixture[str]) -> None:
    # Printed so a slowdown is visible with -s. A cold load: no parse result kept in the process.
    loader._load_file_cached.cache_clear()
    loader._merge.cache_clear()
    started = time.perf_counter()
    glossary = load_glossaries()
    elapsed = time.perf_counter() - started
    assert len(glossary) > 0
    # A generous bound only (machines differ): catches a load that went from ms to minutes.
    assert elapsed < 30, elapsed
    with capsys.disabled():
        print(f"\nglossary load: {elapsed * 1000:.1f} ms ({BUILTIN_DIR})")
