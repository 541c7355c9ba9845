"""TBX-Basic export/import."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from glossaries import Example, GlossaryEntry, GlossaryError, from_tbx, load_glossaries, to_tbx
from glossaries.tbx import TBX_NS, XML_LANG

NS = {"t": TBX_NS}


def _sample() -> list[GlossaryEntry]:
    return [
        GlossaryEntry(
            term="zur Verfügung stellen",
            kind="funktionsverbgefuege",
            replacements=("geben", "bereitstellen"),
            explanation={"de": "Sagen Sie „geben“.", "en": 'Say "geben" & <keep> it short.'},
            verb="stellen",
            phrase="zur Verfügung",
            translations={"en": "provide", "tr": "sağlamak"},
            examples=(
                Example(
                    "Wir stellen Ihnen die Unterlagen zur Verfügung.",
                    expect="failed",
                    at="stellen Ihnen die Unterlagen zur Verfügung",
                    suggestions=("geben", "bereitstellen"),
                ),
                Example("Wir geben Ihnen die Unterlagen.", expect=None),
            ),
            source="sample",
        ),
        GlossaryEntry(
            term="Bürgeramt",
            kind="term",
            explanation={"de": "Amt für Ausweise und Anmeldungen."},
            translations={"en": "citizens' office"},
            do_not_translate=True,
            profiles=("standard",),
            severity="info",
            source="sample",
        ),
        GlossaryEntry(
            term="EU",
            kind="acronym",
            forms=("E.U.",),
            replacements=("Europäische Union",),
            explanation={"de": "Europäische Union", "en": "European Union"},
            case_sensitive=False,
            source="sample",
        ),
    ]


def test_round_trip_sample_is_lossless() -> None:
    entries = _sample()
    back = from_tbx(to_tbx(entries), source="sample")
    assert back == entries


def test_round_trip_all_builtin_entries_is_lossless() -> None:
    glossary = load_glossaries()
    back = from_tbx(to_tbx(glossary))
    assert len(back) == len(glossary)
    for original, imported in zip(glossary.entries, back, strict=True):
        assert dataclasses.replace(imported, source=original.source) == original


def test_export_is_tbx_basic_v3() -> None:
    xml = to_tbx(_sample())
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(xml)
    assert root.tag == f"{{{TBX_NS}}}tbx"
    assert root.get("type") == "TBX-Basic"
    assert root.get("style") == "dca"
    assert root.get(XML_LANG) == "de"
    concepts = root.findall("t:text/t:body/t:conceptEntry", NS)
    assert len(concepts) == 3
    ids = [c.get("id") for c in concepts]
    assert len(set(ids)) == 3 and all(i and not i[0].isdigit() for i in ids)

    first = concepts[0]
    assert first.findtext("t:descrip[@type='subjectField']", namespaces=NS) == (
        "funktionsverbgefuege"
    )
    de, en, tr = first.findall("t:langSec", NS)
    assert [s.get(XML_LANG) for s in (de, en, tr)] == ["de", "en", "tr"]
    terms = [
        (
            ts.findtext("t:term", namespaces=NS),
            ts.findtext("t:termNote[@type='administrativeStatus']", namespaces=NS),
        )
        for ts in de.findall("t:termSec", NS)
    ]
    assert terms == [
        ("zur Verfügung stellen", "deprecatedTerm-admn-sts"),
        ("geben", "preferredTerm-admn-sts"),
        ("bereitstellen", "preferredTerm-admn-sts"),
    ]
    assert de.findtext("t:descrip[@type='definition']", namespaces=NS) == "Sagen Sie „geben“."
    assert en.findtext("t:termSec/t:term", namespaces=NS) == "provide"


def test_export_of_builtins_parses_as_xml() -> None:
    root = ET.fromstring(to_tbx(load_glossaries()))
    assert len(root.findall(".//t:conceptEntry", NS)) == len(load_glossaries())


def test_import_from_path(tmp_path: Path) -> None:
    path = tmp_path / "Meine Begriffe.tbx"
    path.write_text(to_tbx(_sample()), encoding="utf-8")
    entries = from_tbx(path)
    assert [e.term for e in entries] == ["zur Verfügung stellen", "Bürgeramt", "EU"]
    assert {e.source for e in entries} == {"Meine Begriffe"}


def test_import_generic_tbx_without_a11y_notes() -> None:
    # As a CAT tool might write it: no kind, no status, English definition in the en section.
    xml = f"""<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="{TBX_NS}">
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="de">
        <descrip type="definition">Amt für Meldesachen.</descrip>
        <termSec><term>Bürgeramt</term></termSec>
        <termSec><term>Bürgerbüro</term></termSec>
      </langSec>
      <langSec xml:lang="EN-GB">
        <descrip type="definition">Citizens' registration office.</descrip>
        <termSec><term>citizens' office</term></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="fr"><termSec><term>mairie</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>"""
    [entry] = from_tbx(xml)
    assert entry.kind == "term"
    assert entry.term == "Bürgeramt"
    assert entry.replacements == ("Bürgerbüro",)
    assert entry.translations == {"en-GB": "citizens' office"}
    assert entry.explanation == {
        "de": "Amt für Meldesachen.",
        "en-GB": "Citizens' registration office.",
    }


