"""One registry: the rules of a package are found by walking its modules, not listed by hand."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def discover(
    package: str, collect: Callable[[object], Iterable[T]], key: Callable[[T], str]
) -> list[T]:
    """Every rule that ``collect`` finds in the modules of ``package`` (not in ``_private`` or
    helper modules that yield nothing), sorted by ``key`` (the rule id) so the order does not
    depend on the file system. Raises when two rules share an id."""
    root = importlib.import_module(package)
    found: list[T] = []
    for info in pkgutil.iter_modules(root.__path__):
        if info.name.startswith("_") or info.ispkg:
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        found.extend(collect(module))
    ids = [key(item) for item in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"{package}: duplicate rule ids {duplicates}")
    return sorted(found, key=key)
