"""TBX-Basic (TBX v3, ISO 30042:2019, DCA style) export and import of glossary entries.

Mapping of one entry to one ``<conceptEntry>``:

* ``<descrip type="subjectField">`` holds the kind (amtsdeutsch, idiom, ...).
* The source-language ``<langSec>`` holds the flagged term (``deprecatedTerm-admn-sts``), its
  extra forms (``termType`` ``variant``, also deprecated, so CAT tools flag them as well), the
  replacements (``preferredTerm-admn-sts``, best first) and the explanations as
  ``<descrip type="definition">`` (other languages than the source carry ``xml:lang``).
* One ``<langSec>`` per translation language with the translated term.
* Fields TBX-Basic has no data category for (do_not_translate, verb/phrase, profiles, severity,
  case_sensitive, examples) travel as ``<note>a11y:key=value</note>`` so the round trip is lossless.

Import also reads TBX v2 (``martif``/``termEntry``/``langSet``/``tig``) because many translation
tools still write it. DOCTYPE and entity declarations are rejected before parsing: they are never
needed for TBX-Basic and are the vector for entity-expansion ("billion laughs") and XXE attacks.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from xml.parsers import expat

from .errors import GlossaryError
from .model import (
    DEFAULT_PROFILES,
    DEFAULT_SEVERITY,
    KINDS,
    Example,
    Glossary,
    GlossaryEntry,
)

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEPRECATED = "deprecatedTerm-admn-sts"
SUPERSEDED = "supersededTerm-admn-sts"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
NOTE_PREFIX = "a11y:"
_XML_MODEL = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/'
    'DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"?>'
)
# TBX-Basic termType picklist values that describe the flagged term of each kind.
_TERM_TYPE = {
    "abbreviation": "abbreviation",
    "acronym": "acronym",
    "funktionsverbgefuege": "phrase",
    "idiom": "phrase",
}
_TRUE = {"true", "1", "yes", "ja"}


# ---------------------------------------------------------------------------------------- export


def _descrip(parent: ET.Element, kind: str, text: str, lang: str | None = None) -> None:
    element = ET.SubElement(parent, "descrip", {"type": kind})
    if lang:
        element.set(XML_LANG, lang)
    element.text = text


def _term_sec(
    parent: ET.Element, term: str, status: str | None, term_type: str | None = None
) -> None:
    term_sec = ET.SubElement(parent, "termSec")
    ET.SubElement(term_sec, "term").text = term
    if term_type:
        ET.SubElement(term_sec, "termNote", {"type": "termType"}).text = term_type
    if status:
        ET.SubElement(term_sec, "termNote", {"type": "administrativeStatus"}).text = status


def _notes(entry: GlossaryEntry) -> Iterator[str]:
    if entry.do_not_translate:
        yield "do_not_translate=true"
    if entry.verb is not None:
        yield f"verb={entry.verb}"
    if entry.phrase is not None:
        yield f"phrase={entry.phrase}"
    if entry.profiles != DEFAULT_PROFILES:
        yield "profiles=" + " ".join(entry.profiles)
    if entry.severity != DEFAULT_SEVERITY:
        yield f"severity={entry.severity}"
    if entry.case_sensitive != (entry.kind == "acronym"):
        yield f"case_sensitive={'true' if entry.case_sensitive else 'false'}"
    for example in entry.examples:
        yield f"example-{'fail' if example.fails else 'pass'}={example.text}"
        # The span and the suggestions belong to the example just before them.
        if example.at is not None:
            yield f"example-at={example.at}"
        for suggestion in example.suggestions:
            yield f"example-suggestion={suggestion}"


def _concept(body: ET.Element, entry: GlossaryEntry, number: int, source_lang: str) -> None:
    # xml:id values must be NCNames (no leading digit), hence the "c-" prefix.
    prefix = re.sub(r"[^A-Za-z0-9_.-]+", "-", entry.source) or "entry"
    concept = ET.SubElement(body, "conceptEntry", {"id": f"c-{prefix}-{number}"})
    _descrip(concept, "subjectField", entry.kind)
    for note in _notes(entry):
        ET.SubElement(concept, "note").text = NOTE_PREFIX + note

    lang_sec = ET.SubElement(concept, "langSec", {XML_LANG: source_lang})
    for lang, text in entry.explanation.items():
        _descrip(lang_sec, "definition", text, None if lang == source_lang else lang)
    # Plain terminology ("term") is not discouraged; everything else is what the checker flags.
    main_status = ADMITTED if entry.kind == "term" else DEPRECATED
    _term_sec(lang_sec, entry.term, main_status, _TERM_TYPE.get(entry.kind))
    for form in entry.forms:
        _term_sec(lang_sec, form, DEPRECATED if entry.kind != "term" else ADMITTED, "variant")
    replacement_type = "fullForm" if entry.kind in ("abbreviation", "acronym") else None
    for replacement in entry.replacements:
        _term_sec(lang_sec, replacement, PREFERRED, replacement_type)

    for lang, translation in entry.translations.items():
        target = ET.SubElement(concept, "langSec", {XML_LANG: lang})
        _term_sec(target, translation, None)


def to_tbx(glossary_or_entries: Glossary | Iterable[GlossaryEntry], source_lang: str = "de") -> str:
    """Serialize entries as a TBX-Basic (TBX v3, DCA) document."""
    if isinstance(glossary_or_entries, Glossary):
        entries: Iterable[GlossaryEntry] = glossary_or_entries.entries
    else:
        entries = glossary_or_entries
    root = ET.Element(
        "tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: source_lang, "xmlns": TBX_NS}
    )
    source_desc = ET.SubElement(
        ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc"), "sourceDesc"
    )
    ET.SubElement(
        source_desc, "p"
    ).text = "a11y glossary: hard-to-read terms (deprecated) with plain alternatives (preferred)."
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, entry in enumerate(entries, 1):
        _concept(body, entry, number, source_lang)
    ET.indent(root, space="  ")
    xml = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{_XML_MODEL}\n{xml}\n'


# ---------------------------------------------------------------------------------------- import


class _ForbiddenDeclarationError(Exception):
    pass


def _read(text_or_path: str | bytes | os.PathLike[str]) -> tuple[str | bytes, str | None]:
    if isinstance(text_or_path, bytes):
        return text_or_path, None
    if isinstance(text_or_path, str) and text_or_path.lstrip("\ufeff \t\r\n").startswith("<"):
        return text_or_path, None
    path = Path(text_or_path)
    try:
        return path.read_bytes(), str(path)
    except OSError as exc:
        raise GlossaryError(
            f"Die TBX-Datei kann nicht gelesen werden ({exc.strerror}).",
            f"The TBX file cannot be read ({exc.strerror}).",
            path=path,
        ) from None


def _forbid(*_args: object) -> None:
    raise _ForbiddenDeclarationError


def _reject_declarations(data: str | bytes, origin: str | None) -> None:
    """Scan with a bare expat parser that aborts at the first DOCTYPE or ENTITY declaration."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    try:
        parser.Parse(data, True)
    except _ForbiddenDeclarationError:
        raise GlossaryError(
            "Die TBX-Datei enthält eine DOCTYPE- oder ENTITY-Deklaration. Das ist aus "
            "Sicherheitsgründen nicht erlaubt (XML-Bomben, externe Entitäten).",
            "The TBX file contains a DOCTYPE or ENTITY declaration. This is not allowed for "
            "security reasons (XML bombs, external entities).",
            path=origin,
        ) from None
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code)
        raise GlossaryError(
            f"Ungültiges XML in Zeile {exc.lineno}, Spalte {exc.offset + 1}: {message}",
            f"Invalid XML at line {exc.lineno}, column {exc.offset + 1}: {message}",
            path=origin,
        ) from None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _info(element: ET.Element) -> Iterator[ET.Element]:
    """Direct data-category children, looking into *Grp wrappers (descripGrp, adminGrp)."""
    for child in element:
        if _local(child.tag).endswith("Grp"):
            yield from child
        else:
            yield child


