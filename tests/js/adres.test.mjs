// The explorer's address and the links to the comparison and the casusmap, as the scripts read and
// write them (docs/assets/javascripts/adres.js). The same cases as the browser tests and the build.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { explorerQuery, idsQuery, linkedIds, readExplorerAddress, slug } from "../../docs/assets/javascripts/adres.js";

const table = JSON.parse(readFileSync(new URL("../cases/verkenner-adres.json", import.meta.url), "utf-8"));

// A page with every filter, as the explorer's page gives them; the options of a few.
function config() {
  const options = Object.fromEntries(table.sleutels.map((key) => [key, []]));
  options.fase = ["veiligheid-acuut", "veiligheid-langere-termijn", "risicogestuurd", "herstelgericht"];
  options.domein = ["strafrecht", "bestuursrecht", "civiel-recht", "sociale-interventies"];
  options.beslist = ["burgemeester", "kinderrechter"];
  options.moment = ["actieoverleg", "samen-op-in-acuut"];
  const labels = Object.fromEntries(table.sleutels.map((key) => [key, key[0].toUpperCase() + key.slice(1)]));
  return {
    keys: table.sleutels,
    options: options,
    shortForms: { fase: { veiligheid: ["veiligheid-acuut", "veiligheid-langere-termijn"], acuut: ["veiligheid-acuut"] }, domein: {} },
    labels: labels,
    textParam: table.tekstparameter,
    oldTextParam: "q",
  };
}

function selection(state) {
  return Object.fromEntries(Object.entries(state.facets).filter(([, values]) => values.length));
}

for (const item of table.gevallen) {
  test(`writes and reads ${item.adres || "(leeg)"} as the build does`, () => {
    const state = { q: item.tekst, facets: Object.fromEntries(table.sleutels.map((key) => [key, item.selectie[key] || []])), unknown: [] };
    assert.equal(explorerQuery(config(), state), item.adres);
    const read = readExplorerAddress(config(), item.adres);
    assert.deepEqual(selection(read), item.selectie);
    assert.equal(read.q, item.tekst);
    assert.deepEqual(read.unknown, []);
  });
}

test("a filter named twice, in capitals, or with values in another order reads as one", () => {
  const read = readExplorerAddress(config(), "?FASE=herstelgericht&fase=veiligheid-acuut,herstelgericht");
  assert.deepEqual(read.facets.fase, ["veiligheid-acuut", "herstelgericht"]); // in the order of the options
});

test("short forms, labels in other spelling and a '+' between values", () => {
  assert.deepEqual(readExplorerAddress(config(), "?fase=veiligheid").facets.fase, ["veiligheid-acuut", "veiligheid-langere-termijn"]);
  assert.deepEqual(readExplorerAddress(config(), "?domein=Civiel recht").facets.domein, ["civiel-recht"]);
  assert.deepEqual(readExplorerAddress(config(), "?domein=Civiel+recht").facets.domein, ["civiel-recht"]);
  assert.deepEqual(readExplorerAddress(config(), "?domein=strafrecht+bestuursrecht").facets.domein, ["strafrecht", "bestuursrecht"]);
  assert.deepEqual(readExplorerAddress(config(), "?fase=Acuut").facets.fase, ["veiligheid-acuut"]);
});

test("what is not understood is named, not dropped silently", () => {
  const read = readExplorerAddress(config(), "?fase=onbekend,herstelgericht&kleur=rood&x");
  assert.deepEqual(read.facets.fase, ["herstelgericht"]);
  assert.deepEqual(read.unknown, ["\u201ckleur=rood\u201d", "\u201cx\u201d", "Fase: \u201conbekend\u201d"]);
});

test("the text filter, and the ?q= of older links", () => {
  assert.equal(readExplorerAddress(config(), "?zoek=%20huisverbod%20").q, "huisverbod");
  assert.equal(readExplorerAddress(config(), "?q=ots").q, "ots");
  assert.equal(readExplorerAddress(config(), "?zoek=thv&q=ots").q, "thv");
  assert.deepEqual(readExplorerAddress(config(), "?q=ots").unknown, []);
});

test("slug: lower case, no accents, words joined by a hyphen", () => {
  assert.equal(slug(" Beëindiging van het Gezag "), "beeindiging-van-het-gezag");
  assert.equal(slug("Veiligheid – acuut"), "veiligheid-acuut");
});

const items = { "tijdelijk-huisverbod": {}, ondertoezichtstelling: {}, contactverbod: {} };
const short = { thv: "tijdelijk-huisverbod", ots: "ondertoezichtstelling" };

test("linked entries: ?i=a,b and ?i=a&i=b, each once, in their order", () => {
  assert.deepEqual(linkedIds("?i=contactverbod,tijdelijk-huisverbod", items, short).ids, ["contactverbod", "tijdelijk-huisverbod"]);
  assert.deepEqual(linkedIds("?i=contactverbod&i=ondertoezichtstelling,contactverbod", items, short).ids, ["contactverbod", "ondertoezichtstelling"]);
  assert.deepEqual(linkedIds("?i=contactverbod+ondertoezichtstelling", items, short).ids, ["contactverbod", "ondertoezichtstelling"]);
});

test("linked entries by their short link, in any case", () => {
  const found = linkedIds("?i=THV,ots,Ots", items, short);
  assert.deepEqual(found.ids, ["tijdelijk-huisverbod", "ondertoezichtstelling"]);
  assert.deepEqual(found.unknown, []);
});

test("an unknown entry and another parameter are named", () => {
  const found = linkedIds("?i=bestaat-niet,contactverbod&id=x", items, short);
  assert.deepEqual(found, { given: true, ids: ["contactverbod"], unknown: ["bestaat-niet"], foreign: ["\u201cid=x\u201d"] });
  assert.equal(linkedIds("?x=1", items, short).given, false);
});

test("the address of a set of entries", () => {
  assert.equal(idsQuery(["a", "b"]), "?i=a,b");
  assert.equal(idsQuery([]), "");
});
