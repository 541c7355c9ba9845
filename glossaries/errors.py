"""The one error type of the glossary package: bilingual, with the place of the problem.

Users edit glossary files by hand, so a broken file must produce a message that names the file and
the entry, in German first and English second, instead of a Python traceback. It is one of the
project's errors (:class:`a11y_core.errors.BilingualError`), so the API answers it as
problem+json and the CLI shows it with exit code 2, like every other.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from a11y_core.errors import BilingualError


class GlossaryError(BilingualError):
    """A glossary file (YAML or TBX) could not be read or is invalid.

    ``de`` and ``en`` are the bare explanation; ``message()`` and ``both()`` put the file and
    the entry before it (``user.yaml: Eintrag 3 „zwecks“: ...``)."""

    title: ClassVar[str | None] = "Ungültiges Glossar / Invalid glossary"

    def __init__(
        self,
        de: str,
        en: str,
        *,
        path: str | Path | None = None,
        index: int | None = None,
        term: str | None = None,
    ) -> None:
        # 422: the glossary arrived and was read, but its content is wrong.
        super().__init__("glossary", de, en, status=422)
        self.path = str(path) if path is not None else None
        self.index = index
        self.term = term
        self.args = (f"{self.message('de')}\n{self.message('en')}",)

    def _where(self, locale: str) -> str:
        parts: list[str] = []
        if self.path:
            parts.append(self.path)
        quoted = (f"„{self.term}“" if locale == "de" else f"'{self.term}'") if self.term else ""
        if self.index is not None:
            # 1-based: this is what a person counting entries in the file expects.
            label = f"{'Eintrag' if locale == 'de' else 'entry'} {self.index + 1}"
            parts.append(f"{label} {quoted}" if quoted else label)
        elif quoted:
            parts.append(quoted)
        return ": ".join(parts)

    def message(self, locale: str = "de") -> str:
        bare = super().message(locale)
        where = self._where("en" if locale == "en" else "de")
        return f"{where}: {bare}" if where else bare

    def both(self, locale: str = "de") -> str:
        first, second = ("en", "de") if locale == "en" else ("de", "en")
        return f"{self.message(first)} / {self.message(second)}"
