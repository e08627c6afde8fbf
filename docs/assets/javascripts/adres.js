/* The addresses the site's pages read and write: the explorer's filters (?fase=a,b&domein=c&zoek=tekst),
 * which the cards page reads the same way, and the entries a link to the comparison or the casusmap
 * names (?i=a,b). Pure functions of the address; no page is touched here.
 *
 * The explorer writes its address as the build writes explorer links (facets.explorer_query in Python):
 * facets in their order, values joined by commas, then the text. tests/cases/verkenner-adres.json holds
 * the cases both are tested against. */

// Lower case, no accents, words joined by "-": the same as slug() in the build (dutch.py).
export function slug(text) {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

export function splitValues(text) {
  return text ? text.split(/[ ,]+/).filter(Boolean) : [];
}

function has(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

// A hand-typed value: an exact value, the same in other spelling, or a short form (a phase group, a
// label or abbreviation that names one value). null when it is not understood.
function lookup(config, key, raw) {
  const values = config.options[key];
  if (values.indexOf(raw) !== -1) return [raw];
  const normal = slug(raw);
  if (values.indexOf(normal) !== -1) return [normal];
  if (has(config.shortForms[key] || {}, normal)) return config.shortForms[key][normal];
  return null;
}

// Values are separated by commas; a space separates values too (a "+" in an address), unless the
// words together are a label ("Civiel recht"). What is not understood is reported, not dropped.
function resolve(config, key, raw, unknown) {
  const whole = lookup(config, key, raw.trim());
  if (whole) return whole;
  let found = [];
  splitValues(raw).forEach((part) => {
    const values = lookup(config, key, part);
    if (values) found = found.concat(values);
    else unknown.push(config.labels[key] + ": \u201c" + part + "\u201d");
  });
  return found;
}

/* The explorer's address <-> a selection { q: text, facets: { key: [values] }, unknown: [...] }.
 * config: { keys, options: { key: [values in order] }, shortForms, labels, textParam, oldTextParam } */
export function readExplorerAddress(config, search) {
  const params = new URLSearchParams(search);
  // Older shared links carry the text as ?q=; the page renames it before the theme (whose search also
  // reads ?q=) sees it, so it is read here as a fallback only.
  const text = params.get(config.textParam) || params.get(config.oldTextParam) || "";
  const state = { q: text.trim(), facets: {}, unknown: [] };
  // A filter named twice (?fase=a&fase=b, as a form writes it) or in capitals counts in full; a
  // parameter that is no filter is named in the notice, so a mistyped link never shows all silently.
  const given = {};
  params.forEach((value, name) => {
    const key = name.toLowerCase();
    if (config.keys.indexOf(key) !== -1) given[key] = (given[key] ? given[key] + "," : "") + value;
    else if (name !== config.textParam && name !== config.oldTextParam) state.unknown.push("\u201c" + name + (value ? "=" + value : "") + "\u201d");
  });
  config.keys.forEach((key) => {
    const chosen = [];
    (given[key] || "").split(",").filter((raw) => raw.trim()).forEach((raw) => {
      resolve(config, key, raw, state.unknown).forEach((value) => {
        if (chosen.indexOf(value) === -1) chosen.push(value);
      });
    });
    // In the order of the options, as a click would write them.
    state.facets[key] = config.options[key].filter((value) => chosen.indexOf(value) !== -1);
  });
  return state;
}

export function explorerQuery(config, state) {
  const params = new URLSearchParams();
  config.keys.forEach((key) => {
    if (state.facets[key] && state.facets[key].length) params.set(key, state.facets[key].join(","));
  });
  if (state.q) params.set(config.textParam, state.q);
  const query = params.toString().replace(/%2C/g, ",");
  return query ? "?" + query : "";
}

/* The entries a link to the comparison or the casusmap names (?i=a,b, also ?i=a&i=b), each an id or a
 * short link's name in any case (thv, OTS), checked against the data: `items` (id -> entry) and `short`
 * (short link -> id). Other parameters are returned too, so a mistyped link can say why it shows nothing. */
export function linkedIds(search, items, short) {
  const params = new URLSearchParams(search);
  const found = { given: params.has("i"), ids: [], unknown: [], foreign: [] };
  params.forEach((value, name) => {
    if (name !== "i") found.foreign.push("\u201c" + name + (value ? "=" + value : "") + "\u201d");
  });
  params.getAll("i").join(",").split(/[ ,]+/).filter(Boolean).forEach((given) => {
    const lower = given.toLowerCase();
    const id = has(items, given) ? given : has(short, lower) ? short[lower] : null;
    if (!id) found.unknown.push(given);
    else if (found.ids.indexOf(id) === -1) found.ids.push(id);
  });
  return found;
}

// The address of a page that shows these entries: ?i=a,b (nothing for none).
export function idsQuery(ids) {
  return ids.length ? "?i=" + ids.join(",") : "";
}
