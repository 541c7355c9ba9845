"""``json``: the run object of report-format.md (``schema_version`` 1) plus the gate's verdict."""

from __future__ import annotations

from checkers.report import encode_report
from ci.gate import GateResult


def render(result: GateResult) -> str:
    return encode_report(result.run).decode("utf-8")
