"""Where things are in a checkout, and the commands of build_palette.py."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .generate import generate_pages, reserved_names, write_pages
from .history import CHANGE_TEXTS_FILE
from .kit import Site
from .models import PATTERN_MESSAGES, SLUG_PATTERN, ChangeTexts, Intervention, RegionalSupplement
from .new_entry import render_new_entry
from .palette import Palette
from .reports import report_due, report_language, report_problems, report_quality, review_summary
from .schema import SCHEMA_FILES, schema_text
from .selection import Selection
from .short_links import check_short_links
from .site_settings import settings_warnings
from .validate import Sources, load_palette, load_vocabularies
from .vocabularies import GlossaryFile
from .wegwijzer import FILE_NAME as WEGWIJZER_FILE
from .wegwijzer import WegwijzerFile


@dataclass
class Project:
    """A checkout. `region` selects what is built: a Selection, or the command line's --regio (None, a
    region id or 'alle'), parsed once here."""

    root: Path
    region: Selection | str | None = None
    today: dt.date | None = None  # the day review dates are measured against; None: the real today
    last_palette: Palette | None = field(default=None, init=False, repr=False)  # from the latest load

    def __post_init__(self) -> None:
        self.selection = self.region if isinstance(self.region, Selection) else Selection.parse(self.region)

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

    def sources(self, selection: Selection) -> Sources:
        selected = selection.folders(self.region_folders(), self.region_dir)
        return Sources(
            self.palette_dir / "landelijk", self.palette_dir / "vocabulaires", selected, self.palette_dir / WEGWIJZER_FILE, self.palette_dir / CHANGE_TEXTS_FILE
        )

    def load(self) -> Palette:
        """The palette as this project builds it: national, plus the selected region(s)."""
        self.last_palette = self.load_selection(self.selection)
        return self.last_palette

    def load_selection(self, selection: Selection) -> Palette:
        palette = load_palette(self.sources(selection), self.root, self.today)
        check_short_links(palette, reserved_names(self.root))
        return palette

    def data_date(self) -> dt.date | None:
        """The day the content shown was last changed or checked, from the palette loaded last."""
        return Site(self.last_palette, self.selection).data_date() if self.last_palette is not None else None

    def region_label(self) -> str | None:
        """How the site names the region it is built for, from the palette loaded last (None: national or all)."""
        if self.selection.region is None or self.last_palette is None:
            return None
        return self.selection.label(self.last_palette.vocabularies)

    def _missing_region(self) -> bool:
        region = self.selection.region
        if region is not None and region not in self.region_folders():
            known = ", ".join(self.region_folders()) or "geen"
            print(f"Er is geen map palette/regio/{region}/ (regiomappen: {known}).", file=sys.stderr)
            return True
        return False

    def check(self, strict: bool = False, language: bool = False) -> int:
        """Check everything, every region included, so collisions between regions show up too.

        Entries past their review date, missing answers and texts that are not plain enough are warnings;
        with `strict` (check --streng) they fail the check. `language` (check --taal) lists every measured text."""
        if self._missing_region():
            return 1
        palette = self.load_selection(Selection(all=True))
        if report_problems(palette):
            return 1
        if language:
            report_language(palette)
            return 0
        regions = len(self.region_folders())
        with_regions = f" (met {regions} {'regio' if regions == 1 else 'regio’s'})" if regions else ""
        print(f"OK: {len(palette.entries)} interventies{with_regions}, geen problemen.")
        print(review_summary(palette))
        for warning in settings_warnings(self.root) + self._stale_region_schemas():
            print(warning, file=sys.stderr)
        overdue = report_due(palette, self.root, strict)
        lacking = report_quality(palette, self.root, strict)
        return 1 if strict and (overdue or lacking) else 0

    def _stale_region_schemas(self) -> list[str]:
        """A region's schema lists the vocabularies as they were when it was written: after a national
        update (a new partner, say) the editor would refuse a value the build accepts."""
        warnings = []
        for region in self.region_folders():
            path = self.region_dir / region / "interventie.schema.json"
            if not path.is_file():
                continue
            # The national vocabularies and the region's, as `--regio <region> schema` reads them; not the
            # entries, which `check` has read already.
            vocabularies, _ = load_vocabularies([self.palette_dir / "vocabulaires", self.region_dir / region / "vocabulaires"], self.root)
            if path.read_text(encoding="utf-8") != schema_text(vocabularies, Intervention):
                warnings.append(
                    f"Let op: {self._shown(path)} is verouderd (de vocabulaires zijn veranderd); "
                    f"maak het opnieuw met: python build_palette.py --regio {region} schema"
                )
        return warnings

    def generate(self, quiet: bool = False) -> int:
        """Validate, then write the generated Markdown; on any problem nothing is written."""
        if self._missing_region():
            return 1
        palette = self.load()
        if report_problems(palette):
            return 1
        stats = write_pages(generate_pages(palette, self.selection, self.root), self.docs_dir)
        if not quiet or stats.written or stats.removed:
            print(f"Pagina's: {stats.written} geschreven, {stats.unchanged} ongewijzigd, {stats.removed} verwijderd.")
        return 0

    def build(self, site_dir: Path | None = None) -> int:
        """Generate and build into a fresh folder; replace the site only when everything succeeded."""
        from . import site  # MkDocs is imported only by the commands that build

        result = site.build(self, site_dir)
        if result == 0:
            for warning in settings_warnings(self.root):
                print(warning, file=sys.stderr)
        return result

    def serve(self, dev_addr: str) -> int:
        """Serve with live reload; an edit in palette/ regenerates the pages, problems show on every page."""
        if self._missing_region():
            return 1
        from . import site

        return site.serve(self, dev_addr)

    def schema_file(self) -> Path:
        """National schema, or a region's (with its own vocabulary values) beside its folders."""
        if self.selection.region is None:
            return self.schema_path
        return self.region_dir / self.selection.region / "interventie.schema.json"

    def write_schema(self) -> int:
        if self._missing_region():
            return 1
        palette = self.load()
        if not self._known_region(palette):
            return 1
        # The schema lists every vocabulary's values: from a broken vocabulary it would allow nothing.
        broken = [problem for problem in palette.problems if "/vocabulaires/" in f"/{problem.path}"]
        if broken or palette.vocabularies.unreadable:
            report_problems(Palette(palette.vocabularies, problems=broken))
            print("Het schema is niet geschreven: los eerst de problemen in de vocabulaires op.", file=sys.stderr)
            return 1
        targets = [(self.schema_file(), Intervention)]
        if self.selection.region is None:  # these name no vocabulary value: one schema for every region
            others = (RegionalSupplement, WegwijzerFile, ChangeTexts, GlossaryFile)
            targets += [(self.palette_dir / "schema" / SCHEMA_FILES[model][0], model) for model in others]
        for target, model in targets:
            temporary = target.with_name(f".{target.name}.nieuw")
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                temporary.write_text(schema_text(palette.vocabularies, model), encoding="utf-8")
                temporary.replace(target)  # all or nothing: a failed write keeps the previous schema
            except OSError as error:
                print(f"Het schema kon niet worden geschreven naar {self._shown(target)}: {error.strerror or error}.", file=sys.stderr)
                with contextlib.suppress(OSError):
                    temporary.unlink()
                return 1
            print(f"Geschreven: {self._shown(target)}")
        return 0

    def _shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def new_entry(self, entry_id: str) -> int:
        """Create a new entry file from the template, with the schema reference in place."""
        if not re.fullmatch(SLUG_PATTERN, entry_id):
            print(f"Ongeldige id {entry_id!r}: {PATTERN_MESSAGES[SLUG_PATTERN]}.", file=sys.stderr)
            return 1
        region = self.selection.region
        if self.selection.all:
            print("Kies één regio met --regio, of geen voor een landelijke interventie.", file=sys.stderr)
            return 1
        if region is not None and not self._create_region_folder(region):
            return 1
        if region is None:
            folder, schema = self.palette_dir / "landelijk", "../schema/interventie.schema.json"
        else:
            folder = self.region_dir / region / "interventies"
            schema = "../interventie.schema.json"
            if not (self.region_dir / region / "interventie.schema.json").exists():
                self.write_schema()
        palette = self.load_selection(Selection(all=True))
        if entry_id in palette.entries:
            print(f"De id {entry_id!r} bestaat al: {palette.entries[entry_id].display}.", file=sys.stderr)
            return 1
        target = folder / f"{entry_id}.yaml"
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(render_new_entry(entry_id, schema, region, dt.date.today(), palette.vocabularies), encoding="utf-8")
        print(f'Gemaakt: {self._shown(target)}. Vervang elke "..." door de echte waarde en controleer met: python build_palette.py check')
        return 0

    def _known_region(self, palette: Palette) -> bool:
        """The selected region must be a known one, also when its folder already exists: `check` refuses
        an unknown folder, so `schema` and `new` say so at once instead of writing into it."""
        region = self.selection.region
        known = palette.vocabularies.ids("regios")
        if region is None or region in known:
            return True
        print(f"Onbekende regio {region!r}; kies uit: {', '.join(known)}.", file=sys.stderr)
        return False

    def _create_region_folder(self, region: str) -> bool:
        """`new --regio X` may start a region: X must be one of the known regions."""
        if not self._known_region(self.load_selection(self.selection)):
            return False
        (self.region_dir / region / "interventies").mkdir(parents=True, exist_ok=True)
        return True
