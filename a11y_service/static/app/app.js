// Progressive enhancement only: every flow works without this file.
// After a check, move focus to the result heading so screen readers start there.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var target = document.querySelector("[data-autofocus]");
    if (target) {
      if (!target.hasAttribute("tabindex")) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
    }
  });
})();

// Site audits: while an audit runs, ask for its status every 3 seconds and update the progress
// and the polite live region in place; when it ends, say so and offer the result (no reload
// the person did not ask for). Without JavaScript the page offers a reload link instead.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-site-audit]");
    if (!box || !window.fetch) {
      return;
    }
    var text = box.querySelector("[data-site-audit-text]");
    var bar = box.querySelector("[data-site-audit-progress]");
    var last = "";
    function say(message) {
      if (message !== last) {
        text.textContent = message;
        last = message;
      }
    }
    function poll() {
      fetch(box.getAttribute("data-status-url"), {credentials: "same-origin",
        headers: {"Accept": "application/json"}})
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (audit) {
          if (!audit) {
            return;
          }
          if (audit.pages_total !== null) {
            bar.max = Math.max(audit.pages_total, 1);
            bar.value = audit.pages_done;
            bar.textContent = audit.pages_done + " / " + audit.pages_total;
            say(box.getAttribute("data-text-progress")
              .replace("{done}", audit.pages_done).replace("{total}", audit.pages_total));
          } else if (audit.status === "running") {
            say(box.getAttribute("data-text-finding"));
          }
          if (audit.status === "done" || audit.status === "failed") {
            say(box.getAttribute(audit.status === "done" ? "data-text-done" : "data-text-failed"));
            var link = document.createElement("a");
            link.href = window.location.pathname;
            link.textContent = box.getAttribute("data-text-show");
            text.appendChild(document.createTextNode(" "));
            text.appendChild(link);
            return;
          }
          window.setTimeout(poll, 3000);
        })
        .catch(function () { window.setTimeout(poll, 10000); });
    }
    window.setTimeout(poll, 3000);
  });
})();
