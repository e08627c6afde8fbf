/* Casusmap: the entries chosen with "Zet in casusmap", by phase, with who decides and who carries
 * out. The choice is a list of ids in the address (?i=a,b) and in this browser's localStorage
 * (werkset.js); nothing else is kept. Loaded only on /casusmap/, from the data script's entries. */
(function () {
  "use strict";

  var el; // window.pvElement from werkset.js (the site's script bundle), set in start()

  function start() {
    el = window.pvElement;
    var root = document.querySelector("[data-casusmap]");
    var data = window.pvWerkset;
    var store = window.pvCasusmap;
    if (!root || !data || !store || !root.querySelector("[data-casusmap-leeg]")) return;
    var suffix = window.location.protocol === "file:" ? "index.html" : "";
    var base = root.getAttribute("data-basis");
    var message = root.querySelector("[data-casusmap-melding]");
    var status = root.querySelector("[data-casusmap-status]");
    var list = root.querySelector("[data-casusmap-lijst]");
    var compare = root.querySelector("[data-casusmap-vergelijk]");
    var linkLine = root.querySelector("[data-casusmap-link]");
    var address = root.querySelector("[data-casusmap-adres]");

    function known(ids) {
      return ids.filter(function (id, at) {
        return Object.prototype.hasOwnProperty.call(data.items, id) && ids.indexOf(id) === at;
      });
    }

    function same(a, b) {
      return a.length === b.length && a.every(function (id) { return b.indexOf(id) !== -1; });
    }

    // What is shown: the stored map, or a shared link's selection until the reader takes it over.
    var shown = [];
    var viewingLink = false;

    function setAddress(ids) {
      var url = window.location.pathname + (ids.length ? "?i=" + ids.join(",") : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", url);
      }
    }

    function notice(text, actions) {
      message.replaceChildren(el("p", { text: text }));
      if (actions) message.appendChild(el("p", {}, actions));
      message.hidden = !text;
    }

    function button(text, action) {
      var node = el("button", { type: "button", "class": "md-button", text: text });
      node.addEventListener("click", action);
      return node;
    }

    function render() {
      var stored = known(store.read());
      if (!viewingLink) shown = stored;
      setAddress(shown);
      var count = shown.length;
      status.textContent = count
        ? (viewingLink ? "Gedeelde selectie: " : "") + count + (count === 1 ? " interventie" : " interventies") + " in de casusmap."
        : "De casusmap is leeg. Kies interventies met de knop Zet in casusmap op hun pagina of in de verkenner.";
      var link = window.location.href;
      address.href = link;
      address.textContent = link;
      linkLine.hidden = !count;
      if (count >= 2 && count <= data.max) {
        compare.href = root.getAttribute("data-vergelijk") + suffix + "?i=" + shown.join(",");
        compare.hidden = false;
      } else {
        compare.hidden = true;
        compare.removeAttribute("href");
      }
      var groups = data.fasen.map(function (phase) {
        var members = shown.filter(function (id) { return data.items[id].fasen[0] === phase.id; });
        if (!members.length) return null;
        var heading = el("h2", {}, [el("span", { "class": "pv-tag pv-kleur", text: phase.label })]);
        if (phase.kleur) heading.firstChild.style.setProperty("--pv-kleur", phase.kleur);
        return el("section", { "class": "pv-casusmap__fase" }, [heading, el("ul", {}, members.map(function (id) {
          var item = data.items[id];
          var facts = el("dl", {}, []);
          data.rollen.forEach(function (role) {
            facts.appendChild(el("dt", { text: role[1] }));
            facts.appendChild(el("dd", { text: item[role[0]].length ? item[role[0]].join(", ") : "Niet vastgelegd" }));
          });
          // Only on a regional site: a plan for a meeting there must show an offer the region lacks.
          if (item.beschikbaarheid) {
            facts.appendChild(el("dt", { text: "Beschikbaarheid" }));
            facts.appendChild(el("dd", { text: item.beschikbaarheid }));
          }
          var others = item.fasen.slice(1).map(function (other) {
            return data.fasen.filter(function (phase) { return phase.id === other; })[0].label;
          });
          if (others.length) {
            facts.appendChild(el("dt", { text: "Ook in fase" }));
            facts.appendChild(el("dd", { text: others.join(", ") }));
          }
          var remove = viewingLink ? null : button("Haal weg", function () {
            store.write(store.read().filter(function (other) { return other !== id; }));
            render();
          });
          if (remove) remove.setAttribute("aria-label", "Haal weg: " + item.naam);
          var name = item.naam + (item.afk.length ? " (" + item.afk.join(", ") + ")" : "");
          return el("li", { "class": "pv-casusmap__item", "data-id": id }, [
            el("h3", {}, [el("a", { href: base + "interventies/" + id + "/" + suffix, text: name })]),
            el("p", { "class": "pv-casusmap__samenvatting", text: item.samenvatting }),
            facts,
            remove,
          ]);
        }))]);
      });
      list.replaceChildren.apply(list, groups.filter(Boolean));
    }

    root.querySelector("[data-casusmap-leeg]").onclick = function () {
      store.write([]);
      viewingLink = false;
      notice("");
      render();
      status.textContent = "De casusmap is leeggemaakt.";
    };
    root.querySelector("[data-casusmap-print]").onclick = function () {
      window.print();
    };
    root.querySelector("[data-casusmap-kopieer]").onclick = function () {
      var done = function () { status.textContent = "De link is gekopieerd."; };
      var failed = function () { status.textContent = "Kopiëren lukte niet; kopieer de link hieronder zelf."; };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(window.location.href).then(done, failed);
      else failed();
    };

    var linked = window.pvLinkedIds(data);
    var stored = known(store.read());
    // What the address holds and is not used (another parameter, an unknown entry) is named, and leaves
    // the address, so a mistyped link says why it shows nothing.
    var unknownText = (linked.foreign.length ? "Niet begrepen in het webadres, weggelaten: " + linked.foreign.join(", ") + ". " : "") +
      (linked.unknown.length ? "Onbekende interventie in het webadres, weggelaten: " + linked.unknown.join(", ") + ". " : "");
    if (unknownText) notice(unknownText);
    if (linked.given) {
      var sharedIds = linked.ids;
      if (!sharedIds.length) {
        // A link without one known entry has nothing to take over: one's own map stays in view.
      } else if (!stored.length) {
        store.write(sharedIds); // nothing of one's own yet: the link becomes this browser's map
      } else if (!same(stored, sharedIds)) {
        viewingLink = true;
        shown = sharedIds;
        notice(unknownText + "Deze link toont een andere selectie dan de casusmap die in deze browser staat.", [
          button("Neem deze selectie over", function () {
            store.write(shown);
            viewingLink = false;
            notice("");
            render();
          }),
          document.createTextNode(" "),
          button("Toon mijn eigen casusmap", function () {
            viewingLink = false;
            notice("");
            render();
          }),
        ]);
      }
    }
    render();
    root.classList.remove("pv-wacht"); // the room kept for the list (werkset.css)
  }

  // After instant navigation the data script and this one may load in either order: wait for the data
  // (at most a few seconds). On the first load werkset.js (the store) comes after the page's content,
  // so wait for the document too.
  function whenData(tries) {
    if (window.pvWerkset && window.pvCasusmap && window.pvElement) start();
    else if (tries < 100) window.setTimeout(function () { whenData(tries + 1); }, 50);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { whenData(0); });
  else whenData(0);
})();
