"""The data file of a page rule: ``image_alt.yaml`` beside ``image_alt.py`` (see
:mod:`checkers.rules.data`). A page rule module says ``META = page_meta(__file__)``.

Page examples may name their page instead of spelling it out: ``text: {sample: statement,
preparation: ""}`` is :func:`checkers.page.bitv.samples.statement` with that part removed,
``{sample: homepage, nav: ...}`` the sample homepage, ``{sample: easy_language_page}`` a
constant of the samples module; so does each page in ``context.linked`` (``[url, text]``).
An example shows what it changes, not the 40 lines of statement around it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from checkers.page.options import BitvSettings
from checkers.rules import RuleMeta
from checkers.rules.data import RuleDataError, load_rule_meta


def _bitv_settings(value: Any) -> BitvSettings:
    return BitvSettings(**value)


def sample_text(spec: Mapping[str, Any]) -> str:
    """The page a ``{sample: name, **arguments}`` mapping names (see the module docstring)."""
    from checkers.page.bitv import samples  # the BITV package imports its rules: not at import

    arguments = dict(spec)
    name = arguments.pop("sample")
    found = getattr(samples, name, None) or getattr(samples, str(name).upper(), None)
    if name == "statement":  # statement(**parts) would ignore a misspelt part silently
        unknown = sorted(set(arguments) - set(samples.STATEMENT_PARTS))
        if unknown:
            raise RuleDataError(
                f"no statement part(s) {unknown}; parts: {list(samples.STATEMENT_PARTS)}"
            )
    if callable(found):
        return str(found(**arguments))
    if isinstance(found, str) and not arguments:
        return found
    raise RuleDataError(f"no sample page {name!r} (with arguments {sorted(arguments)})")


def _linked(value: Any) -> dict[str, tuple[str, str]]:
    """{role: [url, text]}: each text may be a sample mapping."""
    pages = {}
    for role, page in value.items():
        url, text = page
        pages[role] = (url, text if isinstance(text, str) else sample_text(text))
    return pages


def page_meta(module_file: str) -> RuleMeta:
    """The record and examples of the page rule in ``module_file`` (its ``.yaml`` twin).
    Examples name the BITV settings of their context as a mapping of BitvSettings fields."""
    return load_rule_meta(
        Path(module_file).with_suffix(".yaml"),
        context_types={"bitv": _bitv_settings, "linked": _linked},
        build_text=sample_text,
    )
