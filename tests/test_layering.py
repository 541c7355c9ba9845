"""``a11y_core``, ``checkers``, ``translators`` and ``glossaries`` are pure libraries: none of
their modules imports the web framework, the CLI library or the front ends, and importing all of
them loads neither these nor torch or stanza. (click itself may be loaded: httpx imports it for
its own command line.)"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIBRARIES = ("a11y_core", "checkers", "translators", "glossaries")
FORBIDDEN_IMPORTS = {"litestar", "click", "a11y_service", "ci", "uvicorn"}

CODE = """
import importlib, pkgutil, sys
for package in ("a11y_core", "checkers", "translators", "glossaries"):
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
bad = sorted({m.split(".")[0] for m in sys.modules} & {
    "litestar", "a11y_service", "ci", "torch", "stanza", "argostranslate"})
assert not bad, bad
"""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_no_front_end_imports_in_source() -> None:
    offenders = {}
    for library in LIBRARIES:
        for path in (ROOT / library).rglob("*.py"):
            if path.name == "__main__.py":
                continue  # `python -m glossaries` is a small front end of its own
            bad = _imports(path) & FORBIDDEN_IMPORTS
            if bad:
                offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_importing_everything_loads_no_front_end() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
