"""Printed material for trainings, printed by Chromium: cards four to an A4 sheet, the palette poster on A3."""

from __future__ import annotations

import io
import math
import re

from pypdf import PdfReader

from palette_builder.project import Project

from .conftest import FIXTURE

A4_PORTRAIT = (595, 842)  # points
A3_LANDSCAPE = (1191, 842)


def pdf_pages(pdf: bytes) -> list[tuple[int, int]]:
    """The size of each page of a PDF as Chromium writes it (one /MediaBox per page object)."""
    assert pdf.startswith(b"%PDF-")
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    boxes = [tuple(round(float(n)) for n in box.split()[2:]) for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)]
    assert len(boxes) == len(pages)
    return boxes


def test_cards_print_four_to_an_a4_sheet(page, site_url: str) -> None:
    total = len(Project(FIXTURE).load().interventions)
    page.goto(f"{site_url}/kaarten/")
    assert page.locator(".pv-kaart").count() == total
    assert pdf_pages(page.pdf(prefer_css_page_size=True)) == [A4_PORTRAIT] * math.ceil(total / 4)
    page.emulate_media(media="print")
    sheets = page.eval_on_selector_all(".pv-vel", "sheets => sheets.map(s => [...s.querySelectorAll('.pv-kaart')].map(c => c.getBoundingClientRect()))")
    assert [len(cards) for cards in sheets[:-1]] == [4] * (len(sheets) - 1)
    for card in sheets[0]:  # A6 (105 x 148 mm at 96 px per inch), edged by the dashed cut line
        assert round(card["width"]) == 397 and round(card["height"]) == 559, card
    assert page.locator(".pv-kaart").first.evaluate("card => getComputedStyle(card).borderTopStyle") == "dashed"


def test_cards_follow_the_explorer_selection(page, site_url: str) -> None:
    items = Project(FIXTURE).load().interventions
    wanted = sorted(item.name for item in items if "herstelgericht" in item.phases and item.domain == "civiel-recht")
    assert 0 < len(wanted) < len(items)
    page.goto(f"{site_url}/kaarten/?fase=herstelgericht&domein=civiel-recht")
    names = page.eval_on_selector_all(".pv-kaart:not([hidden]) .pv-kaart__naam", "names => names.map(n => n.firstChild.textContent.trim())")
    assert sorted(names) == wanted
    assert page.locator("[data-kaarten-status]").inner_text().startswith(f"{len(wanted)} kaart")
    assert pdf_pages(page.pdf(prefer_css_page_size=True)) == [A4_PORTRAIT] * math.ceil(len(wanted) / 4)


def test_a_printed_explorer_says_what_it_was_filtered_on_and_leads_to_its_cards(page, site_url: str) -> None:
    """On paper the filter boxes are gone: the page says what the list holds, and a trainer gets the
    same selection as cards with one click instead of editing the address."""
    palette = Project(FIXTURE).load()
    wanted = sorted(item.name for item in palette.interventions if "herstelgericht" in item.phases and item.domain == "civiel-recht")
    phase, domain = palette.vocabularies["fasen"]["herstelgericht"].label, palette.vocabularies["domeinen"]["civiel-recht"].label
    page.goto(f"{site_url}/verkenner/?fase=herstelgericht&domein=civiel-recht&zoek=de")
    printed = " ".join(" ".join(PdfReader(io.BytesIO(page.pdf())).pages[0].extract_text().split()).split())
    assert f"Gekozen: Fase: {phase}; Domein: {domain}; Zoekwoord: \u201cde\u201d." in printed
    assert "Druk deze interventies af als kaarten" not in printed
    page.goto(f"{site_url}/verkenner/?fase=herstelgericht&domein=civiel-recht")
    assert page.locator("[data-selection]").is_hidden()  # on screen the ticked boxes say it
    page.get_by_role("link", name="Druk deze interventies af als kaarten").click()
    page.wait_for_url("**/kaarten/?fase=herstelgericht&domein=civiel-recht")
    assert card_names(page) == wanted


def card_names(page) -> list[str]:
    return sorted(page.eval_on_selector_all(".pv-kaart .pv-kaart__naam", "names => names.map(n => n.firstChild.textContent.trim())"))


