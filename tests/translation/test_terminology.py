"""Do-not-translate terms stay verbatim; glossary translations are enforced (YAML and TBX)."""

from __future__ import annotations

from pathlib import Path

from glossaries.model import GlossaryEntry
from glossaries.tbx import from_tbx
from translators.engine import Translator
from translators.terminology import Terminology

ENTRIES = [
    GlossaryEntry(term="Antragsteller", kind="term", forms=("Antragstellerin",),
                  translations={"en": "applicant", "fr": "demandeur"}),
    GlossaryEntry(term="Bürgeramt Nord", kind="term", do_not_translate=True),
    GlossaryEntry(term="EU", kind="acronym", case_sensitive=True, translations={"en": "EU"}),
]


def test_terminology_for_pair() -> None:
    terms = Terminology.for_pair(ENTRIES, "de", "en", do_not_translate=["a11y"])
    found = {m.text: m.term.target for m in terms.find(
        "Die Antragstellerin geht zum Bürgeramt Nord, nicht zur eu, mit a11y."
    )}
    assert found == {"Antragstellerin": "applicant", "Bürgeramt Nord": None, "a11y": None}
    # Another source language: an entry counts when it translates into both languages.
    english = Terminology.for_pair(ENTRIES, "en", "fr")
    assert [m.term.target for m in english.find("The applicant signs.")] == ["demandeur"]


def test_terms_in_document(translator: Translator) -> None:
    doc = translator.translate_document(
        "<p>Der Antragsteller geht zum Bürgeramt Nord. Das Programm a11y hilft.</p>",
        "html", "de", "en", ENTRIES, do_not_translate=["a11y"],
    )
    out = doc.render()
    assert "applicant" in out
    assert "Antragsteller" not in out
    assert "Bürgeramt Nord" in out
    assert "a11y" in out
    kinds = sorted(h.kind for s in doc.segments for h in s.placeholders.values())
    assert kinds == ["glossary", "term", "term"]
    assert len(doc.segments) == 2  # one per sentence


def test_glossary_violation_in_edit_is_found(translator: Translator) -> None:
    doc = translator.translate_document(
        "Der Antragsteller unterschreibt hier.", "plain", "de", "en", ENTRIES
    )
    seg = doc.segments[0]
    assert seg.source == "Der <x1/> unterschreibt hier."
    assert doc.check({seg.id: "The <x1/> signs here."}) == []
    findings = doc.check({seg.id: "The candidate signs here."})
    rule_ids = {f.rule_id for f in findings}
    assert "translation.glossary-term" in rule_ids
    # The placeholder the edit dropped is not put back silently: QA says it is missing (an
    # error, which blocks publishing in review) and the edit renders as written.
    missing = [f for f in findings if f.rule_id == "translation.placeholder-mismatch"]
    assert missing and missing[0].severity == "error"
    assert doc.render({seg.id: "The candidate signs here."}) == "The candidate signs here."


def test_tbx_glossary_is_enforced(tmp_path: Path, translator: Translator) -> None:
    tbx = tmp_path / "terms.tbx"
    tbx.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="de"><termSec><term>Wohngeld</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>housing benefit</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>""",
        encoding="utf-8",
    )
    entries = from_tbx(tbx)
    doc = translator.translate_document("Sie bekommen Wohngeld.", "plain", "de", "en", entries)
    assert "housing benefit" in doc.render()
    assert "Wohngeld" not in doc.render()


def test_terminology_drops_empty_terms() -> None:
    """Regression: an empty source built the pattern '(?<!\\w)(?:)(?!\\w)', matching everywhere."""
    from translators.terminology import Term

    terms = Terminology([Term("", "x"), Term("   ", "y"), Term("Bürgeramt", "citizens' office")])
    assert [t.source for t in terms.terms] == ["Bürgeramt"]
    assert [m.term.source for m in terms.find("Das Bürgeramt, bitte.")] == ["Bürgeramt"]
    assert not Terminology([Term("", None)])
    assert Terminology([Term("", None)]).find("a b") == []
