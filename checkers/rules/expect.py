"""What an example expects compared with what the rule reported."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checkers.rules.record import Example


@dataclass(frozen=True, slots=True)
class Observed:
    """One finding as the examples see it: its outcome, where it points (selector or span)
    and its suggestions."""

    outcome: str
    at: str | None
    suggestions: tuple[str, ...] = ()
    message: str = ""

    def __str__(self) -> str:
        return f"{self.outcome} at {self.at!r}: {self.message[:80]}"


def mismatches(example: Example, found: Sequence[Observed]) -> list[str]:
    """Why ``found`` is not exactly what ``example`` expects ([] when it is).

    A pass example: nothing at all. A flagging example: at least one finding, every one with
    the expected outcome and at the expected place; the expected suggestions
    among those of the findings."""
    if example.expect is None:
        return [f"expected nothing, got {f}" for f in found]
    if not found:
        return [f"expected {example.expect} at {example.at!r}, got nothing"]
    problems = [
        f"expected {example.expect} at {example.at!r}, got {f}"
        for f in found
        if f.outcome != example.expect or f.at != example.at
    ]
    offered = {s for f in found for s in f.suggestions}
    problems += [
        f"suggestion {s!r} not among {sorted(offered)}"
        for s in example.suggestions
        if s not in offered
    ]
    return problems
