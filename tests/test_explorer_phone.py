"""The explorer on a phone (390x844): results first, filters behind one button, the count in view."""

from __future__ import annotations

import pytest

from benchmarks.support import DESKTOP, PHONE

from .conftest import axe_wcag_aa

IN_VIEW = """(selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def open_explorer(page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}/verkenner/{query}")
    page.wait_for_selector("[data-filters]:not([hidden])")


@pytest.mark.parametrize("query", ["", "?fase=herstelgericht&domein=civiel-recht"])
def test_count_and_first_result_are_in_the_first_phone_screen(phone, site_url: str, query: str) -> None:
    open_explorer(phone, site_url, query)
    assert phone.evaluate(IN_VIEW, "[data-result-count]")
    assert phone.evaluate(IN_VIEW, ".pv-cards > .pv-card:first-child .pv-card__title")
    assert phone.evaluate("window.scrollY") == 0
    # The facets are behind the button until it is used.
    assert not phone.locator("[data-facet=fase]").is_visible()
    assert phone.locator("[data-filter-toggle]").get_attribute("aria-expanded") == "false"


def test_filter_button_counts_active_filters_and_the_count_stays_in_view(phone, site_url: str) -> None:
    open_explorer(phone, site_url)
    toggle = phone.locator("[data-filter-toggle]")
    assert toggle.inner_text().strip() == "Filters" and phone.get_by_role("button", name="Filters", exact=True).is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    phone.locator("input[name=fase][value=herstelgericht]").check()
    assert phone.evaluate(IN_VIEW, "[data-result-count]")
    assert phone.locator("[data-active-total]").inner_text() == "1"
    assert phone.get_by_role("button", name="Filters 1 actief").is_visible()
    # A filter further down the panel: the panel scrolls, the count under it stays on screen.
    phone.locator("[data-facet=doelgroep] summary").click()
    phone.locator("input[name=doelgroep]").last.check()
    count = phone.locator("[data-result-count]").inner_text()
    assert count.endswith("interventies") and " van " in count
    assert phone.evaluate(IN_VIEW, "[data-result-count]"), "the count left the screen after a filter change"
    phone.get_by_label("Zoek op naam, afkorting of trefwoord").fill("a")
    phone.wait_for_function("document.querySelector('[data-active-total]').textContent === '3'")
    assert phone.get_by_role("button", name="Filters 3 actief").is_visible()
    toggle.click()
    assert not phone.locator("[data-facet=fase]").is_visible()


def test_the_open_panel_names_the_filter_groups_below_its_edge(phone, site_url: str) -> None:
    """The panel scrolls within half the screen and could end right after a group, as if that were all."""
    open_explorer(phone, site_url)
    phone.locator("[data-filter-toggle]").click()
    note = phone.locator("[data-more-facets]")
    assert note.is_visible()
    covered = """() => {
      const edge = document.querySelector('[data-more-facets]').getBoundingClientRect().top;
      return [...document.querySelectorAll('[data-facet]')]
        .filter(group => group.querySelector('summary').getBoundingClientRect().bottom > edge + 1).map(group => group.dataset.label);
    }"""
    below = phone.evaluate(covered)
    labels = phone.eval_on_selector_all("[data-facet]", "groups => groups.map(group => group.dataset.label)")
    assert below and below == labels[-len(below) :]
    assert note.inner_text() == "Meer filters hieronder: " + ", ".join(below)
    # Scrolled to its end, every group is in view and the line goes.
    phone.eval_on_selector(".pv-facetlist", "panel => panel.scrollTop = panel.scrollHeight")
    phone.wait_for_function("document.querySelector('[data-more-facets]').hidden")
    # Not on a wide screen, where the filters are not in a scrolling panel.
    phone.set_viewport_size({"width": 1366, "height": 768})
    phone.reload()
    phone.wait_for_selector("[data-filters]:not([hidden])")
    assert note.is_hidden()


def test_a_shared_link_shows_its_number_of_filters_on_the_button(phone, site_url: str) -> None:
    open_explorer(phone, site_url, "?fase=herstelgericht,risicogestuurd&domein=civiel-recht")
    assert phone.locator("[data-active-total]").inner_text() == "3"
    assert not phone.locator("[data-facet=fase]").is_visible()


def test_desktop_keeps_the_filters_beside_the_results(browser, site_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    open_explorer(page, site_url)
    assert not page.locator("[data-filter-toggle]").is_visible()
    facet = page.locator("[data-facet=fase]").bounding_box()
    count = page.locator("[data-result-count]").bounding_box()
    assert facet["x"] + facet["width"] <= count["x"], "filters in a column left of the results"
    assert page.locator("input[name=fase][value=herstelgericht]").is_visible()
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_explorer_has_no_axe_violations(browser, site_url: str, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    open_explorer(page, site_url, "?fase=herstelgericht")
    page.wait_for_load_state("networkidle")
    toggle = page.locator("[data-filter-toggle]")
    if toggle.is_visible():
        toggle.click()  # with the panel open: it scrolls, so it must be reachable by keyboard
    # Cards off screen are laid out lazily (content-visibility: auto): axe reads positions before it
    # scrolls, so it would take the footer for a card's background. Lay every card out once first.
    page.evaluate("document.querySelectorAll('.pv-card').forEach(card => card.scrollIntoView()); scrollTo(0, 0)")
    results = axe_wcag_aa(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()
