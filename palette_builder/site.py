"""Building and serving the site with MkDocs in this process.

MkDocs runs in the same interpreter as the validation (no second Python start, no second round of
imports). The configuration is read by MkDocs' own loader from the project's mkdocs.yml, so plugins and
hooks declared there run exactly as they do under the `mkdocs` command.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

import watchdog.events
from jinja2 import Environment, FileSystemLoader
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import IpAddress
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from .dutch import dutch_date
from .generate import GENERATED_DIRS, WriteStats, generate_pages, write_pages
from .kit import TEMPLATES
from .palette import Palette
from .reports import report_problems
from .safe_yaml import remember_parsed_files
from .selection import Selection
from .site_settings import site_name
from .template_cache import MemoryBytecodeCache

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

MAX_PROBLEMS_SHOWN = 50
# How often the server looks for changed files (MkDocs: 0.5 s); part of the time a reload takes.
POLLING_INTERVAL = 0.25


class Checkout(Protocol):
    """What building and serving need of a checkout (project.Project)."""

    root: Path
    selection: Selection

    @property
    def docs_dir(self) -> Path: ...

    @property
    def palette_dir(self) -> Path: ...

    def load(self) -> Palette: ...

    def generate(self, quiet: bool = False) -> int: ...

    def region_label(self) -> str | None: ...

    def data_date(self) -> dt.date | None: ...


def load_mkdocs_config(project: Checkout, **options: Any) -> MkDocsConfig:
    """mkdocs.yml through MkDocs' own loader (plugins, hooks, !ENV), with command-line style overrides."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(config_file=str(project.root / "mkdocs.yml"), **options)
    config.site_name = site_name(config.site_name, project.region_label())
    # The print footer's date: the day the content was last changed or checked (in Dutch, from dutch.py).
    data_date = project.data_date()
    if data_date is not None:
        config.extra["gegevens_datum"] = dutch_date(data_date)
    # pymdownx.snippets reads a relative base_path from the working directory; the project's own folder
    # is meant (the home page includes the generated status line), also when run with --root from elsewhere.
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    if "base_path" in snippets:
        paths = snippets["base_path"] if isinstance(snippets["base_path"], list) else [snippets["base_path"]]
        snippets["base_path"] = [str(project.root / path) for path in paths]
    return config


@contextlib.contextmanager
def mkdocs_logging(level: int) -> Iterator[None]:
    """What the `mkdocs` command sets up: its messages on standard error from `level` on."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    saved = logger.level, logger.propagate
    logger.setLevel(level)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def build(project: Checkout, site_dir: Path | None = None) -> int:
    """Generate and build into a fresh folder; replace the site only when everything succeeded."""
    if project.generate() != 0:
        print("De site is niet bijgewerkt: los eerst de problemen op.", file=sys.stderr)
        return 1
    site = (site_dir or project.root / "site").resolve()
    staging = site.with_name(f".{site.name}.nieuw")
    shutil.rmtree(staging, ignore_errors=True)
    built = False
    try:
        built = build_strict(project, staging)
    finally:
        if not built:
            shutil.rmtree(staging, ignore_errors=True)
    if not built:
        print("mkdocs build is mislukt; de vorige site is ongewijzigd.", file=sys.stderr)
        return 1
    previous = site.with_name(f".{site.name}.oud")
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Site gebouwd in {site}")
    return 0


def build_strict(project: Checkout, site_dir: Path, adjust: Callable[[MkDocsConfig], None] | None = None) -> bool:
    """`mkdocs build --strict --site-dir site_dir`, warnings shown (they fail the build).
    `adjust` changes the loaded configuration for this build only (the offline copy)."""
    with mkdocs_logging(logging.WARNING):
        try:
            config = load_mkdocs_config(project, site_dir=str(site_dir), strict=True)
            if adjust is not None:
                adjust(config)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            print(error.format_message(), file=sys.stderr)
            return False
    return True


class PaletteServer(LiveReloadServer):
    """MkDocs' development server, with two additions: the port is claimed before the first build, and
    while the palette has problems every page shows them at the top."""

    def __init__(self, *args: Any, generated: Iterable[Path] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.problems: list[str] = []
        self.generated = tuple(f"{folder}{os.sep}" for folder in generated)
        self.changed: set[str] = set()  # paths changed since the last build, outside the generated folders
        self._bound = False
        templates = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
        self._banner = templates.get_template("serve-problemen.html.j2")

    def server_bind(self) -> None:
        # serve() binds again; binding here first lets a busy port fail before the first build.
        if not self._bound:
            super().server_bind()
            self.server_activate()
            self._bound = True

    def server_activate(self) -> None:
        if not self._bound:
            super().server_activate()

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """As LiveReloadServer.watch in MkDocs 1.6, except that the pages written by the rebuild itself
        (the generated folders in docs/) do not ask for a second rebuild."""
        path = os.path.abspath(path)
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1

        def callback(event: watchdog.events.FileSystemEvent) -> None:
            paths = [str(event.src_path), str(getattr(event, "dest_path", "") or event.src_path)]
            if event.is_directory or all(changed.startswith(self.generated) for changed in paths):
                return
            with self._rebuild_cond:
                self.changed.update(paths)
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback  # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def take_changes(self) -> set[str]:
        with self._rebuild_cond:
            changed, self.changed = self.changed, set()
        return changed

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)
        problems = self.problems
        if not problems:
            return content
        banner = self._banner.render(problems=problems[:MAX_PROBLEMS_SHOWN], hidden=len(problems) - MAX_PROBLEMS_SHOWN, total=len(problems))
        start = content.find(b"<body")
        after_body = content.find(b">", start) + 1 if start >= 0 else 0
        return content[:after_body] + banner.encode("utf-8") + content[after_body:]


def address_problem(error: OSError, host: str, port: int) -> str:
    """One line that says what to do, instead of the socket's traceback."""
    if error.errno == errno.EADDRINUSE:
        return f"Poort {port} is al in gebruik; kies een andere met --dev-addr {host}:{port + 1}."
    if error.errno == errno.EACCES:
        return f"Poort {port} is niet toegestaan; kies een poort boven 1023 met --dev-addr {host}:8000."
    return f"Kan niet luisteren op {host}:{port} ({error.strerror or error}); kies een ander adres met --dev-addr 127.0.0.1:8000."


