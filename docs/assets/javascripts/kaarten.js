/* Kaarten: print the explorer's selection. The page lists every entry in sheets of four; with the
 * explorer's URL parameters (?fase=a,b&domein=c&zoek=tekst) only the matching cards stay, packed
 * again four to a sheet. Without JavaScript the page prints every card. */
(function () {
  "use strict";

  var FACETS = ["fase", "domein", "soort", "beslist", "vraagt", "voert", "doelgroep", "moment", "regio", "herkomst"];

  function apply() {
    var root = document.querySelector("[data-kaarten]");
    if (!root) return;
    var params = new URLSearchParams(window.location.search);
    var chosen = {};
    FACETS.forEach(function (key) {
      var values = (params.get(key) || "").split(/[ ,]+/).filter(Boolean);
      if (values.length) chosen[key] = values;
    });
    var terms = (params.get("zoek") || params.get("q") || "").toLowerCase().split(/\s+/).filter(Boolean);
    if (!Object.keys(chosen).length && !terms.length) return;

    var perSheet = parseInt(root.dataset.perVel, 10) || 4;
    var cards = Array.prototype.slice.call(root.querySelectorAll(".pv-kaart"));
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
