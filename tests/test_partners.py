"""Partner pages (/partners/) and relations shown on both entries, checked against the data in palette/."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from benchmarks.support import DESKTOP, PHONE
from build_palette import main
from palette_builder.generate import generate_pages
from palette_builder.kit import Kit, Site
from palette_builder.models import Availability
from palette_builder.project import Project
from palette_builder.selection import NATIONAL, Selection

from .conftest import FIXTURE, REPO, axe_wcag_aa, copy_project, with_region

# Section anchor (the facet's key) -> field of `rollen`, in the order the pages show them.
ROLES = {"beslist": "beslist", "vraagt-aan": "vraagt_aan", "adviseert": "adviseert", "voert": "voert_uit"}
EXAMPLE_REGION = REPO / "tests" / "voorbeeldregio" / "limburg"


def entries(root: Path = FIXTURE) -> dict[str, dict]:
    """Every national entry file as plain YAML data, read without the project's own loader."""
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((root / "palette" / "landelijk").glob("*.yaml"))}


def vocabulary(name: str, folder: Path = FIXTURE / "palette" / "vocabulaires") -> list[dict]:
    return yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8"))


def page_html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def section(text: str, anchor: str) -> str:
    """The HTML of a page from the heading with id `anchor` to the next h2."""
    start = text.index(f'id="{anchor}"')
    end = text.find("<h2", start)
    return text[start : end if end > 0 else len(text)]


def linked_entries(fragment: str) -> set[str]:
    """Ids of the entries linked: `../../interventies/<id>/` from other pages, `../<id>/` between entries."""
    return set(re.findall(r'href="(?:\.\./)+(?:interventies/)?([a-z0-9-]+)/"', fragment))


# -- partner pages ------------------------------------------------------------------------------------


def test_the_burgemeester_page_lists_the_tijdelijk_huisverbod_under_what_it_decides(page, site_url: str) -> None:
    page.goto(f"{site_url}/partners/burgemeester/")
    assert page.locator("h1").inner_text() == "Burgemeester"
    decides = page.locator("h2#beslist")
    assert decides.inner_text().startswith("Beslist of legt op")
    # The lists that follow the heading up to the next role's heading.
    links = page.locator("h2#beslist ~ ul.pv-partner-list:not(h2#vraagt-aan ~ *) a")
    assert "Tijdelijk huisverbod" in links.all_inner_texts()
    links.filter(has_text="Tijdelijk huisverbod").first.click()
    # Instant navigation changes the address before the new content is in: wait for the heading.
    page.wait_for_url("**/interventies/tijdelijk-huisverbod/")
    expect(page.locator("h1")).to_have_text(re.compile(r"^Tijdelijk huisverbod"))


def test_every_partner_in_the_vocabulary_has_a_page_with_its_explanation(built_site: Path) -> None:
    partners = vocabulary("partners")
    assert len(partners) > 10
    index = page_html(built_site, "partners")
    for partner in partners:
        text = page_html(built_site, f"partners/{partner['id']}")
        assert "<h1" in text and html.escape(partner["label"]) in text, partner["id"]
        assert html.escape(partner.get("uitleg", partner["label"]), quote=False) in text, partner["id"]
        assert f'href="{partner["id"]}/"' in index, partner["id"]


def test_each_role_section_lists_exactly_the_entries_that_name_the_partner_in_that_role(built_site: Path) -> None:
    """Derived from the entry files: every (partner, role) of the data is on the partner's page, nothing else."""
    data = entries()
    phases = {term["id"]: term["label"] for term in vocabulary("fasen")}
    for partner in vocabulary("partners"):
        text = page_html(built_site, f"partners/{partner['id']}")
        for anchor, field in ROLES.items():
            expected = {entry_id for entry_id, entry in data.items() if partner["id"] in (entry.get("rollen") or {}).get(field, [])}
            found = section(text, anchor)
            assert linked_entries(found) == expected, (partner["id"], anchor)
            assert f"({len(expected)})" in found.split("</h2>", 1)[0]
            # Grouped by phase: an entry is listed under each of its phases, in the palette's order.
            headings = re.findall(r'<h3 class="pv-partner-phase">(.*?)</h3>', found)
            wanted = [label for phase_id, label in phases.items() if any(phase_id in data[entry_id]["fasen"] for entry_id in expected)]
            assert [html.unescape(heading) for heading in headings] == wanted, (partner["id"], anchor)


