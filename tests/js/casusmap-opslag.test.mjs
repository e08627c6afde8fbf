// The casusmap's memory in the browser's storage (docs/assets/javascripts/casusmap-opslag.js).
import test from "node:test";
import assert from "node:assert/strict";
import { createStore, knownIds, sameIds, STORAGE_KEY } from "../../docs/assets/javascripts/casusmap-opslag.js";

function memory(initial) {
  const data = new Map(initial ? [[STORAGE_KEY, initial]] : []);
  return { getItem: (key) => (data.has(key) ? data.get(key) : null), setItem: (key, value) => data.set(key, value), removeItem: (key) => data.delete(key), data };
}

test("an entry added and removed again; an empty map leaves nothing behind", () => {
  const storage = memory();
  const store = createStore(storage);
  assert.deepEqual(store.read(), []);
  assert.deepEqual(store.toggle("thv"), ["thv"]);
  assert.deepEqual(store.toggle("ots"), ["thv", "ots"]);
  assert.equal(storage.data.get(STORAGE_KEY), '["thv","ots"]');
  assert.deepEqual(store.toggle("thv"), ["ots"]);
  store.write([]);
  assert.equal(storage.data.has(STORAGE_KEY), false);
});

test("what is not a list of ids reads as an empty map, or as its ids", () => {
  assert.deepEqual(createStore(memory("{kapot")).read(), []);
  assert.deepEqual(createStore(memory('{"a": 1}')).read(), []);
  assert.deepEqual(createStore(memory('["a", 3, null, "b"]')).read(), ["a", "b"]);
});

test("storage that is switched off reads empty and refuses to write, without an error", () => {
  const off = { getItem: () => { throw new Error("uit"); }, setItem: () => { throw new Error("uit"); }, removeItem: () => { throw new Error("uit"); } };
  const store = createStore(off);
  assert.deepEqual(store.read(), []);
  assert.equal(store.write(["a"]), false);
  assert.deepEqual(store.toggle("a"), []);
});

test("only known entries, each once; the same set in another order is the same map", () => {
  assert.deepEqual(knownIds(["a", "x", "b", "a"], { a: {}, b: {} }), ["a", "b"]);
  assert.equal(sameIds(["a", "b"], ["b", "a"]), true);
  assert.equal(sameIds(["a"], ["a", "b"]), false);
});
