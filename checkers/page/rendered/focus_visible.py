"""``browser.focus-visible`` (WCAG 2.4.7, ACT oj04fd): a tabbable element whose look does not
change at all when it gets focus (outline, shadow, border, colours, decoration, size, on the
element, two ancestors, its first descendants and its ::before/::after). Reported for review:
a focus indicator elsewhere on the page cannot be ruled out by styles alone. The comparison
runs in ``scripts.COMBINED_JS``.

The record and the examples are in ``focus_visible.yaml``; the findings are made in
:func:`checkers.page.rendered.rendered_findings`.
"""

from checkers.rules.data import rule_meta

META = rule_meta(__file__)
