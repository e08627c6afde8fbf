/* Verkenner: filters the server-rendered list of cards. The filter state lives in the URL
 * (?fase=a,b&domein=c&zoek=tekst), so a link reproduces the view and back/forward work.
 * Only the first matches are in the document (more on request): toggling thousands of cards costs
 * far more layout than replacing the list with the few that fit on a screen or two. */
(function () {
  "use strict";

  var controller = null;

  function splitValues(text) {
    return text ? text.split(/[ ,]+/).filter(Boolean) : [];
  }

  function Explorer(root) {
    var form = root.querySelector("[data-filters]");
    var textInput = form.querySelector("input[name=zoek]");
    var resultCount = root.querySelector("[data-result-count]");
    var empty = root.querySelector("[data-empty]");
    var list = root.querySelector("[data-cards]");
    var more = root.querySelector("[data-more]");
    var PAGE_SIZE = parseInt(root.dataset.pageSize, 10) || 100;
    var limit = PAGE_SIZE;
    var matched = [];
    var rendered = null; // what the list holds; at first the server's full list
    var facetKeys = Array.prototype.map.call(form.querySelectorAll("[data-facet]"), function (el) {
      return el.dataset.facet;
    });
    var allowed = {};
    var shortForms = {};
    var facetLabels = {};
    var unknownEl = root.querySelector("[data-unknown]");
    facetKeys.forEach(function (key) {
      var facetEl = form.querySelector("[data-facet=" + key + "]");
      shortForms[key] = JSON.parse(facetEl.dataset.short || "{}");
      facetLabels[key] = facetEl.dataset.label || key;
      allowed[key] = {};
      form.querySelectorAll("input[name=" + key + "]").forEach(function (input) {
        allowed[key][input.value] = input;
      });
    });
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
      facetKeys.forEach(function (key) {
        values[key] = splitValues(el.getAttribute("data-" + key));
      });
      return { el: el, text: el.dataset.tekst || "", values: values };
    });

    // Lower case, no accents, words joined by "-": the same as slug() in render.py.
    function slug(text) {
      return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    }

    // A hand-typed value: an exact value, the same in other spelling, or a short form (a phase group,
    // a label or abbreviation that names one value). What is not understood is reported, not dropped.
    function lookup(key, raw) {
      if (Object.prototype.hasOwnProperty.call(allowed[key], raw)) return [raw];
      var normal = slug(raw);
      if (Object.prototype.hasOwnProperty.call(allowed[key], normal)) return [normal];
      if (Object.prototype.hasOwnProperty.call(shortForms[key], normal)) return shortForms[key][normal];
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
        else unknown.push(facetLabels[key] + ": \u201c" + part + "\u201d");
      });
      return found;
    }

    function showUnknown(unknown) {
      var text = unknown.length
        ? "Niet begrepen in het webadres, dus niet gebruikt als filter: " + unknown.join("; ") +
          ". Kies hieronder uit de filters."
        : "";
      if (unknownEl.textContent !== text) unknownEl.textContent = text;
      unknownEl.hidden = !text;
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      // Older shared links carry the text as ?q=; overrides/main.html renames it before the theme
      // (whose search also reads ?q=) sees it, so it is read here as a fallback only.
      var state = { q: (params.get("zoek") || params.get("q") || "").trim(), facets: {} };
      var unknown = [];
      facetKeys.forEach(function (key) {
        var chosen = [];
        (params.get(key) || "").split(",").filter(function (raw) {
          return raw.trim();
        }).forEach(function (raw) {
          resolve(key, raw, unknown).forEach(function (value) {
            if (chosen.indexOf(value) === -1) chosen.push(value);
          });
        });
        // In the order of the options, as a click would write them.
        state.facets[key] = Object.keys(allowed[key]).filter(function (value) {
          return chosen.indexOf(value) !== -1;
        });
      });
      state.unknown = unknown;
      return state;
    }

    function readForm() {
      var state = { q: textInput.value.trim(), facets: {} };
      facetKeys.forEach(function (key) {
        state.facets[key] = Object.keys(allowed[key]).filter(function (value) {
          return allowed[key][value].checked;
        });
      });
      return state;
    }

    function writeForm(state) {
      textInput.value = state.q;
      facetKeys.forEach(function (key) {
        Object.keys(allowed[key]).forEach(function (value) {
          allowed[key][value].checked = state.facets[key].indexOf(value) !== -1;
        });
        if (state.facets[key].length) {
          form.querySelector("[data-facet=" + key + "]").open = true;
        }
      });
    }

    function toUrl(state) {
      var params = new URLSearchParams();
      facetKeys.forEach(function (key) {
        if (state.facets[key].length) params.set(key, state.facets[key].join(","));
      });
      if (state.q) params.set("zoek", state.q);
      var query = params.toString().replace(/%2C/g, ",");
      return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    }

    // A card lists every value it has (the build spells out the regions an offer is available in).
    function facetMatches(key, itemValues, selected) {
      for (var i = 0; i < selected.length; i++) {
        if (itemValues.indexOf(selected[i]) !== -1) return true;
      }
      return false;
    }

    function apply(state) {
      var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
      var active = facetKeys.filter(function (key) {
        return state.facets[key].length > 0;
      });
      var counts = {};
      facetKeys.forEach(function (key) {
        counts[key] = {};
      });
      matched = [];
      items.forEach(function (item) {
        var textOk = terms.every(function (term) {
          return item.text.indexOf(term) !== -1;
        });
        var failed = [];
        if (textOk) {
          for (var i = 0; i < active.length && failed.length < 2; i++) {
            var key = active[i];
            if (!facetMatches(key, item.values[key], state.facets[key])) failed.push(key);
          }
        }
        var shown = textOk && failed.length === 0;
        // An option's count is what the list would hold with that option added: items that pass every
        // other group. So an item failing exactly one group counts for that group's options only.
        if (textOk && failed.length <= 1) {
          facetKeys.forEach(function (key) {
            if (failed.length === 1 && failed[0] !== key) return;
            item.values[key].forEach(function (value) {
              counts[key][value] = (counts[key][value] || 0) + 1;
            });
          });
        }
        if (shown) matched.push(item);
      });
      var shownCount = matched.length;
      facetKeys.forEach(function (key) {
        Object.keys(allowed[key]).forEach(function (value) {
          var count = counts[key][value] || 0;
          var el = countEls[key + ":" + value];
          if (el && el.textContent !== String(count)) el.textContent = String(count);
        });
        var activeEl = activeEls[key];
        if (activeEl) activeEl.textContent = state.facets[key].length ? "(" + state.facets[key].length + " gekozen)" : "";
      });
      var message = shownCount === items.length
        ? items.length + " interventies"
        : shownCount + " van " + items.length + " interventies";
      if (resultCount.textContent !== message) resultCount.textContent = message;
      empty.hidden = shownCount !== 0;
      render();
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
      var url = toUrl(state);
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        if (push) window.history.pushState(null, "", url);
        else window.history.replaceState(window.history.state, "", url);
      }
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
    // A printed list holds every match, not only the ones shown so far (see the one listener below).
    this.showAll = function () {
      limit = matched.length;
      render();
    };

    this.root = root;
    this.restore = function () {
      var state = readUrl();
      writeForm(state);
      apply(state);
      showUnknown(state.unknown);
      // Short forms become the values they stand for; what was not understood leaves the address.
      var url = toUrl(state);
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", url);
      }
    };
    form.hidden = false;
    this.restore();
  }

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
