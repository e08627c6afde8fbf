"""The offline copy: one zip that works unzipped, opened from file:// in Chromium, without any request out."""

from __future__ import annotations

import os
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_palette import main
from palette_builder.project import Project
from palette_builder.sharing import OFFLINE_ZIP

from .conftest import FIXTURE


@pytest.fixture(scope="module")
def offline_zip(built_site: Path, site_url: str) -> Iterator[Path]:
    """The offline copy of the real palette, published beside the served site as the /data/ page says."""
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = site_url + "/"
    try:
        assert main(["--root", str(FIXTURE), "offline", "--uitvoer", str(built_site / OFFLINE_ZIP)]) == 0
    finally:
        if previous is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = previous
    yield built_site / OFFLINE_ZIP


@pytest.fixture(scope="module")
def unzipped(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return folder / "interventiepalet"


@pytest.fixture
def recorded(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    return requests


def leaving(requests: list[str]) -> list[str]:
    return [url for url in requests if not url.startswith(("file://", "data:", "blob:"))]


def test_explorer_filters_and_search_work_from_file(page, recorded: list[str], unzipped: Path) -> None:
    total = len(Project(FIXTURE).load().interventions)
    page.goto((unzipped / "index.html").as_uri())
    page.locator(".md-tabs a", has_text="Verkenner").click()
    page.wait_for_url("**/verkenner/index.html")
    page.wait_for_selector("[data-filters]:not([hidden])")
    status = page.locator("[role=status]")
    assert status.inner_text() == f"{total} interventies"
    page.locator("input[name='fase'][value='herstelgericht']").check()
    assert status.inner_text().endswith(f" van {total} interventies")
    assert status.inner_text() != f"{total} van {total} interventies"
    assert page.url.endswith("verkenner/index.html?fase=herstelgericht")

    page.locator(".md-search__input").click()
    page.keyboard.type("THV")
    first = page.locator('[data-pv-search-list][data-query="THV"] a').first  # the list for the whole word
    first.wait_for()
    assert first.locator(".pv-search-title").inner_text() == "Tijdelijk huisverbod"
    first.click()
    page.wait_for_url("**/interventies/tijdelijk-huisverbod/index.html")
    assert page.locator("h1").inner_text().startswith("Tijdelijk huisverbod")
    page.locator("a", has_text="Bestuursrecht").first.click()  # a chip: to the explorer with a filter
    page.wait_for_url("**/verkenner/index.html?domein=bestuursrecht")
    assert leaving(recorded) == []


def test_every_page_and_short_link_opens_from_file(page, recorded: list[str], unzipped: Path) -> None:
    page.goto((unzipped / "thv" / "index.html").as_uri())
    page.wait_for_url("**/interventies/tijdelijk-huisverbod/index.html")
    for path in ("palet/index.html", "momenten/samen-op-in-acuut/index.html", "interventies/index.html", "data/index.html"):
        page.goto((unzipped / path).as_uri())
        page.locator(".md-tabs a", has_text="Home").click()
        page.wait_for_url((unzipped / "index.html").as_uri())
    assert leaving(recorded) == []


def test_offline_page_prints(page, unzipped: Path) -> None:
    page.goto((unzipped / "interventies" / "tijdelijk-huisverbod" / "index.html").as_uri())
    page.emulate_media(media="print")
    assert page.locator(".pv-qr-print svg").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.pdf(format="A4")[:5] == b"%PDF-"


def test_data_page_offers_the_zip(page, site_url: str, offline_zip: Path) -> None:
    page.goto(f"{site_url}/data/")
    link = page.locator("a[download]", has_text=OFFLINE_ZIP)
    href = link.get_attribute("href")
    assert href == f"{site_url}/{OFFLINE_ZIP}"
    with urllib.request.urlopen(href) as response:  # noqa: S310 - the local test server
        assert response.read() == offline_zip.read_bytes()


def test_a_broken_palette_writes_no_zip(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "palette" / "landelijk" / "kapot.yaml").write_text("id: [\n", encoding="utf-8")
    target = tmp_path / "uit" / OFFLINE_ZIP
    assert main(["--root", str(project), "offline", "--uitvoer", str(target)]) == 1
    assert not target.exists()
    assert "kapot.yaml:" in capsys.readouterr().err
