"""/v1/texts (the organisation's saved texts), /v1/me, /v1/keys (admins).

Every handler is protected by ``access_guard``; the organisation always comes from the
principal, never from the request, so nobody can reach another organisation's objects.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec
from litestar import Controller, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter

from a11y_service.accounts.principal import Principal
from a11y_service.accounts.store import AccountStore, KeyRecord, TextRecord, TextSummary

Role = Literal["viewer", "translator", "editor", "admin"]


class SaveTextBody(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    text: str
    profile: Literal["leicht", "einfach", "standard"] | None = None


class CreateKeyBody(msgspec.Struct, forbid_unknown_fields=True):
    name: str
    role: Role = "editor"


class CreatedKey(msgspec.Struct):
    """The new key: ``key`` is shown only in this answer; it is stored hashed."""

    key: str
    id: str
    name: str
    prefix: str
    role: str


class Me(msgspec.Struct):
    org_id: str
    org_slug: str
    org_name: str
    org_land: str
    org_body_kind: str
    role: str
    via: str
    user_id: str | None
    email: str | None


class SavedTextController(Controller):
    path = "/v1/texts"
    tags: ClassVar[list[str]] = ["texts"]

    @post("/", status_code=201, sync_to_thread=True, summary="Text speichern / Save a text")
    def create(
        self,
        data: JSONBody[SaveTextBody],
        principal: NamedDependency[Principal],
        account_store: NamedDependency[AccountStore],
    ) -> Response[TextRecord]:
        record = account_store.save_text(principal, data.title, data.text, data.profile)
        return Response(record, status_code=201, headers={"Location": f"{self.path}/{record.id}"})

    @get("/", sync_to_thread=True, summary="Gespeicherte Texte / Saved texts")
    def list_texts(
        self,
        principal: NamedDependency[Principal],
        account_store: NamedDependency[AccountStore],
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 100,
    ) -> list[TextSummary]:
        return account_store.list_texts(principal.org_id, limit)

    @get("/{text_id:str}", sync_to_thread=True, summary="Text")
    def get_text(
        self,
        text_id: FromPath[str],
        principal: NamedDependency[Principal],
        account_store: NamedDependency[AccountStore],
    ) -> TextRecord:
        return account_store.get_text(principal.org_id, text_id)

    @delete("/{text_id:str}", sync_to_thread=True, summary="Text löschen / Delete a text")
    def delete_text(
        self,
        text_id: FromPath[str],
        principal: NamedDependency[Principal],
        account_store: NamedDependency[AccountStore],
    ) -> None:
        account_store.delete_text(principal.org_id, text_id)


class AccountApiController(Controller):
    path = "/v1"
    tags: ClassVar[list[str]] = ["accounts"]

    @get("/me", summary="Wer bin ich? / Who am I?")
    async def me(self, principal: NamedDependency[Principal]) -> Me:
        return Me(
            org_id=principal.org_id,
            org_slug=principal.org_slug,
            org_name=principal.org_name,
            org_land=principal.org_land,
            org_body_kind=principal.org_body_kind,
            role=principal.role,
            via=principal.via,
            user_id=principal.user_id,
            email=principal.email,
        )

    @get("/keys", sync_to_thread=True, opt={"role": "admin"}, summary="API-Schlüssel / API keys")
    def list_keys(
        self, principal: NamedDependency[Principal], account_store: NamedDependency[AccountStore]
    ) -> list[KeyRecord]:
        return account_store.list_keys(principal.org_id)

    @post(
        "/keys",
        status_code=201,
        sync_to_thread=True,
        opt={"role": "admin"},
        summary="API-Schlüssel anlegen / Create an API key",
        description="Der Schlüssel steht nur in dieser Antwort. / The key is shown only once.",
    )
    def create_key(
        self,
        data: JSONBody[CreateKeyBody],
        principal: NamedDependency[Principal],
        account_store: NamedDependency[AccountStore],
    ) -> CreatedKey:
        new = account_store.create_key(principal.org_id, data.name, data.role)
        return CreatedKey(
            key=new.key,
            id=new.record.id,
            name=new.record.name,
            prefix=new.record.prefix,
            role=new.record.role,
        )

    @delete(
        "/keys/{key_id:str}",
        status_code=200,
        sync_to_thread=True,
        opt={"role": "admin"},
        summary="API-Schlüssel widerrufen / Revoke an API key",
    )
    def revoke_key(
        self,
        key_id: FromPath[str],
        principal: NamedDependency[Principal],
        account_store: NamedDependency[AccountStore],
    ) -> KeyRecord:
        return account_store.revoke_key(principal.org_id, key_id)
