"""The site in a real Chromium: filters, shareable URLs, instant navigation, print, privacy, axe (search: test_search.py)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from benchmarks.support import PHONE
from palette_builder.facets import FACETS_BY_KEY, Card
from palette_builder.project import Project

from .conftest import FIXTURE, axe_wcag_aa, open_for_instant_navigation

PAGE_TYPES = {
    "home": "/",
    "palet": "/palet/",
    "verkenner": "/verkenner/",
    "interventie": "/interventies/tijdelijk-huisverbod/",
    "fase": "/fasen/herstelgericht/",
    "domein": "/domeinen/civiel-recht/",
    "moment": "/momenten/samen-op-in-acuut/",
    "a-z": "/interventies/",
    "formaat": "/formaat/",
    "open data": "/data/",
    "kaarten": "/kaarten/",
    "poster": "/poster/",
    "toegankelijkheid": "/toegankelijkheid/",
    "privacy": "/privacy/",
    "regio": "/regio/",
    "wegwijzer": "/wegwijzer/",
    "wegwijzer-vraag": "/wegwijzer/acute-onveiligheid/",
    "wegwijzer-uitkomst": "/wegwijzer/samen-op-in-acuut/",
    "partners": "/partners/",
    "partner": "/partners/burgemeester/",
    "vergelijk": "/vergelijk/?i=tijdelijk-huisverbod,gedragsaanwijzing,contactverbod",
    "casusmap": "/casusmap/?i=tijdelijk-huisverbod,gedragsaanwijzing",
    "404": "/404.html",
}


@pytest.fixture(scope="module")
def interventions():
    return Project(FIXTURE).load().interventions


def expected_ids(interventions, **facets: list[str]) -> set[str]:
    """The entries the explorer should show: read through the facets' own declaration."""
    return {item.id for item in interventions if all(set(wanted) & set(FACETS_BY_KEY[key].values(Card(item))) for key, wanted in facets.items())}


def visible_ids(page) -> set[str]:
    return set(page.eval_on_selector_all(".pv-card:not([hidden])", "cards => cards.map(c => c.id.replace('kaart-', ''))"))


def option(page, facet: str, value: str):
    """A filter checkbox, checked to be labelled: its accessible name starts with the option's label."""
    box = page.locator(f"input[name='{facet}'][value='{value}']")
    assert box.evaluate("box => box.labels.length") == 1
    return box


def open_explorer(page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}/verkenner/{query}")
    page.wait_for_selector("[data-filters]:not([hidden])")


def test_filters_narrow_the_list_and_update_counts(page, site_url: str, interventions) -> None:
    open_explorer(page, site_url)
    assert len(visible_ids(page)) == len(interventions)

    option(page, "fase", "herstelgericht").check()
    expected = expected_ids(interventions, fase=["herstelgericht"])
    assert visible_ids(page) == expected
    assert page.locator("[role=status]").inner_text() == f"{len(expected)} van {len(interventions)} interventies"
    # Each domain option counts what the list would hold with that option added.
    civil = expected_ids(interventions, fase=["herstelgericht"], domein=["civiel-recht"])
    assert page.locator("[data-count-for='domein:civiel-recht']").inner_text() == str(len(civil))

    option(page, "domein", "civiel-recht").check()
    assert visible_ids(page) == civil
    # Within a group: or. Adding a second phase widens the list.
    option(page, "fase", "risicogestuurd").check()
    assert visible_ids(page) == expected_ids(interventions, fase=["herstelgericht", "risicogestuurd"], domein=["civiel-recht"])


def test_text_filter_finds_abbreviation_and_alias(page, site_url: str) -> None:
    open_explorer(page, site_url)
    page.get_by_label("Zoek op naam, afkorting of trefwoord").fill("thv")
    page.wait_for_function("document.querySelector('[role=status]').textContent.includes(' van ')")
    assert "tijdelijk-huisverbod" in visible_ids(page)
    page.get_by_label("Zoek op naam, afkorting of trefwoord").fill("DTS")  # the source's misspelling of OTS
    page.wait_for_function("document.querySelector('#kaart-ondertoezichtstelling') && !document.querySelector('#kaart-tijdelijk-huisverbod')")
    assert "ondertoezichtstelling" in visible_ids(page)
    assert "zoek=DTS" in page.url


def test_filter_state_lives_in_the_url_with_reload_back_and_forward(page, site_url: str, interventions) -> None:
    open_explorer(page, site_url)
    option(page, "fase", "herstelgericht").check()
    option(page, "domein", "civiel-recht").check()
    assert urlparse(page.url).query == "fase=herstelgericht&domein=civiel-recht"
    both = expected_ids(interventions, fase=["herstelgericht"], domein=["civiel-recht"])

    page.reload()
    page.wait_for_selector("[data-filters]:not([hidden])")
    assert visible_ids(page) == both
    assert option(page, "domein", "civiel-recht").is_checked()

    page.go_back()
    page.wait_for_function("!location.search.includes('domein')")
    assert visible_ids(page) == expected_ids(interventions, fase=["herstelgericht"])
    assert not option(page, "domein", "civiel-recht").is_checked()

    page.go_forward()
    page.wait_for_function("location.search.includes('domein')")
    assert visible_ids(page) == both


def test_a_trainers_link_opens_the_same_view_in_a_fresh_browser(browser, site_url: str, interventions) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/verkenner/?fase=herstelgericht&domein=civiel-recht")
    page.wait_for_selector("[data-filters]:not([hidden])")
    expected = expected_ids(interventions, fase=["herstelgericht"], domein=["civiel-recht"])
    assert expected and visible_ids(page) == expected
    assert option(page, "fase", "herstelgericht").is_checked()
    context.close()


def test_long_results_show_a_page_at_a_time(page, site_url: str, interventions) -> None:
    size = 10  # a page of the list, smaller than the fixture palette, so the list has three pages

    def smaller_pages(route) -> None:
        html = route.fetch().text().replace('data-page-size="100"', f'data-page-size="{size}"')
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    assert len(interventions) > 2 * size
    page.route("**/verkenner/", smaller_pages)
    open_explorer(page, site_url)
    assert len(visible_ids(page)) == size
    more = page.get_by_role("button", name=re.compile(r"Toon meer \(nog \d+\)"))
    assert more.inner_text() == f"Toon meer (nog {len(interventions) - size})"
    more.click()
    assert len(visible_ids(page)) == 2 * size
    option(page, "fase", "veiligheid-acuut").check()  # a new filter starts again at one page
    expected = expected_ids(interventions, fase=["veiligheid-acuut"])
    assert len(expected) > size
    assert len(visible_ids(page)) == size and visible_ids(page) <= expected
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert visible_ids(page) == expected


def test_filters_work_after_instant_navigation(page, site_url: str, interventions) -> None:
    open_for_instant_navigation(page, f"{site_url}/")
    page.evaluate("window.notReloaded = true")
    page.locator(".md-tabs__link", has_text="Verkenner").click()
    page.wait_for_url("**/verkenner/")
    page.wait_for_selector("[data-filters]:not([hidden])")
    assert page.evaluate("window.notReloaded === true"), "the theme reloaded the page instead of navigating instantly"
    option(page, "domein", "strafrecht").check()
    assert visible_ids(page) == expected_ids(interventions, domein=["strafrecht"])


