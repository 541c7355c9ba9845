"""The account store: the only code that reads or writes the account tables.

No Litestar here: the CLI, the API middleware and the web pages share it. Methods return plain
records; a lookup in another organisation answers ``AccountNotFoundError`` exactly as a missing
object does, so nobody learns which ids exist elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import msgspec
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from a11y_service.accounts.errors import (
    AccountNotFoundError,
    DuplicateError,
    InvalidAccountInputError,
    LoginFailedError,
    TooManyAttemptsError,
)
from a11y_service.accounts.passwords import hash_password, verify_password
from a11y_service.accounts.principal import BODY_KINDS, ROLES, Principal
from a11y_service.accounts.secrets import (
    new_api_key,
    new_token,
    same_hash,
    sha256_hex,
    split_api_key,
)
from a11y_service.db.accounts_models import (
    ApiKey,
    LoginFailure,
    LoginSession,
    Organisation,
    PasswordToken,
    SavedText,
    User,
)
from a11y_service.db.models import utcnow
from a11y_service.db.sql_store import SqlStore
from a11y_service.input_guard import control_char_message, has_control_chars
from checkers.page.bitv.lands import LAND_CODES

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
MAX_NAME = 200
MAX_TEXT_CHARS = 200_000
# Login rate limit: this many failures within the window lock the account (and the address).
MAX_FAILURES = 5
MAX_SIGNUPS = 5
FAILURE_WINDOW = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=12)
PASSWORD_LINK_LIFETIME = timedelta(days=7)
# last_used_at is written at most this often per key, so reads do not turn into writes.
KEY_TOUCH_INTERVAL = timedelta(minutes=1)


class OrgRecord(msgspec.Struct, kw_only=True):
    id: str
    slug: str
    name: str
    land: str
    body_kind: str
    published: bool
    created_at: datetime


class UserRecord(msgspec.Struct, kw_only=True):
    id: str
    org_id: str
    email: str
    role: str
    active: bool
    has_password: bool
    must_change_password: bool
    created_at: datetime


class KeyRecord(msgspec.Struct, kw_only=True):
    id: str
    org_id: str
    name: str
    prefix: str
    role: str
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None


class NewKey(msgspec.Struct, kw_only=True):
    """A key right after creation: ``key`` is the only time the secret is visible."""

    record: KeyRecord
    key: str


class TextRecord(msgspec.Struct, kw_only=True):
    id: str
    title: str
    text: str
    profile: str | None
    author: str
    created_at: datetime


class TextSummary(msgspec.Struct, kw_only=True):
    id: str
    title: str
    profile: str | None
    author: str
    created_at: datetime
    chars: int


@dataclass(frozen=True, slots=True)
class NewSession:
    token: str
    expires_at: datetime


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands timestamps back without a zone; they were written in UTC.
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _org_record(row: Organisation) -> OrgRecord:
    return OrgRecord(
        id=row.id,
        slug=row.slug,
        name=row.name,
        land=row.land,
        body_kind=row.body_kind,
        published=row.published,
        created_at=_aware(row.created_at),  # type: ignore[arg-type]
    )


def _user_record(row: User) -> UserRecord:
    return UserRecord(
        id=row.id,
        org_id=row.org_id,
        email=row.email,
        role=row.role,
        active=row.active,
        has_password=row.password_hash is not None,
        must_change_password=row.must_change_password,
        created_at=_aware(row.created_at),  # type: ignore[arg-type]
    )


def _key_record(row: ApiKey) -> KeyRecord:
    return KeyRecord(
        id=row.id,
        org_id=row.org_id,
        name=row.name,
        prefix=row.prefix,
        role=row.role,
        created_at=_aware(row.created_at),  # type: ignore[arg-type]
        last_used_at=_aware(row.last_used_at),
        revoked_at=_aware(row.revoked_at),
    )


def _text_record(row: SavedText) -> TextRecord:
    return TextRecord(
        id=row.id,
        title=row.title,
        text=row.text,
        profile=row.profile,
        author=row.author,
        created_at=_aware(row.created_at),  # type: ignore[arg-type]
    )


# -- input checks --------------------------------------------------------------------------


def slugify(name: str) -> str:
    """ "Stadt Köln" -> "stadt-koeln": ASCII, lower case, hyphens."""
    text = name.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:64].strip("-") or "organisation"


def check_name(name: str, field: str = "name") -> str:
    value = " ".join((name or "").split())
    if not value or len(value) > MAX_NAME or any(unicodedata.category(c) == "Cc" for c in value):
        raise InvalidAccountInputError(
            f"Der Name fehlt oder ist länger als {MAX_NAME} Zeichen.",
            f"The name is missing or longer than {MAX_NAME} characters.",
            field=field,
        )
    return value


def check_slug(slug: str) -> str:
    if not SLUG.fullmatch(slug):
        raise InvalidAccountInputError(
            f"Ungültiges Kürzel {slug[:70]!r}: nur a-z, 0-9 und Bindestrich, höchstens 64 Zeichen.",
            f"Invalid slug {slug[:70]!r}: only a-z, 0-9 and hyphens, at most 64 characters.",
            field="slug",
        )
    return slug


def check_land(land: str) -> str:
    value = (land or "").strip()
    value = "bund" if value.lower() == "bund" else value.upper()
    if value not in LAND_CODES:
        raise InvalidAccountInputError(
            f"Unbekanntes Land {land[:40]!r}. Möglich: {', '.join(LAND_CODES)}.",
            f"Unknown Land {land[:40]!r}. Supported: {', '.join(LAND_CODES)}.",
            field="land",
        )
    return value


def check_body_kind(kind: str) -> str:
    if kind not in BODY_KINDS:
        raise InvalidAccountInputError(
            f"Unbekannte Art der Stelle {kind[:40]!r}. Möglich: {', '.join(BODY_KINDS)}.",
            f"Unknown kind of body {kind[:40]!r}. Supported: {', '.join(BODY_KINDS)}.",
            field="body_kind",
        )
    return kind


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidAccountInputError(
            f"Unbekannte Rolle {role[:40]!r}. Möglich: {', '.join(ROLES)}.",
            f"Unknown role {role[:40]!r}. Supported: {', '.join(ROLES)}.",
            field="role",
        )
    return role


def check_email(email: str) -> str:
    value = (email or "").strip().lower()
    if len(value) > 254 or not EMAIL.fullmatch(value) or has_control_chars(value):
        raise InvalidAccountInputError(
            "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
            "Please give a valid e-mail address, e.g. name@example.org.",
            field="email",
        )
    return value


def org_not_found(ref: str) -> AccountNotFoundError:
    return AccountNotFoundError(
        f"Organisation {ref[:70]!r} nicht gefunden.", f"Organisation {ref[:70]!r} not found."
    )


def _not_found(what_de: str, what_en: str, ref: str) -> AccountNotFoundError:
    return AccountNotFoundError(
        f"{what_de} {ref[:70]!r} nicht gefunden.", f"{what_en} {ref[:70]!r} not found."
    )


class AccountStore(SqlStore):
    # -- organisations ------------------------------------------------------------------

    def create_organisation(
        self,
        name: str,
        *,
        slug: str | None = None,
        land: str = "bund",
        body_kind: str = "municipal",
        key_name: str | None = "Erster Schlüssel / first key",
        key_role: str = "editor",
        unique_slug: bool = False,
    ) -> tuple[OrgRecord, NewKey | None]:
        """A new organisation and, unless ``key_name`` is None, its first API key.

        ``unique_slug``: append -2, -3, ... when the slug is taken (sign-up) instead of failing.
        """
        name = check_name(name)
        base = check_slug(slug if slug is not None else slugify(name))
        land = check_land(land)
        body_kind = check_body_kind(body_kind)
        for attempt in range(1, 50 if unique_slug else 2):
            candidate = base if attempt == 1 else f"{base[:60]}-{attempt}"
            org = Organisation(
                id=uuid.uuid4().hex,
                slug=candidate,
                name=name,
                land=land,
                body_kind=body_kind,
                published=False,
                created_at=utcnow(),
            )
            try:
                with self._session() as session:
                    session.add(org)
                    session.flush()
                    key = (
                        self._new_key(session, org.id, key_name, key_role)
                        if key_name is not None
                        else None
                    )
                return _org_record(org), key
            except IntegrityError:
                continue
        raise DuplicateError(
            f"Das Kürzel {base!r} ist schon vergeben.",
            f"The slug {base!r} is already taken.",
            field="slug",
        )

    def organisation(self, ref: str) -> OrgRecord:
        """By id or slug."""
        with self._sessions() as session:
            row = session.get(Organisation, ref) or session.scalar(
                select(Organisation).where(Organisation.slug == ref)
            )
            if row is None:
                raise org_not_found(ref)
            return _org_record(row)

    def list_organisations(self) -> list[OrgRecord]:
        with self._sessions() as session:
            rows = session.scalars(select(Organisation).order_by(Organisation.slug))
            return [_org_record(r) for r in rows]

    def update_organisation(
        self,
        org_id: str,
        *,
        name: str | None = None,
        land: str | None = None,
        body_kind: str | None = None,
    ) -> OrgRecord:
        values: dict[str, object] = {}
        if name is not None:
            values["name"] = check_name(name)
        if land is not None:
            values["land"] = check_land(land)
        if body_kind is not None:
            values["body_kind"] = check_body_kind(body_kind)
        with self._session() as session:
            row = session.get(Organisation, org_id)
            if row is None:
                raise org_not_found(org_id)
            for field, value in values.items():
                setattr(row, field, value)
            return _org_record(row)

    # -- users --------------------------------------------------------------------------

    def create_user(
        self,
        org_id: str,
        email: str,
        role: str,
        password: str | None = None,
        *,
        must_change_password: bool = False,
    ) -> UserRecord:
        """A person in ``org_id``. Without a password, they set one through a link
        (``create_password_link``) before they can sign in."""
        email = check_email(email)
        role = check_role(role)
        password_hash = hash_password(password) if password is not None else None
        with self._session() as session:
            if session.get(Organisation, org_id) is None:
                raise org_not_found(org_id)
            if session.scalar(select(User.id).where(User.email == email)) is not None:
                raise self._email_taken(email)
            user = User(
                id=uuid.uuid4().hex,
                org_id=org_id,
                email=email,
                password_hash=password_hash,
                role=role,
                active=True,
                must_change_password=must_change_password,
                created_at=utcnow(),
            )
            session.add(user)
            try:
                session.flush()
            except IntegrityError:
                raise self._email_taken(email) from None
            return _user_record(user)

    @staticmethod
    def _email_taken(email: str) -> DuplicateError:
        return DuplicateError(
            f"Für {email!r} gibt es schon ein Konto.",
            f"There already is an account for {email!r}.",
            field="email",
        )

    def sign_up(
        self, org_name: str, email: str, password: str, *, land: str, body_kind: str
    ) -> tuple[OrgRecord, UserRecord]:
        """A new organisation with this person as its admin (no API key yet)."""
        email = check_email(email)
        hash_password(password)  # the password rules, before anything is created
        with self._sessions() as session:
            if session.scalar(select(User.id).where(User.email == email)) is not None:
                raise self._email_taken(email)
        org, _ = self.create_organisation(
            org_name, land=land, body_kind=body_kind, key_name=None, unique_slug=True
        )
        try:
            user = self.create_user(org.id, email, "admin", password)
        except Exception:
            # Two sign-ups with the same address at once: do not leave an empty organisation.
            with self._session() as session:
                session.execute(delete(Organisation).where(Organisation.id == org.id))
            raise
        return org, user

    def user(self, org_id: str, user_id: str) -> UserRecord:
        with self._sessions() as session:
            row = session.get(User, user_id)
            if row is None or row.org_id != org_id:
                raise _not_found("Konto", "Account", user_id)
            return _user_record(row)

    def user_by_email(self, email: str) -> UserRecord:
        with self._sessions() as session:
            row = session.scalar(select(User).where(User.email == email.strip().lower()))
            if row is None:
                raise _not_found("Konto", "Account", email)
            return _user_record(row)

    def list_users(self, org_id: str) -> list[UserRecord]:
        with self._sessions() as session:
            rows = session.scalars(select(User).where(User.org_id == org_id).order_by(User.email))
            return [_user_record(r) for r in rows]

    def set_active(self, org_id: str, user_id: str, active: bool) -> UserRecord:
        with self._session() as session:
            row = self._org_user(session, org_id, user_id)
            row.active = active
            if not active:
                session.execute(delete(LoginSession).where(LoginSession.user_id == user_id))
            return _user_record(row)

    @staticmethod
    def _org_user(session: Session, org_id: str, user_id: str) -> User:
        row = session.get(User, user_id, with_for_update=True)
        if row is None or row.org_id != org_id:
            raise _not_found("Konto", "Account", user_id)
        return row

    # -- passwords and sign-in -------------------------------------------------------------

    def authenticate(self, email: str, password: str, client: str) -> UserRecord:
        """The user for these credentials, or ``LoginFailedError``; ``TooManyAttemptsError``
        after ``MAX_FAILURES`` failures in ``FAILURE_WINDOW`` for the account or the address."""
        account = (email or "").strip().lower()[:254]
        client = (client or "unknown")[:254]
        if has_control_chars(account) or has_control_chars(client):
            raise InvalidAccountInputError(*control_char_message("E-Mail"), field="email")
        self._check_rate(account, client)
        with self._sessions() as session:
            row = session.scalar(select(User).where(User.email == account))
            stored = row.password_hash if row is not None and row.active else None
        # Verify even without an account (against a dummy hash): same time either way.
        ok, new_hash = verify_password(stored, password)
        if not ok or row is None:
            self._record_failure(account, client)
            raise LoginFailedError(
                "E-Mail-Adresse oder Passwort stimmt nicht.",
                "The e-mail address or the password is wrong.",
                field="password",
            )
        with self._session() as session:
            if new_hash is not None:
                session.execute(
                    update(User).where(User.id == row.id).values(password_hash=new_hash)
                )
            session.execute(
                delete(LoginFailure).where(
                    LoginFailure.scope == "account", LoginFailure.key == account
                )
            )
        return _user_record(row)

    def _check_rate(self, account: str, client: str) -> None:
        now = utcnow()
        since = now - FAILURE_WINDOW
        with self._sessions() as session:
            for scope, key in (("account", account), ("ip", client)):
                count, oldest = session.execute(
                    select(func.count(), func.min(LoginFailure.created_at)).where(
                        LoginFailure.scope == scope,
                        LoginFailure.key == key,
                        LoginFailure.created_at > since,
                    )
                ).one()
                if count >= MAX_FAILURES:
                    # Free again when the oldest failure counted leaves the window.
                    retry = (_aware(oldest) + FAILURE_WINDOW - now).total_seconds()  # type: ignore[operator]
                    raise TooManyAttemptsError(max(1, int(retry) + 1))

    def check_signup_rate(self, client: str) -> None:
        """At most ``MAX_SIGNUPS`` sign-up attempts per address in ``FAILURE_WINDOW``: nobody
        fills the database with organisations from one machine."""
        client = (client or "unknown")[:254]
        now = utcnow()
        with self._session() as session:
            count, oldest = session.execute(
                select(func.count(), func.min(LoginFailure.created_at)).where(
                    LoginFailure.scope == "signup",
                    LoginFailure.key == client,
                    LoginFailure.created_at > now - FAILURE_WINDOW,
                )
            ).one()
            if count >= MAX_SIGNUPS:
                retry = (_aware(oldest) + FAILURE_WINDOW - now).total_seconds()  # type: ignore[operator]
                raise TooManyAttemptsError(max(1, int(retry) + 1))
            session.add(LoginFailure(scope="signup", key=client, created_at=now))

    def _record_failure(self, account: str, client: str) -> None:
        now = utcnow()
        with self._session() as session:
            session.add(LoginFailure(scope="account", key=account, created_at=now))
            session.add(LoginFailure(scope="ip", key=client, created_at=now))
            # Old rows are of no use; keep the table small.
            session.execute(
                delete(LoginFailure).where(LoginFailure.created_at < now - 2 * FAILURE_WINDOW)
            )

    def change_password(
        self, user_id: str, old: str, new: str, keep_session_token: str | None = None
    ) -> None:
        """Change one's own password and end all other sessions of this person.

        Whoever changes a password may fear that someone else knows the old one: a session
        opened with it elsewhere must not outlive the change. The session of the request
        (``keep_session_token``) stays, so the person is not signed out.
        """
        with self._sessions() as session:
            row = session.get(User, user_id)
            stored = row.password_hash if row is not None else None
        ok, _ = verify_password(stored, old)
        if not ok:
            raise InvalidAccountInputError(
                "Das bisherige Passwort stimmt nicht.",
                "The current password is wrong.",
                field="old_password",
            )
        self._set_password(user_id, new)
        keep_id = sha256_hex(keep_session_token) if keep_session_token else None
        with self._session() as session:
            condition = LoginSession.user_id == user_id
            if keep_id is not None:
                condition = condition & (LoginSession.id != keep_id)
            session.execute(delete(LoginSession).where(condition))

    def _set_password(self, user_id: str, password: str) -> None:
        password_hash = hash_password(password)
        with self._session() as session:
            session.execute(
                update(User)
                .where(User.id == user_id)
                .values(password_hash=password_hash, must_change_password=False)
            )

    def create_password_link(self, org_id: str, user_id: str, purpose: str = "reset") -> str:
        """A one-time token to set a password (invitation or reset by an admin).

        A reset also clears the old password and ends the person's sessions: an admin resets
        when a password is lost or may be known to someone else.
        """
        token = new_token()
        now = utcnow()
        with self._session() as session:
            row = self._org_user(session, org_id, user_id)
            if purpose == "reset":
                row.password_hash = None
                session.execute(delete(LoginSession).where(LoginSession.user_id == user_id))
            # Only the newest link works.
            session.execute(delete(PasswordToken).where(PasswordToken.user_id == user_id))
            session.add(
                PasswordToken(
                    id=sha256_hex(token),
                    user_id=user_id,
                    purpose=purpose,
                    expires_at=now + PASSWORD_LINK_LIFETIME,
                    created_at=now,
                )
            )
        return token

    def password_link_user(self, token: str) -> UserRecord:
        """The person a valid, unused link belongs to (``AccountNotFoundError`` otherwise)."""
        with self._sessions() as session:
            row = session.get(PasswordToken, sha256_hex(token or ""))
            if (
                row is None or row.used_at is not None or _aware(row.expires_at) <= utcnow()  # type: ignore[operator]
            ):
                raise AccountNotFoundError(
                    "Dieser Link ist ungültig, abgelaufen oder schon benutzt. Bitten Sie Ihre "
                    "Verwaltung um einen neuen.",
                    "This link is invalid, expired or already used. Ask your admin for a new one.",
                )
            user = session.get(User, row.user_id)
            return _user_record(user)  # type: ignore[arg-type]

    def use_password_link(self, token: str, password: str) -> UserRecord:
        user = self.password_link_user(token)
        password_hash = hash_password(password)
        with self._session() as session:
            used = session.execute(
                update(PasswordToken)
                .where(PasswordToken.id == sha256_hex(token), PasswordToken.used_at.is_(None))
                .values(used_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            if used.rowcount != 1:  # type: ignore[attr-defined]
                raise AccountNotFoundError(
                    "Dieser Link wurde schon benutzt.", "This link was already used."
                )
            session.execute(
                update(User)
                .where(User.id == user.id)
                .values(password_hash=password_hash, must_change_password=False)
            )
        return self.user(user.org_id, user.id)

    # -- sessions ------------------------------------------------------------------------

    def create_session(self, user_id: str, lifetime: timedelta = SESSION_LIFETIME) -> NewSession:
        token = new_token()
        now = utcnow()
        expires = now + lifetime
        with self._session() as session:
            session.add(
                LoginSession(
                    id=sha256_hex(token), user_id=user_id, expires_at=expires, created_at=now
                )
            )
            # Expired sessions of this person are of no use any more.
            session.execute(
                delete(LoginSession).where(
                    LoginSession.user_id == user_id, LoginSession.expires_at < now
                )
            )
        return NewSession(token=token, expires_at=expires)

    def delete_session(self, token: str) -> None:
        with self._session() as session:
            session.execute(delete(LoginSession).where(LoginSession.id == sha256_hex(token)))

    def session_principal(self, token: str) -> Principal | None:
        if not token or len(token) > 200:
            return None
        with self._sessions() as session:
            row = session.execute(
                select(LoginSession, User, Organisation)
                .join(User, User.id == LoginSession.user_id)
                .join(Organisation, Organisation.id == User.org_id)
                .where(LoginSession.id == sha256_hex(token))
            ).one_or_none()
            if row is None:
                return None
            login, user, org = row
            if not user.active or _aware(login.expires_at) <= utcnow():  # type: ignore[operator]
                return None
            return Principal(
                org_id=org.id,
                org_slug=org.slug,
                org_name=org.name,
                role=user.role,
                user_id=user.id,
                email=user.email,
                via="session",
                org_land=org.land,
                org_body_kind=org.body_kind,
            )

    # -- API keys ------------------------------------------------------------------------

    def create_key(self, org_id: str, name: str, role: str = "editor") -> NewKey:
        with self._session() as session:
            if session.get(Organisation, org_id) is None:
                raise org_not_found(org_id)
            return self._new_key(session, org_id, name, role)

    @staticmethod
    def _new_key(session: Session, org_id: str, name: str, role: str) -> NewKey:
        name = check_name(name)
        role = check_role(role)
        prefix, key = new_api_key()
        row = ApiKey(
            id=uuid.uuid4().hex,
            org_id=org_id,
            name=name,
            prefix=prefix,
            secret_hash=sha256_hex(key),
            role=role,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        return NewKey(record=_key_record(row), key=key)

    def list_keys(self, org_id: str) -> list[KeyRecord]:
        with self._sessions() as session:
            rows = session.scalars(
                select(ApiKey).where(ApiKey.org_id == org_id).order_by(ApiKey.created_at)
            )
            return [_key_record(r) for r in rows]

    def revoke_key(self, org_id: str, key_ref: str) -> KeyRecord:
        """By id or prefix; revoking twice keeps the first time."""
        with self._session() as session:
            row = session.scalar(
                select(ApiKey).where(
                    ApiKey.org_id == org_id, (ApiKey.id == key_ref) | (ApiKey.prefix == key_ref)
                )
            )
            if row is None:
                raise _not_found("API-Schlüssel", "API key", key_ref)
            if row.revoked_at is None:
                row.revoked_at = utcnow()
            return _key_record(row)

    def key_principal(self, key: str) -> Principal | None:
        prefix = split_api_key(key)
        if prefix is None:
            return None
        with self._sessions() as session:
            row = session.execute(
                select(ApiKey, Organisation)
                .join(Organisation, Organisation.id == ApiKey.org_id)
                .where(ApiKey.prefix == prefix)
            ).one_or_none()
            if row is None:
                return None
            api_key, org = row
            if api_key.revoked_at is not None or not same_hash(api_key.secret_hash, key):
                return None
            last = _aware(api_key.last_used_at)
        now = utcnow()
        if last is None or now - last > KEY_TOUCH_INTERVAL:
            with self._session() as session:
                session.execute(
                    update(ApiKey).where(ApiKey.id == api_key.id).values(last_used_at=now)
                )
        return Principal(
            org_id=org.id,
            org_slug=org.slug,
            org_name=org.name,
            role=api_key.role,
            user_id=None,
            email=None,
            via="key",
            org_land=org.land,
            org_body_kind=org.body_kind,
            key_id=api_key.id,
            key_name=api_key.name,
        )

    # -- saved texts ---------------------------------------------------------------------

    def save_text(
        self, principal: Principal, title: str, text: str, profile: str | None = None
    ) -> TextRecord:
        title = check_name(title, "title")
        if not text.strip() or len(text) > MAX_TEXT_CHARS:
            raise InvalidAccountInputError(
                f"Der Text ist leer oder länger als {MAX_TEXT_CHARS} Zeichen.",
                f"The text is empty or longer than {MAX_TEXT_CHARS} characters.",
                field="text",
            )
        if has_control_chars(text, allow_line_breaks=True):
            raise InvalidAccountInputError(*control_char_message("text"), field="text")
        if profile is not None and profile not in ("leicht", "einfach", "standard"):
            raise InvalidAccountInputError(
                "Profil: leicht, einfach oder standard.",
                "Profile: leicht, einfach or standard.",
                field="profile",
            )
        row = SavedText(
            id=uuid.uuid4().hex,
            org_id=principal.org_id,
            title=title,
            text=text,
            profile=profile,
            user_id=principal.user_id,
            author=principal.actor[:254],
            created_at=utcnow(),
        )
        with self._session() as session:
            session.add(row)
        return _text_record(row)

    def list_texts(self, org_id: str, limit: int = 100) -> list[TextSummary]:
        with self._sessions() as session:
            rows = session.execute(
                select(
                    SavedText.id,
                    SavedText.title,
                    SavedText.profile,
                    SavedText.author,
                    SavedText.created_at,
                    func.length(SavedText.text),
                )
                .where(SavedText.org_id == org_id)
                .order_by(SavedText.created_at.desc())
                .limit(limit)
            ).all()
        return [
            TextSummary(
                id=r[0],
                title=r[1],
                profile=r[2],
                author=r[3],
                created_at=_aware(r[4]),  # type: ignore[arg-type]
                chars=int(r[5] or 0),
            )
            for r in rows
        ]

    def get_text(self, org_id: str, text_id: str) -> TextRecord:
        with self._sessions() as session:
            row = session.get(SavedText, text_id)
            if row is None or row.org_id != org_id:
                raise _not_found("Text", "Text", text_id)
            return _text_record(row)

    def delete_text(self, org_id: str, text_id: str) -> None:
        with self._session() as session:
            result = session.execute(
                delete(SavedText).where(SavedText.id == text_id, SavedText.org_id == org_id)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                raise _not_found("Text", "Text", text_id)
