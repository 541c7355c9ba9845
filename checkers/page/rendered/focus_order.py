"""``browser.focus-order`` (WCAG 2.4.3): the keyboard walk of ``browser.keyboard-trap``, then back
with Shift+Tab. The way back must mirror the way forward, and a Tab that jumps backwards in
document order because of a positive tabindex is reported with that reason. For review: an
order can be meaningful anyway.

The record and the examples are in ``focus_order.yaml``; the findings are made in
:func:`checkers.page.rendered.rendered_findings`.
"""

from checkers.rules.data import rule_meta

META = rule_meta(__file__)
