"""The home page: three ways in, the phases of the visie from their vocabulary, the disclaimer."""

from __future__ import annotations

import pytest

from benchmarks.support import DESKTOP, PHONE
from palette_builder.project import Project

from .conftest import FIXTURE, axe_wcag_aa


def test_three_ways_in_come_first_and_lead_to_their_pages(browser, site_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "/")
    cards = page.locator(".pv-start > ul > li")
    assert cards.count() == 3
    targets = cards.locator("h2 a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert targets == ["/palet/", "/verkenner/", "/momenten/"]
    # All three in the first screen, beside each other.
    boxes = [cards.nth(i).bounding_box() for i in range(3)]
    assert all(box["y"] + box["height"] <= DESKTOP["height"] for box in boxes), boxes
    assert len({round(box["y"]) for box in boxes}) == 1
    cards.nth(2).locator("h2 a").click()
    page.wait_for_url("**/momenten/")
    context.close()


def test_the_phases_are_explained_from_their_vocabulary(page, site_url: str) -> None:
    vocabulary = Project(FIXTURE).load().vocabularies
    phases = list(vocabulary["fasen"].values())
    page.goto(site_url + "/")
    cards = page.locator(".pv-phase-card")
    groups = list(dict.fromkeys(phase.group for phase in phases))
    assert cards.locator("h3").all_inner_texts() == [f"{number}. {group}" for number, group in enumerate(groups, 1)]
    text = " ".join(cards.all_inner_texts())
    for phase in phases:
        assert phase.explanation in text, phase.label
        card = cards.filter(has=page.locator("h3", has_text=phase.group))
        # The colour of the group's first phase marks its card; the name is written as well.
        first = next(member for member in phases if member.group == phase.group)
        assert card.evaluate("card => getComputedStyle(card).borderTopColor") == hex_to_rgb(first.colour)
        assert card.locator(f"a[href$='fasen/{phase.id}/']").count() == 1


def hex_to_rgb(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def test_disclaimer_and_one_title(page, site_url: str) -> None:
    page.goto(site_url + "/")
    assert page.locator(".admonition", has_text="Een overzicht, geen advies").is_visible()
    site_name = "Interventiepalet Veiligheid Voorop"  # mkdocs.yml's site_name
    # The header names the site; the page heading says what the page is for, not the name again.
    assert page.locator("h1").count() == 1
    assert site_name not in page.locator("h1").inner_text()
    assert page.title().count(site_name) == 1


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_home_has_no_axe_violations(browser, site_url: str, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")
    results = axe_wcag_aa(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()