def test_cards_read_the_explorer_address_as_the_explorer_does(page, site_url: str) -> None:
    """A short form, a label or a filter named twice selected no card at all: the page printed nothing."""
    items = Project(FIXTURE).load().interventions
    safety = sorted(item.name for item in items if {"veiligheid-acuut", "veiligheid-langere-termijn"} & set(item.phases))
    civil = sorted(item.name for item in items if item.domain == "civiel-recht")
    two = sorted(item.name for item in items if {"herstelgericht", "risicogestuurd"} & set(item.phases))
    for query, wanted in (("?fase=veiligheid", safety), ("?domein=Civiel+recht", civil), ("?fase=herstelgericht&Fase=risicogestuurd", two)):
        page.goto(f"{site_url}/kaarten/{query}")
        assert card_names(page) == wanted, query
        assert page.locator("[data-kaarten-onbekend]").is_hidden(), query


def test_cards_name_what_the_address_holds_that_is_not_understood(page, site_url: str) -> None:
    items = Project(FIXTURE).load().interventions
    civil = sorted(item.name for item in items if item.domain == "civiel-recht")
    page.goto(f"{site_url}/kaarten/?fase=veiligheidx&domein=civiel-recht&fasen=herstelgericht")
    notice = page.locator("[data-kaarten-onbekend]")
    assert notice.is_visible()
    assert "Fase: \u201cveiligheidx\u201d" in notice.inner_text() and "fasen=herstelgericht" in notice.inner_text()
    assert card_names(page) == civil  # the understood part still applies
    page.emulate_media(media="print")
    assert notice.is_hidden()


def test_a_card_names_who_decides_the_law_and_carries_a_qr_code(page, site_url: str) -> None:
    page.goto(f"{site_url}/kaarten/")
    card = page.locator(".pv-kaart", has=page.locator("#kaart-titel-tijdelijk-huisverbod"))
    text = card.inner_text()
    assert "Veiligheid – acuut" in text and "Burgemeester" in text and "Wth" in text
    assert card.locator("svg.pv-qr__svg").count() == 1


def test_poster_prints_on_one_a3_landscape_sheet(page, site_url: str) -> None:
    page.goto(f"{site_url}/poster/")
    assert pdf_pages(page.pdf(prefer_css_page_size=True)) == [A3_LANDSCAPE]
    page.emulate_media(media="print")
    assert page.locator("h1").inner_text() == "Het interventiepalet"
    assert re.search(r"Gegevens bijgewerkt tot \d+ \w+ \d{4}", page.locator(".pv-poster").inner_text())
    assert page.locator(".pv-poster__qr svg").is_visible()
    entries = len(Project(FIXTURE).load().interventions)
    linked = set(page.eval_on_selector_all(".pv-palette a[href*='/interventies/']", "links => links.map(a => a.getAttribute('href'))"))
    assert len(linked) == entries


def test_a_table_caption_and_header_are_never_printed_without_a_row(page, site_url: str) -> None:
    """The table of checks on an entry page printed its caption and header alone at the foot of a page."""
    page.goto(f"{site_url}/interventies/tijdelijk-huisverbod/")
    first_row = " ".join(page.locator("table.pv-checks tbody td").first.inner_text().split()[:3])
    caption = page.locator("table.pv-checks caption").inner_text()
    # Wherever the table falls on the sheet: a growing space above it moves it through a page break.
    for space in range(0, 1000, 25):
        page.evaluate(
            """space => {
              const table = document.querySelector('table.pv-checks');
              if (!table.previousElementSibling.matches('.test-space')) table.before(Object.assign(document.createElement('div'), {className: 'test-space'}));
              table.previousElementSibling.style.height = space + 'px';
            }""",
            space,
        )
        texts = [" ".join(sheet.extract_text().split()) for sheet in PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages]
        with_caption = [number for number, text in enumerate(texts) if caption in text]
        with_row = [number for number, text in enumerate(texts) if first_row in text]
        assert with_caption[:1] == with_row[:1] and with_caption, (space, with_caption, with_row)
