/* Small fixes that apply on every page, re-run after instant navigation. */
(function () {
  "use strict";

  function fix() {
    // The theme's search dialog has no accessible name (WCAG 4.1.2).
    document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
      if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Zoeken");
    });
    // Print: the address of this page as the reader has it, filters included.
    document.querySelectorAll("[data-print-url]").forEach(function (el) {
      el.textContent = window.location.href;
    });
  }

  if (typeof window.document$ !== "undefined") window.document$.subscribe(fix);
  else document.addEventListener("DOMContentLoaded", fix);
  window.addEventListener("beforeprint", fix);
})();
