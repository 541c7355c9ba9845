"""Review states of a translated segment, shared by the store, the API and the XLIFF exchange.

A machine translation is never published unseen: every segment starts as ``needs_review`` and a
document may be exported as published only when every segment is ``approved``. Kept in the
library (not the service) so the XLIFF module and the CLI use the same names.
"""

from __future__ import annotations

from enum import StrEnum


class SegmentState(StrEnum):
    NEEDS_REVIEW = "needs_review"  # machine suggestion, nobody has looked at it yet
    EDITED = "edited"  # a person changed the target; still needs an approval
    APPROVED = "approved"  # a reviewer signed it off; publishable
    REJECTED = "rejected"  # the target is wrong and must be redone


STATES: tuple[str, ...] = tuple(s.value for s in SegmentState)


def publishable(states: list[str] | tuple[str, ...]) -> bool:
    """A document is publishable when it has segments and every one of them is approved."""
    return bool(states) and all(s == SegmentState.APPROVED for s in states)
