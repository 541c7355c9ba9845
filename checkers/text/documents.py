"""Reading the documents editors have: Word (.docx), OpenDocument (.odt) and plain files.

``read_document(data, filename)`` turns uploaded bytes into the text the check reads. Offsets of
findings then point into ``ReadDocument.text``: the document's paragraphs in order, one per line
and an empty line between them, so an editor finds a quoted sentence in the original.

Why these readers: mammoth (BSD) is made for .docx and reads the paragraphs without Word; an
.odt is a zip whose ``content.xml`` holds the paragraphs (``text:p``/``text:h``), which a small
lxml reader gets right without a further dependency. Both refuse oversized or broken archives
with a clear bilingual error instead of a traceback.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from checkers.text.errors import TextInputError

InputFormat = Literal["docx", "odt", "html", "markdown", "plain"]

# A zip bomb guard: a real letter's content.xml or document.xml is a few MB at most.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# A member this much larger unpacked than packed is a bomb, not a letter (real XML packs ~5-20x).
MAX_COMPRESSION_RATIO = 100
# Tiny members (an empty part of many spaces) may pack better; below this size the ratio is moot.
RATIO_CHECK_FROM_BYTES = 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
_TEXT_SUFFIXES: dict[str, InputFormat] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "plain",
    ".text": "plain",
}
_WHITESPACE = re.compile(r"[ \t\r\n]+")
_ODF_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """The text of a document, the format it came in and its (file) name."""

    text: str
    input_format: InputFormat
    name: str

    @property
    def check_format(self) -> str:
        """The format to hand the text check (documents become plain paragraphs)."""
        return self.input_format if self.input_format in ("html", "markdown") else "plain"


def read_document(data: bytes, filename: str) -> ReadDocument:
    """Read ``data`` (the file's bytes) by its name's suffix and content.

    Raises :class:`TextInputError` (kind ``document``/``encoding``) for what cannot be read.
    """
    name = PurePath(filename or "").name or "dokument"
    suffix = PurePath(name).suffix.lower()
    if suffix == ".docx" or (suffix not in (".odt",) and _is_zip_with(data, "word/document.xml")):
        return ReadDocument(_read_docx(data, name), "docx", name)
    if suffix == ".odt" or _is_zip_with(data, "content.xml"):
        return ReadDocument(_read_odt(data, name), "odt", name)
    if suffix in (".doc", ".pdf", ".rtf", ".pages"):
        raise _unsupported(name)
    if data.startswith(ZIP_MAGIC):
        raise _unsupported(name)
    text = _decode(data)
    return ReadDocument(text, _TEXT_SUFFIXES.get(suffix, _sniff(text)), name)


def is_office_document(data: bytes, filename: str) -> bool:
    """True for .docx/.odt files (by name or content), which need :func:`read_document`."""
    suffix = PurePath(filename or "").suffix.lower()
    return suffix in (".docx", ".odt") or data.startswith(ZIP_MAGIC)


def _is_zip_with(data: bytes, member: str) -> bool:
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _open_member(data: bytes, member: str, name: str) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(member)
            if info.file_size > MAX_UNPACKED_BYTES:
                raise _broken(name, "zu groß / too large")
            return archive.read(member)
    except KeyError:
        raise _broken(name, f"{member} fehlt / missing") from None
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
        raise _broken(name, str(error)) from None


def _check_archive(data: bytes, name: str) -> None:
    """Refuse a zip bomb before anything is unpacked: mammoth reads styles, numbering, notes
    and more besides the main part, so every member counts, not only the one we read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
        raise _broken(name, str(error)) from None
    total = sum(info.file_size for info in members)
    bomb = any(
        info.file_size > RATIO_CHECK_FROM_BYTES
        and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        for info in members
    )
    if total > MAX_UNPACKED_BYTES or bomb:
        limit = MAX_UNPACKED_BYTES // (1024 * 1024)
        raise TextInputError(
            "document-too-large",
            f"Das Dokument {name!r} ist entpackt zu groß oder ungewöhnlich stark gepackt "
            f"(höchstens {limit} MB entpackt). Bitte speichern Sie es neu oder teilen Sie es auf.",
            f"The document {name!r} is too large unpacked or unusually highly compressed "
            f"(at most {limit} MB unpacked). Please save it again or split it.",
            status=413,
        )


def _read_docx(data: bytes, name: str) -> str:
    import mammoth

    _check_archive(data, name)
    # Reads the member once to apply the size guard before mammoth unpacks it.
    _open_member(data, "word/document.xml", name)
    try:
        result = mammoth.extract_raw_text(io.BytesIO(data))
    except Exception as error:  # mammoth raises many kinds for broken files; the user needs one
        raise _broken(name, type(error).__name__) from None
    return _normalise(result.value)


def _read_odt(data: bytes, name: str) -> str:
    from lxml import etree

    _check_archive(data, name)
    content = _open_member(data, "content.xml", name)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        raise _broken(name, str(error)) from None
    body = root.find(f"{{{_OFFICE_NS}}}body")
    paragraphs = []
    for element in (body if body is not None else root).iter(f"{{{_ODF_NS}}}p", f"{{{_ODF_NS}}}h"):
        # A paragraph inside a list item or table cell is its own block; nested notes are
        # read where they stand, as a reader of the document meets them.
        if _has_paragraph_ancestor(element):
            continue
        paragraphs.append(_odf_text(element))
    return _normalise("\n\n".join(p for p in paragraphs if p.strip()))


def _has_paragraph_ancestor(element: object) -> bool:
    parent = element.getparent()  # type: ignore[attr-defined]
    while parent is not None:
        if parent.tag in (f"{{{_ODF_NS}}}p", f"{{{_ODF_NS}}}h"):
            return True
        parent = parent.getparent()
    return False


def _odf_text(element: object) -> str:
    """The visible text of an ODF paragraph: spans, links, <text:s/>, tabs and line breaks."""
    parts: list[str] = []

    def walk(node: object) -> None:
        tag = node.tag  # type: ignore[attr-defined]
        if tag == f"{{{_ODF_NS}}}s":
            parts.append(" " * int(node.get(f"{{{_ODF_NS}}}c", "1") or 1))  # type: ignore[attr-defined]
        elif tag == f"{{{_ODF_NS}}}tab":
            parts.append("\t")
        elif tag == f"{{{_ODF_NS}}}line-break":
            parts.append("\n")
        elif tag in (f"{{{_ODF_NS}}}note", f"{{{_ODF_NS}}}annotation"):
            pass  # footnotes and comments are not part of the running text
        else:
            if node.text:  # type: ignore[attr-defined]
                parts.append(_collapse(node.text))  # type: ignore[attr-defined]
            for child in node:  # type: ignore[attr-defined]
                walk(child)
                if child.tail:
                    parts.append(_collapse(child.tail))
            return
        # special elements have no text of their own; their tails are added by the parent loop

    walk(element)
    return "".join(parts)


def _collapse(text: str) -> str:
    # ODF white-space processing: runs of spaces, tabs and newlines in the XML are one space;
    # deliberate extra spaces are <text:s/>.
    return _WHITESPACE.sub(" ", text)


def _normalise(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip("\n")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TextInputError(
            "encoding",
            f"Der Text ist kein gültiges UTF-8 (Byte {error.start}). Speichern Sie ihn als UTF-8, "
            "oder laden Sie ein Word-Dokument (.docx) oder OpenDocument (.odt) hoch.",
            f"The text is not valid UTF-8 (byte {error.start}). Save it as UTF-8, or upload a "
            "Word (.docx) or OpenDocument (.odt) file.",
        ) from None


def _sniff(text: str) -> InputFormat:
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<p", "<div", "<h1", "<body")):
        return "html"
    return "plain"


def _unsupported(name: str) -> TextInputError:
    return TextInputError(
        "document",
        f"Das Format von {name!r} wird nicht unterstützt. Möglich sind .docx, .odt, .txt, .md "
        "und .html.",
        f"The format of {name!r} is not supported. Use .docx, .odt, .txt, .md or .html.",
        status=415,
    )


def _broken(name: str, detail: str) -> TextInputError:
    return TextInputError(
        "document",
        f"Das Dokument {name!r} lässt sich nicht lesen ({detail}). Ist die Datei beschädigt?",
        f"The document {name!r} cannot be read ({detail}). Is the file damaged?",
        status=422,
    )
