"""Where things are in a checkout, and the commands of build_palette.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from .render import Renderer, write_pages
from .schema import schema_text
from .validate import Palette, load_palette


@dataclass
class Project:
    root: Path

    @property
    def palette_dir(self) -> Path:
        return self.root / "palette"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def schema_path(self) -> Path:
        return self.palette_dir / "schema" / "interventie.schema.json"

    def load(self) -> Palette:
        return load_palette(
            entry_folders=[self.palette_dir / "landelijk"],
            vocabulary_folders=[self.palette_dir / "vocabulaires"],
            root=self.root,
        )

    def check(self) -> int:
        palette = self.load()
        if report_problems(palette):
            return 1
        print(f"OK: {len(palette.entries)} interventies, geen problemen.")
        return 0

    def generate(self, quiet: bool = False) -> int:
        """Validate, then write the generated Markdown; on any problem nothing is written."""
        palette = self.load()
        if report_problems(palette):
            return 1
        stats = write_pages(Renderer(palette).pages(), self.docs_dir)
        if not quiet or stats.written or stats.removed:
            print(f"Pagina's: {stats.written} geschreven, {stats.unchanged} ongewijzigd, {stats.removed} verwijderd.")
        return 0

    def build(self, site_dir: Path | None = None) -> int:
        """Generate and build into a fresh folder; replace the site only when everything succeeded."""
        if self.generate() != 0:
            print("De site is niet bijgewerkt: los eerst de problemen op.", file=sys.stderr)
            return 1
        site = (site_dir or self.root / "site").resolve()
        staging = site.with_name(f".{site.name}.nieuw")
        shutil.rmtree(staging, ignore_errors=True)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(staging)],
            cwd=self.root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=False,
        )
        if result.returncode != 0:
            shutil.rmtree(staging, ignore_errors=True)
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

    def serve(self, dev_addr: str) -> int:
        """Serve with mkdocs; a watcher regenerates pages after a YAML edit (mkdocs then reloads)."""
        self.generate()
        stop = threading.Event()
        threading.Thread(target=self._watch_palette, args=(stop,), daemon=True).start()
        try:
            return subprocess.call(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", dev_addr, "--no-strict"],
                cwd=self.root,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
        except KeyboardInterrupt:
            return 0
        finally:
            stop.set()

    def _watch_palette(self, stop: threading.Event) -> None:
        def snapshot() -> dict[Path, float]:
            return {path: path.stat().st_mtime for path in self.palette_dir.rglob("*.yaml")}

        seen = snapshot()
        while not stop.wait(1.0):
            current = snapshot()
            if current != seen:
                seen = current
                self.generate(quiet=True)

    def write_schema(self) -> int:
        palette = self.load()
        if not palette.vocabularies.terms.get("fasen"):
            report_problems(palette)
            return 1
        self.schema_path.parent.mkdir(parents=True, exist_ok=True)
        self.schema_path.write_text(schema_text(palette.vocabularies), encoding="utf-8")
        print(f"Geschreven: {self.schema_path.relative_to(self.root)}")
        return 0


def report_problems(palette: Palette) -> bool:
    for problem in palette.problems:
        print(problem, file=sys.stderr)
    if palette.problems:
        files = len({p.path for p in palette.problems})
        print(f"{len(palette.problems)} probleem/problemen in {files} bestand(en).", file=sys.stderr)
    return bool(palette.problems)
