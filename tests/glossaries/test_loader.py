"""User glossary files: override, disable, errors, example checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossaries import GlossaryError, load_glossaries
from glossaries.validation import contains_word

HEADER = "schema_version: 1\nid: meine-begriffe\nlang: de\nentries:\n"


def _write(path: Path, entries: str, header: str = HEADER) -> Path:
    path.write_text(header + entries, encoding="utf-8")
    return path


def test_user_file_adds_entry(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "user.yaml",
        """  - term: Quartiersmanagement
    kind: amtsdeutsch
    replacements: [Stadtteilbüro]
    explanation: {de: Das Büro für Ihren Stadtteil.}
""",
    )
    glossary = load_glossaries([user])
    [entry] = glossary.lookup("quartiersmanagement")
    assert entry.source == "meine-begriffe"
    assert entry.explanation_for("en") == "Das Büro für Ihren Stadtteil."  # falls back to de
    assert len(glossary) == len(load_glossaries()) + 1
    assert glossary.sources[-1] == "meine-begriffe"


def test_user_file_overrides_builtin(tmp_path: Path) -> None:
    builtin = load_glossaries()
    [original] = builtin.lookup("zwecks")
    user = _write(
        tmp_path / "user.yaml",
        """  - term: Zwecks
    kind: amtsdeutsch
    replacements: [damit]
    explanation: {de: Eigene Erklärung., en: Own explanation.}
    severity: error
""",
    )
    glossary = load_glossaries([user])
    [entry] = glossary.lookup("zwecks")
    assert entry.replacements == ("damit",)
    assert entry.severity == "error"
    assert entry.source == "meine-begriffe"
    assert len(glossary) == len(builtin)
    # The override keeps the built-in's position.
    assert glossary.entries.index(entry) == builtin.entries.index(original)


def test_later_file_wins(tmp_path: Path) -> None:
    entry = """  - term: Foo
    kind: term
    replacements: [{0}]
"""
    first = _write(tmp_path / "a.yaml", entry.format("eins"))
    second = _write(tmp_path / "b.yaml", entry.format("zwei"), HEADER.replace("meine", "andere"))
    glossary = load_glossaries([first, second], include_builtin=False)
    assert [e.replacements for e in glossary] == [("zwei",)]


def test_disable_builtin(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "user.yaml",
        """  - term: z. B.
    kind: abbreviation
    disabled: true
  - term: Workshop
    kind: foreign-word
    disabled: true
""",
    )
    glossary = load_glossaries([user])
    assert glossary.lookup("z. B.") == []
    assert glossary.lookup("Workshop") == []
    assert len(glossary) == len(load_glossaries()) - 2


def test_disable_needs_matching_kind(tmp_path: Path) -> None:
    user = _write(tmp_path / "user.yaml", "  - {term: Workshop, kind: idiom, disabled: true}\n")
    assert load_glossaries([user]).lookup("Workshop") != []


def test_directory_of_user_files(tmp_path: Path) -> None:
    _write(tmp_path / "a.yml", "  - {term: Alpha, kind: term}\n")
    _write(tmp_path / "b.yaml", "  - {term: Beta, kind: term}\n", HEADER.replace("meine", "b"))
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    glossary = load_glossaries([tmp_path], include_builtin=False)
    assert [e.term for e in glossary] == ["Alpha", "Beta"]


def test_invalid_user_file_names_file_and_entry(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "kaputt.yaml",
        """  - term: Bescheid
    kind: amtsdeutch
    replacements: [Entscheidung]
    explanation: {de: Entscheidung vom Amt.}
""",
    )
    with pytest.raises(GlossaryError) as info:
        load_glossaries([user])
    err = info.value
    assert "kaputt.yaml" in str(err)
    assert err.index == 0
    assert err.term == "Bescheid"
    assert "nicht erlaubt" in err.de
    assert "not allowed" in err.en
    assert "Eintrag 1 „Bescheid“" in str(err)


@pytest.mark.parametrize(
    ("entries", "needle"),
    [
        ("  - {term: Foo, kind: amtsdeutsch}\n", "replacements"),
        ("  - {term: Foo, kind: term, colour: red}\n", "colour"),
        ("  - {term: '', kind: term}\n", "term"),
        ("  - {term: Foo, kind: term, verb: machen}\n", "phrase"),
        ("  - {term: Foo, kind: term, profiles: [leicht, schwer]}\n", "schwer"),
        (
            "  - {term: Foo, kind: idiom, replacements: [], explanation: {de: x}}\n",
            "empty",
        ),
    ],
)
def test_schema_errors(tmp_path: Path, entries: str, needle: str) -> None:
    user = _write(tmp_path / "user.yaml", entries)
    with pytest.raises(GlossaryError) as info:
        load_glossaries([user], include_builtin=False)
    assert needle in str(info.value)


def test_wrong_top_level(tmp_path: Path) -> None:
    user = tmp_path / "user.yaml"
    user.write_text("schema_version: 2\nid: Bad Id\nentries: {}\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_glossaries([user], include_builtin=False)
    text = str(info.value)
    assert "user.yaml" in text and "lang" in text and "schema_version" in text


def test_yaml_syntax_error(tmp_path: Path) -> None:
    user = _write(tmp_path / "user.yaml", "  - term: [unclosed\n")
    with pytest.raises(GlossaryError) as info:
        load_glossaries([user])
    assert "YAML" in str(info.value) and "user.yaml" in str(info.value)
    assert "Zeile" in info.value.de and "line" in info.value.en


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="nicht gefunden"):
        load_glossaries([tmp_path / "fehlt.yaml"])
    latin = tmp_path / "latin.yaml"
    latin.write_bytes((HEADER + "  - {term: Gebühr, kind: term}\n").encode("latin-1"))
    with pytest.raises(GlossaryError, match="UTF-8"):
        load_glossaries([latin])


def test_duplicate_entry_in_one_file(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "user.yaml", "  - {term: Foo, kind: term}\n  - {term: foo, kind: term}\n"
    )
    with pytest.raises(GlossaryError, match="doppelter Eintrag") as info:
        load_glossaries([user], include_builtin=False)
    assert info.value.index == 1


def test_failing_example_must_contain_term(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "user.yaml",
        """  - term: fernmündlich
    kind: amtsdeutsch
    replacements: [telefonisch]
    explanation: {de: Veraltet für telefonisch., en: Dated for by phone.}
    examples:
      - {text: "Rufen Sie uns an.", expect: failed}
