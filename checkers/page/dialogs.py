"""Pages that open dialogs (alert, confirm, prompt, beforeunload) are audited, not crashed.

A JavaScript dialog blocks the page and every WebDriver command until someone answers it, so a
page that alerts on load used to hang the browser until it was killed. Before any script of the
page runs, :data:`DIALOG_GUARD_JS` replaces ``alert``, ``confirm`` and ``prompt`` with
functions that note the dialog and answer like a user who dismisses it (``confirm`` -> false,
``prompt`` -> null), and drops ``beforeunload`` handlers (noted too), so leaving the page never
asks. The report lists every dismissed dialog as a limit: the audit saw the page as it is after
dismissing, which a user may not see. Where the guard cannot be installed first (a Selenium
Grid without CDP), the session's prompt behaviour dismisses dialogs.
"""

from __future__ import annotations

import logging
from typing import Any

from selenium.common.exceptions import WebDriverException

log = logging.getLogger(__name__)

DIALOG_GUARD_JS = r"""
(function () {
  if (window.__a11yDialogs) { return; }
  var seen = [];
  Object.defineProperty(window, "__a11yDialogs", {value: seen});
  function note(kind, message) {
    var text = String(message === undefined ? "" : message).slice(0, 200);
    if (seen.length < 20) { seen.push([kind, text]); }
  }
  window.alert = function (message) { note("alert", message); };
  window.confirm = function (message) { note("confirm", message); return false; };
  window.prompt = function (message) { note("prompt", message); return null; };
  var add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (this === window && String(type).toLowerCase() === "beforeunload") {
      note("beforeunload", ""); return undefined;
    }
    return add.call(this, type, listener, options);
  };
  Object.defineProperty(window, "onbeforeunload", {
    configurable: true,
    get: function () { return null; },
    set: function () { note("beforeunload", ""); }
  });
})();
"""
READ_JS = "return (window.__a11yDialogs || []).slice(0, 20);"
PROMPT_BEHAVIOUR = "dismiss"


def configure_options(options: Any) -> None:
    """Without the guard (no CDP): dismiss any dialog instead of failing every command."""
    options.unhandled_prompt_behavior = PROMPT_BEHAVIOUR


def read_dialogs(driver: Any) -> list[tuple[str, str]]:
    """The dialogs the page tried to open so far: (kind, message)."""
    try:
        found = driver.execute_script(READ_JS) or []
    except WebDriverException:
        return []
    return [(str(kind), str(message)) for kind, message in found]


def dialog_limits(dialogs: list[tuple[str, str]]) -> list[str]:
    """Limit entries for the report: one per kind, with the first message."""
    entries: list[str] = []
    seen: set[str] = set()
    for kind, message in dialogs:
        if kind in seen:
            continue
        seen.add(kind)
        shown = f" „{message[:80]}“" if message else ""
        entries.append(
            f"dialog: Die Seite öffnet einen Dialog ({kind}){shown}; er wurde geschlossen "
            f"(abgelehnt), geprüft wurde die Seite danach / the page opens a dialog ({kind}); "
            "it was dismissed and the page audited after that"
        )
    return entries