def _same_lang(lang: str | None, wanted: str) -> bool:
    if not lang:
        return False
    lang, wanted = lang.lower(), wanted.lower()
    return lang == wanted or lang.split("-")[0] == wanted.split("-")[0]


def _norm_lang(lang: str) -> str:
    primary, _, rest = lang.partition("-")
    return f"{primary.lower()}-{rest}" if rest else primary.lower()


class _Term:
    __slots__ = ("status", "term", "term_type")

    def __init__(self, section: ET.Element) -> None:
        self.term = ""
        self.status = ""
        self.term_type = ""
        for node in section.iter():
            name = _local(node.tag)
            if name == "term" and not self.term:
                self.term = _text(node)
            elif name == "termNote":
                kind = node.get("type")
                if kind == "administrativeStatus":
                    self.status = _text(node)
                elif kind == "termType":
                    self.term_type = _text(node)


def _terms(lang_sec: ET.Element) -> list[_Term]:
    found = [_Term(child) for child in lang_sec if _local(child.tag) in ("termSec", "tig", "ntig")]
    return [t for t in found if t.term]


def _parse_notes(concept: ET.Element) -> tuple[dict[str, str], list[Example]]:
    notes: dict[str, str] = {}
    examples: list[Example] = []
    for child in _info(concept):
        if _local(child.tag) != "note":
            continue
        text = "".join(child.itertext()).strip()
        if not text.startswith(NOTE_PREFIX):
            continue
        key, _, value = text[len(NOTE_PREFIX) :].partition("=")
        key = key.strip()
        if key in ("example-fail", "example-pass"):
            expect = "failed" if key == "example-fail" else None
            examples.append(Example(text=value.strip(), expect=expect))
        elif key == "example-at" and examples:
            examples[-1] = replace(examples[-1], at=value.strip())
        elif key == "example-suggestion" and examples:
            suggestions = (*examples[-1].suggestions, value.strip())
            examples[-1] = replace(examples[-1], suggestions=suggestions)
        else:
            notes[key] = value.strip()
    return notes, examples


