"""The app's own information pages: accessibility statement, Leichte Sprache, DGS, help."""

from __future__ import annotations

from litestar import Controller, Request, get
from litestar.response import Template

from a11y_service.web.render import render

# The statement's dates: written and last reviewed (BITV 2.0 § 7 asks for both).
STATEMENT_CREATED = "7. Dezember 2026"
STATEMENT_REVIEWED = "7. Dezember 2026"


class InfoPagesController(Controller):
    include_in_schema = False

    @get("/barrierefreiheit", name="web:statement")
    async def statement(self, request: Request) -> Template:
        return render(
            request,
            "barrierefreiheit.html",
            created=STATEMENT_CREATED,
            reviewed=STATEMENT_REVIEWED,
        )

    @get("/leichte-sprache", name="web:easy-language")
    async def easy_language(self, request: Request) -> Template:
        return render(request, "leichte_sprache.html")

    @get("/gebaerdensprache", name="web:sign-language")
    async def sign_language(self, request: Request) -> Template:
        return render(request, "gebaerdensprache.html")

    @get("/hilfe", name="web:help")
    async def help(self, request: Request) -> Template:
        return render(request, "hilfe.html")
