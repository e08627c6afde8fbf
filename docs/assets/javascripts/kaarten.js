/* Kaarten: print the explorer's selection. The page lists every entry in sheets of four; with the
 * explorer's URL parameters (?fase=a,b&domein=c&zoek=tekst) only the matching cards stay, packed
 * again four to a sheet. Without JavaScript the page prints every card. */
(function () {
  "use strict";

  // Lower case, no accents, words joined by "-": the same as slug() in render.py and verkenner.js.
  function slug(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // The explorer's URL read as the explorer reads it: a value, the same in other spelling or a short
  // form ("veiligheid", "acuut"); a filter named twice or in capitals. What is not understood is named
  // on the page and not used, so a mistyped link never prints no cards, or all, without a word.
  function readSelection(root, cards, params) {
    var labels = JSON.parse(root.dataset.filters || "{}");
    var shorts = JSON.parse(root.dataset.short || "{}");
    var chosen = {};
    var unknown = [];
    var given = {};
    params.forEach(function (value, name) {
      var key = name.toLowerCase();
      if (Object.prototype.hasOwnProperty.call(labels, key)) given[key] = (given[key] ? given[key] + "," : "") + value;
      else if (name !== "zoek" && name !== "q") unknown.push("\u201c" + name + (value ? "=" + value : "") + "\u201d");
    });
    Object.keys(given).forEach(function (key) {
      var known = {};
      cards.forEach(function (card) {
        (card.getAttribute("data-" + key) || "").split(" ").filter(Boolean).forEach(function (value) { known[value] = true; });
      });
      var forms = shorts[key] || {};
      function lookup(raw) {
        var normal = slug(raw);
        return known[raw] ? [raw] : known[normal] ? [normal] : forms[normal] || null;
      }
      var values = [];
      // Commas separate values; a space too, unless the words together are a label ("Civiel recht").
      given[key].split(",").filter(function (raw) { return raw.trim(); }).forEach(function (raw) {
        var whole = lookup(raw.trim());
        if (whole) values = values.concat(whole);
        else raw.split(/\s+/).filter(Boolean).forEach(function (part) {
          var found = lookup(part);
          if (found) values = values.concat(found);
          else unknown.push(labels[key] + ": \u201c" + part + "\u201d");
        });
      });
      if (values.length) chosen[key] = values;
    });
    return { chosen: chosen, unknown: unknown };
  }

  function apply() {
    var root = document.querySelector("[data-kaarten]");
    if (!root) return;
    var params = new URLSearchParams(window.location.search);
    var cards = Array.prototype.slice.call(root.querySelectorAll(".pv-kaart"));
    var selection = readSelection(root, cards, params);
    var chosen = selection.chosen;
    var notice = document.querySelector("[data-kaarten-onbekend]");
    notice.textContent = selection.unknown.length
      ? "Niet begrepen in het webadres, dus niet gebruikt als filter: " + selection.unknown.join("; ") + "."
      : "";
    notice.hidden = !selection.unknown.length;
    var terms = (params.get("zoek") || params.get("q") || "").toLowerCase().split(/\s+/).filter(Boolean);
    if (!Object.keys(chosen).length && !terms.length) return;

    var perSheet = parseInt(root.dataset.perVel, 10) || 4;
    var kept = cards.filter(function (card) {
      var text = card.dataset.tekst || "";
      var facetsMatch = Object.keys(chosen).every(function (key) {
        var values = (card.getAttribute("data-" + key) || "").split(" ");
        return chosen[key].some(function (value) { return values.indexOf(value) !== -1; });
      });
      return facetsMatch && terms.every(function (term) { return text.indexOf(term) !== -1; });
    });
    root.replaceChildren();
    for (var start = 0; start < kept.length; start += perSheet) {
      var sheet = document.createElement("div");
      sheet.className = "pv-vel";
      kept.slice(start, start + perSheet).forEach(function (card) { sheet.appendChild(card); });
      root.appendChild(sheet);
    }
    var status = document.querySelector("[data-kaarten-status]");
    var sheets = Math.ceil(kept.length / perSheet);
    status.textContent = kept.length
      ? kept.length + (kept.length === 1 ? " kaart" : " kaarten") + " op " + sheets + (sheets === 1 ? " vel" : " vellen") + ": de selectie uit de verkenner."
      : "Geen kaarten: de selectie uit de verkenner bevat geen interventies.";
  }

  // mkdocs-material's instant navigation swaps pages without a reload; document$ emits on each page.
  if (typeof window.document$ !== "undefined") window.document$.subscribe(apply);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", apply);
  else apply();
})();
