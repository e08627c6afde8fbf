/* Casusmap: the entries chosen with "Zet in casusmap", by phase, with who decides and who carries
 * out. The choice is a list of ids in the address (?i=a,b) and in this browser's storage
 * (werkset.js); nothing else is kept. Filled from the data script the page names. */

import { idsQuery, linkedIds } from "./adres.js";
import { knownIds, sameIds } from "./casusmap-opslag.js";
import { el, pageSuffix, withData, withQuery } from "./dom.js";
import { store } from "./werkset.js";

function button(text, action) {
  const node = el("button", { type: "button", class: "md-button", text: text });
  node.addEventListener("click", action);
  return node;
}

// One entry of the map: its name, summary, who decides and carries out, and where it is not available.
function entryItem(data, id, pageOf, remove) {
  const item = data.items[id];
  const facts = el("dl", {}, []);
  const fact = (term, text) => {
    facts.appendChild(el("dt", { text: term }));
    facts.appendChild(el("dd", { text: text }));
  };
  data.rollen.forEach((role) => fact(role[1], item[role[0]].length ? item[role[0]].join(", ") : "Niet vastgelegd"));
  // Only on a regional site: a plan for a meeting there must show an offer the region lacks.
  if (item.beschikbaarheid) fact("Beschikbaarheid", item.beschikbaarheid);
  const others = item.fasen.slice(1).map((other) => data.fasen.filter((phase) => phase.id === other)[0].label);
  if (others.length) fact("Ook in fase", others.join(", "));
  const name = item.naam + (item.afk.length ? " (" + item.afk.join(", ") + ")" : "");
  let removeButton = null;
  if (remove) {
    removeButton = button("Haal weg", () => remove(id));
    removeButton.setAttribute("aria-label", "Haal weg: " + item.naam);
  }
  return el("li", { class: "pv-casusmap__item", "data-id": id }, [
    el("h3", {}, [el("a", { href: pageOf(id), text: name })]),
    el("p", { class: "pv-casusmap__samenvatting", text: item.samenvatting }),
    facts,
    removeButton,
  ]);
}

// The map by phase: an entry under its first phase, with the phase's name in its colour.
function phaseGroups(data, shown, pageOf, remove) {
  return data.fasen.map((phase) => {
    const members = shown.filter((id) => data.items[id].fasen[0] === phase.id);
    if (!members.length) return null;
    const heading = el("h2", {}, [el("span", { class: "pv-tag pv-kleur", text: phase.label })]);
    if (phase.kleur) heading.firstChild.style.setProperty("--pv-kleur", phase.kleur);
    return el("section", { class: "pv-casusmap__fase" }, [heading, el("ul", {}, members.map((id) => entryItem(data, id, pageOf, remove)))]);
  }).filter(Boolean);
}

function createCasemap(root, data) {
  const base = root.getAttribute("data-basis") + data.interventiemap;
  const pageOf = (id) => base + id + "/" + pageSuffix();
  const message = root.querySelector("[data-casusmap-melding]");
  const status = root.querySelector("[data-casusmap-status]");
  const address = root.querySelector("[data-casusmap-adres]");
  const compare = root.querySelector("[data-casusmap-vergelijk]");
  // What is shown: the stored map, or a shared link's selection until the reader takes it over.
  const view = { shown: [], viewingLink: false };

  function notice(text, actions) {
    message.replaceChildren(el("p", { text: text }));
    if (actions) message.appendChild(el("p", {}, actions));
    message.hidden = !text;
  }

  function render() {
    if (!view.viewingLink) view.shown = knownIds(store.read(), data.items);
    const shown = view.shown;
    const url = withQuery(idsQuery(shown));
    if (url !== window.location.pathname + window.location.search + window.location.hash) window.history.replaceState(window.history.state, "", url);
    status.textContent = shown.length
      ? (view.viewingLink ? "Gedeelde selectie: " : "") + shown.length + (shown.length === 1 ? " interventie" : " interventies") + " in de casusmap."
      : "De casusmap is leeg. Kies interventies met de knop Zet in casusmap op hun pagina of in de verkenner.";
    address.href = window.location.href;
    address.textContent = window.location.href;
    root.querySelector("[data-casusmap-link]").hidden = !shown.length;
    compare.hidden = !(shown.length >= 2 && shown.length <= data.max);
    if (compare.hidden) compare.removeAttribute("href");
    else compare.href = root.getAttribute("data-vergelijk") + pageSuffix() + idsQuery(shown);
    const remove = view.viewingLink ? null : (id) => {
      store.write(store.read().filter((other) => other !== id));
      render();
    };
    root.querySelector("[data-casusmap-lijst]").replaceChildren(...phaseGroups(data, shown, pageOf, remove));
  }

  function bindButtons() {
    root.querySelector("[data-casusmap-leeg]").addEventListener("click", () => {
      store.write([]);
      view.viewingLink = false;
      notice("");
      render();
      status.textContent = "De casusmap is leeggemaakt.";
    });
    root.querySelector("[data-casusmap-print]").addEventListener("click", () => window.print());
    root.querySelector("[data-casusmap-kopieer]").addEventListener("click", () => {
      const done = () => {
        status.textContent = "De link is gekopieerd.";
      };
      const failed = () => {
        status.textContent = "Kopiëren lukte niet; kopieer de link hieronder zelf.";
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(window.location.href).then(done, failed);
      else failed();
    });
  }

  return { view: view, notice: notice, render: render, bindButtons: bindButtons };
}

// A shared link: shown as it is when this browser has no map yet (then it becomes the map), or beside
// one's own map, with the choice to take it over. What the address holds and is not used (another
// parameter, an unknown entry) is named and leaves the address, so a mistyped link says why.
function openSharedLink(casemap, data) {
  const linked = linkedIds(window.location.search, data.items, data.kort);
  const stored = knownIds(store.read(), data.items);
  const unknownText = (linked.foreign.length ? "Niet begrepen in het webadres, weggelaten: " + linked.foreign.join(", ") + ". " : "") +
    (linked.unknown.length ? "Onbekende interventie in het webadres, weggelaten: " + linked.unknown.join(", ") + ". " : "");
  if (unknownText) casemap.notice(unknownText);
  if (!linked.given || !linked.ids.length) return; // a link without a known entry leaves one's own map in view
  if (!stored.length) {
    store.write(linked.ids); // nothing of one's own yet: the link becomes this browser's map
  } else if (!sameIds(stored, linked.ids)) {
    casemap.view.viewingLink = true;
    casemap.view.shown = linked.ids;
    const back = () => {
      casemap.view.viewingLink = false;
      casemap.notice("");
      casemap.render();
    };
    casemap.notice(unknownText + "Deze link toont een andere selectie dan de casusmap die in deze browser staat.", [
      button("Neem deze selectie over", () => {
        store.write(casemap.view.shown);
        back();
      }),
      document.createTextNode(" "),
      button("Toon mijn eigen casusmap", back),
    ]);
  }
}

let shownRoot = null;

export function showCasemap() {
  // The casusmap's own box (the comparison's names the casusmap too, as data-casusmap="…").
  const list = document.querySelector("[data-casusmap] [data-casusmap-lijst]");
  const root = list && list.closest("[data-casusmap]");
  if (!root || root === shownRoot) return;
  withData("werkset", root.getAttribute("data-gegevens"), (data) => {
    if (!document.body.contains(root) || root === shownRoot) return;
    shownRoot = root;
    const casemap = createCasemap(root, data);
    casemap.bindButtons();
    openSharedLink(casemap, data);
    casemap.render();
    root.classList.remove("pv-wacht"); // the room kept for the list (werkset.css)
  });
}
