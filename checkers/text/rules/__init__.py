"""Registry of text rules: every module in this package that defines ``RULES`` contributes them."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from checkers.text.rules.base import Rule


@cache
def all_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name == "base" or module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rules.extend(getattr(module, "RULES", ()))
    ids = [r.meta.id for r in rules]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise RuntimeError(f"duplicate rule ids: {sorted(duplicates)}")
    return tuple(sorted(rules, key=lambda r: r.meta.id))


