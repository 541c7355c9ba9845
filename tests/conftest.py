from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from checkers.text.engine import TextChecker


@pytest.fixture(scope="session")
def checker() -> TextChecker:
    from checkers.text.engine import TextChecker

    return TextChecker.create()
