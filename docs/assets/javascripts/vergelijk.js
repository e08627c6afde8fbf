/* Vergelijk: two to four entries side by side, one row per field, from the data script the page names
 * (vergelijk/gegevens.js, the site's data `werkset`). The choice lives in the address: ?i=a,b,c. */

import { idsQuery, linkedIds } from "./adres.js";
import { el, pageSuffix, siteData, withData, withQuery } from "./dom.js";

// One cell's content as nodes, and a key to compare it with the other columns.
function cell(data, field, item, pageOf) {
  const value = item[field];
  if (field === "fasen") {
    const phases = {};
    data.fasen.forEach((phase) => {
      phases[phase.id] = phase;
    });
    return {
      key: value.join(","),
      nodes: value.map((id) => {
        const chip = el("span", { class: "pv-tag pv-kleur", text: phases[id].label });
        if (phases[id].kleur) chip.style.setProperty("--pv-kleur", phases[id].kleur);
        return el("span", {}, [chip, document.createTextNode(" ")]);
      }),
    };
  }
  if (field === "grondslag") {
    return {
      key: value.map((basis) => basis.tekst).sort().join("|"),
      nodes: value.length
        ? [el("ul", { class: "pv-vergelijk__wetten" }, value.map((basis) => el("li", {}, [el("a", { href: basis.url, text: basis.tekst }), el("span", { class: "pv-vergelijk__wet", text: " (" + basis.wet + ")" })])))]
        : [document.createTextNode("Geen eigen wettelijke grondslag vastgelegd.")],
    };
  }
  if (field === "samenhang") {
    const known = value.filter((id) => data.items[id]);
    return {
      key: known.slice().sort().join(","),
      nodes: known.length ? [el("ul", {}, known.map((id) => el("li", {}, [el("a", { href: pageOf(id), text: data.items[id].naam })])))] : [document.createTextNode("Geen")],
    };
  }
  if (Array.isArray(value)) {
    return { key: value.slice().sort().join("|"), nodes: [document.createTextNode(value.length ? value.join(", ") : "Niet vastgelegd")] };
  }
  return { key: value, nodes: [document.createTextNode(value || "Niet vastgelegd")] };
}

// What the address holds that is not shown, and how many are chosen.
function describeChoice(parts, found, ids, max) {
  const notes = [];
  if (found.unknown.length) {
    notes.push("Onbekende interventie in het webadres: " + found.unknown.map((id) => "\u201c" + id + "\u201d").join(", ") + ". Controleer de link of kies hieronder een interventie.");
  }
  if (found.foreign.length) notes.push("Niet begrepen in het webadres: " + found.foreign.join(", ") + ". Controleer de link of kies hieronder een interventie.");
  if (found.ids.length > max) notes.push("U kunt hooguit " + max + " interventies tegelijk vergelijken; de eerste " + max + " staan hieronder.");
  parts.message.textContent = notes.join(" ");
  parts.message.hidden = !notes.length;
  if (ids.length === 0) parts.status.textContent = "Nog geen interventies gekozen. Kies hieronder twee tot " + max + " interventies, of zet een vinkje bij Vergelijk op kaarten in de verkenner.";
  else if (ids.length === 1) parts.status.textContent = "Kies nog minstens één interventie om mee te vergelijken.";
  else parts.status.textContent = ids.length + " interventies naast elkaar.";
}

// The chooser: every entry not yet in the table, by name, after an empty first choice, so "Toevoegen"
// never adds an entry nobody picked.
function fillChooser(parts, data, ids, max) {
  const options = Object.keys(data.items).filter((id) => ids.indexOf(id) === -1).map((id) => el("option", { value: id, text: data.items[id].naam }));
  parts.select.replaceChildren(el("option", { value: "", text: "Kies een interventie" }), ...options);
  parts.chooser.hidden = false;
  parts.select.disabled = parts.add.disabled = ids.length >= max;
}

