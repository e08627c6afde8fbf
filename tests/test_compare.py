"""The comparison /vergelijk/ in a real Chromium: side by side, differences marked, A4 landscape on
paper, unknown ids named, reachable from entry pages and the explorer, nothing fetched elsewhere."""

from __future__ import annotations

import re

import pytest

from benchmarks.support import PHONE
from palette_builder.project import Project

from .conftest import FIXTURE, axe_wcag_aa
from .test_offline import offline_zip, unzipped  # noqa: F401 - the offline copy, built once for this module
from .test_printables import pdf_pages

A4_LANDSCAPE = (842, 595)  # points
THREE = ["tijdelijk-huisverbod", "gedragsaanwijzing", "contactverbod"]


@pytest.fixture(scope="module")
def palette():
    return Project(FIXTURE).load()


def test_three_interventions_side_by_side_with_their_legal_bases(page, site_url: str, palette) -> None:
    for entry_id in THREE:
        assert (FIXTURE / "palette" / "landelijk" / f"{entry_id}.yaml").exists(), entry_id
    page.goto(f"{site_url}/vergelijk/?i={','.join(THREE)}")
    table = page.locator("table.pv-vergelijk__table")
    table.wait_for()
    items = {item.id: item for item in palette.interventions}
    laws = palette.vocabularies["wetten"]
    columns = table.locator("thead th")
    assert columns.count() == 3
    for column, entry_id in enumerate(THREE):
        item = items[entry_id]
        header = columns.nth(column)
        assert header.locator("a").inner_text().startswith(item.name)
        assert header.locator("a").get_attribute("href").endswith(f"interventies/{entry_id}/")
        # Column column+1 of the legal-basis row: every article of the entry, linked to the law.
        cell = table.locator("tr[data-veld=grondslag] td").nth(column)
        links = cell.locator("a")
        assert links.count() == len(item.legal_basis) > 0
        for index, basis in enumerate(item.legal_basis):
            law = laws[basis.law]
            link = links.nth(index)
            assert link.inner_text() == f"Artikel {basis.article} {law.abbreviation}"
            assert link.get_attribute("href") == (basis.url or law.article_url(basis.article))
            assert law.label in cell.inner_text()
        summary = table.locator("tr[data-veld=samenvatting] td").nth(column)
        assert summary.inner_text() == item.summary
    # Every row is one field; a row that differs says so in words, not by colour alone.
    rows = table.locator("tbody tr")
    fields = page.evaluate("window.pv.werkset.rijen.map((row) => row[0])")
    assert rows.evaluate_all("rows => rows.map(row => row.dataset.veld)") == fields
    assert {"grondslag", "in_gang_zetten", "duur", "bij_overtreding", "bezwaar_en_beroep", "vraagt-aan", "adviseert"} <= set(fields)
    differing = table.locator("tbody tr.pv-verschil")
    assert 0 < differing.count() < rows.count()
    for index in range(differing.count()):
        assert "verschilt" in differing.nth(index).locator("th").inner_text().lower()
    # The summaries differ; the three share the same phase, so that row is marked equal.
    assert "verschilt" in table.locator("tr[data-veld=samenvatting] th").inner_text().lower()
    same_phase = len({tuple(items[entry_id].phases) for entry_id in THREE}) == 1
    assert ("gelijk" if same_phase else "verschilt") in table.locator("tr[data-veld=fasen] th").inner_text().lower()


def test_only_differences_and_removing_a_column(page, site_url: str) -> None:
    page.goto(f"{site_url}/vergelijk/?i={','.join(THREE)}")
    page.locator("table.pv-vergelijk__table").wait_for()
    equal = page.locator("tbody tr.pv-gelijk")
    assert equal.count() > 0 and equal.first.is_visible()
    page.get_by_label("Toon alleen de rijen die verschillen").check()
    assert not equal.first.is_visible()
    page.get_by_role("button", name="Haal weg: Gedragsaanwijzing").click()
    assert page.locator("thead th").count() == 2
    assert page.url.endswith("?i=tijdelijk-huisverbod,contactverbod")
    page.get_by_label("Voeg een interventie toe").select_option("gedragsaanwijzing")
    page.get_by_role("button", name="Toevoegen").click()
    assert page.url.endswith("?i=tijdelijk-huisverbod,contactverbod,gedragsaanwijzing")
    assert page.locator("thead th").count() == 3


