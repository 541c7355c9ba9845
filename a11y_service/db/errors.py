"""Domain errors of the review store; the service maps them to problem+json (404, 409, 422).

Each carries a German and an English message, because reviewers read them in the UI.
"""

from __future__ import annotations

from a11y_core.errors import BilingualError


class ReviewError(BilingualError):
    status = 400
    kind = "review"

    def __init__(self, de: str, en: str, **extra: object) -> None:
        super().__init__(self.kind, de, en)
        self.extra = extra


class NotFoundError(ReviewError):
    status = 404
    kind = "not-found"


class VersionConflictError(ReviewError):
    """The segment changed since the caller read it; nothing was written."""

    status = 409
    kind = "conflict"


class NotPublishableError(ReviewError):
    status = 409
    kind = "not-publishable"


class QaBlockedError(ReviewError):
    """Every segment is approved, but some targets have QA errors nobody overrode."""

    status = 409
    kind = "qa-blocked"


class JobStateError(ReviewError):
    """The job is not (yet) in a state that allows the operation, e.g. still translating."""

    status = 409
    kind = "job-state"


class InvalidUpdateError(ReviewError):
    status = 422
    kind = "invalid-update"


class ImportMismatchError(ReviewError):
    """An XLIFF file that does not belong to this job (wrong job, unknown ids, changed source)."""

    status = 422
    kind = "import-mismatch"


class TextTooLongError(ReviewError):
    """A target, comment or other text over its length limit."""

    status = 413
    kind = "too-large"
