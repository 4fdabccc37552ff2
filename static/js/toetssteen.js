/* Toetssteen: small enhancements on top of htmx. Everything works without this file.
 *
 * After htmx swaps a region, keyboard and screen-reader users must know what happened:
 * focus moves to the first message in the new content (an error summary, a conflict
 * notice or a "saved" status), or else to the swapped region itself.
 */
(function () {
  "use strict";

  function focusable(element) {
    if (!element.hasAttribute("tabindex")) {
      element.setAttribute("tabindex", "-1");
    }
    return element;
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var region = event.target;
    // The stepper is refreshed alongside (out of band): it never takes the focus.
    if (!region || !region.isConnected || region === document.body || region.id === "stepper") {
      return;
    }
    var message = region.querySelector(".error-summary, [role=alert], [role=status]");
    var target = message || region;
    focusable(target).focus({ preventScroll: false });
  });
})();
