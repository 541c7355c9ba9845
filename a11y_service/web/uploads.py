"""Uploaded files for the text workbench: which types are accepted and how they become text.

``.txt``, ``.md`` and ``.html`` are text already. Office documents (``.docx``, ``.odt``) go
through :func:`read_office_document`, the seam for the document reader of the text engine.
"""

from __future__ import annotations

from pathlib import PurePath

from checkers.text.errors import TextInputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
OFFICE_SUFFIXES = (".docx", ".odt")


def office_reader_available() -> bool:
    try:
        from checkers.text import documents  # noqa: F401
    except ImportError:
        return False
    return True


def accepted_suffixes() -> tuple[str, ...]:
    return TEXT_SUFFIXES + (OFFICE_SUFFIXES if office_reader_available() else ())


def read_office_document(data: bytes, filename: str) -> tuple[str, str]:
    """``.docx``/``.odt`` through the text engine's document reader: the paragraphs as text,
    and the format to check it in."""
    from checkers.text.documents import read_document

    document = read_document(data, filename)
    return document.text, document.check_format


def upload_format(filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".html", ".htm"):
        return "html"
    return "plain"


def read_upload(data: bytes, filename: str) -> tuple[str, str]:
    """The upload as text and the format to check it in, or a :class:`TextInputError` that
    says which files work."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in OFFICE_SUFFIXES and office_reader_available():
        return read_office_document(data, filename)
    if suffix not in TEXT_SUFFIXES:
        allowed = ", ".join(accepted_suffixes())
        raise TextInputError(
            "file-type",
            f"Diese Datei-Art können wir nicht lesen. Erlaubt sind: {allowed}.",
            f"We cannot read this type of file. Allowed are: {allowed}.",
            status=422,
        )
    try:
        return data.decode("utf-8-sig"), upload_format(filename)
    except UnicodeDecodeError:
        raise TextInputError(
            "encoding",
            "Die Datei ist nicht im Format UTF-8 gespeichert. Speichern Sie sie als UTF-8.",
            "The file is not saved as UTF-8. Save it as UTF-8.",
            status=422,
        ) from None
