// The search of the offline copy (docs/assets/javascripts/zoeken-offline.js).
import test from "node:test";
import assert from "node:assert/strict";
import { excerpt, offlineEngine, plain } from "../../docs/assets/javascripts/zoeken-offline.js";

const entries = [
  { naam: "Tijdelijk huisverbod", afkortingen: ["THV"], ook: ["huisverbod"], samenvatting: "De burgemeester verbiedt iemand <thuis> te komen.", pagina: "interventies/tijdelijk-huisverbod/index.html" },
  { naam: "Contactverbod", afkortingen: [], ook: [], samenvatting: "Geen contact met het slachtoffer, ook niet na een huisverbod.", pagina: "interventies/contactverbod/index.html" },
];
const root = new URL("file:///palet/");

async function titles(query) {
  const response = await offlineEngine(entries, root).search(query);
  return Promise.all(response.results.map((result) => result.data().then((data) => data.meta.title)));
}

test("a name, abbreviation or alias in full comes first", async () => {
  assert.deepEqual(await titles("THV"), ["Tijdelijk huisverbod"]);
  assert.deepEqual(await titles("huisverbod"), ["Tijdelijk huisverbod", "Contactverbod"]);
  assert.deepEqual(await titles("slachtoffer"), ["Contactverbod"]);
  assert.deepEqual(await titles("niets"), []);
});

test("results link to the page in the copy and mark the words, with the summary as text", async () => {
  const [first] = (await offlineEngine(entries, root).search("burgemeester")).results;
  const data = await first.data();
  assert.equal(data.url, "file:///palet/interventies/tijdelijk-huisverbod/index.html");
  assert.equal(data.excerpt, "De <mark>burgemeester</mark> verbiedt iemand &lt;thuis&gt; te komen.");
});

test("accents and capitals do not matter", () => {
  assert.equal(plain("Beëindiging"), "beeindiging");
  assert.equal(excerpt("a.b", ["."]), "a<mark>.</mark>b");
});
