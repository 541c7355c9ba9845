"""The base of the project's user-facing errors lives in :mod:`a11y_core.errors`; this name stays
for the modules that import it from here."""

from __future__ import annotations

from a11y_core.errors import BilingualError

__all__ = ["BilingualError"]
