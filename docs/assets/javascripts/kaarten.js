/* Kaarten: print the explorer's selection. The page lists every entry in sheets of four; with the
 * explorer's address (?fase=a,b&domein=c&zoek=tekst) only the matching cards stay, packed again four
 * to a sheet. Without JavaScript the page prints every card. */

import { readExplorerAddress, splitValues } from "./adres.js";
import { hasAllWords, matches, words } from "./selectie.js";

// The explorer's address, read as the explorer reads it: values, other spellings and short forms
// ("veiligheid", "Civiel recht"), a filter named twice or in capitals. What is not understood is named
// on the page and not used, so a mistyped link never prints no cards, or all, without a word. The
// values a filter can take are those the cards carry.
function readSelection(root, cards) {
  const labels = JSON.parse(root.dataset.filters || "{}");
  const shortForms = JSON.parse(root.dataset.short || "{}");
  const keys = Object.keys(labels);
  const options = {};
  keys.forEach((key) => {
    options[key] = [];
    cards.forEach((card) => {
      splitValues(card.getAttribute("data-" + key) || "").forEach((value) => {
        if (options[key].indexOf(value) === -1) options[key].push(value);
      });
    });
  });
  const config = { keys: keys, options: options, shortForms: shortForms, labels: labels, textParam: root.dataset.textParam, oldTextParam: root.dataset.oldTextParam };
  return { keys: keys, state: readExplorerAddress(config, window.location.search) };
}

function showUnknown(unknown) {
  const notice = document.querySelector("[data-kaarten-onbekend]");
  notice.textContent = unknown.length ? "Niet begrepen in het webadres, dus niet gebruikt als filter: " + unknown.join("; ") + "." : "";
  notice.hidden = !unknown.length;
}

function packIntoSheets(root, kept, perSheet) {
  root.replaceChildren();
  for (let start = 0; start < kept.length; start += perSheet) {
    const sheet = document.createElement("div");
    sheet.className = "pv-vel";
    kept.slice(start, start + perSheet).forEach((card) => sheet.appendChild(card));
    root.appendChild(sheet);
  }
  const status = document.querySelector("[data-kaarten-status]");
  const sheets = Math.ceil(kept.length / perSheet);
  status.textContent = kept.length
    ? kept.length + (kept.length === 1 ? " kaart" : " kaarten") + " op " + sheets + (sheets === 1 ? " vel" : " vellen") + ": de selectie uit de verkenner."
    : "Geen kaarten: de selectie uit de verkenner bevat geen interventies.";
}

export function showCards() {
  const root = document.querySelector("[data-kaarten]");
  if (!root) return;
  const cards = Array.prototype.slice.call(root.querySelectorAll(".pv-kaart"));
  const { keys, state } = readSelection(root, cards);
  showUnknown(state.unknown);
  const terms = words(state.q);
  if (!keys.some((key) => state.facets[key].length) && !terms.length) return;
  const kept = cards.filter((card) => {
    const values = {};
    keys.forEach((key) => {
      values[key] = splitValues(card.getAttribute("data-" + key) || "");
    });
    return matches(state.facets, values) && hasAllWords(card.dataset.tekst || "", terms);
  });
  packIntoSheets(root, kept, parseInt(root.dataset.perVel, 10) || 4);
}
