/* Search in the offline copy (opened from file://), where Pagefind cannot fetch its index.
 * zoekindex.js, written by `build_palette.py offline`, sets window.pvZoekindex: each entry's name,
 * abbreviations, aliases, summary and page. This answers zoeken.js with the part of Pagefind's
 * interface it uses: search(query) -> {results: [{data() -> {url, meta, excerpt}}]}. */
(function () {
  "use strict";

  // Lower case, no accents: "Ondertoezichtstelling" and "ondertoezichtstélling" are the same word.
  function plain(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // Pagefind's excerpt format: escaped text with <mark> around the words searched for.
  function excerpt(summary, words) {
    var html = escapeHtml(summary);
    words.forEach(function (word) {
      var pattern = new RegExp("(" + escapeHtml(word).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")", "gi");
      html = html.replace(pattern, "<mark>$1</mark>");
    });
    return html;
  }

  function score(entry, query, words) {
    var names = [entry.naam].concat(entry.afkortingen, entry.ook).map(plain);
    var all = names.join(" ") + " " + plain(entry.samenvatting);
    if (!words.every(function (word) { return all.indexOf(word) !== -1; })) return 0;
    if (names.indexOf(query) !== -1) return 100;
    if (names.some(function (name) { return name.indexOf(query) === 0; })) return 50;
    var inNames = words.filter(function (word) { return names.join(" ").indexOf(word) !== -1; }).length;
    return 1 + inNames * 10;
  }

  window.pvOfflineZoeken = function (siteRoot) {
    var entries = window.pvZoekindex || [];
    return {
      search: function (text) {
        var query = plain(text.trim()).replace(/\s+/g, " ");
        var words = query.split(" ").filter(Boolean);
        var found = entries
          .map(function (entry) { return { entry: entry, score: score(entry, query, words) }; })
          .filter(function (hit) { return hit.score > 0; })
          .sort(function (a, b) { return b.score - a.score || a.entry.naam.localeCompare(b.entry.naam, "nl"); });
        return Promise.resolve({
          results: found.map(function (hit) {
            var entry = hit.entry;
            return {
              data: function () {
                return Promise.resolve({
                  url: new URL(entry.pagina, siteRoot).href,
                  meta: { title: entry.naam, namen: [entry.naam].concat(entry.afkortingen, entry.ook).join("|").toLowerCase() },
                  excerpt: excerpt(entry.samenvatting, text.trim().split(/\s+/)),
                });
              },
            };
          }),
        });
      },
    };
  };
})();
