/* Search in the offline copy (opened from file://), where Pagefind cannot fetch its index. The data
 * script zoekindex.js, written by `build_palette.py offline`, holds each entry's name, abbreviations,
 * aliases, summary and page. This answers the site search with the part of Pagefind's interface it
 * uses: search(query) -> {results: [{data() -> {url, meta, excerpt}}]}. */

// Lower case, no accents: "Ondertoezichtstelling" and "ondertoezichtstélling" are the same word.
export function plain(text) {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Pagefind's excerpt format: escaped text with <mark> around the words searched for.
export function excerpt(summary, searched) {
  let html = escapeHtml(summary);
  searched.forEach((word) => {
    const pattern = new RegExp("(" + escapeHtml(word).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")", "gi");
    html = html.replace(pattern, "<mark>$1</mark>");
  });
  return html;
}

// 0: no match; 100: a name in full; 50: a name starts with the query; else more for words in names.
export function score(entry, query, words) {
  const names = [entry.naam].concat(entry.afkortingen, entry.ook).map(plain);
  const all = names.join(" ") + " " + plain(entry.samenvatting);
  if (!words.every((word) => all.indexOf(word) !== -1)) return 0;
  if (names.indexOf(query) !== -1) return 100;
  if (names.some((name) => name.indexOf(query) === 0)) return 50;
  const inNames = words.filter((word) => names.join(" ").indexOf(word) !== -1).length;
  return 1 + inNames * 10;
}

export function offlineEngine(entries, siteRoot) {
  function result(entry, text) {
    return {
      data: () => Promise.resolve({
        url: new URL(entry.pagina, siteRoot).href,
        meta: { title: entry.naam, namen: [entry.naam].concat(entry.afkortingen, entry.ook).join("|").toLowerCase() },
        excerpt: excerpt(entry.samenvatting, text.trim().split(/\s+/)),
      }),
    };
  }
  return {
    search: (text) => {
      const query = plain(text.trim()).replace(/\s+/g, " ");
      const words = query.split(" ").filter(Boolean);
      const found = entries
        .map((entry) => ({ entry: entry, score: score(entry, query, words) }))
        .filter((hit) => hit.score > 0)
        .sort((a, b) => b.score - a.score || a.entry.naam.localeCompare(b.entry.naam, "nl"));
      return Promise.resolve({ results: found.map((hit) => result(hit.entry, text)) });
    },
  };
}