def test_an_entry_page_links_each_of_its_partners_to_the_partner_page(page, site_url: str) -> None:
    entry = entries()["tijdelijk-huisverbod"]
    partners = {term["id"]: term["label"] for term in vocabulary("partners")}
    from palette_builder.facets import FACETS

    page.goto(f"{site_url}/interventies/tijdelijk-huisverbod/")
    # The roles are the first rows of the key-facts block, each under its facet's label.
    labels = [facet.label for facet in FACETS if facet.role]
    rows = page.locator("dl.pv-keyfacts .pv-keyfacts__row")
    hrefs = []
    for label in labels:
        row = rows.filter(has=page.locator("dt", has_text=label))
        # The row's partner links; a "meer" link to the section that explains the answer is not one.
        hrefs += row.locator("dd a[href*='/partners/']").evaluate_all("links => links.map(a => a.href)")
    named = [partner for field in ROLES.values() for partner in entry["rollen"].get(field, [])]
    assert named and hrefs == [f"{site_url}/partners/{partner}/" for partner in named]
    first = named[0]
    page.locator("dl.pv-keyfacts a", has_text=partners[first]).first.click()
    page.wait_for_url(f"**/partners/{first}/")
    expect(page.locator("h1")).to_have_text(partners[first])


def test_chip_links_of_a_role_facet_lead_to_the_partner_page() -> None:
    """The key-facts block and every other list use chip_links: the facet decides where a value links."""
    from palette_builder.facets import FACETS

    kit = Kit(Site(Project(FIXTURE).load()))
    template = kit.env.from_string('{% from "_macros.j2" import chip_links with context %}{{ chip_links(facet, values) }}')
    for facet in (facet for facet in FACETS if facet.role):
        value = vocabulary("partners")[0]["id"]
        out = template.render(kit.context("interventies/x.md", facet=facet, values=[value]))
        assert f'href="../../partners/{value}/"' in out, facet.key
    phase = next(facet for facet in FACETS if facet.key == "fase")
    out = template.render(kit.context("interventies/x.md", facet=phase, values=[vocabulary("fasen")[0]["id"]]))
    assert 'href="../../verkenner/?fase=' in out


def test_the_partner_index_counts_each_role(built_site: Path) -> None:
    data = entries()
    index = page_html(built_site, "partners")
    for partner in vocabulary("partners"):
        row = re.search(rf'<tr>\s*<th scope="row"><a href="{partner["id"]}/">.*?</tr>', index, re.S)
        assert row, partner["id"]
        counts = [int(n) for n in re.findall(r"<td[^>]*>(\d+)</td>", row.group(0))]
        expected = [sum(partner["id"] in (entry.get("rollen") or {}).get(field, []) for entry in data.values()) for field in ROLES.values()]
        assert counts == expected, partner["id"]


def test_a_region_build_has_a_page_for_the_regions_own_partner(region_site: Path, built_site: Path) -> None:
    regional = vocabulary("partners", EXAMPLE_REGION / "vocabulaires")
    region_entries = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (EXAMPLE_REGION / "interventies").glob("*.yaml")}
    index = page_html(region_site, "partners")
    for partner in regional:
        text = page_html(region_site, f"partners/{partner['id']}")
        assert html.escape(partner["label"]) in text and "Regionale partner: Limburg" in text
        assert f'href="{partner["id"]}/"' in index
        for anchor, field in ROLES.items():
            expected = {entry_id for entry_id, entry in region_entries.items() if partner["id"] in (entry.get("rollen") or {}).get(field, [])}
            found = section(text, anchor)
            assert linked_entries(found) == expected
            if expected:
                assert "Regionaal: Limburg" in found  # the entry's origin, the same mark as elsewhere
    # The regional entry's own page links the regional partner.
    for entry_id, entry in region_entries.items():
        for partner in (partner for field in ROLES.values() for partner in (entry.get("rollen") or {}).get(field, [])):
            assert f'href="../../partners/{partner}/"' in page_html(region_site, f"interventies/{entry_id}")
    # A national build has no page for it.
    assert not any((built_site / "partners" / partner["id"]).exists() for partner in regional)


