/* Which entries a selection holds, as the explorer, the cards page and the wegwijzer's outcomes (in the
 * build, facets.matches) count them: within a facet any chosen value, and every chosen facet; the text
 * must hold every word typed. tests/cases/selectie.json holds the cases Python and this are tested on. */

// chosen: { key: [values] } (an empty list chooses nothing); values: { key: [values of the entry] }.
export function matches(chosen, values) {
  return Object.keys(chosen).every((key) => {
    const wanted = chosen[key];
    if (!wanted.length) return true;
    return (values[key] || []).some((value) => wanted.indexOf(value) !== -1);
  });
}

export function words(text) {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

export function hasAllWords(text, terms) {
  return terms.every((term) => text.indexOf(term) !== -1);
}

/* items: [{ text, values: { key: [values] } }]; state: { q, facets: { key: [values] } }.
 * Returns the items that pass, and per facet and value the count the explorer shows beside an option:
 * what the list would hold with that option added (items that pass every other group). */
export function match(items, state, keys) {
  const terms = words(state.q);
  const active = keys.filter((key) => state.facets[key].length > 0);
  const counts = {};
  keys.forEach((key) => {
    counts[key] = {};
  });
  const matched = [];
  items.forEach((item) => {
    if (!hasAllWords(item.text, terms)) return;
    const failed = active.filter((key) => !matches({ [key]: state.facets[key] }, item.values));
    // An item failing exactly one group counts for that group's options only.
    if (failed.length <= 1) {
      keys.forEach((key) => {
        if (failed.length === 1 && failed[0] !== key) return;
        item.values[key].forEach((value) => {
          counts[key][value] = (counts[key][value] || 0) + 1;
        });
      });
    }
    if (failed.length === 0) matched.push(item);
  });
  return { matched: matched, counts: counts };
}
