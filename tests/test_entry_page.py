"""An entry page answers first: the key facts directly under the title and summary, in a real Chromium."""

from __future__ import annotations

import pytest

from benchmarks.support import DESKTOP, PHONE
from palette_builder.models import Kind, ReviewStatus
from palette_builder.project import Project

from .conftest import FIXTURE, axe_wcag_aa

# Where the block is and what follows the summary, in one round trip per page.
GEOMETRY = """() => {
  const block = document.querySelector('.pv-keyfacts');
  const box = block.getBoundingClientRect();
  const more = document.querySelector('.pv-facts--more').getBoundingClientRect();
  // What follows the summary, past the review badge and the phone's list of sections.
  let next = document.querySelector('.pv-summary').nextElementSibling;
  while (next.matches('details.pv-review-badge, nav.pv-op-pagina')) next = next.nextElementSibling;
  // The six answers of a netwerkoverleg are the block's first rows: where the last of them ends.
  const rows = [...block.querySelectorAll('.pv-keyfacts__row')];
  const six = rows.slice(0, Math.min(6, rows.length)).pop().getBoundingClientRect();
  return {top: box.top + scrollY, bottom: box.bottom + scrollY, moreTop: more.top + scrollY, sixBottom: six.bottom + scrollY,
          afterSummary: next.className,
          labels: [...block.querySelectorAll('dt')].map(dt => dt.textContent.trim())};
}"""


@pytest.fixture(scope="module")
def interventions():
    return Project(FIXTURE).load().interventions


def expected_labels(item) -> list[str]:
    """The order of a netwerkoverleg's questions: on what legal basis, who decides, who requests or starts
    it, how long, what if it is broken, how to object (the last three for a legal measure); then who
    advises and who carries it out, how fast, and what follows."""
    legal = item.kind is Kind.legal_measure
    return [
        "Wettelijke grondslag",
        "Beslist of legt op",
        "Vraagt aan of zet in gang",
        *(["Duur"] if legal or item.duration else []),
        *(["Bij overtreding", "Bezwaar en beroep"] if legal else []),
        *(["Adviseert"] if item.roles.advises else []),
        "Voert uit",
        "Hoe snel",
        "Daarna",
    ]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366x768", "390x844"])
