"""Reading ``a11y.toml``: the file found, parsed once, validated whole, errors with lines.

``tomllib`` gives no positions, so :func:`key_line` finds the line of a key in the source text;
every :class:`ConfigError` made through :meth:`ConfigDocument.error` carries it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from a11y_core.config.errors import CONFIG_FILE_NAME, ConfigError

# ---------------------------------------------------------------- line lookup

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEYLINE = re.compile(rf"^\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")
_KEYPART = re.compile(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""")


def _split_key(raw: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _KEYPART.findall(raw))


def key_line(source: str, key: tuple[str, ...]) -> int | None:
    """The 1-based line where ``key`` (a path of table names and a key) is set, best effort.

    Exact matches come from table headers and ``a.b = ...`` lines; a key inside an inline table
    is searched for after the line of its nearest known parent.
    """
    known: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    lines = source.splitlines()
    for number, line in enumerate(lines, start=1):
        header = _HEADER.match(line)
        if header:
            table = _split_key(header.group(1))
            known.setdefault(table, number)
            continue
        match = _KEYLINE.match(line)
        if match:
            known.setdefault(table + _split_key(match.group(1)), number)
    if key in known:
        return known[key]
    for cut in range(len(key) - 1, 0, -1):
        parent = key[:cut]
        if parent in known:
            start = known[parent]
            needle = re.compile(rf"""(^|[\s{{,])["']?{re.escape(key[-1])}["']?\s*=""")
            for number in range(start, min(len(lines), start + 200) + 1):
                if needle.search(lines[number - 1]):
                    return number
            return start
    return None


# ---------------------------------------------------------------- the document


@dataclass(frozen=True, slots=True)
class ConfigDocument:
    """One parsed and validated a11y.toml (or none: ``path`` None, no data)."""

    path: Path | None = None
    source: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def base_dir(self) -> Path:
        """Paths in the file are relative to it."""
        return self.path.parent if self.path else Path.cwd()

    def section(self, name: str) -> dict[str, Any]:
        table = self.data.get(name, {})
        return table if isinstance(table, dict) else {}

    def error(self, key: tuple[str, ...], de: str, en: str) -> ConfigError:
        """A mistake at ``key``, with the line it is on."""
        line = key_line(self.source, key) if key else None
        return ConfigError(self.path, line, ".".join(key) or None, de, en)


def find_config(explicit: Path | None, search_from: Path | None = None) -> Path | None:
    """``--config`` / ``A11Y_CONFIG`` when given, else ``a11y.toml`` in the folder (or None)."""
    if explicit is not None:
        return explicit
    candidate = (search_from or Path.cwd()) / CONFIG_FILE_NAME
    return candidate if candidate.is_file() else None


def read_config(explicit: Path | None = None, search_from: Path | None = None) -> ConfigDocument:
    """The project's a11y.toml, validated as a whole; an empty document when there is none."""
    path = find_config(explicit, search_from)
    if path is None:
        return ConfigDocument()
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(path, None, None, "Die Datei gibt es nicht.",
                          "The file does not exist.") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ConfigError(path, None, None, f"Die Datei ist nicht lesbar: {reason}",
                          f"Cannot read the file: {reason}") from None
    return parse_config(source, path)


def parse_config(source: str, path: Path | None = None) -> ConfigDocument:
    """Parse and validate every section (:mod:`a11y_core.config.schema`)."""
    from a11y_core.config.schema import validate

    try:
        data = tomllib.loads(source)
    except RecursionError:
        # Arrays or tables nested deeper than the TOML parser goes.
        raise ConfigError(path, None, None, "Kein gültiges TOML: zu tief verschachtelt.",
                          "Not valid TOML: nested too deep.") from None
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise ConfigError(
            path, int(line.group(1)) if line else None, None,
            f"Kein gültiges TOML: {error}", f"Not valid TOML: {error}",
        ) from None
    document = ConfigDocument(path, source, data)
    validate(document)
    return document
