"""Report writers: one function per format, all reading the same :class:`ci.gate.GateResult`.

Pipelines read different formats (JUnit in GitLab and Jenkins, SARIF in code scanning, Code
Quality in GitLab merge requests), people read text and HTML; several can be written in one
run (``--report junit=out.xml --report html=report.html``), so every writer is a pure function
``render(result) -> str`` and the CLI decides where the text goes.
"""

from __future__ import annotations

from collections.abc import Callable

from ci.gate import GateResult
from ci.reporters import gitlab, html, json_report, junit, sarif, text

Renderer = Callable[[GateResult], str]

REPORTERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "junit": junit.render,
    "sarif": sarif.render,
    "gitlab": gitlab.render,
    "html": html.render,
}


def render(kind: str, result: GateResult) -> str:
    return REPORTERS[kind](result)