def test_on_a_phone_the_table_scrolls_sideways_with_the_row_names_in_view(browser, site_url: str, palette) -> None:
    """Four entries do not fit 390 px with whole words: the table scrolls inside its own box, the page
    does not, and the row names stay put while the columns pass under them."""
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    ids = ["aanhouding-en-inverzekeringstelling", "schadevergoedingsmaatregel", "gezagsbeeindiging", "tijdelijk-huisverbod"]
    page.goto(f"{site_url}/vergelijk/?i={','.join(ids)}")
    holder = page.locator("[data-vergelijk-tabel]")
    holder.locator("table").wait_for()
    assert page.get_by_text("Schuif de tabel opzij").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert holder.evaluate("box => box.scrollWidth > box.clientWidth + 100")
    row_name = page.locator("tr[data-veld=grondslag] th")
    before = row_name.bounding_box()
    # The keyboard reaches the box and scrolls it, as a finger would.
    assert holder.get_attribute("role") == "region" and holder.get_attribute("tabindex") == "0"
    holder.focus()
    for _ in range(40):
        page.keyboard.press("ArrowRight")
    at_the_end = "() => { const box = document.querySelector('[data-vergelijk-tabel]'); return box.scrollLeft >= box.scrollWidth - box.clientWidth - 1; }"
    page.wait_for_function(at_the_end)
    after = row_name.bounding_box()
    last = page.locator("thead th").nth(len(ids) - 1)
    last_box = last.bounding_box()
    context.close()
    # (A few pixels at most: half the differing row's collapsed left border tucks under the box's edge.)
    assert abs(after["x"] - before["x"]) <= 4 and after["width"] == before["width"]
    # The last column has come into view beside the row names.
    assert after["x"] + after["width"] <= last_box["x"] + 1 and last_box["x"] + last_box["width"] <= PHONE["width"]


@pytest.mark.parametrize("count", [3, 4])
def test_prints_on_one_a4_landscape_page(page, site_url: str, count: int) -> None:
    ids = [*THREE, "locatiegebod-en-locatieverbod"][:count]
    assert (FIXTURE / "palette" / "landelijk" / f"{ids[-1]}.yaml").exists()
    page.goto(f"{site_url}/vergelijk/?i={','.join(ids)}")
    page.locator("table.pv-vergelijk__table").wait_for()
    assert pdf_pages(page.pdf(prefer_css_page_size=True)) == [A4_LANDSCAPE]
    page.emulate_media(media="print")
    assert not page.locator(".pv-vergelijk__kies").is_visible()
    assert not page.get_by_role("button", name=re.compile("Haal weg")).first.is_visible()


def test_unknown_ids_get_a_visible_dutch_message(page, site_url: str) -> None:
    page.goto(f"{site_url}/vergelijk/?i=tijdelijk-huisverbod,bestaat-niet")
    message = page.locator("[data-vergelijk-melding]")
    message.wait_for()
    assert message.is_visible()
    assert "Onbekende interventie" in message.inner_text() and "bestaat-niet" in message.inner_text()
    assert page.locator("thead th").count() == 1
    assert "Kies nog minstens één interventie" in page.locator("[data-vergelijk-status]").inner_text()


def test_ids_given_as_repeated_parameters_are_all_compared(page, site_url: str) -> None:
    page.goto(f"{site_url}/vergelijk/?" + "&".join(f"i={entry_id}" for entry_id in THREE))
    page.locator("[data-vergelijk-tabel] table").wait_for()
    assert page.locator("thead th").count() == len(THREE)
    assert page.locator("[data-vergelijk-status]").inner_text().startswith(f"{len(THREE)} interventies naast elkaar")


def test_entries_named_by_their_short_link_are_compared(page, site_url: str, palette) -> None:
    """A trainer types what is on the slide: /vergelijk/?i=THV,ots."""
    from palette_builder.short_links import short_links

    named = [(item.id, name) for item in palette.interventions for _, name in short_links(item)][:2]
    assert len(named) == 2
    page.goto(f"{site_url}/vergelijk/?i={named[0][1].upper()},{named[1][1]}")
    page.locator("[data-vergelijk-tabel] table").wait_for()
    links = page.eval_on_selector_all("thead th a", "links => links.map(a => a.getAttribute('href'))")
    assert [href.rstrip("/").rsplit("/", 1)[-1] for href in links] == [entry_id for entry_id, _ in named]
    assert page.locator("[data-vergelijk-melding]").is_hidden()


def test_a_parameter_other_than_i_is_named_not_ignored(page, site_url: str) -> None:
    page.goto(f"{site_url}/vergelijk/?ids={','.join(THREE)}")
    message = page.locator("[data-vergelijk-melding]")
    message.wait_for()
    assert "Niet begrepen in het webadres" in message.inner_text() and f"ids={','.join(THREE)}" in message.inner_text()


