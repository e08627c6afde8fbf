/* Small fixes that apply on every page, after every instant navigation and before printing. */

export function fixPage() {
  // The theme's search dialog has no accessible name (WCAG 4.1.2).
  document.querySelectorAll(".md-search[role=dialog]").forEach((dialog) => {
    if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Zoeken");
  });
  // Print: only links to other hosts get their address printed. The theme makes internal links
  // absolute, so the stylesheet cannot tell them apart by the href alone.
  document.querySelectorAll(".md-typeset a[href]").forEach((a) => {
    if (a.host === window.location.host) a.classList.add("pv-internal");
  });
  // Print: the address of this page as the reader has it, filters included.
  document.querySelectorAll("[data-print-url]").forEach((node) => {
    node.textContent = window.location.href;
  });
}

export function startPageFixes() {
  window.addEventListener("beforeprint", fixPage);
}
