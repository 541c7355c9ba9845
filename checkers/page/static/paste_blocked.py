"""static.paste-blocked: a field that does not allow pasting.

WCAG 3.3.8 (Accessible Authentication (Minimum)): blocking paste in a password field stops
password managers and copy-and-paste, leaving a memory test; the Understanding document names
this as a failure, so password fields fail. On other fields (e-mail confirmation, IBAN) it
forces people with motor or cognitive impairments to retype (3.3.7 Redundant Entry spirit):
reported for review. Detected: an inline onpaste handler (or ondrop on password fields) that
returns false or calls preventDefault.
Known false positives: a handler that only cleans the pasted value and then inserts it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_BLOCK = re.compile(r"return\s+false|preventDefault\s*\(", re.I)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("input") + known.tags("textarea"):
        kind = (el.get("type") or "text").strip().lower() if el.tag == "input" else "textarea"
        code = el.get("onpaste") or ""
        if kind == "password":
            code += ";" + (el.get("ondrop") or "")
        if not _BLOCK.search(code) or el in known.excluded:
            continue
        if kind == "password":
            yield PageHit(el, {"kind": kind})
        else:
            yield PageHit(el, {"kind": kind}, outcome="needs_review", severity="warning")
