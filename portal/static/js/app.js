// Progressive enhancement only: every flow works without this file.
(function () {
  "use strict";

  // Kiosk idle warning: after (idle - warning) seconds without a request, show a countdown;
  // "I'm still here" renews the session on the server; at zero, end the session.
  function startIdleWatch() {
    var body = document.body;
    var idle = parseInt(body.dataset.idleSeconds || "0", 10);
    if (!idle) return;
    var warning = parseInt(body.dataset.warningSeconds || "30", 10);
    var dialog = document.getElementById("idle-warning");
    var countdown = document.getElementById("idle-countdown");
    var button = document.getElementById("idle-still-here");
    var lastActivity = Date.now();
    var previousFocus = null;

    function csrfToken() {
      try { return JSON.parse(body.getAttribute("hx-headers"))["X-CSRFToken"]; } catch (e) { return ""; }
    }
    function hide() {
      if (!dialog.hidden) {
        dialog.hidden = true;
        if (previousFocus) previousFocus.focus();
      }
    }
    function renew() {
      fetch(body.dataset.stillHereUrl, {
        method: "POST", credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" }
      }).then(function (response) {
        if (response.ok) { lastActivity = Date.now(); hide(); }
        else { window.location.href = body.dataset.sessionEndedUrl; }
      });
    }
    button.addEventListener("click", renew);
    document.body.addEventListener("htmx:afterRequest", function () { lastActivity = Date.now(); hide(); });
    window.setInterval(function () {
      var left = idle - Math.floor((Date.now() - lastActivity) / 1000);
      if (left <= 0) { window.location.href = body.dataset.sessionEndedUrl; return; }
      if (left <= warning) {
        countdown.textContent = Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
        if (dialog.hidden) {
          previousFocus = document.activeElement;
          dialog.hidden = false;
          button.focus();
        }
      }
    }, 1000);
  }

  // After htmx swaps the chat panel, keep the message box ready for the next message.
  document.addEventListener("htmx:afterSettle", function () {
    var box = document.querySelector("#chat-panel textarea");
    if (box) box.focus();
  });

  document.addEventListener("DOMContentLoaded", startIdleWatch);
})();
