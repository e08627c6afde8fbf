/* Verkenner: filters the server-rendered list of cards. The filter state lives in the URL
 * (?fase=a,b&domein=c&zoek=tekst), so a link reproduces the view and back/forward work.
 * Only the first matches are in the document (more on request): toggling thousands of cards costs
 * far more layout than replacing the list with the few that fit on a screen or two.
 *
 * Three parts, each on its own: State (the URL <-> a selection), Matching (which cards pass and the
 * count per option) and View (the form, the counts and the list in the page). The facets, their
 * values and labels come from the page, which the build writes from the facet declaration. */
(function () {
  "use strict";

  function splitValues(text) {
    return text ? text.split(/[ ,]+/).filter(Boolean) : [];
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* ---- State: the URL <-> a selection { q: text, facets: { key: [values] }, unknown: [...] } ---- */

  // config: { keys, options: { key: [values in order] }, shortForms, labels, textParam, oldTextParam }
  function UrlState(config) {
    // Lower case, no accents, words joined by "-": the same as slug() in render.py.
    function slug(text) {
      return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    }

    // A hand-typed value: an exact value, the same in other spelling, or a short form (a phase group,
    // a label or abbreviation that names one value). What is not understood is reported, not dropped.
    function lookup(key, raw) {
      var values = config.options[key];
      if (values.indexOf(raw) !== -1) return [raw];
      var normal = slug(raw);
      if (values.indexOf(normal) !== -1) return [normal];
      if (has(config.shortForms[key], normal)) return config.shortForms[key][normal];
      return null;
    }

    // Values are separated by commas; a space separates values too (a "+" in an address), unless
    // the words together are a label ("Civiel recht").
    function resolve(key, raw, unknown) {
      var whole = lookup(key, raw.trim());
      if (whole) return whole;
      var found = [];
      splitValues(raw).forEach(function (part) {
        var values = lookup(key, part);
        if (values) found = found.concat(values);
        else unknown.push(config.labels[key] + ": \u201c" + part + "\u201d");
      });
      return found;
    }

    this.read = function (search) {
      var params = new URLSearchParams(search);
      // Older shared links carry the text as ?q=; overrides/main.html renames it before the theme
      // (whose search also reads ?q=) sees it, so it is read here as a fallback only.
      var text = params.get(config.textParam) || params.get(config.oldTextParam) || "";
      var state = { q: text.trim(), facets: {}, unknown: [] };
      // A filter named twice (?fase=a&fase=b, as a form writes it) or in capitals counts in full; a
      // parameter that is no filter is named in the notice, so a mistyped link never shows all silently.
      var given = {};
      params.forEach(function (value, name) {
        var key = name.toLowerCase();
        if (config.keys.indexOf(key) !== -1) given[key] = (given[key] ? given[key] + "," : "") + value;
        else if (name !== config.textParam && name !== config.oldTextParam) {
          state.unknown.push("\u201c" + name + (value ? "=" + value : "") + "\u201d");
        }
      });
      config.keys.forEach(function (key) {
        var chosen = [];
        (given[key] || "").split(",").filter(function (raw) {
          return raw.trim();
        }).forEach(function (raw) {
          resolve(key, raw, state.unknown).forEach(function (value) {
            if (chosen.indexOf(value) === -1) chosen.push(value);
          });
        });
        // In the order of the options, as a click would write them.
        state.facets[key] = config.options[key].filter(function (value) {
          return chosen.indexOf(value) !== -1;
        });
      });
      return state;
    };

    this.query = function (state) {
      var params = new URLSearchParams();
      config.keys.forEach(function (key) {
        if (state.facets[key].length) params.set(key, state.facets[key].join(","));
      });
      if (state.q) params.set(config.textParam, state.q);
      var query = params.toString().replace(/%2C/g, ",");
      return query ? "?" + query : "";
    };
  }

  /* ---- Matching: the cards that pass, and what each option would add ---------------------------- */

  // items: [{ text, values: { key: [values] } }]. Within a facet any chosen value matches (or);
  // between facets all must match (and).
  function match(items, state, keys) {
    var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var active = keys.filter(function (key) {
      return state.facets[key].length > 0;
    });
    var counts = {};
    keys.forEach(function (key) {
      counts[key] = {};
    });
    var matched = [];
    items.forEach(function (item) {
      var textOk = terms.every(function (term) {
        return item.text.indexOf(term) !== -1;
      });
      var failed = [];
      for (var i = 0; textOk && i < active.length && failed.length < 2; i++) {
        var key = active[i];
        var selected = state.facets[key];
        var hit = item.values[key].some(function (value) {
          return selected.indexOf(value) !== -1;
        });
        if (!hit) failed.push(key);
      }
      // An option's count is what the list would hold with that option added: items that pass every
      // other group. So an item failing exactly one group counts for that group's options only.
      if (textOk && failed.length <= 1) {
        keys.forEach(function (key) {
          if (failed.length === 1 && failed[0] !== key) return;
          item.values[key].forEach(function (value) {
            counts[key][value] = (counts[key][value] || 0) + 1;
          });
        });
      }
      if (textOk && failed.length === 0) matched.push(item);
    });
    return { matched: matched, counts: counts };
  }

  /* ---- View: the form, the counts and the list of one explorer in the page ---------------------- */

  function Explorer(root) {
    var form = root.querySelector("[data-filters]");
    var textInput = form.querySelector("input[name=" + root.dataset.textParam + "]");
    var resultCount = root.querySelector("[data-result-count]");
    var empty = root.querySelector("[data-empty]");
    var list = root.querySelector("[data-cards]");
    var more = root.querySelector("[data-more]");
    var unknownEl = root.querySelector("[data-unknown]");
    var selectionEl = root.querySelector("[data-selection]");
    var cardsLink = root.querySelector("[data-kaarten-link]");
    var toggle = form.querySelector("[data-filter-toggle]");
    var activeTotal = form.querySelector("[data-active-total]");
    var activeWords = form.querySelector("[data-active-words]");
    var PAGE_SIZE = parseInt(root.dataset.pageSize, 10) || 100;
    var limit = PAGE_SIZE;
    var matched = [];
    var rendered = null; // what the list holds; at first the server's full list

    var config = { keys: [], options: {}, shortForms: {}, labels: {}, textParam: root.dataset.textParam, oldTextParam: root.dataset.oldTextParam };
    var inputs = {}; // key -> value -> checkbox
    form.querySelectorAll("[data-facet]").forEach(function (facetEl) {
      var key = facetEl.dataset.facet;
      config.keys.push(key);
      config.shortForms[key] = JSON.parse(facetEl.dataset.short || "{}");
      config.labels[key] = facetEl.dataset.label || key;
      inputs[key] = {};
      facetEl.querySelectorAll("input[name=" + key + "]").forEach(function (input) {
        inputs[key][input.value] = input;
      });
      config.options[key] = Object.keys(inputs[key]);
    });
    var urlState = new UrlState(config);
    var countEls = {};
    form.querySelectorAll("[data-count-for]").forEach(function (el) {
      countEls[el.dataset.countFor] = el;
    });
    var activeEls = {};
    form.querySelectorAll("[data-active-for]").forEach(function (el) {
      activeEls[el.dataset.activeFor] = el;
    });
    var items = Array.prototype.map.call(root.querySelectorAll(".pv-card"), function (el) {
      var values = {};
      config.keys.forEach(function (key) {
        values[key] = splitValues(el.getAttribute("data-" + key));
      });
      // What a search finds: the card's title and summary, and the other names it carries in data-tekst.
      var shown = el.querySelector(".pv-card__title").textContent + " " + el.querySelector(".pv-card__summary").textContent;
      return { el: el, text: (shown + " " + (el.dataset.tekst || "")).toLowerCase(), values: values };
    });

    function showUnknown(unknown) {
      var text = unknown.length
        ? "Niet begrepen in het webadres, dus niet gebruikt als filter: " + unknown.join("; ") +
          ". Kies hieronder uit de filters."
        : "";
      if (unknownEl.textContent !== text) unknownEl.textContent = text;
      unknownEl.hidden = !text;
    }

    // The filter button (on a phone) counts the active filters: every chosen value, and the text.
    function showActive(state) {
      if (!toggle) return;
      var total = state.q ? 1 : 0;
      config.keys.forEach(function (key) {
        total += state.facets[key].length;
      });
      activeTotal.textContent = total ? String(total) : "";
      activeWords.textContent = total ? " actief" : "";
    }

    // In words, for paper: "Fase: Veiligheid – acuut, Risicogestuurd; Zoekwoord: “huisverbod”".
    function showSelection(state) {
      var parts = [];
      config.keys.forEach(function (key) {
        if (!state.facets[key].length) return;
        parts.push(config.labels[key] + ": " + state.facets[key].map(function (value) {
          var label = inputs[key][value].parentNode.querySelector(".pv-option__label");
          return label ? label.textContent : value;
        }).join(", "));
      });
      if (state.q) parts.push("Zoekwoord: \u201c" + state.q + "\u201d");
      var text = parts.length ? "Gekozen: " + parts.join("; ") + "." : "";
      if (selectionEl.textContent !== text) selectionEl.textContent = text;
      selectionEl.hidden = !text;
      // The cards page reads the same address as the explorer.
      if (cardsLink) cardsLink.search = urlState.query(state);
    }

    function panelOpen() {
      return form.classList.contains("pv-filters--open");
    }

    // The open panel on a phone scrolls within half the screen and may end right after a group, as if
    // there were no more: name the groups below its edge until they are scrolled into view.
    var facetList = form.querySelector(".pv-facetlist");
    var moreFacets = form.querySelector("[data-more-facets]");
    function showMoreFacets() {
      if (!moreFacets) return;
      var scrolls = toggle && toggle.offsetParent !== null && panelOpen() && facetList.scrollHeight > facetList.clientHeight + 1;
      // The line itself covers the panel's foot, and its height follows its text: measure twice.
      for (var pass = 0; pass < 2; pass++) {
        var below = [];
        if (scrolls) {
          var edge = moreFacets.hidden ? facetList.getBoundingClientRect().bottom : moreFacets.getBoundingClientRect().top;
          form.querySelectorAll("[data-facet]").forEach(function (facetEl) {
            if (facetEl.querySelector("summary").getBoundingClientRect().bottom > edge + 1) below.push(facetEl.dataset.label);
          });
        }
        var text = below.length ? "Meer filters hieronder: " + below.join(", ") : "";
        if (moreFacets.textContent !== text) moreFacets.textContent = text;
        moreFacets.hidden = !text;
      }
    }

    // While the filters are open on a phone the count is the feedback of a click: keep it on screen.
    function keepCountInView() {
      if (!toggle || !panelOpen() || toggle.offsetParent === null) return;
      var box = resultCount.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) resultCount.scrollIntoView({ block: "nearest" });
    }

    function readForm() {
      var state = { q: textInput.value.trim(), facets: {}, unknown: [] };
      config.keys.forEach(function (key) {
        state.facets[key] = config.options[key].filter(function (value) {
          return inputs[key][value].checked;
        });
      });
      return state;
    }

    function writeForm(state) {
      textInput.value = state.q;
      config.keys.forEach(function (key) {
        config.options[key].forEach(function (value) {
          inputs[key][value].checked = state.facets[key].indexOf(value) !== -1;
        });
        if (state.facets[key].length) form.querySelector("[data-facet=" + key + "]").open = true;
      });
    }

    function here() {
      return window.location.pathname + window.location.search + window.location.hash;
    }

    function urlOf(state) {
      return window.location.pathname + urlState.query(state) + window.location.hash;
    }

    function apply(state) {
      var result = match(items, state, config.keys);
      matched = result.matched;
      config.keys.forEach(function (key) {
        config.options[key].forEach(function (value) {
          var count = String(result.counts[key][value] || 0);
          var el = countEls[key + ":" + value];
          if (el && el.textContent !== count) el.textContent = count;
        });
        var activeEl = activeEls[key];
        if (activeEl) activeEl.textContent = state.facets[key].length ? "(" + state.facets[key].length + " gekozen)" : "";
      });
      showActive(state);
      showSelection(state);
      var message = matched.length === items.length
        ? items.length + " interventies"
        : matched.length + " van " + items.length + " interventies";
      if (resultCount.textContent !== message) resultCount.textContent = message;
      empty.hidden = matched.length !== 0;
      render();
      keepCountInView();
    }

    function render() {
      var next = matched.slice(0, limit);
      var same = rendered !== null && next.length === rendered.length && next.every(function (item, i) {
        return item === rendered[i];
      });
      if (!same) {
        list.replaceChildren.apply(list, next.map(function (item) {
          return item.el;
        }));
        rendered = next;
      }
      var rest = matched.length - next.length;
      more.hidden = rest <= 0;
      if (rest > 0) more.textContent = "Toon meer (nog " + rest + ")";
    }

    function update(push) {
      var state = readForm();
      showUnknown([]);
      limit = PAGE_SIZE;
      apply(state);
      var url = urlOf(state);
      if (url !== here()) {
        if (push) window.history.pushState(null, "", url);
        else window.history.replaceState(window.history.state, "", url);
      }
    }

    if (toggle) {
      toggle.addEventListener("click", function () {
        var open = !panelOpen();
        form.classList.toggle("pv-filters--open", open);
        toggle.setAttribute("aria-expanded", String(open));
        if (open) keepCountInView();
        showMoreFacets();
      });
      facetList.addEventListener("scroll", showMoreFacets, { passive: true });
      // A group opened or closed moves the ones below it.
      facetList.addEventListener("toggle", showMoreFacets, true);
      window.addEventListener("resize", showMoreFacets, { passive: true });
    }

    var typing = null;
    form.addEventListener("change", function (event) {
      if (event.target !== textInput) update(true);
    });
    textInput.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(function () {
        update(false);
      }, 120);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(false);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        update(true);
      }, 0);
    });
    more.addEventListener("click", function () {
      limit += PAGE_SIZE;
      render();
    });

    this.root = root;
    // A printed list holds every match, not only the ones shown so far (called by the one listener below).
    this.showAll = function () {
      limit = matched.length;
      render();
    };
    this.restore = function () {
      var state = urlState.read(window.location.search);
      writeForm(state);
      apply(state);
      showUnknown(state.unknown);
      // Short forms become the values they stand for; what was not understood leaves the address.
      var url = urlOf(state);
      if (url !== here()) window.history.replaceState(window.history.state, "", url);
    };
    form.hidden = false;
    this.restore();
  }

  // The cards page (kaarten.js, later in the same bundle) reads the explorer's address with this too,
  // so a link means the same on both pages.
  window.pvUrlState = UrlState;

  /* ---- Start: one explorer per page, also after instant navigation ------------------------------ */

  var controller = null;

  function start() {
    var root = document.querySelector("[data-pv-explorer]");
    if (!root) {
      controller = null;
      return;
    }
    if (controller && controller.root === root) return;
    controller = new Explorer(root);
  }

  // Window listeners are added once, here, and act on the current page's explorer: an Explorer is made
  // on every instant navigation to the page, and listeners added per Explorer would pile up.
  window.addEventListener("popstate", function () {
    if (controller && document.body.contains(controller.root)) controller.restore();
  });
  window.addEventListener("beforeprint", function () {
    if (controller && document.body.contains(controller.root)) controller.showAll();
  });

  // mkdocs-material's instant navigation swaps pages without a reload; document$ emits on each page.
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