""",
    )
    with pytest.raises(GlossaryError, match="Fehl-Beispiel") as info:
        load_glossaries([user], include_builtin=False)
    assert info.value.term == "fernmündlich"
    assert "user.yaml" in str(info.value)


def test_passing_example_must_not_contain_term(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "user.yaml",
        """  - term: Lichtbild
    kind: amtsdeutsch
    forms: [Lichtbilder]
    replacements: [Foto]
    explanation: {de: Foto., en: Photo.}
    examples:
      - {text: "Bringen Sie zwei LICHTBILDER mit.", expect: null}
""",
    )
    with pytest.raises(GlossaryError, match="Gut-Beispiel"):
        load_glossaries([user], include_builtin=False)


LICHTBILD = """  - term: Lichtbild
    kind: amtsdeutsch
    replacements: [Foto]
    explanation: {de: Foto., en: Photo.}
    examples:
"""


@pytest.mark.parametrize(
    ("example", "wording"),
    [
        ('{text: "Ein Lichtbild bitte.", expect: failed, at: "Foto"}', "steht nicht im Beispiel"),
        ('{text: "Ein Foto bitte.", expect: null, at: "Foto"}', "nennt eine Stelle"),
    ],
)
def test_example_span_must_fit(tmp_path: Path, example: str, wording: str) -> None:
    user = _write(tmp_path / "user.yaml", LICHTBILD + f"      - {example}\n")
    with pytest.raises(GlossaryError, match=wording) as info:
        load_glossaries([user], include_builtin=False)
    assert info.value.term == "Lichtbild"


def test_examples_in_the_old_form_point_to_the_new_one(tmp_path: Path) -> None:
    old_form = '      - {text: "Ein Lichtbild.", fails: true}\n'
    user = _write(tmp_path / "user.yaml", LICHTBILD + old_form)
    with pytest.raises(GlossaryError) as info:
        load_glossaries([user], include_builtin=False)
    assert "expect: failed" in info.value.de
    assert "expect: failed" in info.value.en
    assert "migrate_glossary_examples" in str(info.value)


def test_examples_for_verb_entries_use_phrase(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "user.yaml",
        """  - term: in Anspruch nehmen
    kind: funktionsverbgefuege
    verb: nehmen
    phrase: in Anspruch
    replacements: [nutzen]
    explanation: {de: nutzen, en: use}
    examples:
      - text: "Nehmen Sie die Hilfe in Anspruch."
        expect: failed
        at: "Nehmen Sie die Hilfe in Anspruch"
      - {text: "Nutzen Sie die Hilfe.", expect: null}
""",
    )
    [entry] = load_glossaries([user], include_builtin=False)
    assert entry.verb == "nehmen"


def test_file_defaults_apply(tmp_path: Path) -> None:
    header = HEADER.replace(
        "entries:\n", "defaults: {severity: info, profiles: [leicht]}\nentries:\n"
    )
    user = _write(
        tmp_path / "user.yaml",
        "  - {term: Foo, kind: term}\n  - {term: Bar, kind: term, severity: error}\n",
        header,
    )
    foo, bar = load_glossaries([user], include_builtin=False)
    assert (foo.severity, foo.profiles) == ("info", ("leicht",))
    assert (bar.severity, bar.profiles) == ("error", ("leicht",))


def test_edited_user_file_is_reloaded(tmp_path: Path) -> None:
    user = _write(tmp_path / "user.yaml", "  - {term: Foo, kind: term}\n")
    assert [e.term for e in load_glossaries([user], include_builtin=False)] == ["Foo"]
    _write(user, "  - {term: Foo, kind: term}\n  - {term: Barbara, kind: term}\n")
    assert len(load_glossaries([user], include_builtin=False)) == 2


def test_repeated_load_is_cached() -> None:
    assert load_glossaries() is load_glossaries()


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("Bitte z. B. so.", "z. B.", True),
        ("Bitte z.  B. so.", "z. B.", True),
        ("Der Antragstellende kommt.", "Antragsteller", False),
        ("Die EU-Kommission", "EU", True),
        ("Teufel", "EU", False),
        ("Siehe § 5", "§", True),
        ("STRASSE", "Straße", True),
    ],
)
def test_contains_word(text: str, needle: str, expected: bool) -> None:
    assert contains_word(text, needle) is expected
