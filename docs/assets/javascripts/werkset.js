/* Werkset: the casusmap buttons on entry pages and explorer cards, and the explorer's compare ticks.
 * The casusmap is a list of entry ids in this browser's storage (casusmap-opslag.js); the casusmap page
 * shows it. Listeners are added once, on the document, so they keep working after mkdocs-material's
 * instant navigation swaps the page. */

import { createStore, STORAGE_KEY } from "./casusmap-opslag.js";
import { idsQuery } from "./adres.js";

// The browser's storage, read only when used: where storage is switched off, even asking for it throws.
export const store = createStore({
  getItem: (key) => window.localStorage.getItem(key),
  setItem: (key, value) => window.localStorage.setItem(key, value),
  removeItem: (key) => window.localStorage.removeItem(key),
});

function showButtons() {
  const ids = store.read();
  document.querySelectorAll("[data-casusmap-knop]").forEach((button) => {
    const inMap = ids.indexOf(button.getAttribute("data-casusmap-knop")) !== -1;
    button.setAttribute("aria-pressed", inMap ? "true" : "false");
    const text = button.querySelector("[data-casusmap-tekst]");
    const wanted = inMap ? "\u2713 In casusmap" : "Zet in casusmap";
    if (text && text.textContent !== wanted) text.textContent = wanted;
  });
  document.querySelectorAll("[data-casusmap-naar]").forEach((link) => {
    link.textContent = ids.length ? "Naar de casusmap (" + ids.length + ")" : "Naar de casusmap";
  });
}

/* ---- compare ticks on explorer cards ------------------------------------------------------------ */

let chosen = []; // in the order they were ticked

function showBar() {
  const bar = document.querySelector("[data-vergelijkbalk]");
  if (!bar) return;
  const max = parseInt(bar.getAttribute("data-max"), 10) || 4;
  chosen = chosen.filter((id) => {
    const box = document.querySelector("[data-vergelijk-vink][value=\"" + id + "\"]");
    return box && box.checked;
  });
  bar.hidden = chosen.length === 0;
  const text = bar.querySelector("[data-vergelijkbalk-tekst]");
  const link = bar.querySelector("[data-vergelijkbalk-link]");
  text.textContent = chosen.length === 1
    ? "1 interventie gekozen om te vergelijken; kies er nog een tot " + (max - 1) + "."
    : chosen.length + " interventies gekozen om te vergelijken (hooguit " + max + ").";
  if (chosen.length >= 2) {
    link.href = bar.getAttribute("data-doel") + idsQuery(chosen);
    link.removeAttribute("aria-disabled");
  } else {
    link.removeAttribute("href");
    link.setAttribute("aria-disabled", "true");
  }
  document.querySelectorAll("[data-vergelijk-vink]").forEach((box) => {
    box.disabled = !box.checked && chosen.length >= max;
  });
}

function onClick(event) {
  if (!event.target.closest) return;
  const button = event.target.closest("[data-casusmap-knop]");
  if (button) {
    store.toggle(button.getAttribute("data-casusmap-knop"));
    showButtons();
  } else if (event.target.closest("[data-vergelijkbalk-wis]")) {
    document.querySelectorAll("[data-vergelijk-vink]").forEach((box) => {
      box.checked = false;
    });
    chosen = [];
    showBar();
  }
}

function onChange(event) {
  const box = event.target;
  if (!box.matches || !box.matches("[data-vergelijk-vink]")) return;
  const at = chosen.indexOf(box.value);
  if (box.checked && at === -1) chosen.push(box.value);
  if (!box.checked && at !== -1) chosen.splice(at, 1);
  showBar();
}

// On every page: the buttons say what the map holds, and ticks the browser restored (back button) count.
export function refreshWorkset() {
  showButtons();
  document.querySelectorAll("[data-vergelijk-vink]").forEach((box) => {
    if (box.checked && chosen.indexOf(box.value) === -1) chosen.push(box.value);
  });
  showBar();
}

export function startWorkset() {
  document.addEventListener("click", onClick);
  document.addEventListener("change", onChange);
  // Another tab changed the map: show it here too.
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY || event.key === null) showButtons();
  });
}