def test_import_tbx_v2_martif() -> None:
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="de">
  <text><body>
    <termEntry id="t1">
      <descrip type="subjectField">amtsdeutsch</descrip>
      <langSet xml:lang="de">
        <descrip type="definition">Amtsdeutsch für Ampel.</descrip>
        <tig>
          <term>Lichtzeichenanlage</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
        </tig>
        <ntig>
          <termGrp>
            <term>Ampel</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </termGrp>
        </ntig>
      </langSet>
      <langSet xml:lang="en"><tig><term>traffic light</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>"""
    [entry] = from_tbx(xml.encode("utf-8"))
    assert (entry.term, entry.kind, entry.replacements) == (
        "Lichtzeichenanlage",
        "amtsdeutsch",
        ("Ampel",),
    )
    assert entry.translations == {"en": "traffic light"}


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tbx type="TBX-Basic" style="dca" xml:lang="de"><text><body>&lol3;</body></text></tbx>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE tbx SYSTEM "file:///etc/passwd">
<tbx type="TBX-Basic" style="dca" xml:lang="de"/>"""


@pytest.mark.parametrize("xml", [BOMB, XXE], ids=["entity-bomb", "external-doctype"])
def test_doctype_is_rejected(xml: str, tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="DOCTYPE") as info:
        from_tbx(xml)
    assert "security" in info.value.en
    path = tmp_path / "evil.tbx"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"evil\.tbx"):
        from_tbx(path)


def test_invalid_xml_is_glossary_error() -> None:
    with pytest.raises(GlossaryError, match="Zeile 1") as info:
        from_tbx("<tbx><text><body><conceptEntry></body></tbx>")
    assert "Invalid XML" in info.value.en


def test_undefined_entity_is_glossary_error() -> None:
    with pytest.raises(GlossaryError, match="XML"):
        from_tbx("<tbx>&nbsp;</tbx>")


def test_non_tbx_root_is_rejected() -> None:
    with pytest.raises(GlossaryError, match="keine TBX-Datei"):
        from_tbx("<html><body/></html>")


def test_missing_tbx_file() -> None:
    with pytest.raises(GlossaryError, match="gelesen"):
        from_tbx(Path("/nonexistent/terms.tbx"))


def test_tbx_user_file_overrides_builtin(tmp_path: Path) -> None:
    [original] = load_glossaries().lookup("Postwertzeichen")
    changed = dataclasses.replace(original, replacements=("Marke",), translations={"en": "stamp"})
    (tmp_path / "terms.tbx").write_text(to_tbx([changed]), encoding="utf-8")
    glossary = load_glossaries([tmp_path])
    [entry] = glossary.lookup("Postwertzeichen")
    assert entry.replacements == ("Marke",)
    assert entry.source == "terms"
    assert len(glossary) == len(load_glossaries())


def test_invalid_tbx_user_file_is_validated(tmp_path: Path) -> None:
    # An Amtsdeutsch concept without replacements fails the same schema rule as in YAML.
    xml = f"""<tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="{TBX_NS}"><text><body>
      <conceptEntry id="c1"><descrip type="subjectField">amtsdeutsch</descrip>
        <langSec xml:lang="de"><termSec><term>Foo</term></termSec></langSec>
      </conceptEntry></body></text></tbx>"""
    (tmp_path / "terms.tbx").write_text(xml, encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"terms\.tbx"):
        load_glossaries([tmp_path / "terms.tbx"])
