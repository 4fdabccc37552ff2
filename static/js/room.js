/* Toetssteen meeting room: polling with ETags, step-following forms, a timer.
 *
 * Every element with data-room-poll="<url>" is refreshed every 2 s with fetch() and
 * If-None-Match (not through the browser cache: logged-in pages are no-store). 304 changes
 * nothing; 200 swaps the new HTML into the element, unless someone is choosing or typing in
 * a field inside it (input, textarea, select): then the swap waits for the next poll. A
 * focused button or <summary> does not hold the swap back. <details> with an id that were
 * open before a swap are open after it. A polled element inside a closed <details> (the
 * device's "What the group contributed", #room-group) is not polled until it is opened, and
 * then at once. Forms are never inside a polled element on the device, so nothing typed is
 * lost; a form that could not be sent keeps its text.
 */
(function () {
  "use strict";

  var INTERVAL = 2000;

  function swap(element, html) {
    if (window.htmx && typeof window.htmx.swap === "function") {
      window.htmx.swap(element, html, { swapStyle: "innerHTML" });
    } else {
      element.innerHTML = html;
      if (window.htmx) { window.htmx.process(element); }
    }
  }

  var FIELDS = ["INPUT", "TEXTAREA", "SELECT"];

  function editingInside(element) {
    var active = document.activeElement;
    return Boolean(active && active !== element && element.contains(active)
      && FIELDS.indexOf(active.tagName) !== -1);
  }

  function openDetailsIds(element) {
    var ids = [];
    element.querySelectorAll("details[open][id]").forEach(function (details) {
      ids.push(details.id);
    });
    return ids;
  }

  function reopen(ids) {
    ids.forEach(function (id) {
      var details = document.getElementById(id);
      if (details && details.tagName === "DETAILS") { details.open = true; }
    });
  }

  function followStep() {
    var state = document.querySelector("[data-room-poll] [data-room-step]");
    if (!state) { return; }
    var step = state.getAttribute("data-room-step");
    document.querySelectorAll("[data-room-forms-step]").forEach(function (section) {
      section.hidden = section.getAttribute("data-room-forms-step") !== step;
    });
  }

  function liveStatus() {
    var state = document.querySelector("[data-room-poll] [data-room-status]");
    return state ? state.getAttribute("data-room-status") : null;
  }

  function showOffline(offline) {
    document.querySelectorAll("[data-room-offline]").forEach(function (notice) {
      notice.hidden = !offline;
    });
  }

  function poll(element) {
    var url = element.getAttribute("data-room-poll");
    // The page was rendered at this revision: the first poll can already answer 304.
    var etag = element.getAttribute("data-room-etag") || null;
    var initialStatus = liveStatus();
    var busy = false;
    // Inside a <details>: only polled while it is open.
    var folded = element.parentElement ? element.parentElement.closest("details") : null;

    function tick() {
      if (busy || document.hidden) { return; }
      if (folded && !folded.open) { return; }
      busy = true;
      var headers = { "HX-Request": "true" };
      if (etag) { headers["If-None-Match"] = etag; }
      fetch(url, { headers: headers, cache: "no-store", credentials: "same-origin" })
        .then(function (response) {
          showOffline(false);
          if (response.status === 304) { return; }
          if (response.redirected || response.headers.get("HX-Redirect")) {
            window.location.reload();
            return;
          }
          if (!response.ok) { return; }
          return response.text().then(function (html) {
            if (editingInside(element)) {
              return; // someone is choosing or typing in a field here: next time
            }
            etag = response.headers.get("ETag");
            var open = openDetailsIds(element);
            swap(element, html);
            reopen(open);
            followStep();
            var status = liveStatus();
            // The device page shows its forms only while the room is live.
            if (status !== initialStatus && document.querySelector("[data-room-forms-step]") === null
                && status === "live") {
              window.location.reload();
            }
            initialStatus = status;
          });
        })
        .catch(function () { showOffline(true); })
        .then(function () { busy = false; });
    }

    if (folded) {
      folded.addEventListener("toggle", function () { if (folded.open) { tick(); } });
    }
    window.setInterval(tick, INTERVAL);
  }

  function countdown() {
    var now = Date.now() / 1000;
    document.querySelectorAll("[data-room-timer-end]").forEach(function (timer) {
      var left = Math.max(0, Math.round(Number(timer.getAttribute("data-room-timer-end")) - now));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      var target = timer.querySelector("[data-room-timer-left]");
      if (target) { target.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds; }
    });
  }

  function formStatus(form, message) {
    var status = form.querySelector("[data-room-form-status]");
    if (status) { status.textContent = message; }
  }

  document.addEventListener("htmx:sendError", function (event) {
    var form = event.target.closest && event.target.closest("[data-room-form]");
    if (form) { formStatus(form, form.getAttribute("data-room-not-sent")); }
  });
  document.addEventListener("htmx:responseError", function (event) {
    var form = event.target.closest && event.target.closest("[data-room-form]");
    if (!form) { return; }
    var xhr = event.detail.xhr;
    var plain = (xhr.getResponseHeader("Content-Type") || "").indexOf("text/plain") === 0;
    formStatus(form, plain ? xhr.responseText : form.getAttribute("data-room-failed"));
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-room-poll]").forEach(poll);
    followStep();
    if (document.querySelector("[data-room-timer-end]") || document.querySelector("[data-room-poll]")) {
      window.setInterval(countdown, 1000);
    }
  });
})();
