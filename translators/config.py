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
overrides them, so one project can pin its settings in version control. The file is read and
validated (with the line of every mistake) by the one loader, :mod:`a11y_core.config`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from a11y_core.config import CONFIG_FILE_NAME, ConfigDocument, read_config
from translators.engine import EngineConfig

__all__ = ["CONFIG_FILE_NAME", "TranslateConfig", "load_translate_config", "translate_config_of"]


@dataclass(frozen=True, slots=True)
class TranslateConfig:
    engine: EngineConfig
    do_not_translate: tuple[str, ...] = ()
    glossaries: tuple[Path, ...] = ()
    index_url: str | None = None


def load_translate_config(
    path: Path | None = None, search_from: Path | None = None
) -> TranslateConfig:
    """``[translate]`` of a11y.toml over the environment's engine settings. Mistakes are
    :class:`a11y_core.config.ConfigError` with the line of the key."""
    return translate_config_of(read_config(path, search_from))


def translate_config_of(document: ConfigDocument) -> TranslateConfig:
    """The ``[translate]`` section of a validated document (:func:`a11y_core.config.read_config`).
    """
    engine = EngineConfig.from_env()
    if document.path is None:
        return TranslateConfig(engine)
    table = document.section("translate")
    memory = table.get("memory")
    base = document.base_dir
    engine = replace(
        engine,
        beam_size=table.get("beam_size", engine.beam_size),
        inter_threads=table.get("threads", engine.inter_threads),
        max_batch_size=table.get("batch_size", engine.max_batch_size),
        memory_path=(base / memory) if memory else engine.memory_path,
    )
    return TranslateConfig(
        engine=engine,
        do_not_translate=tuple(table.get("do_not_translate", [])),
        glossaries=tuple((base / p).resolve() for p in table.get("glossaries", [])),
        index_url=table.get("index_url"),
    )
