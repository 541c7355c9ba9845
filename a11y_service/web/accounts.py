"""Account pages: sign in and out, sign up, own account, the organisation's people and keys.

Plain HTML forms (CSRF token in each). Errors are shown next to their field and listed at the
top with links to the fields. Secrets (API keys, password links) appear once, in the answer to
the form that created them; only their hashes are stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import anyio.to_thread
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template

from a11y_service.accounts.errors import (
    AccountError,
    LoginFailedError,
    TooManyAttemptsError,
    not_authenticated,
)
from a11y_service.accounts.middleware import (
    SESSION_COOKIE,
    clear_session_cookie,
    current_principal,
    session_cookie,
)
from a11y_service.accounts.principal import BODY_KINDS, ROLE_NAMES, ROLES, Principal
from a11y_service.accounts.store import SESSION_LIFETIME, AccountStore
from a11y_service.input_guard import control_char_message, has_control_chars
from a11y_service.web.render import render, request_lang
from checkers.page.bitv.lands import LAND_CODES

T = TypeVar("T")

LAND_NAMES: dict[str, tuple[str, str]] = {
    "bund": ("Bund", "Federal"),
    "BW": ("Baden-Württemberg", "Baden-Württemberg"),
    "BY": ("Bayern", "Bavaria"),
    "BE": ("Berlin", "Berlin"),
    "BB": ("Brandenburg", "Brandenburg"),
    "HB": ("Bremen", "Bremen"),
    "HH": ("Hamburg", "Hamburg"),
    "HE": ("Hessen", "Hesse"),
    "MV": ("Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania"),
    "NI": ("Niedersachsen", "Lower Saxony"),
    "NW": ("Nordrhein-Westfalen", "North Rhine-Westphalia"),
    "RP": ("Rheinland-Pfalz", "Rhineland-Palatinate"),
    "SL": ("Saarland", "Saarland"),
    "SN": ("Sachsen", "Saxony"),
    "ST": ("Sachsen-Anhalt", "Saxony-Anhalt"),
    "SH": ("Schleswig-Holstein", "Schleswig-Holstein"),
    "TH": ("Thüringen", "Thuringia"),
}
BODY_NAMES: dict[str, tuple[str, str]] = {
    "municipal": ("Kommune (Stadt, Gemeinde, Kreis)", "Municipality (town, district)"),
    "state": ("Landesbehörde", "Authority of a Land"),
    "federal": ("Bundesbehörde", "Federal authority"),
    "school": ("Schule", "School"),
    "university": ("Hochschule", "University"),
    "association": ("Verein oder Verband", "Association"),
    "other": ("Andere Stelle", "Other body"),
}


def _store(request: Request[Any, Any, Any]) -> AccountStore:
    return request.app.state.account_store  # type: ignore[no-any-return]


async def _run(function: Callable[..., T], *args: Any) -> T:
    # Database work and argon2 block: never on the event loop.
    return await anyio.to_thread.run_sync(lambda: function(*args))


def _safe_next(value: str | None) -> str:
    """Only paths on this site: no "//host", no scheme, no backslash tricks."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/konto"
    return value


