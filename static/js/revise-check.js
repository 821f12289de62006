// The revise form: the findings beside the text update when the person pauses typing.
// Each update is the form's own "Check again" (same address, same rate limit); without
// JavaScript the button does the same. Nothing is saved by a check.
(function () {
  "use strict";
  var PAUSE_MS = 1000;
  var form = document.getElementById("revise-form");
  var status = document.getElementById("check-status");
  var text = form && form.querySelector("textarea[name=text]");
  if (!text || !status || !window.fetch || !window.DOMParser || !window.AbortController) {
    return;
  }
  var timer = null;
  var lastChecked = text.value;
  var running = null;
  var pausedUntil = 0;

  function say(message) {
    status.textContent = message;
  }

  function showPause(seconds) {
    var findings = document.getElementById("current-findings");
    var note = document.getElementById("auto-check-paused");
    if (!note) {
      note = document.createElement("p");
      note.id = "auto-check-paused";
      note.className = "alert alert-warning";
      findings.querySelector("h2").after(note);
    }
    note.textContent = "Automatic checks are paused: you have run many checks in a short time. " +
      "Your text is kept; use “Check again” in " + Math.ceil(seconds / 60) + " minute(s), " +
      "or submit the new version.";
    say(note.textContent);
  }

  function check() {
    if (Date.now() < pausedUntil || text.value === lastChecked || !text.value.trim()) {
      return;
    }
    var sent = text.value;
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    data.append("submission_token", form.elements.submission_token.value);
    data.append("text", sent);
    data.append("check", "1");
    if (running) {
      running.abort();
    }
    running = new AbortController();
    fetch(form.action, {method: "POST", body: data, credentials: "same-origin",
                        signal: running.signal})
      .then(function (response) {
        if (response.status === 429) {
          var seconds = parseInt(response.headers.get("Retry-After"), 10) || 60;
          pausedUntil = Date.now() + seconds * 1000;
          showPause(seconds);
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html")
          .getElementById("current-findings");
        var shown = document.getElementById("current-findings");
        if (!fresh || !shown) {
          return;  // the form refused the text: "Check again" shows why
        }
        shown.replaceWith(document.importNode(fresh, true));
        lastChecked = sent;
        var summary = fresh.querySelector(".summary-line");
        say("Findings updated. " + (summary ? summary.textContent : ""));
      })
      .catch(function () {});  // aborted by a newer check, or offline: the button still works
  }

  text.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, PAUSE_MS);
  });
}());
