"""The one configuration loader: ``a11y.toml`` (every section) and the ``A11Y_*`` environment.

- :func:`read_config` finds the file (``--config``, ``A11Y_CONFIG`` or ``./a11y.toml``), parses it
  once and validates every section against :mod:`a11y_core.config.schema`; every mistake is a
  :class:`ConfigError` with the line and the full key (``a11y.toml:12: key check.timeout: ...``).
- Each engine builds its typed settings from the validated document: ``[check]`` in
  ``checkers.page.site.config``, ``[text]`` in ``checkers.text.config``, ``[translate]`` in
  ``translators.config``; the service's settings are :class:`a11y_core.config.env.Settings`.
"""

from __future__ import annotations

from a11y_core.config.errors import CONFIG_FILE_NAME, ConfigError, EnvSettingError
from a11y_core.config.toml import ConfigDocument, find_config, key_line, parse_config, read_config

__all__ = [
    "CONFIG_FILE_NAME",
    "ConfigDocument",
    "ConfigError",
    "EnvSettingError",
    "find_config",
    "key_line",
    "parse_config",
    "read_config",
]
