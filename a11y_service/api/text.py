"""/v1/text: the text check and the rule catalogue."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, ClassVar, Literal

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.concurrency import sync_to_thread
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.enums import RequestEncodingType
from litestar.params import Body

from checkers.report import Report, encode_report
from checkers.text.documents import ReadDocument, read_document
from checkers.text.engine import CheckRequest, TextChecker
from checkers.text.errors import TextInputError
from checkers.text.rules import all_rules

# A Word file with pictures is much larger than its text; the text limit still applies after
# reading it.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class TextCheckBody(msgspec.Struct, forbid_unknown_fields=True):
    text: str | None = None
    format: Literal["auto", "plain", "markdown", "html"] = "auto"
    lang: str | None = None
    profile: str | None = None
    id: str | None = None
    # Instead of ``text``: a .docx/.odt/.txt/.md/.html file, base64-encoded, and its name.
    document: str | None = None
    filename: str | None = None


class DocumentForm(msgspec.Struct):
    file: UploadFile
    profile: str | None = None
    lang: str | None = None
    id: str | None = None


class RuleInfo(msgspec.Struct):
    id: str
    title: str
    standards: list[str]
    severity: dict[str, str | None]
    explanation: str


def request_locale(request: Request) -> Literal["de", "en"]:
    header = request.headers.get("accept-language", "")
    return "en" if header.lower().startswith("en") else "de"


def _decode_document(data: TextCheckBody) -> ReadDocument | None:
    if data.document is None:
        if data.text is None:
            raise TextInputError(
                "text-missing",
                "Geben Sie 'text' oder 'document' (base64) mit 'filename' an.",
                "Give 'text' or 'document' (base64) with 'filename'.",
                status=422,
            )
        return None
    if data.text is not None:
        raise TextInputError(
            "text-and-document",
            "Geben Sie entweder 'text' oder 'document' an, nicht beides.",
            "Give either 'text' or 'document', not both.",
            status=422,
        )
    if len(data.document) > MAX_DOCUMENT_BYTES * 4 // 3 + 4:
        raise _document_too_large()
    try:
        raw = base64.b64decode(data.document, validate=True)
    except (binascii.Error, ValueError):
        raise TextInputError(
            "document",
            "'document' ist kein gültiges base64.",
            "'document' is not valid base64.",
        ) from None
    return read_document(raw, data.filename or "")


def _document_too_large() -> TextInputError:
    return TextInputError(
        "too-large",
        f"Das Dokument ist größer als {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB.",
        f"The document is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB.",
        status=413,
    )


def _check_document(checker: TextChecker, document: ReadDocument, request: CheckRequest) -> Report:
    report = checker.check(request)
    report.target.format = document.input_format
    report.target.name = document.name
    return report


class TextController(Controller):
    path = "/v1/text"
    tags: ClassVar[list[str]] = ["text"]

    @post(
        "/check",
        status_code=200,
        sync_to_thread=True,
        summary="Text prüfen / Check a text",
        description=(
            "Lesbarkeit und Regeln für Leichte und Einfache Sprache. Antwort: der Bericht im "
            "Format schema_version 1. / Readability and easy-language rules; returns the report."
        ),
    )
    def check(
        self,
        request: Request,
        data: Annotated[TextCheckBody, Body(title="Text")],
        text_checker: NamedDependency[TextChecker],
    ) -> Response[bytes]:
        request.app.state.api_limiter.check(request)  # anonymous use is open, but limited
        document = _decode_document(data)
        request_data = CheckRequest(
            text=document.text if document else data.text or "",
            format=data.format if not document or data.format != "auto" else document.check_format,
            lang=data.lang,
            profile=data.profile,
            id=data.id,
            locale=request_locale(request),
        )
        if document is not None:
            report = _check_document(text_checker, document, request_data)
        else:
            report = text_checker.check(request_data)
        return Response(content=encode_report(report), media_type="application/json")

    @post(
        "/check-document",
        status_code=200,
        summary="Dokument prüfen / Check a document",
        request_max_body_size=MAX_DOCUMENT_BYTES + 64 * 1024,
        description=(
            "Multipart-Upload einer Datei (.docx, .odt, .txt, .md, .html) im Feld 'file'; "
            "Antwort wie /v1/text/check. / Multipart upload of a file in field 'file'; "
            "answers like /v1/text/check."
        ),
    )
    async def check_document(
        self,
        request: Request,
        data: Annotated[DocumentForm, Body(media_type=RequestEncodingType.MULTI_PART)],
        text_checker: NamedDependency[TextChecker],
    ) -> Response[bytes]:
        request.app.state.api_limiter.check(request)
        raw = await data.file.read()
        if len(raw) > MAX_DOCUMENT_BYTES:
            raise _document_too_large()
        document = read_document(raw, data.file.filename or "")
        request_data = CheckRequest(
            text=document.text,
            format=document.check_format,
            lang=data.lang,
            profile=data.profile,
            id=data.id,
            locale=request_locale(request),
        )
        report = await sync_to_thread(_check_document, text_checker, document, request_data)
        return Response(content=encode_report(report), media_type="application/json")

    @get("/rules", summary="Regeln / Rules")
    async def rules(self, request: Request) -> list[RuleInfo]:
        locale = request_locale(request)
        return [
            RuleInfo(
                id=r.meta.id,
                title=r.meta.title[locale],
                standards=list(r.meta.standards),
                severity=dict(r.meta.severity),
                explanation=r.meta.explanation[locale],
            )
            for r in all_rules()
        ]
