/* Kaarten: print the explorer's selection. The page lists every entry in sheets of four; with the
 * explorer's URL parameters (?fase=a,b&domein=c&zoek=tekst) only the matching cards stay, packed
 * again four to a sheet. Without JavaScript the page prints every card. */
(function () {
  "use strict";

  // The explorer's address read by the explorer's own reader (verkenner.js): values, other spellings
  // and short forms ("veiligheid", "Civiel recht"), a filter named twice or in capitals. What is not
  // understood is named on the page and not used, so a mistyped link never prints no cards, or all,
  // without a word. The values a filter can take are those the cards carry.
  function readSelection(root, cards) {
    var labels = JSON.parse(root.dataset.filters || "{}");
    var shorts = JSON.parse(root.dataset.short || "{}");
    var keys = Object.keys(labels);
    var options = {};
    keys.forEach(function (key) {
      options[key] = [];
      shorts[key] = shorts[key] || {};
      cards.forEach(function (card) {
        (card.getAttribute("data-" + key) || "").split(" ").filter(Boolean).forEach(function (value) {
          if (options[key].indexOf(value) === -1) options[key].push(value);
        });
      });
    });
    var config = { keys: keys, options: options, shortForms: shorts, labels: labels, textParam: root.dataset.textParam, oldTextParam: root.dataset.oldTextParam };
    return new window.pvUrlState(config).read(window.location.search);
  }

  function apply() {
    var root = document.querySelector("[data-kaarten]");
    if (!root) return;
    var cards = Array.prototype.slice.call(root.querySelectorAll(".pv-kaart"));
    var selection = readSelection(root, cards);
    var chosen = {};
    Object.keys(selection.facets).forEach(function (key) {
      if (selection.facets[key].length) chosen[key] = selection.facets[key];
    });
    var notice = document.querySelector("[data-kaarten-onbekend]");
    notice.textContent = selection.unknown.length
      ? "Niet begrepen in het webadres, dus niet gebruikt als filter: " + selection.unknown.join("; ") + "."
      : "";
    notice.hidden = !selection.unknown.length;
    var terms = selection.q.toLowerCase().split(/\s+/).filter(Boolean);
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
