"""Site search: a MkDocs plugin that runs Pagefind over the built site after every build.

A plugin (registered in pyproject.toml) rather than a `hooks:` file, so that `mkdocs build`,
`mkdocs serve`, `build_palette.py` and copies of the project outside the repository all index
the site the same way. Pagefind's binary ships inside its wheel: nothing is downloaded.

In a build, each page goes to Pagefind's indexing service (`pagefind --service`) as soon as MkDocs
has rendered it, so Pagefind works on the second core while MkDocs renders the next page; after the
last page the service writes the bundle. While serving, the index is made in the background after
each build, so a reload does not wait for it: the served pages show an edit first, and search follows
a moment later. Meanwhile the previous index stays in place, also after a build that emptied the site
folder.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.pages import Page
from pagefind.service import get_executable

# The search bundle's folder inside the site; docs/assets/javascripts/zoeken.js loads it from there.
OUTPUT_SUBDIR = "pagefind"

log = get_plugin_logger(__name__)


def pagefind_start() -> list[str]:
    # The binary itself, found the way `python -m pagefind` finds it, without starting another Python.
    binary = get_executable()
    return [str(binary)] if binary is not None else [sys.executable, "-m", "pagefind"]


def pagefind_command(site_dir: str, output_path: str | None = None) -> list[str]:
    output = ["--output-path", output_path] if output_path else ["--output-subdir", OUTPUT_SUBDIR]
    return [*pagefind_start(), "--site", site_dir, *output, "--silent"]


def run_pagefind(site_dir: str, output_path: str | None = None) -> None:
    result = subprocess.run(pagefind_command(site_dir, output_path), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"Pagefind kon de zoekindex niet maken:\n{result.stdout}{result.stderr}")


class IndexService:
    """Pagefind's indexing service, fed one page at a time while MkDocs builds the next.

    The protocol is the one Pagefind's own Python and Node packages speak: each message is base64 of a
    JSON object, followed by a comma; every answer carries the number of the message it answers. The
    Python package's client waits 0.1 s before reading each answer (100 s at 1,000 pages), so this one
    reads them in a thread of its own as they come. Requests are not awaited one by one: the pages
    stream in, and `write` waits for every answer before the bundle counts as made.
    """

    def __init__(self) -> None:
        self._process = subprocess.Popen([*pagefind_start(), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._answers: dict[int, dict[str, Any]] = {}
        self._answered = threading.Condition()
        self._sent = 0
        self._reader = threading.Thread(target=self._read, name="pagefind-service", daemon=True)
        self._reader.start()
        self._index_id = self._wait(self._send({"type": "NewIndex", "config": None}), timeout=60)["index_id"]
        self._pages: list[int] = []

    def _send(self, payload: dict[str, Any]) -> int:
        assert self._process.stdin is not None
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}).encode()
        try:
            self._process.stdin.write(base64.b64encode(message) + b",")
            self._process.stdin.flush()
        except OSError as error:  # the service stopped
            raise PluginError(f"Pagefind kon de zoekindex niet maken:\nde zoekdienst is gestopt ({error.strerror or error}).") from error
        return self._sent

    def _read(self) -> None:
        assert self._process.stdout is not None
        buffered = b""
        while chunk := self._process.stdout.read1(1 << 16):
            buffered += chunk
            *messages, buffered = buffered.split(b",")
            for message in messages:
                answer = json.loads(base64.b64decode(message))
                with self._answered:
                    self._answers[answer.get("message_id") or 0] = answer["payload"]
                    self._answered.notify_all()
        with self._answered:  # the service ended: wake anyone still waiting
            self._answers[-1] = {"type": "Error", "message": "de zoekdienst is gestopt."}
            self._answered.notify_all()

    def _wait(self, message_id: int, timeout: float = 600) -> dict[str, Any]:
        with self._answered:
            self._answered.wait_for(lambda: message_id in self._answers or -1 in self._answers, timeout=timeout)
            answer = self._answers.pop(message_id, None) or self._answers.get(-1) or {"type": "Error", "message": "geen antwoord"}
        if answer["type"] == "Error":
            raise PluginError(f"Pagefind kon de zoekindex niet maken:\n{answer.get('message', '')}")
        return answer

    def add(self, source_path: str, html: str) -> None:
        """Index one page; its address follows from its path in the site, as with `pagefind --site`."""
        self._pages.append(self._send({"type": "AddFile", "index_id": self._index_id, "file_path": source_path, "url": None, "file_contents": html}))

    def write(self, output_path: str) -> None:
        """Wait until every page is indexed, then write the bundle."""
        for message_id in self._pages:
            self._wait(message_id)
        if not self._pages:
            raise PluginError("Pagefind kon de zoekindex niet maken:\nde site heeft geen pagina's.")
        self._wait(self._send({"type": "WriteFiles", "index_id": self._index_id, "output_path": output_path}))

    def close(self) -> None:
        try:
            if self._process.stdin is not None:
                self._process.stdin.close()  # the service ends when its input does
        except OSError:
            pass  # it had stopped already
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
        self._reader.join(timeout=10)


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
    stream: IndexService | None = None  # a build's pages, indexed while MkDocs renders the next

    def on_startup(self, *, command: str, dirty: bool) -> None:
        if command == "serve" and self.background is None:
            self.background = BackgroundIndex()
        elif command != "serve":
            self.on_shutdown()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.background is None:
            self._stop_stream()
            self.stream = IndexService()

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.stream is not None:
            self.stream.add(page.file.dest_uri, output)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.stream is not None:
            try:
                self.stream.write(str(Path(config.site_dir) / OUTPUT_SUBDIR))
            finally:
                self._stop_stream()
            return
        if self.background is None:
            run_pagefind(config.site_dir)
            return
        self.background.restore(config.site_dir)
        self.background.request(config.site_dir)

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_stream()

    def _stop_stream(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None

    def on_shutdown(self) -> None:
        self._stop_stream()
        if self.background is not None:
            self.background.close()
            self.background = None
