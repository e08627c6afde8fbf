"""What the benchmarks and the tests share: Debian's Chromium, an isolated copy of the project and a served one."""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from palette_builder.generate import GENERATED_DIRS
from palette_builder.short_links import short_link_folders

REPO = Path(__file__).resolve().parent.parent

# The viewports the design is checked at (DESIGN.md): a phone, and a laptop's first screen.
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}

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


def copy_project(target: Path, palette: Path = REPO / "palette") -> Path:
    """A copy of the project without generated pages, to build variants in isolation; `palette`: the data
    to copy (the tests use a fixed palette of their own)."""
    target.mkdir(parents=True, exist_ok=True)
    ignore_generated = shutil.ignore_patterns(*GENERATED_DIRS, *short_link_folders(REPO / "docs"))
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, target / name)
    shutil.copytree(REPO / "overrides", target / "overrides")
    shutil.copytree(palette, target / "palette")
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


START_TIMEOUT = 180  # the first build of the real palette on a busy two-core machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text, or None when nothing answers on the port."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a local test server
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(condition: Callable[[], object], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return bool(condition())


def session_processes(session: int) -> list[int]:
    """Processes still alive in the session the serve command was started in."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (command) "
        if fields[0] != "Z" and int(fields[3]) == session:
            found.append(int(entry.name))
    return found


@contextmanager
def serving(root: Path, port: int, logs: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The serve command in its own session, so that whatever it starts can be found and cleaned up."""
    with open(logs / "serve.out", "wb") as out, open(logs / "serve.err", "wb") as err:
        process = subprocess.Popen(
            [sys.executable, str(REPO / "build_palette.py"), "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            for pid in session_processes(process.pid):
                os.kill(pid, signal.SIGKILL)
            process.wait(timeout=10)
