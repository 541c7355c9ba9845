"""Build small but complete .docx and .odt files (as Word and LibreOffice write them) for tests."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(paragraphs: list[str], heading: str | None = None) -> bytes:
    """A Word document; a paragraph's text may be split into runs with ``|`` (as Word does)."""
    body = []
    if heading:
        body.append(
            '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
            f"<w:r><w:t>{escape(heading)}</w:t></w:r></w:p>"
        )
    for paragraph in paragraphs:
        runs = "".join(
            f'<w:r><w:t xml:space="preserve">{escape(run)}</w:t></w:r>'
            for run in paragraph.split("|")
        )
        body.append(f"<w:p>{runs}</w:p>")
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(body)}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def make_odt(paragraphs: list[str], heading: str | None = None) -> bytes:
    """An OpenDocument text; ``|`` in a paragraph becomes a span boundary, ``~`` a <text:s/>."""
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    body = []
    if heading:
        body.append(f'<text:h text:outline-level="1">{escape(heading)}</text:h>')
    for paragraph in paragraphs:
        parts = [escape(part).replace("~", "<text:s/>") for part in paragraph.split("|")]
        inner = parts[0] + "".join(f"<text:span>{part}</text:span>" for part in parts[1:])
        body.append(f"<text:p>{inner}</text:p>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content xmlns:office="{office_ns}" xmlns:text="{text_ns}" '
        'office:version="1.3"><office:body><office:text>'
        f"{''.join(body)}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The mimetype comes first and uncompressed, as the ODF standard asks.
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
