"""For trainers and reusers: short links from abbreviations, and the QR code of a page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from build_palette import main
from palette_builder.project import Project
from palette_builder.short_links import short_links

from .conftest import FIXTURE, REPO, axe_wcag_aa

VALID = (REPO / "tests" / "fixtures" / "tijdelijk-huisverbod.yaml").read_text(encoding="utf-8")
ZBARIMG = shutil.which("zbarimg") or "zbarimg"  # Debian's zbar-tools; tests/run.sh installs it


def write_entry(root: Path, entry_id: str, replacements: dict[str, str]) -> Path:
    text = VALID.replace("id: tijdelijk-huisverbod", f"id: {entry_id}")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    path = root / "palette" / "landelijk" / f"{entry_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_col(path: Path, needle: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def check_errors(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "check"])
    return code, capsys.readouterr().err.splitlines()


@pytest.fixture
def own(project: Path) -> Path:
    """The project with the frozen valid entry, so a change to the live file does not move the lines."""
    (project / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml").write_text(VALID, encoding="utf-8")
    return project


# -- short links --------------------------------------------------------------------------------------


def test_short_link_lands_on_the_entry(page, site_url: str) -> None:
    page.goto(f"{site_url}/thv/")
    page.wait_for_url(f"{site_url}/interventies/tijdelijk-huisverbod/")
    assert page.locator("h1").inner_text().startswith("Tijdelijk huisverbod")


def test_a_short_link_typed_in_capitals_still_lands_on_the_entry(page, site_url: str) -> None:
    """From a slide people type /THV/; the host answers with the site's 404 page, which tries lower case."""
    page.goto(f"{site_url}/THV/")
    page.wait_for_url(f"{site_url}/interventies/tijdelijk-huisverbod/")
    # An address that does not exist in lower case either stays on the 404 page, without a loop.
    response = page.goto(f"{site_url}/Bestaat-Niet/")
    assert response is not None and response.status == 404
    page.wait_for_url(f"{site_url}/bestaat-niet/")
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"


def test_every_abbreviation_has_a_short_link_listed_on_the_a_z_page(built_site: Path, site_url: str) -> None:
    index = (built_site / "interventies" / "index.html").read_text(encoding="utf-8")
    names = []
    for item in Project(FIXTURE).load().interventions:
        for _, name in short_links(item):
            names.append(name)
            redirect = (built_site / name / "index.html").read_text(encoding="utf-8")
            assert f'url=../interventies/{item.id}/"' in redirect
            assert "verhuisd" not in redirect and "Deze korte link leidt naar" in redirect  # a short link has not moved
            assert f'<a href="../{name}/">{site_url}/{name}/</a>' in index
    assert {"thv", "ots", "uhp", "cova", "cova-plus"} <= set(names)