def test_reachable_from_an_entry_page_with_related_suggestions(page, site_url: str, palette) -> None:
    page.goto(f"{site_url}/interventies/tijdelijk-huisverbod/")
    page.get_by_text("Vergelijk met …").click()
    suggestions = page.locator(".pv-werkset__vergelijk li a")
    assert suggestions.count() > 0
    first = suggestions.first
    name = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/vergelijk/\?i=tijdelijk-huisverbod,"))
    headers = page.locator("thead th a")
    headers.nth(1).wait_for()
    assert headers.nth(0).inner_text().startswith("Tijdelijk huisverbod")
    assert headers.nth(1).inner_text().startswith(name)


def test_reachable_from_the_explorer_by_ticking_cards(page, site_url: str) -> None:
    page.goto(f"{site_url}/verkenner/")
    bar = page.locator("[data-vergelijkbalk]")
    assert not bar.is_visible()
    page.get_by_label("Vergelijk Tijdelijk huisverbod").check()
    assert bar.is_visible() and page.locator("[data-vergelijkbalk-link]").get_attribute("href") is None
    page.get_by_label("Vergelijk Contactverbod", exact=True).check()
    link = page.locator("[data-vergelijkbalk-link]")
    assert link.get_attribute("href").endswith("vergelijk/?i=tijdelijk-huisverbod,contactverbod")
    link.click()
    page.wait_for_url(re.compile(r"/vergelijk/\?i=tijdelijk-huisverbod,contactverbod$"))
    page.locator("table.pv-vergelijk__table").wait_for()
    assert page.locator("thead th").count() == 2


def test_without_javascript_the_page_explains_how_to_choose(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/vergelijk/?i={','.join(THREE)}")
    text = page.locator("article").inner_text()
    assert "Voor het vergelijken is JavaScript nodig" in text and "Vergelijk met" in text
    assert page.get_by_role("link", name="verkenner").first.is_visible()
    assert not page.locator("[data-vergelijk-kies]").is_visible()
    context.close()


def test_no_request_leaves_the_site(page, site_url: str) -> None:
    requests: list[str] = []

    def record(route) -> None:
        requests.append(route.request.url)
        route.continue_()

    page.route("**/*", record)
    page.goto(f"{site_url}/vergelijk/?i={','.join(THREE)}")
    page.locator("table.pv-vergelijk__table").wait_for()
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/vergelijk/gegevens.js") for url in requests)
    assert [url for url in requests if not url.startswith(site_url + "/")] == []


@pytest.mark.parametrize("width", [1280, 390])
def test_no_axe_violations(browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{site_url}/vergelijk/?i={','.join(THREE)}")
    page.locator("table.pv-vergelijk__table").wait_for()
    page.wait_for_load_state("networkidle")
    results = axe_wcag_aa(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.slow
def test_a_region_build_compares_its_own_offer_and_not_what_it_hides(tmp_path) -> None:
    """The data of both pages follows the build: a region's own entry and partner are in it, an
    offer the region hides is not, not even as a related entry of another."""
    from palette_builder.kit import Site
    from palette_builder.pages.workset import DATA_SCRIPT, workset_data

    from .conftest import copy_project
    from .test_regions import with_region

    root = with_region(copy_project(tmp_path / "kopie"))
    project = Project(root, region="limburg")
    data = workset_data(Site(project.load(), project.selection, root))
    assert "Voorbeeldteam Zuid" in data["items"]["voorbeeld-buurtaanpak"]["voert"]
    assert "families-first" not in data["items"]
    assert all("families-first" not in item["samenhang"] for item in data["items"].values())
    assert project.build() == 0
    script = (root / "site" / DATA_SCRIPT).read_text(encoding="utf-8")
    assert "voorbeeld-buurtaanpak" in script and "families-first" not in script
    assert (root / "site" / "casusmap" / "index.html").exists()


def test_the_offline_copy_compares_and_keeps_a_casusmap(page, unzipped) -> None:  # noqa: F811 - the imported fixture
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((unzipped / "interventies" / "tijdelijk-huisverbod" / "index.html").as_uri())
    page.locator("[data-casusmap-knop=tijdelijk-huisverbod]").click()
    page.get_by_text("Vergelijk met …").click()
    page.locator(".pv-werkset__vergelijk li a").first.click()
    table = page.locator("table.pv-vergelijk__table")
    table.wait_for()
    assert table.locator("thead th").count() == 2
    assert table.locator("thead th a").first.get_attribute("href").endswith("interventies/tijdelijk-huisverbod/index.html")
    page.goto((unzipped / "casusmap" / "index.html").as_uri())
    page.locator(".pv-casusmap__item").first.wait_for()
    assert page.eval_on_selector_all(".pv-casusmap__item", "items => items.map(item => item.dataset.id)") == ["tijdelijk-huisverbod"]
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []
