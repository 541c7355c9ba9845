// Keyboard shortcuts for the review desk. Progressive enhancement: every action is a button in a
// plain form; this only adds shortcuts (documented on the page) and focus after a reload.
// Every shortcut needs Ctrl/Cmd or Alt+Shift, so typing in a field never fires one (WCAG 2.1.4).
(function () {
  "use strict";

  function segments() {
    return Array.prototype.slice.call(document.querySelectorAll(".segment"));
  }

  function current() {
    var active = document.activeElement;
    var seg = active && active.closest ? active.closest(".segment") : null;
    if (seg) {
      return seg;
    }
    var hashed = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (hashed && hashed.classList.contains("segment")) {
      return hashed;
    }
    return segments()[0] || null;
  }

  function focusSegment(seg) {
    if (!seg) {
      return;
    }
    var field = seg.querySelector("textarea[name=target]");
    if (!field) {
      field = seg.querySelector(".seg-title");
      field.setAttribute("tabindex", "-1");
    }
    field.focus();
    if (seg.scrollIntoView) {
      seg.scrollIntoView({ block: "start" });
    }
  }

  function submit(seg, action) {
    var form = seg ? seg.querySelector("form.seg-form") : null;
    var button = form ? form.querySelector('button[value="' + action + '"]') : null;
    if (!button) {
      return;
    }
    if (form.requestSubmit) {
      form.requestSubmit(button);
    } else {
      button.click();
    }
  }

  function move(step) {
    var list = segments();
    var index = list.indexOf(current());
    var next = list[index + step];
    if (next) {
      focusSegment(next);
    }
  }

  document.addEventListener("keydown", function (event) {
    if (!document.querySelector(".desk") || event.repeat) {
      return;
    }
    var command = event.ctrlKey || event.metaKey;
    if (command && !event.altKey && !event.shiftKey && event.key === "Enter") {
      event.preventDefault();
      submit(current(), "approve");
    } else if (command && !event.altKey && !event.shiftKey && event.code === "KeyS") {
      event.preventDefault();
      submit(current(), "save");
    } else if (event.altKey && event.shiftKey && !command) {
      if (event.code === "KeyR") {
        event.preventDefault();
        submit(current(), "reject");
      } else if (event.code === "KeyN") {
        event.preventDefault();
        move(1);
      } else if (event.code === "KeyP") {
        event.preventDefault();
        move(-1);
      } else if (event.code === "KeyK") {
        var seg = current();
        var comment = seg ? seg.querySelector(".comment-form textarea") : null;
        if (comment) {
          event.preventDefault();
          comment.focus();
        }
      }
    }
  });

  // After a decision the answer lands on the next sentence (#seg-…): put the focus in its
  // field. Again after "load", because the browser's own jump to the fragment can take the
  // focus away once the page is complete.
  function focusFromHash() {
    var hashed = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    var active = document.activeElement;
    var alreadyThere = active && hashed && hashed.contains(active);
    if (hashed && hashed.classList.contains("segment") && !alreadyThere &&
        !document.querySelector("[data-autofocus]")) {
      focusSegment(hashed);
    }
  }
  document.addEventListener("DOMContentLoaded", focusFromHash);
  window.addEventListener("load", function () {
    window.setTimeout(focusFromHash, 0);
  });
})();
