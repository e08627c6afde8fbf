/* Werkset: the casusmap buttons on entry pages and explorer cards, and the explorer's compare ticks.
 * The casusmap is a list of entry ids in this browser's localStorage (nothing else, no free text);
 * casusmap.js shows it. Listeners are added once, on the document, so they keep working after
 * mkdocs-material's instant navigation swaps the page. */
(function () {
  "use strict";

  var KEY = "pv-casusmap";

  function read() {
    try {
      var ids = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(ids) ? ids.filter(function (id) { return typeof id === "string"; }) : [];
    } catch (error) {
      return []; // storage switched off or unreadable: an empty map
    }
  }

  function write(ids) {
    try {
      if (ids.length) window.localStorage.setItem(KEY, JSON.stringify(ids));
      else window.localStorage.removeItem(KEY);
      return true;
    } catch (error) {
      return false;
    }
  }

  // Shared with casusmap.js, which loads only on its own page.
  window.pvCasusmap = { read: read, write: write };

  // A new element with attributes ("text" sets its text, never HTML) and children; for casusmap.js and vergelijk.js.
  window.pvElement = function (tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(child);
    });
    return node;
  };

  // The entries a link to the comparison or the casusmap names (?i=a,b, also ?i=a&i=b), each an id or a
  // short link's name in any case (thv, OTS), checked against the data script; for vergelijk.js and
  // casusmap.js. Other parameters are returned too, so a mistyped link can say why it shows nothing.
  window.pvLinkedIds = function (data) {
    var params = new URLSearchParams(window.location.search);
    var has = Object.prototype.hasOwnProperty;
    var found = { given: params.has("i"), ids: [], unknown: [], foreign: [] };
    params.forEach(function (value, name) {
      if (name !== "i") found.foreign.push("\u201c" + name + (value ? "=" + value : "") + "\u201d");
    });
    params.getAll("i").join(",").split(/[ ,]+/).filter(Boolean).forEach(function (given) {
      var short = given.toLowerCase();
      var id = has.call(data.items, given) ? given : has.call(data.kort, short) ? data.kort[short] : null;
      if (!id) found.unknown.push(given);
      else if (found.ids.indexOf(id) === -1) found.ids.push(id);
    });
    return found;
  };

  function showButtons() {
    var ids = read();
    document.querySelectorAll("[data-casusmap-knop]").forEach(function (button) {
      var inMap = ids.indexOf(button.getAttribute("data-casusmap-knop")) !== -1;
      button.setAttribute("aria-pressed", inMap ? "true" : "false");
      var text = button.querySelector("[data-casusmap-tekst]");
      var wanted = inMap ? "\u2713 In casusmap" : "Zet in casusmap";
      if (text && text.textContent !== wanted) text.textContent = wanted;
    });
    document.querySelectorAll("[data-casusmap-naar]").forEach(function (link) {
      link.textContent = ids.length ? "Naar de casusmap (" + ids.length + ")" : "Naar de casusmap";
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-casusmap-knop]");
    if (!button) return;
    var id = button.getAttribute("data-casusmap-knop");
    var ids = read();
    var at = ids.indexOf(id);
    if (at === -1) ids.push(id);
    else ids.splice(at, 1);
    write(ids);
    showButtons();
  });

  /* ---- compare ticks on explorer cards ---------------------------------------------------------- */

  var chosen = []; // in the order they were ticked

  function showBar() {
    var bar = document.querySelector("[data-vergelijkbalk]");
    if (!bar) return;
    var max = parseInt(bar.getAttribute("data-max"), 10) || 4;
    chosen = chosen.filter(function (id) {
      var box = document.querySelector("[data-vergelijk-vink][value=\"" + id + "\"]");
      return box && box.checked;
    });
    bar.hidden = chosen.length === 0;
    var text = bar.querySelector("[data-vergelijkbalk-tekst]");
    var link = bar.querySelector("[data-vergelijkbalk-link]");
    text.textContent = chosen.length === 1
      ? "1 interventie gekozen om te vergelijken; kies er nog een tot " + (max - 1) + "."
      : chosen.length + " interventies gekozen om te vergelijken (hooguit " + max + ").";
    if (chosen.length >= 2) {
      link.href = bar.getAttribute("data-doel") + "?i=" + chosen.join(",");
      link.removeAttribute("aria-disabled");
    } else {
      link.removeAttribute("href");
      link.setAttribute("aria-disabled", "true");
    }
    document.querySelectorAll("[data-vergelijk-vink]").forEach(function (box) {
      box.disabled = !box.checked && chosen.length >= max;
    });
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("[data-vergelijk-vink]")) return;
    var at = chosen.indexOf(box.value);
    if (box.checked && at === -1) chosen.push(box.value);
    if (!box.checked && at !== -1) chosen.splice(at, 1);
    showBar();
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("[data-vergelijkbalk-wis]")) return;
    document.querySelectorAll("[data-vergelijk-vink]").forEach(function (box) {
      box.checked = false;
    });
    chosen = [];
    showBar();
  });

  function refresh() {
    showButtons();
    // Ticks the browser restored (back button) count as chosen.
    document.querySelectorAll("[data-vergelijk-vink]").forEach(function (box) {
      if (box.checked && chosen.indexOf(box.value) === -1) chosen.push(box.value);
    });
    showBar();
  }

  // Another tab changed the map: show it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) showButtons();
  });

  if (typeof window.document$ !== "undefined") window.document$.subscribe(refresh);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", refresh);
  else refresh();
})();
