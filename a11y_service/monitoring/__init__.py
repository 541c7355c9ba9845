"""Monitoring and the public observatory: sites audited on a schedule, barriers followed from
audit to audit, trends as server-made SVG charts with their tables, an index to compare sites,
notifications of new errors, and the public pages of the organisations that opt in."""
