"""Site search (Pagefind) in a real Chromium: ranking, lazy loading, regions, keyboard, contrast, axe.

The selectors are the theme's search classes, which the site's own search keeps.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from benchmarks.support import PHONE, first_load
from palette_builder.project import Project

from .conftest import FIXTURE, axe_wcag_aa, copy_project, open_for_instant_navigation
from .test_browser import PAGE_TYPES

# Query → the entry a professional expects first. Veilig Thuis: the entry about Veilig Thuis itself.
EXPECTED_FIRST = {
    "THV": "tijdelijk-huisverbod",
    "OTS": "ondertoezichtstelling",
    "UHP": "machtiging-uithuisplaatsing",
    "huisverbod": "tijdelijk-huisverbod",
    "gedragsaanwijzing": "gedragsaanwijzing",
    "Veilig Thuis": "inzet-veilig-thuis",
}
SEARCH_FILES = ("/pagefind/", "search_index.json", "/search/", "lunr")


def search(page, query: str) -> list[str]:
    """Type a query into the header search and return the result links' paths, best first."""
    field = page.locator(".md-search__input")
    field.click()
    field.fill("")
    page.keyboard.type(query, delay=20)
    # The list says which query it answers: wait for the whole query, not a result of its first letters.
    page.locator(f"[data-pv-search-list][data-query={json.dumps(query)}] .md-search-result__item").first.wait_for(timeout=20_000)
    return [urlsplit(href).path for href in page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")]


@pytest.mark.parametrize(("query", "entry"), EXPECTED_FIRST.items())
def test_search_returns_the_expected_entry_first(page, site_url: str, query: str, entry: str) -> None:
    for name in ("interventie", "verkenner"):  # the same from any page, the site root found from the script
        page.goto(site_url + PAGE_TYPES[name])
        results = search(page, query)
        assert results[0] == f"/interventies/{entry}/", results[:5]


def test_a_deciders_name_finds_what_it_decides_first(page, site_url: str) -> None:
    """ "kinderrechter": the entries the kinderrechter decides, before any other page. They name the
    kinderrechter equally often, so Pagefind scores them the same and their order among themselves
    is the order they reached the index; which of them comes first is not a promise."""
    decided = {f"/interventies/{item.id}/" for item in Project(FIXTURE).load().interventions if "kinderrechter" in item.roles.decides}
    assert len(decided) >= 2
    page.goto(site_url + PAGE_TYPES["interventie"])
    results = search(page, "kinderrechter")
    assert set(results[: len(decided)]) == decided, results[:6]


@pytest.mark.parametrize("query", ["THV", "OTS", "huisverbod", "veldnaam", "yaml-taalserver"])
def test_format_page_is_not_in_the_search_results(page, site_url: str, query: str) -> None:
    page.goto(site_url + "/")
    field = page.locator(".md-search__input")
    field.click()
    page.keyboard.type(query, delay=20)
    page.wait_for_function("() => !/Zoeken…|initiali/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=20_000)
    page.wait_for_timeout(300)
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert not [link for link in links if "/formaat/" in link], links


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_search_index_is_fetched_until_the_search_field_is_used(page, site_url: str, name: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)  # reading, scrolling: still nothing
    page.wait_for_timeout(200)
    assert [url for url in requests if any(part in url for part in SEARCH_FILES)] == []
    if name in ("home", "verkenner"):
        page.locator(".md-search__input").focus()
        page.wait_for_load_state("networkidle")
        assert any(url.endswith("/pagefind/pagefind.js") for url in requests)
        search(page, "huisverbod")
        assert any("/pagefind/index/" in url for url in requests)
        assert [url for url in requests if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))] == []