def serve(project: Checkout, dev_addr: str) -> int:
    """Serve with live reload. An edit in palette/ regenerates the pages and rebuilds; while the data has
    problems, the last good site stays and every page lists the problems. SIGTERM and SIGINT stop it all."""
    notice = _NoDirtyNotice()
    logging.getLogger("mkdocs.commands.build").addFilter(notice)
    with mkdocs_logging(logging.INFO), _stop_on_signals():
        try:
            return _serve(project, dev_addr)
        except KeyboardInterrupt:
            return 0
        except MkDocsException as error:
            print(error.format_message(), file=sys.stderr)
            return 1
        finally:
            logging.getLogger("mkdocs.commands.build").removeFilter(notice)


class _NoDirtyNotice(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be stale; ours are only chosen when it is not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _serve(project: Checkout, dev_addr: str) -> int:
    site_dir = tempfile.mkdtemp(prefix="interventiepalet-")
    try:
        return _serve_from(project, dev_addr, site_dir)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _serve_from(project: Checkout, dev_addr: str, site_dir: str) -> int:
    try:
        address = IpAddress().validate(dev_addr)
    except ValidationError:
        print(f"Ongeldig adres {dev_addr!r}; gebruik de vorm --dev-addr 127.0.0.1:8000.", file=sys.stderr)
        return 1
    host, port = address.host, address.port
    project.load()  # the region's name for the site name; the builder loads again on every change
    config = load_mkdocs_config(project, site_dir=site_dir, dev_addr=dev_addr, strict=False)
    mount_path = urlsplit(config.site_url or "/").path
    built_name: str | None = None  # the site name of the last build; None before the first
    theme_templates = MemoryBytecodeCache()
    remember_parsed_files()

    def builder(config: MkDocsConfig | None = None) -> None:
        nonlocal built_name
        changed = server.take_changes()
        written = _regenerate(project, server)
        if written is None and built_name is not None:
            return  # the last good site stays; every page now lists the problems
        config = config or load_mkdocs_config(project, site_dir=site_dir, dev_addr=dev_addr, strict=False)
        config.site_url = server.url
        _keep_compiled_templates(config, theme_templates)
        dirty = built_name == config.site_name and written is not None and _only_pages_changed(project, changed, written)
        mkdocs_build(config, serve_url=server.url, dirty=dirty)
        built_name = config.site_name

    generated = [Path(config.docs_dir) / folder for folder in GENERATED_DIRS]
    server = PaletteServer(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path, polling_interval=POLLING_INTERVAL, generated=generated)
    server.error_handler = lambda code: _error_page(site_dir, code)
    try:
        server.server_bind()
    except OSError as error:
        server.server_close()
        print(address_problem(error, host, port), file=sys.stderr)
        return 1

    config.plugins.on_startup(command="serve", dirty=False)
    try:
        for path in (config.docs_dir, config.config_file_path, project.root / "overrides", project.palette_dir):
            if path and Path(path).exists():
                server.watch(str(path))
        builder(config)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
    return 0


def _keep_compiled_templates(config: MkDocsConfig, cache: MemoryBytecodeCache) -> None:
    """MkDocs makes a new jinja environment for the theme on every build; give each one the same cache."""
    theme = config.theme
    make_env = theme.get_env

    def get_env() -> Environment:
        env = make_env()
        env.bytecode_cache = cache
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def _regenerate(project: Checkout, server: PaletteServer) -> WriteStats | None:
    """Validate and write the pages that changed; on problems write nothing and show them on every page."""
    palette = project.load()
    if report_problems(palette):
        server.problems = [str(problem) for problem in palette.problems]
        return None
    server.problems = []
    return write_pages(generate_pages(palette, project.selection, project.root), project.docs_dir)


SNIPPET = re.compile(r"""^\s*--8<--\s+["']?([^"'\s]+)""", re.MULTILINE)


def _only_pages_changed(project: Checkout, changed: set[str], written: WriteStats) -> bool:
    """Whether rebuilding just the pages the generator rewrote is enough (MkDocs' dirty build, which
    rebuilds the pages whose source is newer than their output). It is when only palette data changed
    and the generator neither added nor removed a file (the navigation and the site's file list stay)
    and rewrote no file that a hand-written page takes in as a snippet (that page would look unchanged)."""
    palette = f"{project.palette_dir}{os.sep}"
    if not changed or not all(path.startswith(palette) for path in changed) or written.created or written.removed:
        return False
    docs = project.docs_dir
    generated = tuple(docs / folder for folder in GENERATED_DIRS)
    included = {
        name
        for page in docs.rglob("*.md")
        if not any(page.is_relative_to(folder) for folder in generated)
        for name in SNIPPET.findall(page.read_text(encoding="utf-8"))
    }
    return not any(path.relative_to(docs).as_posix() in included for path in written.paths)


def _error_page(site_dir: str, code: int) -> bytes | None:
    page = Path(site_dir) / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGINT (also when started with SIGINT ignored) stop the server the way Ctrl+C does:
    the port is released and the temporary site removed."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, interrupt) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
