"""The data file of a page rule: ``image_alt.yaml`` beside ``image_alt.py`` (see
:mod:`checkers.rules.data`). A page rule module says ``META = page_meta(__file__)``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checkers.page.options import BitvSettings
from checkers.rules import RuleMeta
from checkers.rules.data import load_rule_meta


def _bitv_settings(value: Any) -> BitvSettings:
    return BitvSettings(**value)


def page_meta(module_file: str) -> RuleMeta:
    """The record and examples of the page rule in ``module_file`` (its ``.yaml`` twin).
    Examples name the BITV settings of their context as a mapping of BitvSettings fields."""
    return load_rule_meta(
        Path(module_file).with_suffix(".yaml"), context_types={"bitv": _bitv_settings}
    )
