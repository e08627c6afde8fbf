/* What the page scripts share: making elements, starting on every page, and the data scripts. */

// A new element with attributes ("text" sets its text, never HTML) and children.
export function el(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.keys(attributes || {}).forEach((name) => {
    if (name === "text") node.textContent = attributes[name];
    else node.setAttribute(name, attributes[name]);
  });
  (children || []).forEach((child) => {
    if (child) node.appendChild(child);
  });
  return node;
}

// mkdocs-material's instant navigation swaps pages without a reload; its document$ emits on each page.
export function onEveryPage(start) {
  if (typeof window.document$ !== "undefined") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}

// The site's one global namespace: the data scripts the build writes (vergelijk/gegevens.js, and the
// offline copy's zoekindex.js) put their data here.
export function siteData() {
  window.pv = window.pv || {};
  return window.pv;
}

// The data a page needs, from the data script at `src`: at once when it has run, else once it has
// loaded. The script is added once; a second page asking for it waits for the same load.
const loading = {};
export function withData(name, src, use) {
  if (siteData()[name]) {
    use(siteData()[name]);
    return;
  }
  if (!loading[src]) {
    loading[src] = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  loading[src].then(() => use(siteData()[name]), () => {});
}

// From the file system a folder is not a page: link its index.html (the offline copy).
export function pageSuffix() {
  return window.location.protocol === "file:" ? "index.html" : "";
}

// The address of this page with another query.
export function withQuery(query) {
  return window.location.pathname + query + window.location.hash;
}

export function currentAddress() {
  return window.location.pathname + window.location.search + window.location.hash;
}
