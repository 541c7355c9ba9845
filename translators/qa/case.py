"""What the translation-QA rules read and return: one segment pair (:class:`QaCase`), a hit
(:class:`QaHit`) and a rule (:class:`QaRule`: its record plus its check function). Apart from
the package's ``__init__`` so the rule modules can import it while the registry imports them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from checkers.rules import Example, RuleMeta
from translators import tags
from translators.document import Placeholder, Segment


@dataclass(frozen=True, slots=True)
class QaCase:
    """One segment pair as the checks see it."""

    segment: Segment
    target: str  # with tags, as edited or as the engine returned it
    repaired: tuple[str, ...] = ()  # placeholder ids the engine re-appended
    source_lang: str = "de"
    target_lang: str = "en"

    @property
    def source_text(self) -> str:
        return self.segment.plain(side="source")

    @property
    def target_text(self) -> str:
        return self.segment.plain(self.target)


@dataclass(frozen=True, slots=True)
class QaHit:
    params: dict[str, Any] = field(default_factory=dict)
    # A rule may report a case more gravely than its default (a placeholder missing from a
    # target is an error, one the engine merely re-appended needs a look): the variant names
    # the message in the record's ``variants`` and brings its own severity and outcome.
    variant: str | None = None


def example_case(example: Example) -> QaCase:
    """The segment pair an example describes: ``example.text`` is the source, ``target`` the
    translation; ``<g>`` tags of the source without a placeholder become bold markup."""
    holders = {
        key: Placeholder(key, kind, text, source=source)
        for key, (kind, text, source) in example.placeholders.items()
    }
    for tag in tags.scan(example.text):
        if tag.kind == "g" and tag.id not in holders:
            holders[tag.id] = Placeholder(tag.id, "tag", "<b>", close="</b>", raw=True)
    segment = Segment("example", "p", example.text, example.target, holders)
    return QaCase(segment, example.target, example.repaired)


QaCheck = Callable[[QaCase, Mapping[str, Any]], Iterable[QaHit]]


@dataclass(frozen=True, slots=True)
class QaRule:
    meta: RuleMeta
    check: QaCheck
