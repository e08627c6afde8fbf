"""The wegwijzer (/wegwijzer/): its data is checked like every palette file, every step is a page that
works without JavaScript, outcomes link their moment and interventions, the explorer link selects the
same interventions, and a region's own version shows on that region's site."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from build_palette import main
from palette_builder.project import Project
from palette_builder.wegwijzer import Outcome, Question

from .conftest import FIXTURE, REPO, axe_wcag_aa, copy_project

# A small valid wegwijzer, frozen here so that editing palette/wegwijzer.yaml never breaks these cases.
VALID = """\
titel: Wegwijzer
inleiding: Een paar vragen.
start: acuut
vragen:
  - id: acuut
    vraag: Is er acute onveiligheid?
    antwoorden:
      - antwoord: "Ja"
        naar: uitkomst-acuut
      - antwoord: "Nee"
        naar: fase
  - id: fase
    vraag: Waaraan werkt u?
    antwoorden:
      - antwoord: Veiligheid
        naar: uitkomst-acuut
      - antwoord: Herstel
        naar: uitkomst-herstel
uitkomsten:
  - id: uitkomst-acuut
    titel: Samen op in Acuut
    uitleg: Politie en Veilig Thuis stemmen af.
    momenten: [samen-op-in-acuut]
    partners: [politie, veilig-thuis]
    selectie:
      moment: [samen-op-in-acuut]
    verder:
      - tekst: Daarna
        naar: uitkomst-herstel
    bronnen:
      - titel: VNG
        url: https://vng.nl/artikelen/aanpak-veiligheid-voorop
  - id: uitkomst-herstel
    titel: Herstel
    uitleg: Werken aan herstel.
    momenten: [actieoverleg]
    partners: [veilig-thuis]
    selectie:
      fase: [herstelgericht]
    bronnen:
      - titel: VNG
        url: https://vng.nl/artikelen/aanpak-veiligheid-voorop
