/* Verkenner: filters the server-rendered list of cards. The filter state lives in the address
 * (?fase=a,b&domein=c&zoek=tekst, adres.js), so a link reproduces the view and back/forward work.
 * Only the first matches are in the document (more on request): toggling thousands of cards costs
 * far more layout than replacing the list with the few that fit on a screen or two.
 *
 * The facets, their values and labels come from the page, which the build writes from the facet
 * declaration; which cards pass is selectie.js's rule. */

import { explorerQuery, readExplorerAddress, splitValues } from "./adres.js";
import { currentAddress, withQuery } from "./dom.js";
import { match } from "./selectie.js";

// The filters the page offers: the address's configuration, and the checkbox of each value.
function readFacets(root, form) {
  const config = { keys: [], options: {}, shortForms: {}, labels: {}, textParam: root.dataset.textParam, oldTextParam: root.dataset.oldTextParam };
  const inputs = {}; // key -> value -> checkbox
  form.querySelectorAll("[data-facet]").forEach((facetEl) => {
    const key = facetEl.dataset.facet;
    config.keys.push(key);
    config.shortForms[key] = JSON.parse(facetEl.dataset.short || "{}");
    config.labels[key] = facetEl.dataset.label || key;
    inputs[key] = {};
    facetEl.querySelectorAll("input[name=" + key + "]").forEach((input) => {
      inputs[key][input.value] = input;
    });
    config.options[key] = Object.keys(inputs[key]);
  });
  return { config: config, inputs: inputs };
}

// The cards, with what a search finds on each: its title and summary, and the names in data-tekst.
function readItems(root, keys) {
  return Array.prototype.map.call(root.querySelectorAll(".pv-card"), (card) => {
    const values = {};
    keys.forEach((key) => {
      values[key] = splitValues(card.getAttribute("data-" + key));
    });
    const shown = card.querySelector(".pv-card__title").textContent + " " + card.querySelector(".pv-card__summary").textContent;
    return { el: card, text: (shown + " " + (card.dataset.tekst || "")).toLowerCase(), values: values };
  });
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
  node.hidden = !text;
}

// What the page says about the selection besides the list: what the address held that is not used,
// the number on the phone's filter button, and in words for paper (and the cards link).
function createSelectionViews(root, form, facets) {
  const { config, inputs } = facets;
  const unknownEl = root.querySelector("[data-unknown]");
  const selectionEl = root.querySelector("[data-selection]");
  const cardsLink = root.querySelector("[data-kaarten-link]");
  const activeTotal = form.querySelector("[data-active-total]");
  const activeWords = form.querySelector("[data-active-words]");

  function showUnknown(unknown) {
    setText(unknownEl, unknown.length ? "Niet begrepen in het webadres, dus niet gebruikt als filter: " + unknown.join("; ") + ". Kies hieronder uit de filters." : "");
  }

  // The filter button (on a phone) counts the active filters: every chosen value, and the text.
  function showActive(state) {
    if (!activeTotal) return;
    const total = config.keys.reduce((sum, key) => sum + state.facets[key].length, state.q ? 1 : 0);
    activeTotal.textContent = total ? String(total) : "";
    activeWords.textContent = total ? " actief" : "";
  }

  // In words, for paper: "Fase: Veiligheid – acuut, Risicogestuurd; Zoekwoord: “huisverbod”".
  function showSelection(state) {
    const parts = config.keys.filter((key) => state.facets[key].length).map((key) => config.labels[key] + ": " + state.facets[key].map((value) => {
      const label = inputs[key][value].parentNode.querySelector(".pv-option__label");
      return label ? label.textContent : value;
    }).join(", "));
    if (state.q) parts.push("Zoekwoord: \u201c" + state.q + "\u201d");
    setText(selectionEl, parts.length ? "Gekozen: " + parts.join("; ") + "." : "");
    // The cards page reads the same address as the explorer.
    if (cardsLink) cardsLink.search = explorerQuery(config, state);
  }

  return { showUnknown: showUnknown, showActive: showActive, showSelection: showSelection };
}

// The filter panel on a phone: opened with one button; while open the result count stays in view, and
// a line at its foot names the groups still below its edge (a panel that ends right after a group must
// not look complete).
function createPanel(form, resultCount) {
  const toggle = form.querySelector("[data-filter-toggle]");
  const facetList = form.querySelector(".pv-facetlist");
  const moreFacets = form.querySelector("[data-more-facets]");
  const isOpen = () => form.classList.contains("pv-filters--open");
  const shown = () => toggle && toggle.offsetParent !== null;

  function showMoreFacets() {
    if (!moreFacets) return;
    const scrolls = shown() && isOpen() && facetList.scrollHeight > facetList.clientHeight + 1;
    // The line itself covers the panel's foot, and its height follows its text: measure twice.
    for (let pass = 0; pass < 2; pass++) {
      const below = [];
      if (scrolls) {
        const edge = moreFacets.hidden ? facetList.getBoundingClientRect().bottom : moreFacets.getBoundingClientRect().top;
        form.querySelectorAll("[data-facet]").forEach((facetEl) => {
          if (facetEl.querySelector("summary").getBoundingClientRect().bottom > edge + 1) below.push(facetEl.dataset.label);
        });
      }
      setText(moreFacets, below.length ? "Meer filters hieronder: " + below.join(", ") : "");
    }
  }

  function keepCountInView() {
    if (!shown() || !isOpen()) return;
    const box = resultCount.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) resultCount.scrollIntoView({ block: "nearest" });
  }

  if (toggle) {
    toggle.addEventListener("click", () => {
      const open = !isOpen();
      form.classList.toggle("pv-filters--open", open);
      toggle.setAttribute("aria-expanded", String(open));
      if (open) keepCountInView();
      showMoreFacets();
    });
    facetList.addEventListener("scroll", showMoreFacets, { passive: true });
    facetList.addEventListener("toggle", showMoreFacets, true); // a group opened or closed moves the rest
    window.addEventListener("resize", showMoreFacets, { passive: true });
  }
  return { keepCountInView: keepCountInView };
}

