"""``browser.keyboard-trap`` (WCAG 2.1.2, ACT 80af7b): a walk with real Tab and Shift+Tab key
presses; focus that stays on one element (not a frame) for both directions is trapped.

The record and the examples are in ``keyboard_trap.yaml``; the findings are made in
:func:`checkers.page.rendered.rendered_findings`.
"""

from checkers.rules.data import rule_meta

META = rule_meta(__file__)