"""
NATIONAL = "palette/wegwijzer.yaml"
REGIONAL = "palette/regio/limburg/wegwijzer.yaml"


def changed(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), 1) if line.rstrip().endswith(needle)]
    return lines[occurrence - 1]


def run_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "check"])
    return code, capsys.readouterr().err.splitlines()


# name -> (file, content, expected line, expected field, words the message must contain)
BROKEN: dict[str, tuple[str, str, int, str, list[str]]] = {}


def case(name: str, text: str, needle: str, field: str, words: list[str], occurrence: int = 1, file: str = NATIONAL) -> None:
    BROKEN[name] = (file, text, line_of(text, needle, occurrence), field, words)


_bad_id = changed(VALID, "  - id: fase\n", "  - id: Fase_Vraag\n")
case("bad step id", _bad_id, "id: Fase_Vraag", "vragen[1].id", ["kleine letters"])
_moment = changed(VALID, "momenten: [samen-op-in-acuut]", "momenten: [samen-op-in-acuutt]")
case("unknown moment", _moment, "momenten: [samen-op-in-acuutt]", "uitkomsten[0].momenten[0]", ["samen-op-in-acuutt", "bedoel je 'samen-op-in-acuut'"])
_phase = changed(VALID, "fase: [herstelgericht]", "fase: [herstelgerict]")
case("unknown phase", _phase, "fase: [herstelgerict]", "uitkomsten[1].selectie.fase[0]", ["herstelgerict", "bedoel je 'herstelgericht'"])
_filter = changed(VALID, "      fase: [herstelgericht]", "      fasen: [herstelgericht]")
case("unknown filter", _filter, "fasen: [herstelgericht]", "uitkomsten[1].selectie.fasen", ["onbekend filter", "bedoel je 'fase'"])
_partner = changed(VALID, "partners: [politie, veilig-thuis]", "partners: [politie, veiligthuis]")
case("unknown partner", _partner, "partners: [politie, veiligthuis]", "uitkomsten[0].partners[1]", ["veiligthuis", "bedoel je 'veilig-thuis'"])
_no_source = changed(
    VALID,
    "    bronnen:\n      - titel: VNG\n        url: https://vng.nl/artikelen/aanpak-veiligheid-voorop\n  - id: uitkomst-herstel",
    "  - id: uitkomst-herstel",
)
case("outcome without source", _no_source, "id: uitkomst-acuut", "uitkomsten[0].bronnen", ["verplicht veld ontbreekt"])
_empty_sources = changed(VALID, "    bronnen:\n      - titel: VNG\n        url: https://vng.nl/artikelen/aanpak-veiligheid-voorop\n", "    bronnen: []\n")
case("outcome with an empty source list", _empty_sources, "bronnen: []", "uitkomsten[0].bronnen", ["minstens 1"])
_dangling = changed(VALID, "        naar: fase\n", "        naar: faze\n")
case("dangling answer", _dangling, "naar: faze", "vragen[0].antwoorden[1].naar", ["'faze'", "bestaat niet", "bedoel je 'fase'"])
_dangling_next = changed(VALID, "        naar: uitkomst-herstel\n    bronnen", "        naar: uitkomst-herst\n    bronnen")
case("dangling next step", _dangling_next, "naar: uitkomst-herst", "uitkomsten[0].verder[0].naar", ["bestaat niet", "bedoel je 'uitkomst-herstel'"])
_cycle = changed(VALID, "      - antwoord: Veiligheid\n        naar: uitkomst-acuut", "      - antwoord: Veiligheid\n        naar: acuut")
case("cycle", _cycle, "naar: acuut", "vragen[1].antwoorden[0].naar", ["kringverwijzing", "acuut → fase → acuut"])
_unreachable = changed(VALID, "      - antwoord: Herstel\n        naar: uitkomst-herstel", "      - antwoord: Herstel\n        naar: uitkomst-acuut")
_unreachable = changed(_unreachable, "      - tekst: Daarna\n        naar: uitkomst-herstel\n", "")
_unreachable = changed(_unreachable, "    verder:\n", "")
case("unreachable step", _unreachable, "id: uitkomst-herstel", "uitkomsten[1].id", ["'uitkomst-herstel'", "niet te bereiken"])
_start = changed(VALID, "start: acuut", "start: acut")
case("start that does not exist", _start, "start: acut", "start", ["'acut'", "bedoel je 'acuut'"])
_start_outcome = changed(VALID, "start: acuut", "start: uitkomst-acuut")
case("start at an outcome", _start_outcome, "start: uitkomst-acuut", "start", ["uitkomst", "begint met een vraag"])
_twice = changed(VALID, "  - id: uitkomst-herstel", "  - id: fase")
case("id used twice", _twice, "id: fase", "uitkomsten[1].id", ["'fase'", "bestaat al"], occurrence=2)
_one_answer = changed(VALID, '      - antwoord: "Nee"\n        naar: fase\n', "")
case("question with one answer", _one_answer, "antwoorden:", "vragen[0].antwoorden", ["minstens 2"])
_field = changed(VALID, "    uitleg: Werken aan herstel.", "    uitleg: Werken aan herstel.\n    toelichting: Extra.")
case("unknown field", _field, "toelichting: Extra.", "uitkomsten[1].toelichting", ["onbekend veld"])

# A region's own file: its problems are located in that file.
REGION_VALID = """\
vragen:
  - id: fase
    vraag: Waaraan werkt u in Limburg?
    antwoorden:
      - antwoord: Veiligheid
        naar: uitkomst-acuut
      - antwoord: Herstel
        naar: uitkomst-limburg
uitkomsten:
  - id: uitkomst-limburg
    titel: Herstel in Limburg
    uitleg: Werken aan herstel, met het aanbod van de regio.
    momenten: [actieoverleg]
    partners: [veilig-thuis]
    selectie:
      fase: [herstelgericht]
    bronnen:
      - titel: Voorbeeldregio
        url: https://example.org/limburg