def test_two_entries_sharing_an_abbreviation_are_located(own: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = write_entry(own, "ander-huisverbod", {"afkortingen: [THV]": "afkortingen: [AHV, thv]"})
    code, errors = check_errors(own, capsys)
    assert code == 1
    line, column = line_col(other, "thv]")
    assert any(e.startswith(f"palette/landelijk/ander-huisverbod.yaml:{line}:{column}: afkortingen[1]: de korte link /thv/ van 'thv'") for e in errors), errors
    first = own / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml"
    line, column = line_col(first, "THV]")
    expected = f"palette/landelijk/tijdelijk-huisverbod.yaml:{line}:{column}: afkortingen[0]:"
    assert any(e.startswith(expected) and "ander-huisverbod.yaml" in e for e in errors), errors


@pytest.mark.parametrize(
    ("abbreviation", "place"),
    [("DATA", "de gegenereerde map /data/"), ("Privacy", "docs/privacy.md"), ("Regio", "docs/regio"), ("Assets", "de map /assets/")],
)
def test_an_abbreviation_that_is_already_a_page_or_folder_is_located(own: Path, capsys: pytest.CaptureFixture[str], abbreviation: str, place: str) -> None:
    (own / "docs" / "regio").mkdir(parents=True)
    (own / "docs" / "privacy.md").write_text("# Privacy\n", encoding="utf-8")
    entry = write_entry(own, "ander-huisverbod", {"afkortingen: [THV]": f"afkortingen: [AHV, {abbreviation}]"})
    code, errors = check_errors(own, capsys)
    assert code == 1
    line, column = line_col(entry, f"{abbreviation}]")
    expected = f"palette/landelijk/ander-huisverbod.yaml:{line}:{column}: afkortingen[1]: de korte link /{abbreviation.lower()}/"
    assert any(e.startswith(expected) and place in e for e in errors), errors


def test_an_abbreviation_that_is_another_entrys_former_id_is_located(own: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_entry(own, "ander-huisverbod", {"afkortingen: [THV]": "afkortingen: [AHV]\nvorige_ids: [thv]"})
    code, errors = check_errors(own, capsys)
    assert code == 1
    first = own / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml"
    line, column = line_col(first, "THV]")
    assert any(e.startswith(f"palette/landelijk/tijdelijk-huisverbod.yaml:{line}:{column}: afkortingen[0]:") and "vorige id" in e for e in errors), errors


def test_a_short_link_goes_when_its_abbreviation_goes(own: Path) -> None:
    project = Project(own)
    assert project.generate(quiet=True) == 0
    redirect = own / "docs" / "thv" / "index.html"
    assert redirect.is_file()
    path = own / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml"
    path.write_text(VALID.replace("afkortingen: [THV]", "afkortingen: [HV]"), encoding="utf-8")
    assert project.generate(quiet=True) == 0
    assert not redirect.parent.exists()
    assert (own / "docs" / "hv" / "index.html").is_file()


# -- QR codes -----------------------------------------------------------------------------------------


def open_qr_panel(page, url: str):
    page.goto(url)
    panel = page.locator("details.pv-qr")
    panel.locator("summary").click()
    code = panel.locator("svg")
    code.wait_for(state="visible")
    return code


def test_qr_code_decodes_to_the_pages_address(page, site_url: str, tmp_path: Path) -> None:
    address = f"{site_url}/interventies/tijdelijk-huisverbod/"
    code = open_qr_panel(page, address)
    box = code.bounding_box()
    assert box["width"] >= 300 and box["height"] >= 300, box
    shot = tmp_path / "qr.png"
    code.screenshot(path=str(shot))
    decoded = subprocess.run([ZBARIMG, "--quiet", "--raw", str(shot)], capture_output=True, text=True, check=True).stdout.strip()
    assert decoded == address


@pytest.mark.parametrize("path", ["/palet/", "/momenten/samen-op-in-acuut/"])
def test_palette_and_moment_pages_have_their_own_qr_code(page, site_url: str, path: str, tmp_path: Path) -> None:
    code = open_qr_panel(page, site_url + path)
    assert page.locator("details.pv-qr figcaption a").get_attribute("href") == site_url + path
    shot = tmp_path / "qr.png"
    code.screenshot(path=str(shot))
    decoded = subprocess.run([ZBARIMG, "--quiet", "--raw", str(shot)], capture_output=True, text=True, check=True).stdout.strip()
    assert decoded == site_url + path


def test_qr_code_prints_and_the_panel_does_not(page, site_url: str) -> None:
    page.goto(f"{site_url}/interventies/tijdelijk-huisverbod/")
    assert not page.locator(".pv-qr-print svg").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".pv-qr-print svg").is_visible()
    assert not page.locator("details.pv-qr").is_visible()
    box = page.locator(".pv-qr-print svg").bounding_box()
    assert box["width"] >= 100, box  # 3 cm on paper


def test_no_axe_violations_with_the_qr_panel_open(page, site_url: str) -> None:
    open_qr_panel(page, f"{site_url}/interventies/tijdelijk-huisverbod/")
    results = axe_wcag_aa(page)
    assert results.violations_count == 0, results.generate_report()
