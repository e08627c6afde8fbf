/* The site's script: every page loads this one bundle (palette_builder/bundle.py joins the modules it
 * imports). What listens on the window or the document starts once; what belongs to a page starts on
 * every page, also after mkdocs-material's instant navigation. */

import { startGlossary } from "./begrippen.js";
import { onEveryPage } from "./dom.js";
import { showCasemap } from "./casusmap.js";
import { showCards } from "./kaarten.js";
import { fixPage, startPageFixes } from "./site.js";
import { showComparison, startComparison } from "./vergelijk.js";
import { showExplorer, startExplorer } from "./verkenner.js";
import { refreshWorkset, startWorkset } from "./werkset.js";
import { startSearch } from "./zoeken.js";

startSearch();
startGlossary();
startPageFixes();
startExplorer();
startWorkset();
startComparison();

onEveryPage(() => {
  fixPage();
  showExplorer();
  showCards();
  refreshWorkset();
  showComparison();
  showCasemap();
});
