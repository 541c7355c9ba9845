"""``a11y admin``: organisations, people and API keys from the shell (first set-up, scripts).

Uses the service's database (``A11Y_DATABASE_URL``) and migrates it first, as the service does
at start-up. Every error is one German-then-English line on stderr and exit code 2. Secrets are
printed once: ``org create`` and ``key create`` print the key alone on the last line of stdout,
so a script can take it with ``tail -n 1``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from a11y_core.config.env import Settings
from a11y_service.accounts.principal import BODY_KINDS, ROLES
from a11y_service.cli.errors import CliError
from checkers.page.bitv.lands import LAND_CODES

if TYPE_CHECKING:
    from a11y_service.accounts.store import AccountStore, OrgRecord


class AdminCliError(CliError):
    pass


@contextmanager
def _store() -> Iterator[AccountStore]:
    # The database layer loads only for `a11y admin`, not at every start of `a11y`.
    from sqlalchemy.exc import SQLAlchemyError

    from a11y_service.accounts.errors import AccountError
    from a11y_service.accounts.store import AccountStore

    url = Settings.from_env().database_url
    try:
        store = AccountStore.open(url)
    except (SQLAlchemyError, OSError) as exc:
        raise AdminCliError(
            f"Die Datenbank ist nicht erreichbar ({type(exc).__name__}). "
            f"/ The database cannot be reached ({type(exc).__name__})."
        ) from None
    try:
        yield store
    except AccountError as exc:
        raise AdminCliError(exc.both()) from None
    finally:
        store.close()


def _org(store: AccountStore, slug: str) -> OrgRecord:
    return store.organisation(slug)


@click.group("admin")
def admin_group() -> None:
    """Organisationen, Konten und API-Schlüssel verwalten.
    / Manage organisations, accounts and API keys."""


# -- organisations ------------------------------------------------------------------------------


@admin_group.group("org")
def org_group() -> None:
    """Organisationen / organisations."""


@org_group.command("create")
@click.argument("name")
@click.option("--slug", help="Kürzel (a-z, 0-9, -); sonst aus dem Namen / short name.")
@click.option(
    "--land",
    default="bund",
    show_default=True,
    help=f"Land für die BITV / Land: {', '.join(LAND_CODES)}.",
)
@click.option(
    "--body",
    "body_kind",
    default="municipal",
    show_default=True,
    help=f"Art der Stelle / kind of body: {', '.join(BODY_KINDS)}.",
)
def org_create(name: str, slug: str | None, land: str, body_kind: str) -> None:
    """Organisation anlegen; druckt den ersten API-Schlüssel (nur dieses eine Mal).
    / Create an organisation; prints its first API key (only this once)."""
    with _store() as store:
        org, key = store.create_organisation(name, slug=slug, land=land, body_kind=body_kind)
    assert key is not None
    click.echo(f"Organisation angelegt / created: {org.slug} ({org.land}, {org.body_kind})")
    click.echo("API-Schlüssel (wird nicht wieder angezeigt) / API key (shown only once):", err=True)
    click.echo(key.key)


@org_group.command("list")
def org_list() -> None:
    """Alle Organisationen / all organisations."""
    with _store() as store:
        for org in store.list_organisations():
            click.echo(f"{org.slug}\t{org.land}\t{org.body_kind}\t{org.name}")


# -- users --------------------------------------------------------------------------------------


@admin_group.group("user")
def user_group() -> None:
    """Konten / accounts."""


def _read_password() -> str:
    if sys.stdin.isatty():
        return str(click.prompt("Passwort / password", hide_input=True, err=True))
    return sys.stdin.readline().rstrip("\r\n")


@user_group.command("create")
@click.argument("email")
@click.option("--org", "org_slug", required=True, help="Kürzel der Organisation / org slug.")
@click.option("--role", required=True, help=f"Rolle / role: {', '.join(ROLES)}.")
def user_create(email: str, org_slug: str, role: str) -> None:
    """Konto anlegen; das Passwort kommt als eine Zeile über stdin.
    / Create an account; the password is read as one line from stdin."""
    if role not in ROLES:
        raise AdminCliError(
            f"Unbekannte Rolle {role!r}. Möglich: {', '.join(ROLES)}. "
            f"/ Unknown role {role!r}. Supported: {', '.join(ROLES)}."
        )
    password = _read_password()
    with _store() as store:
        org = _org(store, org_slug)
        user = store.create_user(org.id, email, role, password)
    click.echo(f"Konto angelegt / account created: {user.email} ({user.role}, {org.slug})")


@user_group.command("list")
@click.option("--org", "org_slug", required=True, help="Kürzel der Organisation / org slug.")
def user_list(org_slug: str) -> None:
    """Konten einer Organisation / accounts of an organisation."""
    with _store() as store:
        org = _org(store, org_slug)
        for user in store.list_users(org.id):
            state = "aktiv/active" if user.active else "gesperrt/disabled"
            click.echo(f"{user.email}\t{user.role}\t{state}")


@user_group.command("reset-password")
@click.argument("email")
def user_reset(email: str) -> None:
    """Einmal-Link zum Passwort-Setzen; das alte Passwort gilt nicht mehr.
    / One-time link to set a new password; the old one stops working."""
    with _store() as store:
        user = store.user_by_email(email)
        token = store.create_password_link(user.org_id, user.id, "reset")
    click.echo("Link (7 Tage gültig) / link (valid 7 days):", err=True)
    click.echo(f"/passwort-setzen?token={token}")


# -- keys ---------------------------------------------------------------------------------------


@admin_group.group("key")
def key_group() -> None:
    """API-Schlüssel / API keys."""


@key_group.command("create")
@click.option("--org", "org_slug", required=True, help="Kürzel der Organisation / org slug.")
@click.option("--name", required=True, help="Wofür? z. B. 'CI Website' / what for.")
@click.option("--role", default="editor", show_default=True, help=f"{', '.join(ROLES)}.")
def key_create(org_slug: str, name: str, role: str) -> None:
    """Neuer Schlüssel; steht allein in der letzten Zeile (nur dieses eine Mal).
    / New key, alone on the last line (only this once)."""
    with _store() as store:
        org = _org(store, org_slug)
        new = store.create_key(org.id, name, role)
    click.echo(f"Schlüssel {new.record.prefix} ({new.record.role}) für / for {org.slug}")
    click.echo(new.key)


@key_group.command("list")
@click.option("--org", "org_slug", required=True, help="Kürzel der Organisation / org slug.")
def key_list(org_slug: str) -> None:
    """Schlüssel einer Organisation (ohne Geheimnis) / keys of an organisation (no secret)."""
    with _store() as store:
        org = _org(store, org_slug)
        for key in store.list_keys(org.id):
            state = f"widerrufen/revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "aktiv"
            used = f"{key.last_used_at:%Y-%m-%d %H:%M}" if key.last_used_at else "-"
            click.echo(f"{key.prefix}\t{key.role}\t{state}\t{used}\t{key.name}")


@key_group.command("revoke")
@click.argument("key_ref")
@click.option("--org", "org_slug", required=True, help="Kürzel der Organisation / org slug.")
def key_revoke(key_ref: str, org_slug: str) -> None:
    """Schlüssel widerrufen (Präfix oder ID) / revoke a key (prefix or id)."""
    with _store() as store:
        org = _org(store, org_slug)
        key = store.revoke_key(org.id, key_ref)
    click.echo(f"Widerrufen / revoked: {key.prefix} ({key.name})")
