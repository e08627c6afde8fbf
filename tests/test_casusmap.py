"""The casusmap /casusmap/ in a real Chromium: chosen on entry pages and explorer cards, kept on
reload, shared as a link, emptied, printed on one sheet, no free-text field, nothing fetched elsewhere."""

from __future__ import annotations

import re

import pytest

from palette_builder.project import Project

from .conftest import FIXTURE, axe_wcag_aa
from .test_printables import A4_PORTRAIT, pdf_pages

TWO = ["tijdelijk-huisverbod", "ondertoezichtstelling"]


@pytest.fixture(scope="module")
def entries():
    return {item.id: item for item in Project(FIXTURE).load().interventions}


def local_only(page, site_url: str) -> list[str]:
    """Route every request of the page and record it; the test asserts they all stay on the site."""
    requests: list[str] = []

    def record(route) -> None:
        requests.append(route.request.url)
        route.continue_()

    page.route("**/*", record)
    return requests


def add_from_entry_page(page, site_url: str, entry_id: str) -> None:
    page.goto(f"{site_url}/interventies/{entry_id}/")
    button = page.locator(f"[data-casusmap-knop={entry_id}]")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert "In casusmap" in button.inner_text()


def shown(page) -> list[str]:
    page.locator("[data-casusmap-status]").filter(has_text=re.compile(r"\S")).wait_for()
    return page.eval_on_selector_all(".pv-casusmap__item", "items => items.map(item => item.dataset.id)")


def test_two_added_from_their_pages_are_kept_and_shared(browser, site_url: str, entries) -> None:
    for entry_id in TWO:
        assert (FIXTURE / "palette" / "landelijk" / f"{entry_id}.yaml").exists(), entry_id
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    requests = local_only(page, site_url)
    for entry_id in TWO:
        add_from_entry_page(page, site_url, entry_id)
    page.goto(f"{site_url}/casusmap/")
    assert sorted(shown(page)) == sorted(TWO)
    page.reload()
    assert sorted(shown(page)) == sorted(TWO)
    # Grouped by phase, with who decides and who carries out.
    for entry_id in TWO:
        item = entries[entry_id]
        card = page.locator(f".pv-casusmap__item[data-id={entry_id}]")
        section = page.locator(".pv-casusmap__fase", has=card)
        assert section.locator("h2").inner_text() == Project(FIXTURE).load().vocabularies.label("fasen", item.phases[0])
        facts = card.locator("dl").inner_text()
        assert "Beslist" in facts and "Voert uit" in facts
    # The selection is in the address: a fresh browser with that link shows the same two.
    link = page.url
    assert re.search(r"\?i=[a-z-]+,[a-z-]+$", link)
    assert page.locator("[data-casusmap-adres]").inner_text() == link
    # Back on an entry page, the button says the entry is in the map.
    page.goto(f"{site_url}/interventies/{TWO[0]}/")
    assert page.locator(f"[data-casusmap-knop={TWO[0]}]").get_attribute("aria-pressed") == "true"
    context.close()

    fresh = browser.new_context(locale="nl-NL")
    other = fresh.new_page()
    other_requests = local_only(other, site_url)
    other.goto(link)
    assert sorted(shown(other)) == sorted(TWO)
    other.wait_for_load_state("networkidle")
    fresh.close()
    outside = [url for url in requests + other_requests if not url.startswith(site_url + "/")]
    assert requests and outside == []


def test_a_shared_link_does_not_overwrite_ones_own_map_unasked(browser, site_url: str) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    add_from_entry_page(page, site_url, "contactverbod")
    page.goto(f"{site_url}/casusmap/?i={','.join(TWO)}")
    assert sorted(shown(page)) == sorted(TWO)
    assert "andere selectie" in page.locator("[data-casusmap-melding]").inner_text()
    page.get_by_role("button", name="Toon mijn eigen casusmap").click()
    assert shown(page) == ["contactverbod"]
    assert page.url.endswith("?i=contactverbod")
    page.goto(f"{site_url}/casusmap/?i={','.join(TWO)}")
    page.get_by_role("button", name="Neem deze selectie over").click()
    page.goto(f"{site_url}/casusmap/")
    assert sorted(shown(page)) == sorted(TWO)
    context.close()


