/* Site search with Pagefind, in the theme's search field.
 *
 * Nothing of the search index is fetched until the reader focuses the field or presses the
 * keyboard shortcut: then pagefind/pagefind.js loads, and it fetches only the index chunks the
 * query needs. The header is not replaced by instant navigation, so this runs once per visit.
 * A copy opened from file:// cannot load the index this way (no fetch, no module import): the
 * offline copy answers from its own small index instead (zoeken-offline.js). */
(function () {
  "use strict";

  var box = document.querySelector("[data-pv-search]");
  if (!box) return;
  // This script lives at assets/javascripts/ under the site root, wherever the site is published.
  var siteRoot = new URL("../../", document.currentScript.src);
  var toggle = document.getElementById("__search");
  var input = box.querySelector(".md-search__input");
  var form = box.querySelector("form");
  var meta = box.querySelector("[data-pv-search-meta]");
  var list = box.querySelector("[data-pv-search-list]");
  var texts = JSON.parse(box.getAttribute("data-pv-search-texts"));
  var engine = null;
  var latest = 0;
  var MAX_RESULTS = 10;

  function loadEngine() {
    if (!engine && location.protocol === "file:" && window.pvOfflineZoeken) engine = Promise.resolve(window.pvOfflineZoeken(siteRoot));
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pagefind) {
        return pagefind.options({
          baseUrl: siteRoot.pathname,
          excerptLength: 20,
          // Entry pages are all about as long; without this a short page that names a term once
          // outranks the page about it (a partner's name, huisverbod). Overview pages already count less.
          ranking: { pageLength: 0 },
        }).then(function () {
          pagefind.init(); // fetch the Dutch index metadata and WebAssembly while the reader types
          return pagefind;
        });
      });
      engine.catch(function () {
        engine = null; // let a later keystroke try again
      });
    }
    return engine;
  }

  // Pagefind's excerpt is escaped page text with <mark> around the matches: keep only those marks.
  // A textarea decodes the entities of the rest as text, spaces included, and never creates elements.
  var decoder = document.createElement("textarea");
  function excerptNodes(excerpt) {
    var fragment = document.createDocumentFragment();
    excerpt.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      decoder.innerHTML = part;
      var text = document.createTextNode(decoder.value);
      if (inMark) {
        var mark = document.createElement("mark");
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
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("p");
    title.className = "pv-search-title";
    title.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("p");
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
    var wanted = query.toLowerCase().replace(/\s+/g, " ");
    function exact(page) {
      var names = (page.meta && page.meta.namen) || "";
      return names.split("|").indexOf(wanted) !== -1;
    }
    return pages.filter(exact).concat(pages.filter(function (page) { return !exact(page); }));
  }

  function count(total) {
    if (total === 0) return texts.none;
    return total === 1 ? texts.one : texts.other.replace("#", String(total));
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      meta.textContent = texts.empty;
      list.replaceChildren();
      list.removeAttribute("data-query");
      return;
    }
    meta.textContent = texts.loading;
    loadEngine()
      .then(function (pagefind) {
        return pagefind.search(query);
      })
      .then(function (response) {
        if (ticket !== latest) return null;
        return Promise.all(
          response.results.slice(0, MAX_RESULTS).map(function (result) {
            return result.data();
          })
        ).then(function (pages) {
          if (ticket !== latest) return;
          pages = exactNamesFirst(pages, query);
          meta.textContent = count(response.results.length);
          list.replaceChildren.apply(list, pages.map(resultItem));
          list.setAttribute("data-query", query); // which query the list answers, as typing runs ahead
        });
      })
      .catch(function () {
        if (ticket === latest) meta.textContent = texts.error;
      });
  }

  // Open and close the way the theme does (its setToggle): a click, which fires the change event the
  // theme listens to. On a phone the theme locks the page's scrolling while its full-screen search is
  // open and frees it on that event; setting `checked` alone left the next page locked.
  function setOpen(wanted) {
    if (toggle.checked !== wanted) toggle.click();
  }

  function open() {
    setOpen(true);
    loadEngine();
  }

  function close() {
    setOpen(false);
    input.blur();
  }

  var timer = null;
  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    open();
    clearTimeout(timer);
    timer = setTimeout(search, 100);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault(); // Enter opens the first result
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      search();
      input.focus();
    });
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
    else input.blur();
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) close();
  });
  list.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && index < links.length - 1) links[index + 1].focus();
    else if (event.key === "ArrowUp") (index > 0 ? links[index - 1] : input).focus();
    else return;
    event.preventDefault();
  });

  // The theme's shortcuts: / or s (and f) open the search, Escape closes it, arrow down enters the list.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "Escape" && toggle.checked) {
      close();
      event.preventDefault();
    } else if (target === input && event.key === "ArrowDown") {
      var first = list.querySelector("a");
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
})();