def test_a_partner_page_says_how_to_reach_the_partner(built_site: Path) -> None:
    """A public number a phone dials with one tap, the website, and where the route was found."""
    with_contact = [partner for partner in vocabulary("partners") if partner.get("contact")]
    assert with_contact
    for partner in with_contact:
        contact = partner["contact"]
        block = section(page_html(built_site, f"partners/{partner['id']}"), "contact")
        if "telefoon" in contact:
            digits = re.sub(r"[ -]", "", contact["telefoon"])
            assert f'href="tel:{digits}"' in block and f">{contact['telefoon']}</a>" in block, partner["id"]
        if "website" in contact:
            assert f'href="{html.escape(contact["website"])}"' in block, partner["id"]
        assert f'Bron: <a href="{html.escape(contact["bron"])}"' in block, partner["id"]
    without = next(partner for partner in vocabulary("partners") if not partner.get("contact"))
    assert 'id="contact"' not in page_html(built_site, f"partners/{without['id']}")


REGIONAL_ROUTE = """- partner: veilig-thuis
  telefoon: 088 119 1000
  toelichting: Voor professionals in de regio, op werkdagen.
  bron: https://www.example.org/veilig-thuis-limburg
"""


@pytest.mark.slow
def test_a_regional_site_shows_the_regions_own_route_first(tmp_path: Path) -> None:
    root = with_region(copy_project(tmp_path))
    (root / "palette" / "regio" / "limburg" / "vocabulaires" / "contactroutes.yaml").write_text(REGIONAL_ROUTE, encoding="utf-8")
    palette = Project(root, region="limburg").load()
    assert not palette.problems, palette.problems
    regional = generate_pages(palette, Selection(region="limburg"), None)["partners/veilig-thuis.md"]
    national = generate_pages(Project(root).load(), NATIONAL, None)["partners/veilig-thuis.md"]
    national_phone = next(p for p in vocabulary("partners") if p["id"] == "veilig-thuis")["contact"]["telefoon"]
    assert regional.index("<strong>In Limburg:</strong>") < regional.index("tel:0881191000") < regional.index(f">{national_phone}</a>")
    assert "Voor professionals in de regio, op werkdagen." in regional
    assert "0881191000" not in national and f">{national_phone}</a>" in national


def test_a_contact_route_for_an_unknown_partner_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = with_region(copy_project(tmp_path))
    path = root / "palette" / "regio" / "limburg" / "vocabulaires" / "contactroutes.yaml"
    path.write_text(REGIONAL_ROUTE + REGIONAL_ROUTE.replace("veilig-thuis", "veiligthuis").replace("088 119 1000", "0800 2000"), encoding="utf-8")
    assert main(["--root", str(root), "--regio", "limburg", "check"]) == 1
    err = capsys.readouterr().err
    assert "palette/regio/limburg/vocabulaires/contactroutes.yaml:5:" in err
    assert "onbekende partner 'veiligthuis'" in err and "veilig-thuis" in err  # and what is allowed, the nearest first


# -- relations on both sides ----------------------------------------------------------------------------


def relation_list(text: str, heading: str) -> set[str]:
    found = re.search(rf"<dt>{heading}</dt>\s*<dd>(.*?)</dd>", text, re.S)
    return linked_entries(found.group(1)) if found else set()


INVERSE = {"vervolg_op": ("Vervolg op", "Kan gevolgd worden door"), "alternatief_voor": ("Alternatief voor", "Heeft als alternatief")}


@pytest.mark.parametrize("field", ["combineerbaar_met", *INVERSE])
def test_a_relation_in_the_data_shows_on_both_entries(built_site: Path, field: str) -> None:
    data = entries()
    pairs = [(entry_id, target) for entry_id, entry in data.items() for target in (entry.get("relaties") or {}).get(field, [])]
    assert pairs, f"no {field} in the data"
    forward, inverse = INVERSE.get(field, ("Te combineren met", "Te combineren met"))
    for source, target in pairs:
        assert target in relation_list(page_html(built_site, f"interventies/{source}"), forward), (source, target)
        # Declared on both sides (mutual alternatives): once, in the declared words.
        mutual = source in (data[target].get("relaties") or {}).get(field, [])
        other_page = page_html(built_site, f"interventies/{target}")
        assert source in relation_list(other_page, forward if mutual else inverse), (source, target)
        if mutual and inverse != forward:
            assert source not in relation_list(other_page, inverse), (source, target)