def test_key_facts_are_in_the_first_screen_of_every_entry(browser, site_url: str, interventions, viewport: dict) -> None:
    """At 1366x768 the six answers of a legal measure stand in the first screen; on a phone the block
    starts there, in the same order. Every entry of the fixture, whose made-up entry has the longest
    answers the format allows."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    misplaced = []
    for item in interventions:
        page.goto(f"{site_url}/interventies/{item.id}/", wait_until="load")
        found = page.evaluate(GEOMETRY)
        assert found["afterSummary"] == "pv-facts pv-keyfacts", (item.id, found)
        assert found["labels"] == expected_labels(item), (item.id, found["labels"])
        assert found["moreTop"] >= found["bottom"], f"{item.id}: the lower-value facts come after the key facts"
        edge = found["sixBottom"] if viewport is DESKTOP else found["top"]
        if edge > viewport["height"]:
            misplaced.append(f"{item.id}: {edge:.0f} px")
    context.close()
    assert misplaced == [], f"key facts not in the first {viewport['width']}x{viewport['height']} screen: {misplaced}"


def test_key_facts_name_the_roles_and_link_the_law(page, site_url: str) -> None:
    page.goto(f"{site_url}/interventies/tijdelijk-huisverbod/")
    block = page.locator(".pv-keyfacts")

    def value(label: str):
        return block.locator("dt", has_text=label).locator("xpath=following-sibling::dd[1]")

    assert value("Beslist of legt op").inner_text() == "Burgemeester"
    assert value("Vraagt aan of zet in gang").inner_text().startswith("Politie — ")
    assert value("Adviseert").inner_text() == "Veilig Thuis"
    law = value("Wettelijke grondslag")
    assert "Wet tijdelijk huisverbod (Wth)" in law.inner_text()
    hrefs = law.locator("a:not(.pv-meer)").evaluate_all("links => links.map(a => [a.textContent, a.href])")
    # "meer" leads to the section below that explains the answer.
    assert law.locator("a.pv-meer").evaluate("a => a.href") == f"{site_url}/interventies/tijdelijk-huisverbod/#wettelijke-grondslag"
    assert page.locator("#wettelijke-grondslag").count() == 1
    assert ["art. 2", "https://wetten.overheid.nl/jci1.3:c:BWBR0024649&artikel=2"] in hrefs and len(hrefs) == 4
    assert value("Duur").inner_text().startswith("Tien dagen")
    # Partners are links through the facet, the same as the phase and domain.
    assert value("Voert uit").locator("a").count() == 3
    # The phase moved to the compact facts below the block, still a link.
    phase = page.locator(".pv-facts--more dt", has_text="Fase").locator("xpath=following-sibling::dd[1]")
    assert phase.locator("a.pv-chip").inner_text() == "Veiligheid – acuut"


def test_abbreviations_and_aliases_keep_their_search_weight(page, site_url: str) -> None:
    page.goto(f"{site_url}/interventies/tijdelijk-huisverbod/")
    assert page.locator(".pv-facts--more dd[data-pagefind-weight='10']").inner_text() == "THV"
    assert page.locator(".pv-facts--more dd[data-pagefind-weight='8']").inner_text() == "huisverbod"
    names = page.locator("[data-pagefind-meta^='namen:']").get_attribute("data-pagefind-meta")
    assert names == "namen:tijdelijk huisverbod|thv|huisverbod"


def test_review_status_is_a_badge_with_the_note_one_click_away(browser, site_url: str, interventions) -> None:
    item = next(item for item in interventions if item.review_status is ReviewStatus.needs_review and item.review_note)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/interventies/{item.id}/")
    badge = page.locator("details.pv-review-badge")
    summary = badge.locator("summary")
    assert summary.inner_text().strip().startswith("Nog niet nagekeken")
    assert summary.bounding_box()["height"] < 40, "one compact line, not a paragraph"
    note = badge.get_by_text(item.review_note[:40])
    assert not note.is_visible()
    # The badge is not the first paragraph: the summary comes before it.
    assert page.locator(".pv-summary").bounding_box()["y"] < summary.bounding_box()["y"]
    summary.click()
    assert note.is_visible()
    results = axe_wcag_aa(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_a_checked_entry_has_no_badge(page, site_url: str, interventions) -> None:
    item = next(item for item in interventions if item.review_status is ReviewStatus.reviewed)
    page.goto(f"{site_url}/interventies/{item.id}/")
    assert page.locator(".pv-review-badge").count() == 0


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_entry_page_has_no_axe_violations(browser, site_url: str, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}/interventies/aanhouding-en-inverzekeringstelling/")
    page.wait_for_load_state("networkidle")
    results = axe_wcag_aa(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_the_review_note_is_printed_in_full(page, site_url: str, interventions) -> None:
    item = next(item for item in interventions if item.review_status is ReviewStatus.needs_review and item.review_note)
    page.goto(f"{site_url}/interventies/{item.id}/")
    note = page.locator("details.pv-review-badge").get_by_text(item.review_note[:40])
    assert not note.is_visible()
    page.emulate_media(media="print")
    assert note.is_visible(), "nobody can click the badge open on paper"


# An abbreviation the name already holds was written again after it: "AWARE (AWARE)", "... (CoVa) (CoVa)".
NAMED_TWICE = {"cova": "Cognitieve Vaardigheidstraining (CoVa)", "aware": "AWARE", "terbeschikkingstelling": "Terbeschikkingstelling (tbs)"}


def test_an_abbreviation_in_the_name_is_not_written_again_after_it(page, site_url: str, interventions) -> None:
    by_id = {item.id: item for item in interventions}
    for entry_id, title in NAMED_TWICE.items():
        assert by_id[entry_id].name == title and by_id[entry_id].abbreviations, entry_id  # the data this test is about
        page.goto(f"{site_url}/interventies/{entry_id}/")
        assert page.locator("h1").inner_text().strip() == title
        page.goto(f"{site_url}/kaarten/")
        assert page.locator(f"#kaart-titel-{entry_id}").inner_text().strip() == title
    page.goto(f"{site_url}/verkenner/?zoek=cova")
    assert page.locator("#kaart-cova .pv-card__title").inner_text().strip() == NAMED_TWICE["cova"]
    page.goto(f"{site_url}/vergelijk/?i={','.join(NAMED_TWICE)}")
    page.locator("[data-vergelijk-tabel] table").wait_for()
    assert page.eval_on_selector_all("thead th a", "links => links.map(a => a.textContent)") == list(NAMED_TWICE.values())
    # An abbreviation the name does not hold stays, and the key facts still list every abbreviation.
    page.goto(f"{site_url}/interventies/tijdelijk-huisverbod/")
    assert page.locator("h1").inner_text().strip() == "Tijdelijk huisverbod (THV)"
    page.goto(f"{site_url}/interventies/terbeschikkingstelling/")
    assert "tbs, TBS" in page.locator(".pv-facts--more").inner_text()