"""
_region_dangling = changed(REGION_VALID, "        naar: uitkomst-limburg\n", "        naar: uitkomst-limbrug\n")
case("regional dangling answer", _region_dangling, "naar: uitkomst-limbrug", "vragen[0].antwoorden[1].naar", ["bestaat niet"], file=REGIONAL)
_region_moment = changed(REGION_VALID, "momenten: [actieoverleg]", "momenten: [actie-overleg]")
case(
    "regional unknown moment",
    _region_moment,
    "momenten: [actie-overleg]",
    "uitkomsten[0].momenten[0]",
    ["bedoel je 'actieoverleg'", "palette/regio/limburg/vocabulaires/momenten.yaml"],
    file=REGIONAL,
)
_region_unreachable = REGION_VALID + REGION_VALID.split("uitkomsten:\n", 1)[1].replace("uitkomst-limburg", "uitkomst-los")
case("regional unreachable step", _region_unreachable, "id: uitkomst-los", "uitkomsten[1].id", ["niet te bereiken"], file=REGIONAL)


def with_files(project: Path, national: str, regional: str | None = None) -> Path:
    (project / NATIONAL).write_text(national, encoding="utf-8")
    if regional is not None:
        (project / REGIONAL).parent.mkdir(parents=True, exist_ok=True)
        (project / REGIONAL).write_text(regional, encoding="utf-8")
    return project


def test_the_frozen_wegwijzer_and_region_file_are_valid(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The cases below break one thing each in files that are valid as they are."""
    code, lines = run_check(with_files(project, VALID, REGION_VALID), capsys)
    assert code == 0, lines


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_wegwijzer_gives_located_message(name: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file, text, line, field, words = BROKEN[name]
    if file == NATIONAL:
        with_files(project, text)
    else:
        with_files(project, VALID, text)

    code, lines = run_check(project, capsys)

    assert code == 1
    mine = [problem for problem in lines if problem.startswith(f"{file}:")]
    assert mine, f"no problem reported for {file}: {lines}"
    located = [problem for problem in mine if re.match(rf"{re.escape(file)}:{line}:\d+: {re.escape(field)}: ", problem)]
    assert located, f"expected line {line} field {field!r}, got {mine}"
    assert all(word in located[0] for word in words), located[0]
    assert not any("Traceback" in problem for problem in lines)


def test_a_broken_wegwijzer_stops_the_command_line_with_exit_1(project: Path) -> None:
    with_files(project, _dangling)
    result = subprocess.run([sys.executable, str(REPO / "build_palette.py"), "--root", str(project), "check"], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{NATIONAL}:{line_of(_dangling, 'naar: faze')}:" in result.stderr
    assert "Traceback" not in result.stderr


# -- the real site, in Chromium -------------------------------------------------------------------


@pytest.fixture(scope="module")
def wegwijzer():
    guide = Project(FIXTURE).load().wegwijzer
    assert guide is not None
    return guide


def step_path(step_id: str) -> str:
    return f"/wegwijzer/{step_id}/"


def links(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "links => links.map(a => a.href)")


def test_answers_lead_to_samen_op_in_acuut_with_the_huisverbod(page, site_url: str) -> None:
    page.goto(site_url + "/wegwijzer/")
    page.locator(".pv-wegwijzer__begin a").click()
    page.wait_for_url("**/wegwijzer/acute-onveiligheid/")
    page.get_by_role("link", name="Ja", exact=True).click()  # waits until the question's answers are there
    page.wait_for_url("**/wegwijzer/samen-op-in-acuut/")
    # With the theme's instant navigation the address changes before the new content is in place.
    page.locator(".pv-wegwijzer__feiten a.pv-wegwijzer__moment").first.wait_for()
    moments = [urlparse(href).path for href in links(page, ".pv-wegwijzer__feiten a.pv-wegwijzer__moment")]
    assert moments == ["/momenten/samen-op-in-acuut/"]
    listed = [urlparse(href).path for href in links(page, ".pv-wegwijzer__interventies a")]
    assert "/interventies/tijdelijk-huisverbod/" in listed
    # The moment page it links is the one with the routekaart.
    page.locator("a.pv-wegwijzer__moment").click()
    page.wait_for_url("**/momenten/samen-op-in-acuut/")
    page.locator(".pv-routekaart").wait_for(state="visible")  # instant navigation: the address changes first


def test_every_step_is_reached_by_following_links_without_javascript(browser, site_url: str, wegwijzer) -> None:
    """From the start page, following only answers and 'verder' links, every step page is reached and
    shows its question and answers with scripts off."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    start = site_url + "/wegwijzer/"
    seen: dict[str, str] = {}
    todo = [start]
    while todo:
        address = todo.pop()
        path = urlparse(address).path
        if path in seen:
            continue
        response = page.goto(address)
        assert response is not None and response.ok, address
        seen[path] = page.locator("h1").inner_text()
        for selector in (".pv-wegwijzer__begin a", "a.pv-wegwijzer__antwoord", ".pv-wegwijzer__verder a"):
            todo.extend(urljoin(address, href) for href in page.eval_on_selector_all(selector, "links => links.map(a => a.getAttribute('href'))"))
        step = next((step for step in wegwijzer.steps.values() if step_path(step.id) == path), None)
        if isinstance(step, Question):
            answers = page.locator("a.pv-wegwijzer__antwoord")
            assert answers.count() == len(step.answers)
            assert all(answers.nth(index).is_visible() for index in range(answers.count()))
            assert seen[path] == step.question
    context.close()
    expected = {step_path(step_id) for step_id in wegwijzer.steps}
    assert expected - set(seen) == set(), "steps not reached"
    assert set(seen) - {"/wegwijzer/"} == expected
    assert any(isinstance(step, Question) for step in wegwijzer.steps.values())


def test_every_outcome_links_an_intervention_and_a_moment(page, site_url: str, wegwijzer) -> None:
    outcomes = [step for step in wegwijzer.steps.values() if isinstance(step, Outcome)]
    assert len(outcomes) >= 4
    for outcome in outcomes:
        page.goto(site_url + step_path(outcome.id))
        interventions = [urlparse(href).path for href in links(page, ".pv-wegwijzer__interventies a")]
        moments = [urlparse(href).path for href in links(page, "a.pv-wegwijzer__moment")]
        assert interventions and all(path.startswith("/interventies/") for path in interventions), outcome.id
        assert moments == [f"/momenten/{moment}/" for moment in outcome.moments], outcome.id
        partners = [urlparse(href).path for href in links(page, ".pv-wegwijzer__feiten a.pv-partner")]
        assert partners == [f"/partners/{partner}/" for partner in outcome.partners], outcome.id
        for path in [*interventions[:1], *moments, *partners]:  # the links lead to real pages
            assert page.request.get(site_url + path).ok, path


def test_the_explorer_link_of_an_outcome_shows_the_same_interventions(page, site_url: str, wegwijzer) -> None:
    for outcome in (step for step in wegwijzer.steps.values() if isinstance(step, Outcome)):
        page.goto(site_url + step_path(outcome.id))
        listed = {urlparse(href).path.strip("/").split("/")[-1] for href in links(page, ".pv-wegwijzer__interventies a")}
        page.locator("a.pv-wegwijzer__verkenner").click()
        page.wait_for_url("**/verkenner/?**")
        page.wait_for_selector("[data-filters]:not([hidden])")
        assert page.locator("[data-unknown]").is_hidden(), outcome.id  # every value of the link is understood
        shown = set(page.eval_on_selector_all(".pv-card:not([hidden])", "cards => cards.map(c => c.id.replace('kaart-', ''))"))
        assert shown == listed, outcome.id


@pytest.mark.parametrize("path", ["/wegwijzer/", "/wegwijzer/acute-onveiligheid/", "/wegwijzer/samen-op-in-acuut/"])
def test_no_request_leaves_the_site_from_the_wegwijzer(page, site_url: str, path: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert requests and [url for url in requests if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))] == []


@pytest.mark.parametrize("path", ["/wegwijzer/acute-onveiligheid/", "/wegwijzer/samen-op-in-acuut/", "/wegwijzer/"])
def test_no_axe_violations_on_wegwijzer_pages(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    results = axe_wcag_aa(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_question_prints_on_one_page_with_where_each_answer_leads(page, site_url: str) -> None:
    page.goto(site_url + "/wegwijzer/fase/")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-tabs", ".md-footer", ".pv-wegwijzer__terug"]:
        assert not page.locator(selector).first.is_visible(), selector
    leads = page.locator(".pv-wegwijzer__naar")
    assert leads.count() == 3 and leads.first.is_visible()
    assert "Verder bij:" in leads.first.inner_text()
    assert page.locator(".pv-wegwijzer__notice").is_visible()
    assert page.locator(".pv-qr-print").is_visible()  # the step's own address, to scan from paper
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_an_outcome_prints_its_list_without_buttons(page, site_url: str) -> None:
    page.goto(site_url + "/wegwijzer/samen-op-in-acuut/")
    page.emulate_media(media="print")
    assert not page.locator("a.pv-wegwijzer__verkenner").is_visible()
    assert not page.locator(".pv-wegwijzer__terug").is_visible()
    assert page.locator(".pv-wegwijzer__interventies").is_visible() and page.locator(".pv-qr-print").is_visible()
    # A source on another site prints with its address.
    assert "https://" in page.eval_on_selector(".pv-wegwijzer__bronnen a", "a => getComputedStyle(a, '::after').content")


def test_the_notice_says_it_is_an_overview_and_stores_nothing(built_site: Path) -> None:
    for page in ("index.html", "acute-onveiligheid/index.html", "veiligheid/index.html"):
        text = (built_site / "wegwijzer" / page).read_text(encoding="utf-8")
        assert "geen advies in een individuele situatie" in text
        assert "slaat niets op" in text


# -- a region's own wegwijzer ----------------------------------------------------------------------

REGION_FILE = """\
# Limburg vraagt bij de fase ook naar het eigen buurtaanbod.
vragen:
  - id: fase
    vraag: Waaraan werkt u nu, in Limburg?
    antwoorden:
      - antwoord: Aan veiligheid
        naar: veiligheid
      - antwoord: Aan de risico's
        naar: risicogestuurd
      - antwoord: Aan herstel in de buurt
        naar: herstel-limburg
uitkomsten:
  - id: herstel-limburg
    titel: Herstel in de buurt
    uitleg: Werken aan herstel, met het aanbod van de voorbeeldregio.
    momenten: [actieoverleg]
    partners: [veilig-thuis]
    selectie:
      herkomst: [limburg]
    bronnen:
      - titel: Voorbeeldregio
        url: https://example.org/limburg
"""


@pytest.mark.slow
def test_a_regional_wegwijzer_shows_in_the_region_build_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "project")
    shutil.copytree(REPO / "tests" / "voorbeeldregio" / "limburg", root / "palette" / "regio" / "limburg")
    region_file = root / REGIONAL
    # 'herkomst' is not a filter an outcome may use: the check says so, in the region's file.
    region_file.write_text(REGION_FILE, encoding="utf-8")
    code, lines = run_check(root, capsys)
    assert code == 1
    assert any(line.startswith(f"{REGIONAL}:{line_of(REGION_FILE, 'herkomst: [limburg]')}:") and "onbekend filter 'herkomst'" in line for line in lines), lines
    region_file.write_text(REGION_FILE.replace("herkomst: [limburg]", "fase: [herstelgericht]\n      domein: [sociale-interventies]"), encoding="utf-8")

    assert Project(root, region="limburg").build() == 0
    site = root / "site"
    question = (site / "wegwijzer" / "fase" / "index.html").read_text(encoding="utf-8")
    assert "Waaraan werkt u nu, in Limburg?" in question
    assert 'href="../herstel-limburg/"' in question
    outcome = (site / "wegwijzer" / "herstel-limburg" / "index.html").read_text(encoding="utf-8")
    assert "Herstel in de buurt" in outcome
    assert "verkenner/?fase=herstelgericht&amp;domein=sociale-interventies" in outcome
    assert "aangepast voor Limburg" in (site / "wegwijzer" / "index.html").read_text(encoding="utf-8")

    assert Project(root).build() == 0
    national = (site / "wegwijzer" / "fase" / "index.html").read_text(encoding="utf-8")
    assert "Waaraan werkt u nu met het gezin of huishouden?" in national
    assert not (site / "wegwijzer" / "herstel-limburg").exists()
    assert (site / "wegwijzer" / "herstelgericht" / "index.html").exists()
