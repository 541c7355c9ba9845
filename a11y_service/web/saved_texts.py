"""Saved texts of an organisation: signed-in editors keep a checked text; everyone in the
organisation finds it again under /texte and checks it anew. Another organisation's text is 404.
"""

from __future__ import annotations

from typing import Any

import anyio.to_thread
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template

from a11y_service.accounts.errors import AccountError
from a11y_service.accounts.middleware import provide_principal
from a11y_service.accounts.store import AccountStore
from a11y_service.web.render import render, request_lang
from a11y_service.web.workbench import DEFAULT_PROFILE, PROFILE_NAMES, form_context


def _store(request: Request[Any, Any, Any]) -> AccountStore:
    return request.app.state.account_store  # type: ignore[no-any-return]


class SavedTextPagesController(Controller):
    include_in_schema = False

    @get("/texte", name="web:texts", opt={"role": "viewer"})
    async def texts(self, request: Request[Any, Any, Any]) -> Template:
        return await self._list(request, saved=request.query_params.get("hinweis"))

    async def _list(
        self,
        request: Request[Any, Any, Any],
        *,
        status: int = 200,
        saved: str | None = None,
        error: str | None = None,
    ) -> Template:
        principal = provide_principal(request)
        texts = await anyio.to_thread.run_sync(_store(request).list_texts, principal.org_id)
        return render(
            request,
            "texte.html",
            status_code=status,
            texts=texts,
            notice=saved,
            error=error,
            can_edit=principal.can("editor"),
        )

    @post("/texte", name="web:text-save", opt={"role": "editor"})
    async def save(self, request: Request[Any, Any, Any]) -> Template | Response[Any]:
        principal = provide_principal(request)
        form = await request.form()
        title, text, profile = (str(form.get(name) or "") for name in ("title", "text", "profile"))
        if profile not in PROFILE_NAMES:
            profile = DEFAULT_PROFILE
        try:
            await anyio.to_thread.run_sync(
                lambda: _store(request).save_text(principal, title, text, profile)
            )
        except AccountError as error:
            return await self._list(
                request, status=422, error=error.message(request_lang(request))
            )
        return Redirect("/texte?hinweis=gespeichert", status_code=303)

    @get("/texte/{text_id:str}", name="web:text", opt={"role": "viewer"})
    async def open_text(self, request: Request[Any, Any, Any], text_id: FromPath[str]) -> Template:
        principal = provide_principal(request)
        record = await anyio.to_thread.run_sync(
            _store(request).get_text, principal.org_id, text_id
        )
        return render(
            request,
            "start.html",
            **form_context(request_lang(request)),
            profile=record.profile or DEFAULT_PROFILE,
            text=record.text,
            format="auto",
            saved_title=record.title,
        )

    @post("/texte/{text_id:str}/loeschen", name="web:text-delete", opt={"role": "editor"})
    async def delete(
        self, request: Request[Any, Any, Any], text_id: FromPath[str]
    ) -> Response[Any]:
        principal = provide_principal(request)
        await anyio.to_thread.run_sync(_store(request).delete_text, principal.org_id, text_id)
        return Redirect("/texte?hinweis=geloescht", status_code=303)
