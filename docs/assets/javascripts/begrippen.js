/* Terms explained where they appear (glossary.py writes the markup): a tap or a click on a term opens
 * its explanation and a second closes it; Escape closes it; opening one closes the others. Hover and
 * keyboard focus show it through the stylesheet alone (begrippen.css). An explanation near the right
 * edge of a narrow screen moves left so it stays on screen. */

function notes() {
  return document.querySelectorAll("[data-begrip][aria-expanded=true]");
}

function setOpen(button, open) {
  button.setAttribute("aria-expanded", open ? "true" : "false");
  const note = document.getElementById(button.getAttribute("aria-describedby"));
  if (!note) return;
  note.style.removeProperty("--pv-begrip-schuif");
  if (!open) return;
  const box = note.getBoundingClientRect();
  const overflow = box.right - (document.documentElement.clientWidth - 8);
  if (overflow > 0) note.style.setProperty("--pv-begrip-schuif", "-" + Math.min(overflow, box.left - 8) + "px");
}

export function startGlossary() {
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("[data-begrip]");
    notes().forEach((open) => {
      if (open !== button) setOpen(open, false);
    });
    if (button) setOpen(button, button.getAttribute("aria-expanded") !== "true");
  });
  // Escape closes what is open, also an explanation shown by hover or focus (WCAG 1.4.13), until the
  // pointer or the focus leaves the term.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    notes().forEach((open) => setOpen(open, false));
    document.querySelectorAll(".pv-begrip:hover, .pv-begrip:focus-within").forEach((shown) => shown.setAttribute("data-gesloten", ""));
  });
  const reopen = (event) => {
    const term = event.target.closest && event.target.closest(".pv-begrip[data-gesloten]");
    if (term && !term.contains(event.relatedTarget)) term.removeAttribute("data-gesloten");
  };
  document.addEventListener("mouseout", reopen);
  document.addEventListener("focusout", reopen);
  // Keyboard focus shows an explanation through the stylesheet; move it on screen too.
  document.addEventListener("focusin", (event) => {
    if (event.target.matches && event.target.matches("[data-begrip]")) setOpen(event.target, event.target.getAttribute("aria-expanded") === "true");
  });
}
