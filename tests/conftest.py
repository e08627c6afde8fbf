"""Shared fixtures: the fixture palette as a project, its built and served site, a region's site, the
real palette's site, a local web server and a real Chromium.

Tests that need fixed content read and build the fixture palette (tests/fixtures/palet/): frozen copies
of some entries, the vocabularies and the wegwijzer, and one made-up entry with the longest answers. So
an editor who adds, renames or removes an entry of the real palette breaks no test. What must hold for
every entry of the real palette is a `check --streng` rule (tests/test_palette_data.py runs it); the real
palette is also built once and crawled (tests/test_site.py).

Markers: `browser` (a test that drives Chromium) is set here from the fixtures a test uses; `slow` (one
that builds a site, runs a server or tries hundreds of generated inputs) is set here from the fixtures
too, or on the test. The fast lane is `pytest -m "not browser and not slow"`.
"""

from __future__ import annotations

import atexit
import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

from benchmarks.support import CHROMIUM, CHROMIUM_ARGS
from benchmarks.support import copy_project as copy_repository
from palette_builder.project import Project

REPO = Path(__file__).resolve().parent.parent
FIXTURE_PALETTE = REPO / "tests" / "fixtures" / "palet"
EXAMPLE_REGION = REPO / "tests" / "voorbeeldregio" / "limburg"


def copy_project(target: Path, palette: Path = FIXTURE_PALETTE) -> Path:
    """A copy of the project's code side (mkdocs.yml, overrides, hand-written docs) with the fixture palette."""
    return copy_repository(target, palette)


def with_region(root: Path, name: str = "limburg") -> Path:
    """The example region's folder added to a copy of the project."""
    shutil.copytree(EXAMPLE_REGION, root / "palette" / "regio" / name)
    return root


# The fixture palette as a project of its own, made once per test process; tests read its entries.
_FIXTURE_HOME = Path(tempfile.mkdtemp(prefix="interventiepalet-fixture-"))
atexit.register(shutil.rmtree, _FIXTURE_HOME, ignore_errors=True)
FIXTURE = copy_project(_FIXTURE_HOME / "project")

# Fixtures whose use makes a test a browser test or a slow one (see the module's docstring).
BROWSER_FIXTURES = {"browser", "page"}
SLOW_FIXTURES = {"served_site", "built_site", "site_url", "region_served", "region_site", "region_url", "real_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & SLOW_FIXTURES or used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.slow)


# axe-core's rules for WCAG 2.1 A and AA: the level the site promises on its Toegankelijkheid page.
AXE_WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_wcag_aa(page) -> AxeResults:
    """axe's findings on the page as it is now."""
    return Axe().run(page, options=AXE_WCAG_AA)


def open_for_instant_navigation(page, url: str) -> None:
    """Open `url` and wait until the theme has read sitemap.xml.

    mkdocs-material only takes over a click once it knows the site's pages from the sitemap; a click
    before that loads the next page from scratch, which is what a test of instant navigation must rule out.
    """
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")) as sitemap:
        page.goto(url)
    # The response's headers are not enough on a busy machine: wait for its body, then for the page to
    # fall idle, by which time the theme has parsed it.
    sitemap.value.finished()
    page.evaluate("new Promise(resolve => requestIdleCallback(() => resolve(), {timeout: 5000}))")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A minimal project root with the fixture's vocabularies and one valid entry."""
    (tmp_path / "palette" / "landelijk").mkdir(parents=True)
    shutil.copytree(FIXTURE_PALETTE / "vocabulaires", tmp_path / "palette" / "vocabulaires")
    shutil.copy(FIXTURE_PALETTE / "landelijk" / "tijdelijk-huisverbod.yaml", tmp_path / "palette" / "landelijk")
    return tmp_path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's own 404.html, as GitHub Pages and most hosts serve it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The fixture palette, built once per test process for the address it is served at.

    mkdocs-material's instant navigation only works on the site_url, so the server starts first.
    """
    site = tmp_path_factory.mktemp("site") / "site"
    site.mkdir()
    yield from build_and_serve(Project(FIXTURE), site)


@pytest.fixture(scope="session")
def region_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The example region's own site (Limburg) on the fixture palette, served at the address it was built for."""
    root = with_region(copy_project(tmp_path_factory.mktemp("regio") / "project"))
    site = root / "site"
    site.mkdir()
    yield from build_and_serve(Project(root, region="limburg"), site)


@pytest.fixture(scope="session")
def region_site(region_served: tuple[Path, str]) -> Path:
    return region_served[0]


@pytest.fixture(scope="session")
def region_url(region_served: tuple[Path, str]) -> str:
    return region_served[1]


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real palette, built once: every entry an editor adds must build and link correctly."""
    root = copy_repository(tmp_path_factory.mktemp("echt") / "project")
    assert Project(root).build() == 0
    return root / "site"


def build_and_serve(project: Project, site: Path) -> Iterator[tuple[Path, str]]:
    """Start a server on `site`, then build the project there for that address (SITE_URL)."""
    for url in serve(site):
        previous = os.environ.get("SITE_URL")
        os.environ["SITE_URL"] = url + "/"
        try:
            assert project.build(site) == 0
        finally:
            if previous is None:
                del os.environ["SITE_URL"]
            else:
                os.environ["SITE_URL"] = previous
        yield site, url


@pytest.fixture(scope="session")
def built_site(served_site: tuple[Path, str]) -> Path:
    return served_site[0]


@pytest.fixture(scope="session")
def site_url(served_site: tuple[Path, str]) -> str:
    return served_site[1]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"
