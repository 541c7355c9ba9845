"""The error of a configuration mistake: the file, the line and the full key, both languages."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from a11y_core.errors import BilingualError

CONFIG_FILE_NAME = "a11y.toml"


class ConfigError(BilingualError):
    """A mistake in a11y.toml, with the line and the key when they are known.

    ``de`` and ``en`` are the bare explanation; ``message()`` adds where it is
    (``a11y.toml:12: key check.crawl.max_depth: ...``) and shows both languages, because a
    pipeline's log is read by whoever maintains it.
    """

    title: ClassVar[str | None] = "Ungültige Konfiguration / Invalid configuration"

    def __init__(
        self, path: Path | None, line: int | None, key: str | None, de: str, en: str
    ) -> None:
        super().__init__("config", de, en)
        self.path = path
        self.line = line
        self.key = key
        self.args = (self.message("de"),)

    def where(self) -> str:
        where = str(self.path.name if self.path else CONFIG_FILE_NAME)
        return f"{where}:{self.line}" if self.line else where

    def both(self, locale: str = "de") -> str:
        key = f" key {self.key}:" if self.key else ""
        return f"{self.where()}:{key} {super().both(locale)}"

    def message(self, locale: str = "de") -> str:
        return self.both(locale)


class EnvSettingError(ConfigError):
    """A wrong ``A11Y_*`` environment variable: named instead of a file and line."""

    def __init__(self, name: str, de: str, en: str) -> None:
        super().__init__(None, None, name, de, en)

    def both(self, locale: str = "de") -> str:
        return f"{self.key}: {BilingualError.both(self, locale)}"
