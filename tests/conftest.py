"""Shared fixtures: a project copy, the built site, a local web server and a real Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

from benchmarks.support import CHROMIUM, CHROMIUM_ARGS, copy_project  # noqa: F401 - shared with the benchmark
from palette_builder.project import Project

REPO = Path(__file__).resolve().parent.parent


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
    """A minimal project root with the real vocabularies and one valid entry."""
    (tmp_path / "palette" / "landelijk").mkdir(parents=True)
    shutil.copytree(REPO / "palette" / "vocabulaires", tmp_path / "palette" / "vocabulaires")
    shutil.copy(REPO / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml", tmp_path / "palette" / "landelijk")
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
    """The real palette, built once per session for the address it is served at.

    mkdocs-material's instant navigation only works on the site_url, so the server starts first.
    """
    site = tmp_path_factory.mktemp("site") / "site"
    site.mkdir()
    yield from build_and_serve(Project(REPO), site)


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
