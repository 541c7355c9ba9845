"""Account errors: a German and an English message, an HTTP status for the API and exit code 2
in the CLI."""

from __future__ import annotations

from a11y_core.errors import BilingualError


class AccountError(BilingualError):
    status = 400
    kind = "account"

    def __init__(self, de: str, en: str, **extra: object) -> None:
        super().__init__(self.kind, de, en)
        self.extra = extra


class NotAuthenticatedError(AccountError):
    status = 401
    kind = "not-authenticated"


class ForbiddenError(AccountError):
    status = 403
    kind = "forbidden"


class AccountNotFoundError(AccountError):
    status = 404
    kind = "not-found"


class DuplicateError(AccountError):
    status = 409
    kind = "duplicate"


class InvalidAccountInputError(AccountError):
    status = 422
    kind = "invalid-input"


class LoginFailedError(AccountError):
    """Wrong e-mail or password: one message for both, so nobody learns which accounts exist."""

    status = 401
    kind = "login-failed"


class TooManyAttemptsError(AccountError):
    status = 429
    kind = "too-many-attempts"

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, (retry_after + 59) // 60)
        super().__init__(
            f"Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie {minutes} Minuten.",
            f"Too many failed sign-ins. Please wait {minutes} minutes.",
        )
        self.retry_after = retry_after


def not_authenticated() -> NotAuthenticatedError:
    return NotAuthenticatedError(
        "Bitte melden Sie sich an oder senden Sie einen API-Schlüssel (Authorization: Bearer ...).",
        "Please sign in or send an API key (Authorization: Bearer ...).",
    )


def forbidden(role: str) -> ForbiddenError:
    return ForbiddenError(
        f"Dafür fehlt Ihnen die Berechtigung (nötig: Rolle {role!r} oder höher).",
        f"You are not allowed to do this (needs role {role!r} or higher).",
        required_role=role,
    )
