"""The app's own information pages: accessibility statement, Leichte Sprache, DGS, help."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get
from litestar.response import Template

from a11y_service.web.render import render

# The statement's dates: written and last reviewed (BITV 2.0 § 7 asks for both).
STATEMENT_CREATED = "7. Dezember 2026"
STATEMENT_REVIEWED = "7. Dezember 2026"


def _common(request: Request) -> dict[str, Any]:
    return {
        "contact_email": request.app.state.web_contact_email,
        # The statement names the site it is for: the address it is served under.
        "site_host": request.url.netloc or "diesem Server",
        "dgs_video": request.app.state.web_dgs_video,
    }


class InfoPagesController(Controller):
    include_in_schema = False

    @get("/barrierefreiheit", name="web:statement")
    async def statement(self, request: Request) -> Template:
        return render(
            request,
            "barrierefreiheit.html",
            created=STATEMENT_CREATED,
            reviewed=STATEMENT_REVIEWED,
            **_common(request),
        )

    @get("/leichte-sprache", name="web:easy-language")
    async def easy_language(self, request: Request) -> Template:
        return render(request, "leichte_sprache.html", **_common(request))

    @get("/gebaerdensprache", name="web:sign-language")
    async def sign_language(self, request: Request) -> Template:
        return render(request, "gebaerdensprache.html", **_common(request))

    @get("/hilfe", name="web:help")
    async def help(self, request: Request) -> Template:
        return render(request, "hilfe.html", **_common(request))
