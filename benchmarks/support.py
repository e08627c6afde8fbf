"""What the benchmark and the tests share: Debian's Chromium and an isolated copy of the project."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from palette_builder.render import GENERATED_DIRS
from palette_builder.short_links import short_link_folders

REPO = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def copy_project(target: Path) -> Path:
    """A copy of the project without generated pages, to build variants in isolation."""
    target.mkdir(parents=True, exist_ok=True)
    ignore_generated = shutil.ignore_patterns(*GENERATED_DIRS, *short_link_folders(REPO / "docs"))
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, target / name)
    for folder in ("overrides", "palette"):
        shutil.copytree(REPO / folder, target / folder)
    shutil.copytree(REPO / "docs", target / "docs", ignore=ignore_generated)
    return target


def gzip_size(path: Path) -> int:
    """Bytes of a file gzipped as a web server would send it (level 6), independent of the server."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def first_load(page, url: str, site: Path) -> dict[str, int]:
    """Open `url` in a fresh Playwright page and return every file fetched until the load event
    (and the network is idle), by site path, with its gzip size from `site`."""
    base = urlsplit(url)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    sizes: dict[str, int] = {}
    for address in fetched:
        parts = urlsplit(address)
        if parts.scheme not in ("http", "https") or parts.netloc != base.netloc:
            continue  # data: URLs and the like carry no bytes over the network
        path = parts.path.lstrip("/")
        file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
        sizes[parts.path] = gzip_size(file)
    return sizes