def _client(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


def _field_error(exc: AccountError, lang: str, default: str) -> dict[str, str]:
    field = str(exc.extra.get("field") or default)
    return {field: exc.message(lang)}


def _choices(lang: str) -> dict[str, Any]:
    index = 1 if lang == "en" else 0
    return {
        "lands": [(code, LAND_NAMES[code][index]) for code in LAND_CODES],
        "bodies": [(kind, BODY_NAMES[kind][index]) for kind in BODY_KINDS],
        "roles": [(role, ROLE_NAMES[role][index]) for role in ROLES],
        "role_names": {role: ROLE_NAMES[role][index] for role in ROLES},
        "land_names": {code: LAND_NAMES[code][index] for code in LAND_CODES},
        "body_names": {kind: BODY_NAMES[kind][index] for kind in BODY_KINDS},
    }


def _session_principal(request: Request[Any, Any, Any]) -> Principal:
    principal = current_principal(request)
    if principal is None:
        raise not_authenticated()
    return principal


class AccountPagesController(Controller):
    include_in_schema = False

    # -- sign in / out -------------------------------------------------------------------

    @get("/anmelden", name="web:login")
    async def login_form(self, request: Request[Any, Any, Any]) -> Template:
        return render(
            request,
            "anmelden.html",
            email="",
            next=_safe_next(request.query_params.get("next")),
            errors={},
            notice=request.query_params.get("hinweis"),
        )

    @post("/anmelden", name="web:login-submit")
    async def login(self, request: Request[Any, Any, Any]) -> Template | Response[Any]:
        form = await request.form()
        lang = request_lang(request)
        email = str(form.get("email") or "").strip()[:254]
        password = str(form.get("password") or "")
        next_path = _safe_next(str(form.get("next") or ""))
        errors: dict[str, str] = {}
        if has_control_chars(email):
            errors["email"] = control_char_message("E-Mail")[0 if lang == "de" else 1]
            email = ""  # never echoed back into the form
        elif not email:
            errors["email"] = (
                "Bitte geben Sie Ihre E-Mail-Adresse ein."
                if lang == "de"
                else ("Please enter your e-mail address.")
            )
        if not password:
            errors["password"] = (
                "Bitte geben Sie Ihr Passwort ein."
                if lang == "de"
                else ("Please enter your password.")
            )
        status, headers, limited = (422 if errors else 200), {}, False
        if not errors:
            store = _store(request)
            try:
                user = await _run(store.authenticate, email, password, _client(request))
            except TooManyAttemptsError as exc:
                status, headers, limited = 429, {"Retry-After": str(exc.retry_after)}, True
                errors["password"] = exc.message(lang)
            except LoginFailedError as exc:
                status = 401
                errors["password"] = exc.message(lang)
            else:
                old = request.cookies.get(SESSION_COOKIE)
                if old:
                    await _run(store.delete_session, old)  # a fresh session for every sign-in
                session = await _run(store.create_session, user.id)
                target = "/konto" if user.must_change_password else next_path
                response = Redirect(target, status_code=303)
                response.set_cookie(
                    session_cookie(request, session.token, int(SESSION_LIFETIME.total_seconds()))
                )
                return response
        return render(
            request,
            "anmelden.html",
            status_code=status,
            headers=headers,
            email=email,
            next=next_path,
            errors=errors,
            limited=limited,
            notice=None,
        )

    @get("/abmelden", name="web:logout-form")
    async def logout_form(self, request: Request[Any, Any, Any]) -> Template:
        return render(request, "abmelden.html")

    @post("/abmelden", name="web:logout")
    async def logout(self, request: Request[Any, Any, Any]) -> Response[Any]:
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            await _run(_store(request).delete_session, token)
        response = Redirect("/anmelden?hinweis=abgemeldet", status_code=303)
        response.set_cookie(clear_session_cookie(request))
        return response

    # -- sign up -------------------------------------------------------------------------

    @get("/registrieren", name="web:signup")
    async def signup_form(self, request: Request[Any, Any, Any]) -> Template:
        return render(
            request,
            "registrieren.html",
            values={"land": "bund", "body_kind": "municipal"},
            errors={},
            **_choices(request_lang(request)),
        )

    @post("/registrieren", name="web:signup-submit")
    async def signup(self, request: Request[Any, Any, Any]) -> Template | Response[Any]:
        form = await request.form()
        lang = request_lang(request)
        values = {
            key: str(form.get(key) or "").strip()
            for key in ("org_name", "land", "body_kind", "email")
        }
        password = str(form.get("password") or "")
        store = _store(request)
        errors: dict[str, str] = {}
        try:
            await _run(store.check_signup_rate, _client(request))
            _org, user = await _run(
                lambda: store.sign_up(
                    values["org_name"],
                    values["email"],
                    password,
                    land=values["land"] or "bund",
                    body_kind=values["body_kind"] or "municipal",
                )
            )
        except TooManyAttemptsError as exc:
            errors["org_name"] = exc.message(lang)
        except AccountError as exc:
            field = str(exc.extra.get("field") or "org_name")
            errors[{"name": "org_name"}.get(field, field)] = exc.message(lang)
        else:
            session = await _run(store.create_session, user.id)
            response = Redirect("/organisation?hinweis=willkommen", status_code=303)
            response.set_cookie(
                session_cookie(request, session.token, int(SESSION_LIFETIME.total_seconds()))
            )
            return response
        return render(
            request,
            "registrieren.html",
            status_code=422,
            values=values,
            errors=errors,
            **_choices(lang),
        )

    # -- own account ---------------------------------------------------------------------

    @get("/konto", name="web:account")
    async def account(self, request: Request[Any, Any, Any]) -> Template:
        principal = _session_principal(request)
        return await self._account_page(request, principal, {}, None)

    async def _account_page(
        self,
        request: Request[Any, Any, Any],
        principal: Principal,
        errors: dict[str, str],
        done: str | None,
        status: int = 200,
    ) -> Template:
        user = (
            await _run(_store(request).user, principal.org_id, principal.user_id)
            if principal.user_id
            else None
        )
        return render(
            request,
            "konto.html",
            status_code=status,
            account=user,
            principal=principal,
            errors=errors,
            done=done,
            **_choices(request_lang(request)),
        )

    @post("/konto/passwort", name="web:account-password")
    async def change_password(self, request: Request[Any, Any, Any]) -> Template:
        principal = _session_principal(request)
        lang = request_lang(request)
        form = await request.form()
        old = str(form.get("old_password") or "")
        new = str(form.get("new_password") or "")
        repeat = str(form.get("new_password_repeat") or "")
        errors: dict[str, str] = {}
        if principal.user_id is None:
            raise not_authenticated()
        if new != repeat:
            errors["new_password_repeat"] = (
                "Die beiden neuen Passwörter sind nicht gleich."
                if lang == "de"
                else "The two new passwords are not the same."
            )
        else:
            try:
                await _run(
                    _store(request).change_password,
                    principal.user_id,
                    old,
                    new,
                    request.cookies.get(SESSION_COOKIE),
                )
            except AccountError as exc:
                field = str(exc.extra.get("field") or "new_password")
                errors[{"password": "new_password"}.get(field, field)] = exc.message(lang)
        if errors:
            return await self._account_page(request, principal, errors, None, 422)
        return await self._account_page(request, principal, {}, "password")

    # -- setting a password through a one-time link -------------------------------------

    @get("/passwort-setzen", name="web:set-password")
    async def set_password_form(self, request: Request[Any, Any, Any]) -> Template:
        token = request.query_params.get("token") or ""
        lang = request_lang(request)
        try:
            user = await _run(_store(request).password_link_user, token)
        except AccountError as exc:
            return render(
                request,
                "passwort_setzen.html",
                status_code=404,
                token="",
                email=None,
                errors={},
                invalid=exc.message(lang),
            )
        return render(
            request,
            "passwort_setzen.html",
            token=token,
            email=user.email,
            errors={},
            invalid=None,
        )

    @post("/passwort-setzen", name="web:set-password-submit")
    async def set_password(self, request: Request[Any, Any, Any]) -> Template | Response[Any]:
        form = await request.form()
        lang = request_lang(request)
        token = str(form.get("token") or "")
        password = str(form.get("new_password") or "")
        repeat = str(form.get("new_password_repeat") or "")
        store = _store(request)
        try:
            user = await _run(store.password_link_user, token)
        except AccountError as exc:
            return render(
                request,
                "passwort_setzen.html",
                status_code=404,
                token="",
                email=None,
                errors={},
                invalid=exc.message(lang),
            )
        errors: dict[str, str] = {}
        if password != repeat:
            errors["new_password_repeat"] = (
                "Die beiden Passwörter sind nicht gleich."
                if lang == "de"
                else "The two passwords are not the same."
            )
        else:
            try:
                await _run(store.use_password_link, token, password)
            except AccountError as exc:
                errors.update(_field_error(exc, lang, "new_password"))
                errors = {{"password": "new_password"}.get(k, k): v for k, v in errors.items()}
            else:
                return Redirect("/anmelden?hinweis=passwort", status_code=303)
        return render(
            request,
            "passwort_setzen.html",
            status_code=422,
            token=token,
            email=user.email,
            errors=errors,
            invalid=None,
        )

    # -- the organisation (admins) -------------------------------------------------------

    @get("/organisation", name="web:organisation", opt={"role": "admin"})
    async def organisation(self, request: Request[Any, Any, Any]) -> Template:
        notice = request.query_params.get("hinweis")
        return await self._org_page(request, welcome=notice == "willkommen")

    async def _org_page(
        self,
        request: Request[Any, Any, Any],
        *,
        status: int = 200,
        errors: dict[str, str] | None = None,
        new_key: str | None = None,
        new_link: tuple[str, str] | None = None,
        done: str | None = None,
        values: dict[str, str] | None = None,
        welcome: bool = False,
    ) -> Template:
        principal = _session_principal(request)
        store = _store(request)
        org = await _run(store.organisation, principal.org_id)
        users = await _run(store.list_users, principal.org_id)
        keys = await _run(store.list_keys, principal.org_id)
        base = str(request.base_url).rstrip("/")
        return render(
            request,
            "organisation.html",
            status_code=status,
            org=org,
            people=users,
            keys=keys,
            errors=errors or {},
            new_key=new_key,
            new_link=(new_link[0], f"{base}/passwort-setzen?token={new_link[1]}")
            if new_link
            else None,
            done=done,
            values=values or {},
            welcome=welcome,
            principal=principal,
            **_choices(request_lang(request)),
        )

    @post("/organisation/daten", name="web:organisation-data", opt={"role": "admin"})
    async def update_org(self, request: Request[Any, Any, Any]) -> Template:
        principal = _session_principal(request)
        form = await request.form()
        lang = request_lang(request)
        name = str(form.get("name") or "")
        land = str(form.get("land") or "")
        body_kind = str(form.get("body_kind") or "")
        try:
            await _run(
                lambda: _store(request).update_organisation(
                    principal.org_id, name=name, land=land, body_kind=body_kind
                )
            )
        except AccountError as exc:
            errors = _field_error(exc, lang, "name")
            errors = {
                {"name": "org-name", "land": "org-land", "body_kind": "org-body"}.get(k, k): v
                for k, v in errors.items()
            }
            return await self._org_page(request, status=422, errors=errors)
        return await self._org_page(request, done="data")

    @post("/organisation/personen", name="web:organisation-invite", opt={"role": "admin"})
    async def invite(self, request: Request[Any, Any, Any]) -> Template:
        principal = _session_principal(request)
        form = await request.form()
        lang = request_lang(request)
        email = str(form.get("email") or "").strip()
        role = str(form.get("role") or "")
        store = _store(request)
        try:
            user = await _run(store.create_user, principal.org_id, email, role)
            token = await _run(store.create_password_link, principal.org_id, user.id, "invite")
        except AccountError as exc:
            errors = _field_error(exc, lang, "email")
            errors = {
                {"email": "invite-email", "role": "invite-role"}.get(k, k): v
                for k, v in errors.items()
            }
            return await self._org_page(
                request, status=422, errors=errors, values={"email": email, "role": role}
            )
        return await self._org_page(request, new_link=(user.email, token))

    @post(
        "/organisation/personen/{user_id:str}/passwort",
        name="web:organisation-reset",
        opt={"role": "admin"},
    )
    async def reset_password(
        self, request: Request[Any, Any, Any], user_id: FromPath[str]
    ) -> Template:
        principal = _session_principal(request)
        store = _store(request)
        user = await _run(store.user, principal.org_id, user_id)  # 404 for other orgs
        token = await _run(store.create_password_link, principal.org_id, user.id, "reset")
        return await self._org_page(request, new_link=(user.email, token))

    @post("/organisation/schluessel", name="web:organisation-key", opt={"role": "admin"})
    async def create_key(self, request: Request[Any, Any, Any]) -> Template:
        principal = _session_principal(request)
        form = await request.form()
        lang = request_lang(request)
        name = str(form.get("name") or "")
        role = str(form.get("role") or "editor")
        try:
            new = await _run(_store(request).create_key, principal.org_id, name, role)
        except AccountError as exc:
            errors = _field_error(exc, lang, "name")
            errors = {
                {"name": "key-name", "role": "key-role"}.get(k, k): v for k, v in errors.items()
            }
            return await self._org_page(
                request, status=422, errors=errors, values={"key_name": name}
            )
        return await self._org_page(request, new_key=new.key)

    @post(
        "/organisation/schluessel/{key_id:str}/widerrufen",
        name="web:organisation-revoke",
        opt={"role": "admin"},
    )
    async def revoke_key(self, request: Request[Any, Any, Any], key_id: FromPath[str]) -> Template:
        principal = _session_principal(request)
        await _run(_store(request).revoke_key, principal.org_id, key_id)
        return await self._org_page(request, done="revoked")
