"""The palette overview as a grid, in a real Chromium: its size on a laptop, a projector and a phone,
words that stay whole, the phase colours from the vocabulary, and the palette on landscape paper."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from benchmarks.support import PHONE
from palette_builder.project import Project

from .conftest import FIXTURE, axe_wcag_aa, build_and_serve, copy_project
from .test_browser import PAGE_TYPES

LAPTOP = {"width": 1366, "height": 768}
PROJECTOR = {"width": 1280, "height": 720}
A3_LANDSCAPE = (1191, 842)  # points
A4_LANDSCAPE = (842, 595)

# Every piece of text between spaces, real hyphens and slashes must sit on one line: its client rects
# (one per line box it occupies) share one top. Addresses may break anywhere and are left out, as is
# text nobody sees.
BROKEN_WORDS = """
(root) => {
  const broken = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || element.closest('code, pre, script, style, .pv-visually-hidden') || node.data.includes('://')) continue;
    if (!element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;  // e.g. the closed search panel
    for (const match of node.data.matchAll(/[^\\s\\-\\u2010\\u2013\\u00ad\\/]+[\\-\\u2010\\u2013\\u00ad\\/]?/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0 && r.height > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}
"""

# A date ("29 november 2026") on more than one line.
BROKEN_DATES = """
() => [...document.querySelectorAll('time, .pv-datum')]
  .filter(date => date.checkVisibility() && new Set([...date.getClientRects()].map(r => Math.round(r.top))).size > 1)
  .map(date => date.textContent)
"""

# The font size of every piece of text the grid shows.
TEXT_SIZES = """
(root) => {
  const sizes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.data.trim() || element.closest('.pv-visually-hidden') || !element.getClientRects().length) continue;
    sizes.push([node.data.trim(), parseFloat(getComputedStyle(element).fontSize)]);
  }
  return sizes;
}
"""


@pytest.fixture(scope="module")
def palette():
    return Project(FIXTURE).load()


def open_palette(browser, base: str, viewport: dict[str, int], path: str = "/palet/"):
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    return context, page


def grid_box(page) -> dict[str, float]:
    return page.locator("table.pv-palette").bounding_box()


def test_the_whole_grid_fits_in_two_screen_heights_on_a_laptop(browser, site_url: str, palette) -> None:
    context, page = open_palette(browser, site_url, LAPTOP)
    box = grid_box(page)
    linked = set(page.eval_on_selector_all("table.pv-palette a[href*='/interventies/']", "links => links.map(a => a.pathname)"))
    context.close()
    assert len(linked) == len(palette.interventions)
    assert box["height"] <= 2 * LAPTOP["height"], box
    # A grid, not a list: the four phase columns side by side across the page.
    assert box["width"] >= 0.9 * (LAPTOP["width"] - 40), box


def test_grid_text_is_at_least_16px_on_a_projector(browser, site_url: str, palette) -> None:
    context, page = open_palette(browser, site_url, PROJECTOR)
    sizes = page.eval_on_selector("table.pv-palette", TEXT_SIZES)
    context.close()
    # Every entry's link text is measured, not just the headings.
    assert len(sizes) > len(palette.interventions)
    small = [(text, size) for text, size in sizes if size < 16]
    assert small == []


@pytest.mark.parametrize("viewport", [LAPTOP, PROJECTOR, PHONE], ids=["laptop", "projector", "phone"])
def test_no_word_in_the_grid_is_broken_inside_itself(browser, site_url: str, viewport: dict[str, int]) -> None:
    context, page = open_palette(browser, site_url, viewport)
    broken = page.eval_on_selector("table.pv-palette", BROKEN_WORDS)
    # Nor does a word stick out of its cell instead.
    overflowing = page.eval_on_selector_all(
        "table.pv-palette th, table.pv-palette td", "cells => cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText.slice(0, 40))"
    )
    names = page.eval_on_selector_all("table.pv-palette a", "links => links.map(a => a.textContent)")
    context.close()
    # The check sees the long compounds it is meant for.
    assert any("inverzekeringstelling" in name for name in names) and any("ondertoezichtstelling" in name.lower() for name in names)
    assert broken == []
    assert overflowing == []


# Every page type, and entry pages whose title, relations or checks hold long compounds.
SITE_PAGES = [*PAGE_TYPES.values(), "/interventies/aanhouding-en-inverzekeringstelling/", "/interventies/schadevergoedingsmaatregel/",
              "/interventies/gezagsbeeindiging/", "/interventies/emdr/", "/fasen/veiligheid-langere-termijn/", "/wijzigingen/",
              "/vergelijk/?i=aanhouding-en-inverzekeringstelling,schadevergoedingsmaatregel,gezagsbeeindiging,emdr"]  # fmt: skip


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_no_word_on_the_site_is_broken_inside_itself(browser, site_url: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    found = {}
    for path in SITE_PAGES:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        broken = page.evaluate(f"({BROKEN_WORDS})(document.body)") + page.evaluate(BROKEN_DATES)
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if broken or wide > 0:
            found[path] = (broken, wide)
    context.close()
    assert found == {}


def test_on_a_phone_the_grid_is_a_list_per_domain_with_the_phase_written(browser, site_url: str, palette) -> None:
    context, page = open_palette(browser, site_url, PHONE)
    box = grid_box(page)
    headings = page.eval_on_selector_all(".pv-palette__fase", "labels => labels.filter(l => l.offsetParent).map(l => l.textContent)")
    column_headers_shown = page.eval_on_selector_all("table.pv-palette thead th", "cells => cells.filter(c => c.offsetParent).length")
    widest = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert widest <= PHONE["width"]
    assert box["width"] <= PHONE["width"]
    # Before, the table was about 7,000 px tall on a phone; as a list it is a few screens.
    assert box["height"] <= 5 * PHONE["height"], box
    # Every non-empty cell starts with its phase's name.
    phases = {term.label for term in palette.vocabularies["fasen"].values()}
    assert column_headers_shown == 0 and set(headings) == phases and len(headings) >= 10


def pdf_pages(pdf: bytes) -> list[tuple[tuple[int, int], str]]:
    """Each page of a PDF Chromium wrote: its size in points and its text, whitespace made single."""
    reader = PdfReader(io.BytesIO(pdf))
    return [((round(float(p.mediabox.width)), round(float(p.mediabox.height))), " ".join(p.extract_text().split())) for p in reader.pages]


@pytest.mark.parametrize(("paper", "size", "most"), [("A3", A3_LANDSCAPE, 1), ("A4", A4_LANDSCAPE, 2)])
def test_palette_prints_landscape_without_splitting_a_row(page, site_url: str, palette, paper: str, size: tuple[int, int], most: int) -> None:
    page.goto(f"{site_url}/palet/")
    # The paper as the print dialog chooses it; the page's own stylesheet turns it landscape.
    pages = pdf_pages(page.pdf(format=paper, prefer_css_page_size=True))
    assert 1 <= len(pages) <= most
    assert all(abs(box[0] - size[0]) <= 2 and abs(box[1] - size[1]) <= 2 for box, _ in pages), [box for box, _ in pages]
    # A row is one domain: its name and all its entries on one and the same page.
    for domain in palette.vocabularies["domeinen"].values():
        names = [item.name for item in palette.interventions if item.domain == domain.id]
        holding = [number for number, (_, text) in enumerate(pages) if domain.label in text]
        assert len(holding) == 1, (domain.label, holding)
        text = pages[holding[0]][1]
        assert [name for name in names if " ".join(name.split()) not in text] == [], domain.label


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_palette_page_has_no_axe_violations(browser, site_url: str, viewport: dict[str, int]) -> None:
    context, page = open_palette(browser, site_url, viewport)
    results = axe_wcag_aa(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


# -- the phase colour is data ----------------------------------------------------------------------

NEW_COLOUR, NEW_RGB = "#5a2d82", "rgb(90, 45, 130)"


@pytest.fixture(scope="module")
def recoloured(tmp_path_factory: pytest.TempPathFactory):
    """A copy of the project whose first phase has another colour in the vocabulary, built and served."""
    root = copy_project(tmp_path_factory.mktemp("kleur") / "palet")
    path = root / "palette" / "vocabulaires" / "fasen.yaml"
    phases = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = phases[0]
    assert first["kleur"] != NEW_COLOUR
    path.write_text(path.read_text(encoding="utf-8").replace(f'kleur: "{first["kleur"]}"', f'kleur: "{NEW_COLOUR}"', 1), encoding="utf-8")
    site = tmp_path_factory.mktemp("kleur-site") / "site"
    site.mkdir()
    for _, url in build_and_serve(Project(root), site):
        yield first, url


def test_phase_colour_comes_from_the_vocabulary_everywhere(browser, recoloured, palette) -> None:
    phase, base = recoloured
    entry = next(item for item in palette.interventions if phase["id"] in item.phases)
    context = browser.new_context(viewport=LAPTOP, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{base}/palet/")
    header = page.locator("table.pv-palette thead th", has_text=phase["label"])
    assert header.evaluate("th => getComputedStyle(th).backgroundColor") == NEW_RGB
    assert header.evaluate("th => getComputedStyle(th).color") == "rgb(255, 255, 255)"  # the name is written on the colour
    # The first phase is the first column after the domain: the marker of each of its items.
    markers = page.eval_on_selector_all(
        "table.pv-palette tbody td:nth-child(2) .pv-cell > li", "items => items.map(li => getComputedStyle(li, '::before').backgroundColor)"
    )
    assert markers and set(markers) == {NEW_RGB}
    # The same colour on the entry page's phase chip, the explorer's cards and filter, the phase page and the cards to print.
    page.goto(f"{base}/interventies/{entry.id}/")
    chip = page.locator("main a.pv-chip", has_text=phase["label"]).first
    assert chip.evaluate("a => getComputedStyle(a, '::before').backgroundColor") == NEW_RGB
    page.goto(f"{base}/verkenner/")
    tag = page.locator(f"#kaart-{entry.id} .pv-tag", has_text=phase["label"]).first
    assert tag.evaluate("t => getComputedStyle(t, '::before').backgroundColor") == NEW_RGB
    option = page.locator("[data-facet] .pv-option__label", has_text=phase["label"]).first
    assert option.evaluate("o => getComputedStyle(o, '::before').backgroundColor") == NEW_RGB
    page.goto(f"{base}/fasen/{phase['id']}/")
    assert page.locator("h1").evaluate("h => getComputedStyle(h).borderLeftColor") == NEW_RGB
    page.goto(f"{base}/kaarten/")
    assert page.locator(".pv-kaart__fasevlak", has_text=phase["label"]).first.evaluate("s => getComputedStyle(s).backgroundColor") == NEW_RGB
    context.close()


def test_a_phase_colour_without_aa_contrast_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from build_palette import main

    path = project / "palette" / "vocabulaires" / "fasen.yaml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r'kleur: "(#[0-9a-f]{6})"', text)
    assert first
    path.write_text(text.replace(first.group(0), 'kleur: "#f0a0a0"', 1), encoding="utf-8")
    line = text[: first.start()].count("\n") + 1
    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert re.search(rf"palette/vocabulaires/fasen\.yaml:{line}:\d+: .*kleur.*4,5:1", err), err
