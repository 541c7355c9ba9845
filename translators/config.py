"""The ``[translate]`` table of ``a11y.toml``: terms to keep, glossaries, engine settings.

```toml
[translate]
do_not_translate = ["Bürgeramt Nord", "a11y"]   # kept verbatim in every language
glossaries = ["begriffe/"]                       # YAML/TBX, relative to this file
beam_size = 2
threads = 1            # CTranslate2 inter_threads
batch_size = 32        # sentences per translate_batch
memory = ".cache/tm.sqlite3"                     # persistent translation memory
index_url = "https://…/index.json"               # package index for `a11y models install --online`
```

Environment variables (``A11Y_TRANSLATE_*``, ``A11Y_MODELS_DIR``) give the defaults; the file
overrides them, so one project can pin its settings in version control.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from translators.engine import EngineConfig
from translators.errors import TranslationError

CONFIG_FILE_NAME = "a11y.toml"
_KEYS = {"do_not_translate", "glossaries", "beam_size", "threads", "batch_size", "memory",
         "index_url"}


@dataclass(frozen=True, slots=True)
class TranslateConfig:
    engine: EngineConfig
    do_not_translate: tuple[str, ...] = ()
    glossaries: tuple[Path, ...] = ()
    index_url: str | None = None


def _bad(path: Path, de: str, en: str) -> TranslationError:
    return TranslationError("bad-config", f"{path}: {de}", f"{path}: {en}")


def _list_of_str(table: dict[str, Any], key: str, path: Path) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(path, f"translate.{key} muss eine Liste von Texten sein.",
                   f"translate.{key} must be a list of strings.")
    return value


def _int(table: dict[str, Any], key: str, path: Path, default: int) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _bad(path, f"translate.{key} muss eine ganze Zahl ≥ 0 sein.",
                   f"translate.{key} must be an integer ≥ 0.")
    return value


def load_translate_config(
    path: Path | None = None, search_from: Path | None = None
) -> TranslateConfig:
    engine = EngineConfig.from_env()
    if path is None:
        candidate = (search_from or Path.cwd()) / CONFIG_FILE_NAME
        if not candidate.is_file():
            return TranslateConfig(engine)
        path = candidate
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        reason = exc.strerror
        raise _bad(path, f"nicht lesbar ({reason})", f"cannot be read ({reason})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _bad(path, f"kein gültiges TOML: {exc}", f"not valid TOML: {exc}") from None
    table = data.get("translate", {})
    if not isinstance(table, dict):
        raise _bad(path, "[translate] muss eine Tabelle sein.", "[translate] must be a table.")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        keys = ", ".join(f"translate.{k}" for k in unknown)
        raise _bad(path, f"Unbekannte Schlüssel: {keys}", f"Unknown keys: {keys}")
    memory = table.get("memory")
    if memory is not None and not isinstance(memory, str):
        raise _bad(path, "translate.memory muss ein Pfad sein.", "translate.memory must be a path.")
    engine = replace(
        engine,
        beam_size=_int(table, "beam_size", path, engine.beam_size),
        inter_threads=_int(table, "threads", path, engine.inter_threads),
        max_batch_size=_int(table, "batch_size", path, engine.max_batch_size),
        memory_path=(path.parent / memory) if memory else engine.memory_path,
    )
    index_url = table.get("index_url")
    return TranslateConfig(
        engine=engine,
        do_not_translate=tuple(_list_of_str(table, "do_not_translate", path)),
        glossaries=tuple(
            (path.parent / p).resolve() for p in _list_of_str(table, "glossaries", path)
        ),
        index_url=index_url if isinstance(index_url, str) else None,
    )
