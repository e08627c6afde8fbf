/* The casusmap's memory: a list of entry ids in this browser's storage (nothing else, no free text).
 * `storage` is window.localStorage in the page, a stand-in in the tests. A storage that is switched off
 * or full reads as an empty map and refuses to write, without an error. */

export const STORAGE_KEY = "pv-casusmap";

export function createStore(storage) {
  function read() {
    try {
      const ids = JSON.parse(storage.getItem(STORAGE_KEY) || "[]");
      return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
    } catch (error) {
      return []; // storage switched off or unreadable: an empty map
    }
  }

  function write(ids) {
    try {
      if (ids.length) storage.setItem(STORAGE_KEY, JSON.stringify(ids));
      else storage.removeItem(STORAGE_KEY);
      return true;
    } catch (error) {
      return false;
    }
  }

  // Add an entry that is not in the map, remove one that is; the map as it is now.
  function toggle(id) {
    const ids = read();
    const at = ids.indexOf(id);
    if (at === -1) ids.push(id);
    else ids.splice(at, 1);
    write(ids);
    return read();
  }

  return { read: read, write: write, toggle: toggle };
}

// The ids of `ids` that the data knows, each once, in their order.
export function knownIds(ids, items) {
  return ids.filter((id, at) => Object.prototype.hasOwnProperty.call(items, id) && ids.indexOf(id) === at);
}

export function sameIds(a, b) {
  return a.length === b.length && a.every((id) => b.indexOf(id) !== -1);
}