// The form <-> a selection.
function createForm(form, facets, textInput) {
  const { config, inputs } = facets;
  return {
    read: () => {
      const state = { q: textInput.value.trim(), facets: {}, unknown: [] };
      config.keys.forEach((key) => {
        state.facets[key] = config.options[key].filter((value) => inputs[key][value].checked);
      });
      return state;
    },
    write: (state) => {
      textInput.value = state.q;
      config.keys.forEach((key) => {
        config.options[key].forEach((value) => {
          inputs[key][value].checked = state.facets[key].indexOf(value) !== -1;
        });
        if (state.facets[key].length) form.querySelector("[data-facet=" + key + "]").open = true;
      });
    },
  };
}

// The list: the first `limit` matches, replaced only when they changed, and "Toon meer".
function createList(root, pageSize) {
  const list = root.querySelector("[data-cards]");
  const more = root.querySelector("[data-more]");
  let limit = pageSize;
  let matched = [];
  let rendered = null; // what the list holds; at first the server's full list

  function render() {
    const next = matched.slice(0, limit);
    const same = rendered !== null && next.length === rendered.length && next.every((item, i) => item === rendered[i]);
    if (!same) {
      list.replaceChildren(...next.map((item) => item.el));
      rendered = next;
    }
    const rest = matched.length - next.length;
    more.hidden = rest <= 0;
    if (rest > 0) more.textContent = "Toon meer (nog " + rest + ")";
  }

  more.addEventListener("click", () => {
    limit += pageSize;
    render();
  });
  return {
    show: (items, fromStart) => {
      matched = items;
      if (fromStart) limit = pageSize;
      render();
    },
    // A printed list holds every match, not only the ones shown so far.
    showAll: () => {
      limit = matched.length;
      render();
    },
  };
}

// The count beside every option and of the list.
function showCounts(root, form, facets, state, result, total) {
  const { config } = facets;
  config.keys.forEach((key) => {
    config.options[key].forEach((value) => {
      const count = String(result.counts[key][value] || 0);
      const node = form.querySelector("[data-count-for=\"" + key + ":" + value + "\"]");
      if (node && node.textContent !== count) node.textContent = count;
    });
    const activeEl = form.querySelector("[data-active-for=\"" + key + "\"]");
    if (activeEl) activeEl.textContent = state.facets[key].length ? "(" + state.facets[key].length + " gekozen)" : "";
  });
  const resultCount = root.querySelector("[data-result-count]");
  const message = result.matched.length === total ? total + " interventies" : result.matched.length + " van " + total + " interventies";
  if (resultCount.textContent !== message) resultCount.textContent = message;
  root.querySelector("[data-empty]").hidden = result.matched.length !== 0;
}

function createExplorer(root) {
  const form = root.querySelector("[data-filters]");
  const textInput = form.querySelector("input[name=" + root.dataset.textParam + "]");
  const facets = readFacets(root, form);
  const items = readItems(root, facets.config.keys);
  const views = createSelectionViews(root, form, facets);
  const panel = createPanel(form, root.querySelector("[data-result-count]"));
  const fields = createForm(form, facets, textInput);
  const list = createList(root, parseInt(root.dataset.pageSize, 10) || 100);

  function apply(state, fromStart) {
    const result = match(items, state, facets.config.keys);
    showCounts(root, form, facets, state, result, items.length);
    views.showActive(state);
    views.showSelection(state);
    list.show(result.matched, fromStart);
    panel.keepCountInView();
  }

  function update(push) {
    const state = fields.read();
    views.showUnknown([]);
    apply(state, true);
    const url = withQuery(explorerQuery(facets.config, state));
    if (url === currentAddress()) return;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(window.history.state, "", url);
  }

  let typing = null;
  form.addEventListener("change", (event) => {
    if (event.target !== textInput) update(true);
  });
  textInput.addEventListener("input", () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => update(false), 120);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update(false);
  });
  form.addEventListener("reset", () => window.setTimeout(() => update(true), 0));

  function restore() {
    const state = readExplorerAddress(facets.config, window.location.search);
    fields.write(state);
    apply(state, false);
    views.showUnknown(state.unknown);
    // Short forms become the values they stand for; what was not understood leaves the address.
    const url = withQuery(explorerQuery(facets.config, state));
    if (url !== currentAddress()) window.history.replaceState(window.history.state, "", url);
  }
  form.hidden = false;
  restore();
  return { root: root, restore: restore, showAll: list.showAll };
}

/* One explorer per page, also after instant navigation. */

let controller = null;

export function showExplorer() {
  const root = document.querySelector("[data-pv-explorer]");
  if (!root) {
    controller = null;
    return;
  }
  if (controller && controller.root === root) return;
  controller = createExplorer(root);
}

// Window listeners are added once and act on the current page's explorer: one is made on every
// instant navigation to the page, and listeners added per explorer would pile up.
export function startExplorer() {
  const current = () => controller && document.body.contains(controller.root);
  window.addEventListener("popstate", () => {
    if (current()) controller.restore();
  });
  window.addEventListener("beforeprint", () => {
    if (current()) controller.showAll();
  });
}
