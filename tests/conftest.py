from __future__ import annotations

import pytest

from checkers.text.engine import TextChecker


@pytest.fixture(scope="session")
def checker() -> TextChecker:
    return TextChecker.create()