def _concept_to_entry(concept: ET.Element, source_lang: str, source: str) -> GlossaryEntry | None:
    kind = "term"
    for child in _info(concept):
        if _local(child.tag) == "descrip" and child.get("type") == "subjectField":
            value = _text(child)
            if value in KINDS:
                kind = value
    notes, examples = _parse_notes(concept)

    lang_secs = [c for c in concept if _local(c.tag) in ("langSec", "langSet")]
    source_secs = [s for s in lang_secs if _same_lang(s.get(XML_LANG), source_lang)]
    terms = [t for sec in source_secs for t in _terms(sec)]
    if not terms:
        # A concept without a source-language term has nothing the checker could look for.
        return None
    deprecated = [t for t in terms if t.status in (DEPRECATED, SUPERSEDED)]
    main = next((t for t in deprecated if t.term_type != "variant"), None)
    if main is None:
        main = deprecated[0] if deprecated else terms[0]
    forms = [
        t.term for t in terms if t is not main and (t in deprecated or t.term_type == "variant")
    ]
    replacements = [t.term for t in terms if t is not main and t.term not in forms]

    explanation: dict[str, str] = {}
    for sec in source_secs:
        for child in _info(sec):
            if _local(child.tag) == "descrip" and child.get("type") == "definition":
                lang = child.get(XML_LANG)
                key = source_lang if lang is None or _same_lang(lang, source_lang) else lang
                explanation.setdefault(_norm_lang(key), _text(child))

    translations: dict[str, str] = {}
    for sec in lang_secs:
        lang = sec.get(XML_LANG)
        if not lang or sec in source_secs:
            continue
        target_terms = _terms(sec)
        if target_terms:
            best = next((t for t in target_terms if t.status == PREFERRED), target_terms[0])
            translations.setdefault(_norm_lang(lang), best.term)
        # Tools that keep an English definition in the English section: use it as explanation.
        for child in _info(sec):
            if _local(child.tag) == "descrip" and child.get("type") == "definition":
                explanation.setdefault(_norm_lang(lang), _text(child))

    profiles = tuple(notes["profiles"].split()) if "profiles" in notes else DEFAULT_PROFILES
    case_sensitive = (
        notes["case_sensitive"].lower() in _TRUE if "case_sensitive" in notes else kind == "acronym"
    )
    return GlossaryEntry(
        term=main.term,
        kind=kind,
        replacements=tuple(dict.fromkeys(replacements)),
        explanation=explanation,
        forms=tuple(dict.fromkeys(forms)),
        verb=notes.get("verb"),
        phrase=notes.get("phrase"),
        profiles=profiles,
        severity=notes.get("severity", DEFAULT_SEVERITY),
        case_sensitive=case_sensitive,
        translations=translations,
        do_not_translate=notes.get("do_not_translate", "").lower() in _TRUE,
        examples=tuple(examples),
        source=source,
    )


def from_tbx(
    text_or_path: str | bytes | os.PathLike[str],
    *,
    source_lang: str | None = None,
    source: str | None = None,
) -> list[GlossaryEntry]:
    """Read TBX (v3 TBX-Basic, also v2 ``martif``) given as XML text, bytes or a file path.

    ``source_lang`` defaults to the document's ``xml:lang`` (else German); ``source`` becomes
    each entry's ``source`` (default: the file name without suffix, or "tbx").
    Raises :class:`GlossaryError` on unreadable, invalid or unsafe XML.
    """
    data, origin = _read(text_or_path)
    _reject_declarations(data, origin)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:  # pragma: no cover - expat already accepted the document
        raise GlossaryError(f"Ungültiges XML: {exc}", f"Invalid XML: {exc}", path=origin) from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise GlossaryError(
            f"Das ist keine TBX-Datei (Wurzelelement <{_local(root.tag)}>).",
            f"This is not a TBX file (root element <{_local(root.tag)}>).",
            path=origin,
        )
    lang = source_lang or root.get(XML_LANG) or "de"
    if source is None:
        source = Path(origin).stem if origin else "tbx"
    entries: list[GlossaryEntry] = []
    for concept in root.iter():
        if _local(concept.tag) in ("conceptEntry", "termEntry"):
            entry = _concept_to_entry(concept, lang, source)
            if entry is not None:
                entries.append(entry)
    return entries
