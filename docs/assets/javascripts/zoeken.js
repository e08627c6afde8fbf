/* Site search with Pagefind, in the theme's search field.
 *
 * Nothing of the search index is fetched until the reader focuses the field or presses the
 * keyboard shortcut: then pagefind/pagefind.js loads, and it fetches only the index chunks the
 * query needs. The header is not replaced by instant navigation, so this starts once per visit.
 * A copy opened from file:// cannot load the index this way (no fetch, no module import): the
 * offline copy answers from its own small index instead (zoeken-offline.js). */

import { siteData } from "./dom.js";
import { offlineEngine } from "./zoeken-offline.js";

// The bundle lives at assets/javascripts/ under the site root, wherever the site is published; read
// while the bundle runs (later there is no current script).
const siteRoot = document.currentScript ? new URL("../../", document.currentScript.src) : new URL("./", window.location.href);
const MAX_RESULTS = 10;

let engine = null;

function loadEngine() {
  if (!engine && window.location.protocol === "file:" && siteData().zoekindex) engine = Promise.resolve(offlineEngine(siteData().zoekindex, siteRoot));
  if (!engine) {
    engine = import(new URL("pagefind/pagefind.js", siteRoot).href).then((pagefind) => pagefind.options({
      baseUrl: siteRoot.pathname,
      excerptLength: 20,
      // Entry pages are all about as long; without this a short page that names a term once
      // outranks the page about it (a partner's name, huisverbod). Overview pages already count less.
      ranking: { pageLength: 0 },
    }).then(() => {
      pagefind.init(); // fetch the Dutch index metadata and WebAssembly while the reader types
      return pagefind;
    }));
    engine.catch(() => {
      engine = null; // let a later keystroke try again
    });
  }
  return engine;
}

// Pagefind's excerpt is escaped page text with <mark> around the matches: keep only those marks.
// A textarea decodes the entities of the rest as text, spaces included, and never creates elements.
function excerptNodes(excerpt) {
  const decoder = document.createElement("textarea");
  const fragment = document.createDocumentFragment();
  excerpt.split(/(<mark>|<\/mark>)/).reduce((inMark, part) => {
    if (part === "<mark>") return true;
    if (part === "</mark>") return false;
    decoder.innerHTML = part;
    const text = document.createTextNode(decoder.value);
    if (inMark) {
      const mark = document.createElement("mark");
      mark.appendChild(text);
      fragment.appendChild(mark);
    } else {
      fragment.appendChild(text);
    }
    return inMark;
  }, false);
  return fragment;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "md-search-result__item";
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = data.url;
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  const title = document.createElement("p");
  title.className = "pv-search-title";
  title.textContent = (data.meta && data.meta.title) || data.url;
  const excerpt = document.createElement("p");
  excerpt.appendChild(excerptNodes(data.excerpt || ""));
  article.appendChild(title);
  article.appendChild(excerpt);
  link.appendChild(article);
  item.appendChild(link);
  return item;
}

// A reader who types a name, abbreviation or alias in full means that entry: put it first, keeping
// Pagefind's order otherwise (its ranking weighs words, not whole names).
function exactNamesFirst(pages, query) {
  const wanted = query.toLowerCase().replace(/\s+/g, " ");
  const exact = (page) => ((page.meta && page.meta.namen) || "").split("|").indexOf(wanted) !== -1;
  return pages.filter(exact).concat(pages.filter((page) => !exact(page)));
}

// The results list: each query gets a ticket, so a slow answer to an older query is never shown.
function createResults(box) {
  const meta = box.querySelector("[data-pv-search-meta]");
  const list = box.querySelector("[data-pv-search-list]");
  const texts = JSON.parse(box.getAttribute("data-pv-search-texts"));
  let latest = 0;

  function count(total) {
    if (total === 0) return texts.none;
    return total === 1 ? texts.one : texts.other.replace("#", String(total));
  }

  function show(query, response, pages) {
    meta.textContent = count(response.results.length);
    list.replaceChildren(...exactNamesFirst(pages, query).map(resultItem));
    list.setAttribute("data-query", query); // which query the list answers, as typing runs ahead
  }

  function search(query) {
    const ticket = ++latest;
    if (!query) {
      meta.textContent = texts.empty;
      list.replaceChildren();
      list.removeAttribute("data-query");
      return;
    }
    meta.textContent = texts.loading;
    loadEngine()
      .then((pagefind) => pagefind.search(query))
      .then((response) => {
        if (ticket !== latest) return null;
        return Promise.all(response.results.slice(0, MAX_RESULTS).map((result) => result.data())).then((pages) => {
          if (ticket === latest) show(query, response, pages);
        });
      })
      .catch(() => {
        if (ticket === latest) meta.textContent = texts.error;
      });
  }

  return { list: list, search: search };
}

// The theme's shortcuts: / or s (and f) open the search, Escape closes it, arrow down enters the list.
function bindShortcuts(toggle, input, list, open, close) {
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "Escape" && toggle.checked) {
      close();
      event.preventDefault();
    } else if (target === input && event.key === "ArrowDown") {
      const first = list.querySelector("a");
      if (first) {
        first.focus();
        event.preventDefault();
      }
    } else if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      open();
      input.focus();
    }
  });
  list.addEventListener("keydown", (event) => {
    const links = Array.prototype.slice.call(list.querySelectorAll("a"));
    const index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && index < links.length - 1) links[index + 1].focus();
    else if (event.key === "ArrowUp") (index > 0 ? links[index - 1] : input).focus();
    else return;
    event.preventDefault();
  });
}

export function startSearch() {
  const box = document.querySelector("[data-pv-search]");
  if (!box) return;
  const toggle = document.getElementById("__search");
  const input = box.querySelector(".md-search__input");
  const form = box.querySelector("form");
  const results = createResults(box);

  // Open and close the way the theme does (its setToggle): a click, which fires the change event the
  // theme listens to. On a phone the theme locks the page's scrolling while its full-screen search is
  // open and frees it on that event; setting `checked` alone left the next page locked.
  const setOpen = (wanted) => {
    if (toggle.checked !== wanted) toggle.click();
  };
  const open = () => {
    setOpen(true);
    loadEngine();
  };
  const close = () => {
    setOpen(false);
    input.blur();
  };

  let timer = null;
  input.addEventListener("focus", open);
  input.addEventListener("input", () => {
    open();
    clearTimeout(timer);
    timer = setTimeout(() => results.search(input.value.trim()), 100);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault(); // Enter opens the first result
    const first = results.list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      results.search(input.value.trim());
      input.focus();
    });
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
    else input.blur();
  });
  results.list.addEventListener("click", (event) => {
    if (event.target.closest("a")) close();
  });
  bindShortcuts(toggle, input, results.list, open, close);
}
