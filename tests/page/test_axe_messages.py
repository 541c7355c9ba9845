"""Every axe-core rule the audit runs has the project's own German text."""

from __future__ import annotations

import json

import pytest

from checkers.page.axe import EXTRA_RULES, REPLACED_RULES, act_audit_tags
from checkers.page.axe_messages import MESSAGES_DE
from checkers.page.browser import BrowserPool
from checkers.page.options import BrowserSettings

pytestmark = pytest.mark.browser

# The rules a run with these tags executes: axe skips experimental and deprecated rules
# unless they are switched on by name.
_RULES_JS = """
var tags = JSON.parse(arguments[0]);
return axe.getRules(tags).filter(function (r) {
  return r.tags.indexOf('experimental') < 0 && r.tags.indexOf('deprecated') < 0;
}).map(function (r) { return r.ruleId; });
"""


def test_every_rule_the_audit_runs_has_a_german_text() -> None:
    pool = BrowserPool(BrowserSettings(pool_size=1))
    try:
        with pool.session() as session:
            session.driver.get("about:blank")
            if not session.driver.execute_script("return !!window.axe"):
                session.driver.execute_script(session.bootstrap)
            ran = set(session.driver.execute_script(_RULES_JS, json.dumps(act_audit_tags())))
    finally:
        pool.close()
    assert len(ran) > 80
    wanted = (ran | set(EXTRA_RULES)) - set(REPLACED_RULES)
    missing = sorted(r for r in wanted if r not in MESSAGES_DE)
    assert not missing, missing
