"""``browser.text-spacing`` (WCAG 1.4.12): with the criterion's spacing values applied (line
height 1.5, paragraph spacing 2em, letter spacing 0.12em, word spacing 0.16em), a box with overflow
hidden or clip cuts off text it showed in full before.

The record and the examples are in ``text_spacing.yaml``; the findings are made in
:func:`checkers.page.rendered.rendered_findings`.
"""

from checkers.rules.data import rule_meta

META = rule_meta(__file__)