def write_relations(root: Path, entry_id: str, relations: dict[str, list[str]]) -> None:
    path = root / "palette" / "landelijk" / f"{entry_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["relaties"] = relations
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def unrelated_pair(data: dict[str, dict]) -> tuple[str, str]:
    """Two entries without any relation between them and without a parent link."""
    linked = {frozenset((entry_id, target)) for entry_id, entry in data.items() for targets in (entry.get("relaties") or {}).values() for target in targets}
    plain = [entry_id for entry_id, entry in data.items() if not entry.get("onderdeel_van")]
    return next((a, b) for a in plain for b in plain if a < b and frozenset((a, b)) not in linked)


@pytest.mark.slow
def test_a_relation_added_in_a_copy_shows_on_both_entries_once(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    data = entries(root)
    first, second = unrelated_pair(data)
    write_relations(root, first, {**(data[first].get("relaties") or {}), "vervolg_op": [second], "combineerbaar_met": [second]})
    # The other entry declares the same combination: it still shows once on each page.
    write_relations(root, second, {**(data[second].get("relaties") or {}), "combineerbaar_met": [first]})
    palette = Project(root).load()
    assert not palette.problems, palette.problems
    pages = generate_pages(palette, NATIONAL, None)
    one, two = pages[f"interventies/{first}.md"], pages[f"interventies/{second}.md"]
    assert second in relation_list(one, "Vervolg op") and first in relation_list(two, "Kan gevolgd worden door")
    assert second not in relation_list(one, "Kan gevolgd worden door") and first not in relation_list(two, "Vervolg op")
    for text, other in ((one, second), (two, first)):
        combined = re.search(r"<dt>Te combineren met</dt>\s*<dd>(.*?)</dd>", text, re.S)
        assert combined and combined.group(1).count(f'href="../{other}/"') == 1
        assert text.count("<dt>Te combineren met</dt>") == 1


@pytest.mark.slow
def test_alternatives_declared_on_both_sides_show_once_each(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    data = entries(root)
    first, second = unrelated_pair(data)
    write_relations(root, first, {**(data[first].get("relaties") or {}), "alternatief_voor": [second]})
    pages = generate_pages(Project(root).load(), NATIONAL, None)
    assert first in relation_list(pages[f"interventies/{second}.md"], "Heeft als alternatief")
    write_relations(root, second, {**(data[second].get("relaties") or {}), "alternatief_voor": [first]})
    pages = generate_pages(Project(root).load(), NATIONAL, None)
    for entry_id, other in ((first, second), (second, first)):
        text = pages[f"interventies/{entry_id}.md"]
        assert other in relation_list(text, "Alternatief voor") and other not in relation_list(text, "Heeft als alternatief")


@pytest.mark.slow
def test_a_relation_to_an_offer_the_region_hides_is_left_out(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    shutil.copytree(EXAMPLE_REGION, root / "palette" / "regio" / "limburg")
    supplements = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (EXAMPLE_REGION / "aanvullingen").glob("*.yaml")}
    hidden = [entry_id for entry_id, supplement in supplements.items() if supplement.get("beschikbaarheid") == Availability.hidden.value]
    assert hidden
    data = entries(root)
    other = next(entry_id for entry_id in data if entry_id not in hidden and not data[entry_id].get("onderdeel_van"))
    write_relations(root, hidden[0], {"combineerbaar_met": [other]})
    pages = generate_pages(Project(root, region="limburg").load(), Selection(region="limburg"), None)
    assert hidden[0] not in relation_list(pages[f"interventies/{other}.md"], "Te combineren met")


# -- in the browser: accessibility and print ------------------------------------------------------------


@pytest.mark.parametrize("path", ["/partners/", "/partners/burgemeester/"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_axe_violations_on_partner_pages(browser, site_url: str, path: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    response = page.goto(site_url + path)
    assert response and response.ok and page.locator("h1").inner_text() in ("Partners", "Burgemeester")
    page.wait_for_load_state("networkidle")
    results = axe_wcag_aa(page)
    # Nothing of the page is wider than the screen (the index table turns into blocks on a phone).
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert results.violations_count == 0, results.generate_report()
    assert overflow <= 0


def test_a_partner_page_prints_without_navigation_or_buttons(page, site_url: str) -> None:
    page.goto(f"{site_url}/partners/burgemeester/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".pv-partner-explorer"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("ul.pv-partner-list a", has_text="Tijdelijk huisverbod").is_visible()
    assert page.locator(".pv-print-only").is_visible()  # the page's address and the date of the data
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2