def test_keyboard_opens_searches_and_closes(page, site_url: str) -> None:
    page.goto(site_url + "/palet/")
    page.keyboard.press("/")
    field = page.locator(".md-search__input")
    assert field.evaluate("field => field === document.activeElement")
    assert page.locator("#__search").is_checked()
    page.keyboard.type("THV", delay=20)
    page.locator('[data-pv-search-list][data-query="THV"] .md-search-result__item').first.wait_for(timeout=20_000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("/interventies/tijdelijk-huisverbod/")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    page.locator("main h1").first.click()  # a spot without a link, so the page stays
    page.keyboard.press("s")
    assert field.evaluate("field => field === document.activeElement")
    page.keyboard.press("Enter")  # Enter opens the first result
    page.wait_for_url("**/interventies/tijdelijk-huisverbod/")


# What decides whether a page scrolls: the theme's lock on the body, and the search toggle.
SCROLL_STATE = """() => ({y: scrollY, locked: document.body.hasAttribute('data-md-scrolllock'), top: document.body.style.top,
  search: document.getElementById('__search').checked, url: location.href, height: document.documentElement.scrollHeight})"""


def swipe_up(page, distance: int = 600) -> None:
    """A finger moving up the screen: touch events through Chromium's input pipeline, as a phone sends
    them (not a wheel event or a script's scroll call)."""
    session = page.context.new_cdp_session(page)
    x, y, steps = 195, 700, 12
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, steps + 1):
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - distance * step / steps}]})
        page.wait_for_timeout(16)
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    session.detach()
    # Let the fling come to rest, as a reader does before the next tap (a tap during a fling only stops it).
    page.wait_for_function("() => new Promise(done => { const y = scrollY; setTimeout(() => done(scrollY === y), 150); })", polling=200, timeout=5_000)


def test_on_a_phone_the_entry_scrolls_after_a_search_result_is_tapped(browser, site_url: str) -> None:
    """Search on a phone, tap a result: the entry opens and the reader can scroll it at once.

    The theme locks the page's scrolling while its full-screen search is open and frees it only when
    the search closes the way the theme closes it; a result tap that closed it otherwise left the new
    page locked until a reload."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="nl-NL")
    page = context.new_page()
    try:
        open_for_instant_navigation(page, site_url + "/")
        page.tap("label.md-header__button[for=__search]")
        page.locator(".md-search__input").wait_for(state="visible")
        page.keyboard.type("ondertoezichtstelling", delay=20)
        first = page.locator('[data-pv-search-list][data-query="ondertoezichtstelling"] .md-search-result__link').first
        first.wait_for(timeout=20_000)
        first.tap()
        page.wait_for_url("**/interventies/ondertoezichtstelling/")
        page.locator("main h1").wait_for()
        page.wait_for_timeout(600)  # longer than the theme's delays for locking and unlocking
        assert page.evaluate("window.scrollY") == 0
        swipe_up(page)
        assert page.evaluate("window.scrollY") > 200, page.evaluate(SCROLL_STATE)
        # Reading on, then the next search: the same again from a scrolled page.
        page.tap("label.md-header__button[for=__search]")
        page.locator(".md-search__input").wait_for(state="visible")
        # The field still holds the last query: select it and type over it.
        page.locator(".md-search__input").select_text()
        page.keyboard.type("THV", delay=20)
        expect(page.locator(".md-search__input")).to_have_value("THV")
        first = page.locator('[data-pv-search-list][data-query="THV"] .md-search-result__link').first
        first.wait_for(timeout=20_000)
        first.tap()
        page.wait_for_url("**/interventies/tijdelijk-huisverbod/")
        page.wait_for_timeout(600)
        before = page.evaluate("window.scrollY")
        swipe_up(page)
        assert page.evaluate("window.scrollY") > before + 200, page.evaluate(SCROLL_STATE)
    finally:
        context.close()


def test_typing_in_the_explorers_text_filter_does_not_open_the_search(page, site_url: str) -> None:
    page.goto(site_url + "/verkenner/")
    page.wait_for_selector("[data-filters]:not([hidden])")
    text_filter = page.locator("[data-filters] input[type=search], [data-filters] input[type=text]").first
    text_filter.click()
    page.keyboard.type("s/", delay=20)
    assert text_filter.evaluate("field => field === document.activeElement")
    assert not page.locator("#__search").is_checked()


CONTRAST = """element => {
    // The colour of the text and the colour behind it, composed over white through every ancestor.
    const parse = value => { const [r, g, b, a = 1] = value.match(/[\\d.]+/g).map(Number); return [r, g, b, a]; };
    const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
    const layers = [];
    for (let node = element; node; node = node.parentElement) layers.push(parse(getComputedStyle(node).backgroundColor));
    const background = layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
    const text = over(parse(getComputedStyle(element).color), background);
    const luminance = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
}"""


def test_result_highlight_and_meta_line_meet_wcag_aa_contrast(page, site_url: str) -> None:
    page.goto(site_url + "/")
    search(page, "huisverbod")
    highlight = page.locator(".md-search-result mark").first
    meta = page.locator(".md-search-result__meta")
    excerpt = page.locator(".md-search-result__article p").last
    for element in (highlight, meta, excerpt):
        assert element.evaluate(CONTRAST) >= 4.5, element.evaluate("e => e.outerHTML")
    highlight.hover()  # also on the hovered result's tinted background
    assert page.locator(".md-search-result__link:hover mark").first.evaluate(CONTRAST) >= 4.5


@pytest.mark.parametrize("width", [1280, 400])
def test_no_axe_violations_with_the_results_open(browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + "/interventies/")
    if width < 600:  # on a phone the search opens from the header button
        page.locator("label.md-header__button[for=__search]").click()
    search(page, "huisverbod")
    results = axe_wcag_aa(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_search_results_show_page_text_as_text(page, site_url: str, built_site: Path) -> None:
    """Result titles and excerpts are built as text nodes: only Pagefind's <mark> becomes markup."""
    page.goto(site_url + "/")
    search(page, "huisverbod")
    tags = page.eval_on_selector_all(".md-search-result__article *", "nodes => [...new Set(nodes.map(n => n.tagName))]")
    assert set(tags) <= {"P", "MARK"}
    # The spaces around a highlighted word survive ("het huisverbod nog", not "huisverbodnog"):
    # the palette has no word that starts with "huisverbod" and goes on.
    excerpts = page.eval_on_selector_all(".md-search-result__article p:last-child", "ps => ps.map(p => p.textContent)")
    assert excerpts and not [text for text in excerpts if re.search(r"huisverbod\w", text, re.IGNORECASE)], excerpts


def test_explorer_first_load_stays_within_100_kb_gzip(browser, site_url: str, built_site: Path) -> None:
    """Every file fetched until load, gzipped: a byte budget, not a timing."""
    context = browser.new_context()
    sizes = first_load(context.new_page(), site_url + "/verkenner/", built_site)
    context.close()
    report = "\n".join(f"{size / 1024:6.1f} KB  {path}" for path, size in sorted(sizes.items(), key=lambda item: -item[1]))
    assert not [path for path in sizes if any(part in path for part in SEARCH_FILES)], report
    assert sum(sizes.values()) <= 100 * 1024, report


def test_search_in_a_region_build_finds_the_regions_own_entry(page, region_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(region_url + "/interventies/")
    assert search(page, "buurtaanpak")[0] == "/interventies/voorbeeld-buurtaanpak/"
    assert search(page, "VBA")[0] == "/interventies/voorbeeld-buurtaanpak/"
    assert [url for url in requests if not url.startswith(region_url) and not url.startswith(("data:", "blob:"))] == []


@pytest.mark.slow
def test_the_plugin_indexes_a_built_site_and_reports_a_failure_clearly(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    from palette_builder.search import PagefindPlugin

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<html lang="nl"><body><main data-pagefind-body><h1>Tijdelijk huisverbod</h1></main></body></html>', encoding="utf-8")
    PagefindPlugin().on_post_build(config=type("Config", (), {"site_dir": str(site)})())
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert any(path.name.startswith("wasm.nl") for path in (site / "pagefind").iterdir())  # Dutch, from lang="nl"
    empty = tmp_path / "leeg"
    empty.mkdir()
    with pytest.raises(PluginError, match="Pagefind kon de zoekindex niet maken"):
        PagefindPlugin().on_post_build(config=type("Config", (), {"site_dir": str(empty)})())


@pytest.mark.slow
def test_a_failing_search_index_fails_the_build_clearly_and_keeps_the_last_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path / "project")
    assert Project(root).build() == 0
    index = root / "site" / "index.html"
    before = index.read_bytes()
    broken = tmp_path / "pagefind"  # a stand-in for Pagefind's binary that fails
    broken.write_text("#!/bin/sh\necho 'kapot' >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken))
    capsys.readouterr()

    assert Project(root).build() == 1

    err = capsys.readouterr().err
    assert "Pagefind kon de zoekindex niet maken" in err and "kapot" in err and "de vorige site is ongewijzigd" in err
    assert "Traceback" not in err
    assert index.read_bytes() == before
    assert (root / "site" / "pagefind" / "pagefind.js").is_file()