@pytest.mark.parametrize("query", ["?i=bestaat-niet", "?i="])
def test_a_link_without_a_known_entry_leaves_ones_own_map_in_view(browser, site_url: str, query: str) -> None:
    """Such a link once showed an empty map said to be a shared selection, and offered to take it over:
    one click emptied the reader's own map."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    add_from_entry_page(page, site_url, "contactverbod")
    page.goto(f"{site_url}/casusmap/{query}")
    assert shown(page) == ["contactverbod"]
    assert page.get_by_role("button", name="Neem deze selectie over").count() == 0
    assert "andere selectie" not in page.locator("[data-casusmap-melding]").inner_text()
    assert page.url.endswith("/casusmap/?i=contactverbod")
    context.close()


def test_explorer_cards_add_and_the_map_can_be_emptied(page, site_url: str) -> None:
    page.goto(f"{site_url}/verkenner/")
    button = page.locator("[data-casusmap-knop=contactverbod]")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    page.locator("[data-casusmap-knop=gedragsaanwijzing]").click()
    page.goto(f"{site_url}/casusmap/")
    assert sorted(shown(page)) == ["contactverbod", "gedragsaanwijzing"]
    compare = page.locator("[data-casusmap-vergelijk]")
    assert compare.is_visible() and re.search(r"vergelijk/\?i=contactverbod,gedragsaanwijzing$", compare.get_attribute("href"))
    page.get_by_role("button", name="Haal weg: Contactverbod").click()
    assert shown(page) == ["gedragsaanwijzing"]
    page.get_by_role("button", name="Casusmap leegmaken").click()
    assert shown(page) == []
    assert "leeggemaakt" in page.locator("[data-casusmap-status]").inner_text()
    page.reload()
    assert shown(page) == []
    assert page.url.endswith("/casusmap/")
    assert page.evaluate("localStorage.length") == 0


def test_no_free_text_field_and_the_page_says_so(page, site_url: str) -> None:
    page.goto(f"{site_url}/casusmap/?i={','.join(TWO)}")
    shown(page)
    # The site search in the header is the only text field; the casusmap itself has none.
    assert page.locator(".md-content").locator("input:not([type=checkbox]):not([type=radio]), textarea, [contenteditable]").count() == 0
    text = page.locator("article").inner_text()
    assert "geen veld om tekst in te typen" in text
    assert "alleen in het webadres en in de opslag van deze browser" in text
    assert "geen advies in een individuele situatie" in text


def test_prints_as_one_sheet_without_controls(page, site_url: str, entries) -> None:
    # Ten entries, a full table at a netwerkoverleg, fit one A4 sheet.
    chosen = ["tijdelijk-huisverbod", "gedragsaanwijzing", "contactverbod", "ondertoezichtstelling", "vrouwenopvang", "multifocus"]
    chosen += ["families-first", "signs-of-safety", "taakstraf", "bewaring"]
    assert all((FIXTURE / "palette" / "landelijk" / f"{entry_id}.yaml").exists() for entry_id in chosen)
    page.goto(f"{site_url}/casusmap/?i={','.join(chosen)}")
    assert len(shown(page)) == len(chosen)
    assert pdf_pages(page.pdf(prefer_css_page_size=True)) == [A4_PORTRAIT]
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Casusmap leegmaken").is_visible()
    assert page.locator(".pv-casusmap__item").first.is_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_no_axe_violations(browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{site_url}/casusmap/?i={','.join(TWO)}")
    shown(page)
    page.wait_for_load_state("networkidle")
    results = axe_wcag_aa(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_an_unknown_id_in_a_shared_link_is_named_and_left_out(page, site_url: str) -> None:
    page.goto(f"{site_url}/casusmap/?i=tijdelijk-huisverbod,bestaat-niet")
    assert shown(page) == ["tijdelijk-huisverbod"]
    message = page.locator("[data-casusmap-melding]")
    assert message.is_visible() and "bestaat-niet" in message.inner_text() and "Onbekende interventie" in message.inner_text()
    assert page.url.endswith("/casusmap/?i=tijdelijk-huisverbod")


def test_ids_given_as_repeated_parameters_are_all_shown(page, site_url: str) -> None:
    page.goto(f"{site_url}/casusmap/?" + "&".join(f"i={entry_id}" for entry_id in TWO))
    assert sorted(shown(page)) == sorted(TWO)
    assert page.url.endswith(f"/casusmap/?i={','.join(TWO)}")


def test_entries_named_by_their_short_link_are_shown_by_id(page, site_url: str) -> None:
    from palette_builder.short_links import short_links

    named = [(item.id, name) for item in Project(FIXTURE).load().interventions for _, name in short_links(item)][:2]
    page.goto(f"{site_url}/casusmap/?i={named[0][1].upper()},{named[1][1]}")
    assert sorted(shown(page)) == sorted(entry_id for entry_id, _ in named)
    assert page.url.endswith("/casusmap/?i=" + ",".join(entry_id for entry_id, _ in named))
    assert page.locator("[data-casusmap-melding]").is_hidden()


def test_a_parameter_other_than_i_is_named_and_left_out(page, site_url: str) -> None:
    page.goto(f"{site_url}/casusmap/?id=tijdelijk-huisverbod&i=contactverbod")
    assert shown(page) == ["contactverbod"]
    message = page.locator("[data-casusmap-melding]")
    assert message.is_visible() and "Niet begrepen in het webadres" in message.inner_text() and "id=tijdelijk-huisverbod" in message.inner_text()
    assert page.url.endswith("/casusmap/?i=contactverbod")


def test_instant_navigation_between_the_two_pages_runs_each_pages_own_script(page, site_url: str) -> None:
    """Instant navigation runs a page's scripts again; the data script once called the script of the
    page the reader came from, which failed on the new page (a JavaScript error, see the page fixture)."""
    page.goto(f"{site_url}/interventies/tijdelijk-huisverbod/")
    page.locator("[data-casusmap-knop=tijdelijk-huisverbod]").click()
    page.get_by_role("link", name="Naar de casusmap (1)").click()
    assert shown(page) == ["tijdelijk-huisverbod"]
    page.locator(".md-tabs a", has_text="Werkset").click()  # its first page: Vergelijken
    page.locator("[data-vergelijk-status]").filter(has_text="Nog geen").wait_for()
    page.go_back()
    assert shown(page) == ["tijdelijk-huisverbod"]
    page.wait_for_timeout(300)  # a late error still reaches the page fixture's check
