from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from checkers.text.engine import TextChecker

TinyPackage = Callable[[str, str], Path]

# Shells and containers often set PYTHONDONTWRITEBYTECODE=1; then every run compiles the project's
# modules again and pytest rewrites the asserts of every test module again (4 s of CPU of the
# collection's 9 s, measured). The bytecode caches are git-ignored and keyed by source, so
# keeping them is safe: this affects only modules imported from here on.
sys.dont_write_bytecode = False

# Production hashes passwords with argon2's RFC 9106 profile: 0.2 s of CPU per hash or check,
# and the account, web and hardening tests make hundreds. Tests keep argon2id with the cheapest
# parameters (tests/accounts/test_passwords.py checks the production default); set before any
# test module imports the service, and inherited by the CLI subprocesses the tests start.
os.environ.setdefault("A11Y_PASSWORD_HASH_PROFILE", "CHEAPEST")


@pytest.fixture(scope="session")
def checker() -> TextChecker:
    from checkers.text.engine import TextChecker

    return TextChecker.create()


@pytest.fixture(scope="session")
def tiny_package(tmp_path_factory: pytest.TempPathFactory) -> TinyPackage:
    """``tiny_package("de", "en")``: a tiny real ``.argosmodel`` (translators.testing), built once
    per session and language pair however many test modules ask for it (read-only for tests)."""
    from translators.testing import build_package

    out = tmp_path_factory.mktemp("argos-packages")
    built: dict[tuple[str, str], Path] = {}

    def package(from_code: str, to_code: str) -> Path:
        if (from_code, to_code) not in built:
            built[from_code, to_code] = build_package(out, from_code, to_code)
        return built[from_code, to_code]

    return package


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A real Chromium costs seconds to start and axe-core seconds per page: every browser test
    # is slow, so `pytest -m "not slow"` is the fast loop and `make test` still runs them all.
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)
