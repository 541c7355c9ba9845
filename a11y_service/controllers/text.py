"""/v1/text: the text check and the rule catalogue."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import Body

from checkers.report import encode_report
from checkers.text.engine import CheckRequest, TextChecker
from checkers.text.rules import all_rules


class TextCheckBody(msgspec.Struct, forbid_unknown_fields=True):
    text: str
    format: Literal["auto", "plain", "markdown", "html"] = "auto"
    lang: str | None = None
    profile: str | None = None
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
        report = text_checker.check(
            CheckRequest(
                text=data.text,
                format=data.format,
                lang=data.lang,
                profile=data.profile,
                id=data.id,
                locale=request_locale(request),
            )
        )
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