def test_print_handler_runs_once_after_repeated_instant_navigation(page, site_url: str) -> None:
    """Each instant navigation to the explorer makes a new explorer; its window listeners must not pile up."""
    page.add_init_script(
        """
        window.printHandlerRuns = 0;
        const counted = new WeakMap();  // so that removing a listener (the theme does) still works
        const add = EventTarget.prototype.addEventListener;
        const remove = EventTarget.prototype.removeEventListener;
        EventTarget.prototype.addEventListener = function (type, listener, options) {
          if (this === window && type === "beforeprint" && typeof listener === "function") {
            const original = listener;
            if (!counted.has(original)) {
              counted.set(original, function (event) { window.printHandlerRuns += 1; return original.call(this, event); });
            }
            listener = counted.get(original);
          }
          return add.call(this, type, listener, options);
        };
        EventTarget.prototype.removeEventListener = function (type, listener, options) {
          return remove.call(this, type, (typeof listener === "function" && counted.get(listener)) || listener, options);
        };
        """
    )

    def print_handler_runs() -> int:
        return page.evaluate("() => { window.printHandlerRuns = 0; window.dispatchEvent(new Event('beforeprint')); return window.printHandlerRuns; }")

    open_for_instant_navigation(page, f"{site_url}/")
    page.evaluate("window.notReloaded = true")
    runs = []
    for _ in range(3):
        page.locator(".md-tabs__link", has_text="Verkenner").click()
        page.wait_for_url("**/verkenner/")
        page.wait_for_selector("[data-filters]:not([hidden])")
        runs.append(print_handler_runs())
        page.locator(".md-tabs__link", has_text="Home").click()
        page.wait_for_url(f"{site_url}/")
    assert page.evaluate("window.notReloaded === true"), "the theme reloaded the page instead of navigating instantly"
    assert runs[0] >= 1 and runs == [runs[0]] * 3, f"print handlers run per visit: {runs}"


def test_phase_link_on_an_intervention_page_opens_the_filtered_explorer(page, site_url: str, interventions) -> None:
    page.goto(f"{site_url}/interventies/ondertoezichtstelling/")
    page.locator(".pv-facts a.pv-chip", has_text="Herstelgericht").click()
    page.wait_for_url("**/verkenner/?fase=herstelgericht")
    page.wait_for_selector("[data-filters]:not([hidden])")
    assert visible_ids(page) == expected_ids(interventions, fase=["herstelgericht"])


def test_filters_are_keyboard_operable(page, site_url: str, interventions) -> None:
    open_explorer(page, site_url)
    option(page, "domein", "bestuursrecht").focus()
    page.keyboard.press("Space")
    assert visible_ids(page) == expected_ids(interventions, domein=["bestuursrecht"])
    assert page.locator("[role=status][aria-live=polite]").count() == 1


def test_without_javascript_the_explorer_lists_everything(browser, site_url: str, interventions) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/verkenner/?fase=herstelgericht")
    assert page.locator(".pv-card").count() == len(interventions)
    assert not page.locator("[data-filters]").is_visible()
    assert page.get_by_role("link", name="Tijdelijk huisverbod").first.is_visible()
    context.close()


@pytest.mark.parametrize("path", ["/interventies/tijdelijk-huisverbod/", "/palet/", "/verkenner/?fase=veiligheid-acuut"])
def test_print_shows_content_address_and_link_urls_without_navigation(page, site_url: str, path: str, interventions) -> None:
    page.goto(site_url + path)
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"]:
        if page.locator(selector).count():
            assert not page.locator(selector).first.is_visible(), selector
    if "verkenner" in path:
        assert not page.locator("[data-filters]").is_visible()
        # The printed list is the filtered one, not the whole palette.
        acute = expected_ids(interventions, fase=["veiligheid-acuut"])
        assert 0 < len(acute) < len(interventions)
        assert set(page.eval_on_selector_all(".pv-card", "cards => cards.filter(c => c.offsetParent !== null).map(c => c.id.replace('kaart-', ''))")) == acute
    footer = page.locator(".pv-print-only")
    assert footer.is_visible()
    assert site_url + path in footer.inner_text()
    assert re.search(r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}", footer.inner_text())
    if "interventies" in path:
        shown = page.eval_on_selector(".pv-sources a", "a => getComputedStyle(a, '::after').content")
        assert "https://" in shown
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 1


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_request_leaves_the_site(page, site_url: str, name: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    if name == "home":  # searching loads Pagefind, its WebAssembly and index chunks (tests/test_search.py has the rest)
        page.locator(".md-search__input").click()
        page.keyboard.type("huisverbod", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    outside = [url for url in requests if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))]
    assert requests and outside == []


@pytest.mark.parametrize("name", list(PAGE_TYPES))
@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_no_axe_violations_wcag21_aa(page, site_url: str, name: str, viewport: dict[str, int] | None) -> None:
    if viewport:
        page.set_viewport_size(viewport)
    page.goto(site_url + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    results = axe_wcag_aa(page)
    assert results.violations_count == 0, results.generate_report()
