// Which entries a selection holds (docs/assets/javascripts/selectie.js), on the build's table of cases.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { match, matches } from "../../docs/assets/javascripts/selectie.js";

const table = JSON.parse(readFileSync(new URL("../cases/selectie.json", import.meta.url), "utf-8"));

for (const item of table.gevallen) {
  test(`${JSON.stringify(item.gekozen)} ${item.past ? "holds" : "leaves out"} ${JSON.stringify(item.waarden)}`, () => {
    assert.equal(matches(item.gekozen, item.waarden), item.past);
  });
}

const keys = ["fase", "domein"];
const items = [
  { id: "a", text: "tijdelijk huisverbod burgemeester", values: { fase: ["acuut"], domein: ["bestuur"] } },
  { id: "b", text: "contactverbod", values: { fase: ["acuut", "later"], domein: ["straf"] } },
  { id: "c", text: "ondertoezichtstelling", values: { fase: ["later"], domein: ["civiel"] } },
];

test("the list holds what passes every chosen filter and the text", () => {
  const ids = (state) => match(items, state, keys).matched.map((item) => item.id);
  assert.deepEqual(ids({ q: "", facets: { fase: [], domein: [] } }), ["a", "b", "c"]);
  assert.deepEqual(ids({ q: "", facets: { fase: ["acuut"], domein: [] } }), ["a", "b"]);
  assert.deepEqual(ids({ q: "", facets: { fase: ["acuut"], domein: ["straf", "civiel"] } }), ["b"]);
  assert.deepEqual(ids({ q: "VERBOD", facets: { fase: [], domein: [] } }), ["a", "b"]);
  assert.deepEqual(ids({ q: "huisverbod burgemeester", facets: { fase: [], domein: [] } }), ["a"]);
});

test("an option counts what the list would hold with it added", () => {
  const { counts } = match(items, { q: "", facets: { fase: ["acuut"], domein: ["straf"] } }, keys);
  // Domain options count the entries in phase 'acuut'; phase options those in domain 'straf'.
  assert.deepEqual(counts.domein, { bestuur: 1, straf: 1 });
  assert.deepEqual(counts.fase, { acuut: 1, later: 1 });
});
