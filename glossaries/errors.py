"""The one error type of the glossary package: bilingual, with the place of the problem.

Users edit glossary files by hand, so a broken file must produce a message that names the file and
the entry, in German first and English second, instead of a Python traceback.
"""

from __future__ import annotations

from pathlib import Path


class GlossaryError(Exception):
    """A glossary file (YAML or TBX) could not be read or is invalid."""

    def __init__(
        self,
        message_de: str,
        message_en: str,
        *,
        path: str | Path | None = None,
        index: int | None = None,
        term: str | None = None,
    ) -> None:
        self.message_de = message_de
        self.message_en = message_en
        self.path = str(path) if path is not None else None
        self.index = index
        self.term = term
        super().__init__(self._render())

    def _where(self, entry_word: str) -> str:
        parts: list[str] = []
        if self.path:
            parts.append(self.path)
        if self.index is not None:
            # 1-based: this is what a person counting entries in the file expects.
            label = f"{entry_word} {self.index + 1}"
            if self.term:
                label += f" „{self.term}“" if entry_word == "Eintrag" else f" '{self.term}'"
            parts.append(label)
        elif self.term:
            parts.append(f"„{self.term}“" if entry_word == "Eintrag" else f"'{self.term}'")
        return ": ".join(parts)

    def _render(self) -> str:
        where_de, where_en = self._where("Eintrag"), self._where("entry")
        de = f"{where_de}: {self.message_de}" if where_de else self.message_de
        en = f"{where_en}: {self.message_en}" if where_en else self.message_en
        return f"{de}\n{en}"
