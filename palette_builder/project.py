"""Where things are in a checkout, and the commands of build_palette.py."""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .models import PATTERN_MESSAGES, SLUG_PATTERN
from .render import Renderer, render_new_entry, write_pages
from .schema import schema_text
from .validate import Palette, Sources, load_palette

ALL_REGIONS = "alle"


@dataclass
class Project:
    """A checkout. `region` selects what is built: None the national palette, a region id that region
    on top of it, "alle" every region folder."""

    root: Path
    region: str | None = None

    @property
    def palette_dir(self) -> Path:
        return self.root / "palette"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def schema_path(self) -> Path:
        return self.palette_dir / "schema" / "interventie.schema.json"

    @property
    def region_dir(self) -> Path:
        return self.palette_dir / "regio"

    def region_folders(self) -> dict[str, Path]:
        if not self.region_dir.is_dir():
            return {}
        return {folder.name: folder for folder in sorted(self.region_dir.iterdir()) if folder.is_dir() and not folder.name.startswith(".")}

    def sources(self, region: str | None) -> Sources:
        folders = self.region_folders()
        if region == ALL_REGIONS:
            selected = folders
        elif region is not None:
            selected = {region: folders.get(region, self.region_dir / region)}
        else:
            selected = {}
        return Sources(self.palette_dir / "landelijk", self.palette_dir / "vocabulaires", selected)

    def load(self) -> Palette:
        """The palette as this project builds it: national, plus the selected region(s)."""
        return self.load_selection(self.region)

    def load_selection(self, region: str | None) -> Palette:
        return load_palette(self.sources(region), self.root)

    def _missing_region(self) -> bool:
        if self.region not in (None, ALL_REGIONS) and self.region not in self.region_folders():
            known = ", ".join(self.region_folders()) or "geen"
            print(f"Er is geen map palette/regio/{self.region}/ (regiomappen: {known}).", file=sys.stderr)
            return True
        return False

    def check(self) -> int:
        """Check everything, every region included, so collisions between regions show up too."""
        if self._missing_region():
            return 1
        palette = self.load_selection(ALL_REGIONS)
        if report_problems(palette):
            return 1
        regions = len(self.region_folders())
        print(f"OK: {len(palette.entries)} interventies" + (f" (met {regions} regio('s))" if regions else "") + ", geen problemen.")
        return 0

    def generate(self, quiet: bool = False) -> int:
        """Validate, then write the generated Markdown; on any problem nothing is written."""
        if self._missing_region():
            return 1
        palette = self.load()
        if report_problems(palette):
            return 1
        stats = write_pages(Renderer(palette, region=self.region).pages(), self.docs_dir)
        if not quiet or stats.written or stats.removed:
            print(f"Pagina's: {stats.written} geschreven, {stats.unchanged} ongewijzigd, {stats.removed} verwijderd.")
        return 0

    def build(self, site_dir: Path | None = None) -> int:
        """Generate and build into a fresh folder; replace the site only when everything succeeded."""
        from . import site  # MkDocs is imported only by the commands that build

        return site.build(self, site_dir)

    def serve(self, dev_addr: str) -> int:
        """Serve with live reload; an edit in palette/ regenerates the pages, problems show on every page."""
        if self._missing_region():
            return 1
        from . import site

        return site.serve(self, dev_addr)

    def schema_file(self) -> Path:
        """National schema, or a region's (with its own vocabulary values) beside its folders."""
        if self.region in (None, ALL_REGIONS):
            return self.schema_path
        return self.region_dir / self.region / "interventie.schema.json"

    def write_schema(self) -> int:
        if self._missing_region():
            return 1
        palette = self.load()
        if not palette.vocabularies.terms.get("fasen"):
            report_problems(palette)
            return 1
        target = self.schema_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(schema_text(palette.vocabularies), encoding="utf-8")
        print(f"Geschreven: {target.relative_to(self.root)}")
        return 0

    def new_entry(self, entry_id: str) -> int:
        """Create a new entry file from the template, with the schema reference in place."""
        if not re.fullmatch(SLUG_PATTERN, entry_id):
            print(f"Ongeldige id {entry_id!r}: {PATTERN_MESSAGES[SLUG_PATTERN]}.", file=sys.stderr)
            return 1
        if self.region == ALL_REGIONS:
            print("Kies één regio met --regio, of geen voor een landelijke interventie.", file=sys.stderr)
            return 1
        if self.region is not None and self.region not in self.region_folders() and not self._create_region_folder():
            return 1
        if self.region is None:
            folder, schema = self.palette_dir / "landelijk", "../schema/interventie.schema.json"
        else:
            folder = self.region_dir / self.region / "interventies"
            schema = "../interventie.schema.json"
            if not (self.region_dir / self.region / "interventie.schema.json").exists():
                self.write_schema()
        palette = self.load_selection(ALL_REGIONS)
        if entry_id in palette.entries:
            print(f"De id {entry_id!r} bestaat al: {palette.entries[entry_id].display}.", file=sys.stderr)
            return 1
        target = folder / f"{entry_id}.yaml"
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(render_new_entry(entry_id, schema, self.region, dt.date.today()), encoding="utf-8")
        print(f"Gemaakt: {target.relative_to(self.root)}. Vul de velden in en controleer met: python build_palette.py check")
        return 0

    def _create_region_folder(self) -> bool:
        """`new --regio X` may start a region: X must be one of the known regions."""
        known = self.load_selection(None).vocabularies.ids("regios")
        if self.region not in known:
            print(f"Onbekende regio {self.region!r}; kies uit: {', '.join(known)}.", file=sys.stderr)
            return False
        (self.region_dir / self.region / "interventies").mkdir(parents=True, exist_ok=True)
        return True


def report_problems(palette: Palette) -> bool:
    for problem in palette.problems:
        print(problem, file=sys.stderr)
    if palette.problems:
        files = len({p.path for p in palette.problems})
        print(f"{len(palette.problems)} probleem/problemen in {files} bestand(en).", file=sys.stderr)
    return bool(palette.problems)
