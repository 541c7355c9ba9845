"""QA for one stored segment, as the review store re-runs it on every change.

Everything the checks need is in the segment's row (source with tags, target, placeholders as
the engine gave them, the placeholders it re-appended) plus the job's languages, so a decision
never has to load the whole document.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import msgspec

from translators.document import Placeholder, Segment
from translators.qa import blocking, check_segment


def _placeholders(raw: Mapping[str, object] | None) -> dict[str, Placeholder]:
    holders: dict[str, Placeholder] = {}
    for key, value in (raw or {}).items():
        if isinstance(value, Mapping):
            fields = {k: v for k, v in value.items() if k in Placeholder.__slots__}
            fields.setdefault("id", key)
            fields.setdefault("kind", "markup")
            fields.setdefault("text", "")
            holders[key] = Placeholder(**fields)  # type: ignore[arg-type]
    return holders


def segment_findings(
    *,
    segment_id: str,
    source: str,
    target: str,
    machine: str,
    placeholders: Mapping[str, object] | None,
    repaired: Sequence[str] = (),
    source_lang: str,
    target_lang: str,
    locale: str = "de",
) -> list[dict[str, object]]:
    """QA findings (report format, as plain data) for ``target``."""
    segment = Segment(segment_id, "", source, machine, _placeholders(placeholders))
    # The engine's re-appended placeholders count only while the target is still its output.
    still_machine = tuple(repaired) if target == machine else ()
    found = check_segment(
        segment, target, source_lang, target_lang, repaired=still_machine, locale=locale
    )
    return [msgspec.to_builtins(f) for f in found]


def error_count(findings: Sequence[Mapping[str, object]]) -> int:
    return 1 if blocking(findings) else 0


def loads(raw: str | None) -> list[dict[str, object]]:
    return json.loads(raw) if raw else []