function buildTable(data, ids, pageOf, onlyDifferent, remove) {
  const items = ids.map((id) => data.items[id]);
  const head = el("tr", {}, [el("td", { class: "pv-vergelijk__hoek" })].concat(ids.map((id, column) => {
    const button = el("button", { type: "button", class: "pv-vergelijk__weg", text: "Haal weg", "aria-label": "Haal weg: " + items[column].naam });
    button.addEventListener("click", () => remove(id));
    const name = items[column].naam + (items[column].afk.length ? " (" + items[column].afk.join(", ") + ")" : "");
    return el("th", { scope: "col" }, [el("a", { href: pageOf(id), text: name }), el("br"), button]);
  })));
  let differing = 0;
  const rows = data.rijen.map((row) => {
    const cells = items.map((item) => cell(data, row[0], item, pageOf));
    const differs = cells.some((c) => c.key !== cells[0].key);
    if (differs) differing += 1;
    const mark = ids.length > 1 ? el("span", { class: differs ? "pv-vergelijk__teken pv-vergelijk__teken--anders" : "pv-vergelijk__teken", text: differs ? "verschilt" : "gelijk" }) : null;
    return el("tr", { class: differs ? "pv-verschil" : "pv-gelijk", "data-veld": row[0] },
      [el("th", { scope: "row" }, [document.createTextNode(row[1]), mark ? el("br") : null, mark])].concat(cells.map((c) => el("td", {}, c.nodes))));
  });
  const table = el("table", { class: "pv-vergelijk__table" + (onlyDifferent ? " pv-vergelijk__table--verschillen" : "") }, [
    el("caption", { class: "pv-visually-hidden", text: "Vergelijking van " + items.map((item) => item.naam).join(", ") }),
    el("thead", {}, [head]),
    el("tbody", {}, rows),
  ]);
  return { table: table, differing: differing };
}

function createComparison(root, data) {
  const max = data.max;
  const base = root.getAttribute("data-basis") + data.interventiemap;
  const pageOf = (id) => base + id + "/" + pageSuffix();
  const parts = {
    message: root.querySelector("[data-vergelijk-melding]"),
    status: root.querySelector("[data-vergelijk-status]"),
    chooser: root.querySelector("[data-vergelijk-kies]"),
    select: root.querySelector("[data-vergelijk-toevoegen]"),
    add: root.querySelector("[data-vergelijk-voegtoe]"),
    onlyDifferent: root.querySelector("[data-vergelijk-alleen]"),
    holder: root.querySelector("[data-vergelijk-tabel]"),
  };
  const chosen = () => linkedIds(window.location.search, data.items, data.kort);

  function writeIds(ids) {
    window.history.pushState(null, "", withQuery(idsQuery(ids)));
    show();
  }

  function show() {
    const found = chosen();
    const ids = found.ids.slice(0, max);
    describeChoice(parts, found, ids, max);
    fillChooser(parts, data, ids, max);
    if (!ids.length) {
      parts.holder.replaceChildren();
      ["tabindex", "role", "aria-label"].forEach((name) => parts.holder.removeAttribute(name));
      return;
    }
    const built = buildTable(data, ids, pageOf, parts.onlyDifferent.checked, (id) => writeIds(ids.filter((other) => other !== id)));
    parts.holder.replaceChildren(built.table);
    // On a narrow screen the table scrolls sideways: a named region keyboard users can scroll too.
    parts.holder.setAttribute("tabindex", "0");
    parts.holder.setAttribute("role", "region");
    parts.holder.setAttribute("aria-label", "Vergelijkingstabel");
    if (ids.length > 1) parts.status.textContent += " " + built.differing + " van de " + data.rijen.length + " rijen verschillen.";
  }

  parts.add.addEventListener("click", () => {
    const ids = chosen().ids.slice(0, max);
    if (parts.select.value && ids.length < max) writeIds(ids.concat([parts.select.value]));
  });
  parts.onlyDifferent.addEventListener("change", () => {
    const table = parts.holder.querySelector("table");
    if (table) table.classList.toggle("pv-vergelijk__table--verschillen", parts.onlyDifferent.checked);
  });
  show();
  root.classList.remove("pv-wacht"); // the room kept for the table (werkset.css)
  return { root: root, show: show };
}

let comparison = null;

export function showComparison() {
  // The comparison's own box (the casusmap's names the comparison too, as data-vergelijk="…").
  const table = document.querySelector("[data-vergelijk] [data-vergelijk-tabel]");
  const root = table && table.closest("[data-vergelijk]");
  if (!root || (comparison && comparison.root === root)) return;
  withData("werkset", root.getAttribute("data-gegevens"), (data) => {
    if (document.body.contains(root) && !(comparison && comparison.root === root)) comparison = createComparison(root, data);
  });
}

export function startComparison() {
  window.addEventListener("popstate", () => {
    if (comparison && document.body.contains(comparison.root) && siteData().werkset) comparison.show();
  });
}
