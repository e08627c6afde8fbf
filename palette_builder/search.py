"""Site search: a MkDocs plugin that runs Pagefind over the built site after every build.

A plugin (registered in pyproject.toml) rather than a `hooks:` file, so that `mkdocs build`,
`mkdocs serve`, `build_palette.py` and copies of the project outside the repository all index
the site the same way. Pagefind's binary ships inside its wheel: nothing is downloaded.

While serving, the index is made in the background after each build, so a reload does not wait
for it: the served pages show an edit first, and search follows a moment later. Meanwhile the
previous index stays in place, also after a build that emptied the site folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from pagefind.service import get_executable

# The search bundle's folder inside the site; docs/assets/javascripts/zoeken.js loads it from there.
OUTPUT_SUBDIR = "pagefind"

log = get_plugin_logger(__name__)


def pagefind_command(site_dir: str, output_path: str | None = None) -> list[str]:
    output = ["--output-path", output_path] if output_path else ["--output-subdir", OUTPUT_SUBDIR]
    # The binary itself, found the way `python -m pagefind` finds it, without starting another Python.
    binary = get_executable()
    start = [str(binary)] if binary is not None else [sys.executable, "-m", "pagefind"]
    return [*start, "--site", site_dir, *output, "--silent"]


def run_pagefind(site_dir: str, output_path: str | None = None) -> None:
    result = subprocess.run(pagefind_command(site_dir, output_path), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"Pagefind kon de zoekindex niet maken:\n{result.stdout}{result.stderr}")


class BackgroundIndex:
    """One Pagefind run at a time, after the latest build; runs asked for meanwhile become one more run.

    Each run writes into a folder of its own outside the site and then replaces the site's bundle, so
    the served bundle is always a complete one. The latest bundle is also kept aside, to put back at
    once when a full rebuild has emptied the site folder."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="interventiepalet-zoekindex-"))
        self.latest = self.folder / "laatste"
        self._lock = threading.Lock()
        self._wanted: str | None = None  # the site folder to index next
        self._worker: threading.Thread | None = None
        self.idle = threading.Event()
        self.idle.set()

    def restore(self, site_dir: str) -> None:
        """Put the latest bundle back into a site folder that a clean build emptied."""
        target = Path(site_dir) / OUTPUT_SUBDIR
        if self.latest.is_dir() and not target.exists():
            with self._lock:
                shutil.copytree(self.latest, target, dirs_exist_ok=True)

    def request(self, site_dir: str) -> None:
        with self._lock:
            self._wanted = site_dir
            self.idle.clear()
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._run, name="pagefind", daemon=True)
                self._worker.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site_dir, self._wanted = self._wanted, None
                if site_dir is None:
                    self.idle.set()
                    return
            fresh = self.folder / "nieuw"
            shutil.rmtree(fresh, ignore_errors=True)
            try:
                run_pagefind(site_dir, str(fresh))
                with self._lock:
                    self._install(fresh, Path(site_dir) / OUTPUT_SUBDIR)
            except (PluginError, OSError) as error:
                # The previous index stays; the next build asks again.
                log.warning(str(error))

    def _install(self, fresh: Path, target: Path) -> None:
        staged, old = target.with_name(f".{OUTPUT_SUBDIR}.nieuw"), target.with_name(f".{OUTPUT_SUBDIR}.oud")
        for folder in (staged, old):
            shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(fresh, staged)
        if target.exists():
            target.rename(old)
        staged.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(self.latest, ignore_errors=True)
        fresh.rename(self.latest)

    def close(self) -> None:
        with self._lock:
            self._wanted = None
        if self._worker is not None:
            self._worker.join(timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


class PagefindPlugin(BasePlugin):
    # Having on_startup keeps one instance across the rebuilds of `serve`, and with it the background index.
    background: BackgroundIndex | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        if command == "serve" and self.background is None:
            self.background = BackgroundIndex()
        elif command != "serve":
            self.on_shutdown()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.background is None:
            run_pagefind(config.site_dir)
            return
        self.background.restore(config.site_dir)
        self.background.request(config.site_dir)

    def on_shutdown(self) -> None:
        if self.background is not None:
            self.background.close()
            self.background = None
