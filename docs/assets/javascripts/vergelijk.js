/* Vergelijk: two to four entries side by side, one row per field, from the data script
 * (window.pvWerkset, vergelijk/gegevens.js). The choice lives in the address: ?i=a,b,c. Loaded only
 * on /vergelijk/; instant navigation runs the page's scripts again on every visit. */
(function () {
  "use strict";

  var el; // window.pvElement from werkset.js (the site's script bundle), set in start()

  function start() {
    el = window.pvElement;
    var root = document.querySelector("[data-vergelijk]");
    var data = window.pvWerkset;
    if (!root || !data || !root.querySelector("[data-vergelijk-voegtoe]")) return;
    var max = data.max;
    var phases = {};
    data.fasen.forEach(function (phase) {
      phases[phase.id] = phase;
    });
    // From the file system a folder is not a page: link its index.html (the offline copy).
    var suffix = window.location.protocol === "file:" ? "index.html" : "";
    var base = root.getAttribute("data-basis");

    function pageOf(id) {
      return base + "interventies/" + id + "/" + suffix;
    }

    function writeIds(ids) {
      var url = window.location.pathname + (ids.length ? "?i=" + ids.join(",") : "") + window.location.hash;
      window.history.pushState(null, "", url);
      show();
    }

    // One cell's content as nodes, and a key to compare it with the other columns.
    function cell(field, item) {
      var value = item[field];
      if (field === "fasen") {
        return {
          key: value.join(","),
          nodes: value.map(function (id) {
            var chip = el("span", { "class": "pv-tag pv-kleur", text: phases[id].label });
            if (phases[id].kleur) chip.style.setProperty("--pv-kleur", phases[id].kleur);
            return el("span", {}, [chip, document.createTextNode(" ")]);
          }),
        };
      }
      if (field === "grondslag") {
        return {
          key: value.map(function (basis) { return basis.tekst; }).sort().join("|"),
          nodes: value.length
            ? [el("ul", {}, value.map(function (basis) {
                return el("li", {}, [el("a", { href: basis.url, text: basis.tekst }), document.createTextNode(" (" + basis.wet + ")")]);
              }))]
            : [document.createTextNode("Geen eigen wettelijke grondslag vastgelegd.")],
        };
      }
      if (field === "samenhang") {
        var known = value.filter(function (id) { return data.items[id]; });
        return {
          key: known.slice().sort().join(","),
          nodes: known.length
            ? [el("ul", {}, known.map(function (id) {
                return el("li", {}, [el("a", { href: pageOf(id), text: data.items[id].naam })]);
              }))]
            : [document.createTextNode("Geen")],
        };
      }
      if (Array.isArray(value)) {
        return {
          key: value.slice().sort().join("|"),
          nodes: [document.createTextNode(value.length ? value.join(", ") : "Niet vastgelegd")],
        };
      }
      return { key: value, nodes: [document.createTextNode(value || "Niet vastgelegd")] };
    }

    var message = root.querySelector("[data-vergelijk-melding]");
    var status = root.querySelector("[data-vergelijk-status]");
    var chooser = root.querySelector("[data-vergelijk-kies]");
    var select = root.querySelector("[data-vergelijk-toevoegen]");
    var addButton = root.querySelector("[data-vergelijk-voegtoe]");
    var onlyDifferent = root.querySelector("[data-vergelijk-alleen]");
    var holder = root.querySelector("[data-vergelijk-tabel]");

    function show() {
      var found = window.pvLinkedIds(data);
      var ids = found.ids.slice(0, max);
      var notes = [];
      if (found.unknown.length) {
        notes.push("Onbekende interventie in het webadres: " + found.unknown.map(function (id) {
          return "\u201c" + id + "\u201d";
        }).join(", ") + ". Controleer de link of kies hieronder een interventie.");
      }
      if (found.foreign.length) {
        notes.push("Niet begrepen in het webadres: " + found.foreign.join(", ") + ". Controleer de link of kies hieronder een interventie.");
      }
      if (found.ids.length > max) notes.push("U kunt hooguit " + max + " interventies tegelijk vergelijken; de eerste " + max + " staan hieronder.");
      message.textContent = notes.join(" ");
      message.hidden = !notes.length;

      if (ids.length === 0) status.textContent = "Nog geen interventies gekozen. Kies hieronder twee tot " + max + " interventies, of zet een vinkje bij Vergelijk op kaarten in de verkenner.";
      else if (ids.length === 1) status.textContent = "Kies nog minstens één interventie om mee te vergelijken.";
      else status.textContent = ids.length + " interventies naast elkaar.";

      // The chooser: every entry not yet in the table, by name.
      // A first empty choice, so "Toevoegen" never adds an entry nobody picked.
      select.replaceChildren.apply(select, [el("option", { value: "", text: "Kies een interventie" })].concat(Object.keys(data.items)
        .filter(function (id) { return ids.indexOf(id) === -1; })
        .map(function (id) { return el("option", { value: id, text: data.items[id].naam }); })));
      chooser.hidden = false;
      select.disabled = addButton.disabled = ids.length >= max;

      if (!ids.length) {
        holder.replaceChildren();
        ["tabindex", "role", "aria-label"].forEach(function (name) { holder.removeAttribute(name); });
        return;
      }
      var items = ids.map(function (id) { return data.items[id]; });
      var head = el("tr", {}, [el("td", { "class": "pv-vergelijk__hoek" })].concat(ids.map(function (id, column) {
        var remove = el("button", { type: "button", "class": "pv-vergelijk__weg", text: "Haal weg", "aria-label": "Haal weg: " + items[column].naam });
        remove.addEventListener("click", function () {
          writeIds(ids.filter(function (other) { return other !== id; }));
        });
        var name = items[column].naam + (items[column].afk.length ? " (" + items[column].afk.join(", ") + ")" : "");
        return el("th", { scope: "col" }, [el("a", { href: pageOf(id), text: name }), el("br"), remove]);
      })));
      var differing = 0;
      var rows = data.rijen.map(function (row) {
        var cells = items.map(function (item) { return cell(row[0], item); });
        var differs = cells.some(function (c) { return c.key !== cells[0].key; });
        if (differs) differing += 1;
        var mark = ids.length > 1
          ? el("span", { "class": differs ? "pv-vergelijk__teken pv-vergelijk__teken--anders" : "pv-vergelijk__teken", text: differs ? "verschilt" : "gelijk" })
          : null;
        return el("tr", { "class": differs ? "pv-verschil" : "pv-gelijk", "data-veld": row[0] },
          [el("th", { scope: "row" }, [document.createTextNode(row[1]), mark ? el("br") : null, mark])].concat(cells.map(function (c) {
            return el("td", {}, c.nodes);
          })));
      });
      var table = el("table", { "class": "pv-vergelijk__table" + (onlyDifferent.checked ? " pv-vergelijk__table--verschillen" : "") }, [
        el("caption", { "class": "pv-visually-hidden", text: "Vergelijking van " + items.map(function (item) { return item.naam; }).join(", ") }),
        el("thead", {}, [head]),
        el("tbody", {}, rows),
      ]);
      holder.replaceChildren(table);
      // On a narrow screen the table scrolls sideways: a named region keyboard users can scroll too.
      holder.setAttribute("tabindex", "0");
      holder.setAttribute("role", "region");
      holder.setAttribute("aria-label", "Vergelijkingstabel");
      if (ids.length > 1) status.textContent += " " + differing + " van de " + data.rijen.length + " rijen verschillen.";
    }

    addButton.onclick = function () {
      var ids = window.pvLinkedIds(data).ids.slice(0, max);
      if (select.value && ids.length < max) writeIds(ids.concat([select.value]));
    };
    onlyDifferent.onchange = function () {
      var table = holder.querySelector("table");
      if (table) table.classList.toggle("pv-vergelijk__table--verschillen", onlyDifferent.checked);
    };
    window.onpopstate = function () {
      if (document.body.contains(root)) show();
    };
    show();
    root.classList.remove("pv-wacht"); // the room kept for the table (werkset.css)
  }

  // After instant navigation the data script and this one may load in either order: wait for the data
  // (at most a few seconds) rather than have the data script call a page's script.
  function whenData(tries) {
    if (window.pvWerkset && window.pvElement) start();
    else if (tries < 100) window.setTimeout(function () { whenData(tries + 1); }, 50);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { whenData(0); });
  else whenData(0);
})();
