"""Registering and changing monitored sites: one validation for the API and the web form."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec

from a11y_service.accounts.principal import BODY_KINDS
from a11y_service.db.errors import InvalidUpdateError
from a11y_service.input_guard import control_char_message, has_control_chars
from a11y_service.monitoring.store import MonitoringStore, SiteRecord
from checkers.page.bitv.lands import LAND_CODES
from checkers.page.fetch import FetchError, check_url
from checkers.page.options import UrlPolicy

Schedule = Literal["daily", "weekly", "monthly", "manual"]
MAX_DEPTH = 10
MAX_NAME = 200


class SiteInput(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: str
    start_url: str
    sitemap_url: str | None = None
    max_pages: Annotated[int, msgspec.Meta(ge=1)] = 20
    max_depth: Annotated[int, msgspec.Meta(ge=0, le=MAX_DEPTH)] = 2
    land: str | None = None  # default: the organisation's
    body_kind: str | None = None
    schedule: Schedule = "weekly"


class SiteChanges(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: str | None = None
    sitemap_url: str | None = None
    max_pages: Annotated[int, msgspec.Meta(ge=1)] | None = None
    max_depth: Annotated[int, msgspec.Meta(ge=0, le=MAX_DEPTH)] | None = None
    land: str | None = None
    body_kind: str | None = None
    schedule: Schedule | None = None
    active: bool | None = None


def _url(value: str, field: str) -> str:
    try:
        return check_url(value.strip(), UrlPolicy(allow_files=False))
    except FetchError as error:
        raise InvalidUpdateError(f"{field}: {error.de}", f"{field}: {error.en}",
                                 field=field) from None


def _name(value: str) -> str:
    name = " ".join(value.split())
    if has_control_chars(name):
        raise InvalidUpdateError(*control_char_message("name"), field="name")
    if not name or len(name) > MAX_NAME:
        raise InvalidUpdateError(
            f"name: Bitte geben Sie einen Namen mit 1 bis {MAX_NAME} Zeichen ein.",
            f"name: Please enter a name of 1 to {MAX_NAME} characters.", field="name")
    return name


def _land(value: str) -> str:
    if value not in LAND_CODES:
        raise InvalidUpdateError(f"land: Unbekanntes Land {value[:40]!r}.",
                                 f"land: Unknown Land {value[:40]!r}.", field="land")
    return value


def _body(value: str) -> str:
    if value not in BODY_KINDS:
        raise InvalidUpdateError(f"body_kind: Unbekannte Art von Stelle {value[:40]!r}.",
                                 f"body_kind: Unknown kind of body {value[:40]!r}.",
                                 field="body_kind")
    return value


def _pages(value: int, limit: int) -> int:
    if value > limit:
        raise InvalidUpdateError(f"max_pages: Höchstens {limit} Seiten je Prüfung.",
                                 f"max_pages: At most {limit} pages per audit.",
                                 field="max_pages", limit=limit)
    return value


def register_site(store: MonitoringStore, org_id: str, data: SiteInput, *, org_land: str,
                  org_body_kind: str, page_limit: int) -> SiteRecord:
    return store.create_site(
        org_id, name=_name(data.name), start_url=_url(data.start_url, "start_url"),
        sitemap_url=_url(data.sitemap_url, "sitemap_url") if data.sitemap_url else None,
        max_pages=_pages(data.max_pages, page_limit), max_depth=data.max_depth,
        land=_land(data.land or org_land), body_kind=_body(data.body_kind or org_body_kind),
        schedule=data.schedule,
    )


def change_site(store: MonitoringStore, org_id: str, site_id: str, data: SiteChanges,
                page_limit: int) -> SiteRecord:
    changes: dict[str, Any] = {}
    if data.name is not None:
        changes["name"] = _name(data.name)
    if data.sitemap_url is not None:
        changes["sitemap_url"] = _url(data.sitemap_url, "sitemap_url") if data.sitemap_url \
            else None
    if data.max_pages is not None:
        changes["max_pages"] = _pages(data.max_pages, page_limit)
    if data.max_depth is not None:
        changes["max_depth"] = data.max_depth
    if data.land is not None:
        changes["land"] = _land(data.land)
    if data.body_kind is not None:
        changes["body_kind"] = _body(data.body_kind)
    if data.schedule is not None:
        changes["schedule"] = data.schedule
    if data.active is not None:
        changes["active"] = data.active
    return store.update_site(site_id, org_id, changes)
