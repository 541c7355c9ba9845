"""/health: liveness and what is loaded."""

from __future__ import annotations

from typing import ClassVar

import msgspec
from litestar import Controller, get
from litestar.di import NamedDependency

from checkers.report import TOOL_VERSION
from checkers.text.engine import TextChecker


class Health(msgspec.Struct):
    status: str
    version: str
    rules: int


class HealthController(Controller):
    path = "/health"
    tags: ClassVar[list[str]] = ["health"]

    @get("/", summary="Status")
    async def health(self, text_checker: NamedDependency[TextChecker]) -> Health:
        return Health(status="ok", version=TOOL_VERSION, rules=len(text_checker.rules))
