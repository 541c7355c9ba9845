"""The service's ``A11Y_*`` settings are read by the one configuration loader,
:mod:`a11y_core.config.env`; this name stays for the modules that import them from here."""

from __future__ import annotations

from a11y_core.config.env import Settings, stored_secret_key

__all__ = ["Settings", "stored_secret_key"]
