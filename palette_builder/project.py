"""Where things are in a checkout, and the commands of build_palette.py."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .freshness import Due, count_phrase, dutch_date
from .models import PATTERN_MESSAGES, SLUG_PATTERN, ReviewStatus
from .render import Renderer, render_new_entry, write_pages
from .safe_yaml import locate
from .schema import schema_text
from .short_links import check_short_links
from .site_settings import settings_warnings
from .validate import Palette, Sources, load_palette

ALL_REGIONS = "alle"


@dataclass
class Project:
    """A checkout. `region` selects what is built: None the national palette, a region id that region
    on top of it, "alle" every region folder."""

    root: Path
    region: str | None = None
    today: dt.date | None = None  # the day review dates are measured against; None: the real today

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
        palette = load_palette(self.sources(region), self.root, self.today)
        check_short_links(palette, self.root)
        return palette

    def _missing_region(self) -> bool:
        if self.region not in (None, ALL_REGIONS) and self.region not in self.region_folders():
            known = ", ".join(self.region_folders()) or "geen"
            print(f"Er is geen map palette/regio/{self.region}/ (regiomappen: {known}).", file=sys.stderr)
            return True
        return False

    def check(self, strict: bool = False) -> int:
        """Check everything, every region included, so collisions between regions show up too.

        Entries past their review date are warnings; with `strict` (check --streng) they fail the check."""
        if self._missing_region():
            return 1
        palette = self.load_selection(ALL_REGIONS)
        if report_problems(palette):
            return 1
        regions = len(self.region_folders())
        with_regions = f" (met {regions} {'regio' if regions == 1 else 'regio’s'})" if regions else ""
        print(f"OK: {len(palette.entries)} interventies{with_regions}, geen problemen.")
        print(review_summary(palette))
        for warning in settings_warnings(self.root):
            print(warning, file=sys.stderr)
        return 1 if report_due(palette, self.root, strict) and strict else 0

    def generate(self, quiet: bool = False) -> int:
        """Validate, then write the generated Markdown; on any problem nothing is written."""
        if self._missing_region():
            return 1
        palette = self.load()
        if report_problems(palette):
            return 1
        stats = write_pages(Renderer(palette, region=self.region, root=self.root).pages(), self.docs_dir)
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
        if self.region in (None, ALL_REGIONS):
            return self.schema_path
        return self.region_dir / self.region / "interventie.schema.json"

    def write_schema(self) -> int:
        if self._missing_region():
            return 1
        palette = self.load()
        # The schema lists every vocabulary's values: from a broken vocabulary it would allow nothing.
        broken = [problem for problem in palette.problems if "/vocabulaires/" in f"/{problem.path}"]
        if broken or palette.vocabularies.unreadable:
            report_problems(Palette(palette.vocabularies, problems=broken))
            print("Het schema is niet geschreven: los eerst de problemen in de vocabulaires op.", file=sys.stderr)
            return 1
        target = self.schema_file()
        temporary = target.with_name(f".{target.name}.nieuw")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(schema_text(palette.vocabularies), encoding="utf-8")
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
        print(f'Gemaakt: {self._shown(target)}. Vervang elke "..." door de echte waarde en controleer met: python build_palette.py check')
        return 0

    def _create_region_folder(self) -> bool:
        """`new --regio X` may start a region: X must be one of the known regions."""
        known = self.load_selection(None).vocabularies.ids("regios")
        if self.region not in known:
            print(f"Onbekende regio {self.region!r}; kies uit: {', '.join(known)}.", file=sys.stderr)
            return False
        (self.region_dir / self.region / "interventies").mkdir(parents=True, exist_ok=True)
        return True


def review_summary(palette: Palette) -> str:
    """One line: how many entries were checked claim by claim against named sources."""
    entries = [entry.intervention for entry in palette.entries.values()]
    reviewed = sum(item.review_status is ReviewStatus.reviewed for item in entries)
    return f"Gecontroleerd: {reviewed} van {len(entries)} interventies; de rest is nog niet volledig nagekeken."


def due_for_review(palette: Palette) -> tuple[list[Due], list[Due]]:
    """(past their review date, due within the notice period), each sorted by date."""
    review, today = palette.review, palette.today
    found = [
        Due(entry.display, entry.intervention.name, review.due_date(entry.intervention), review.months_for(entry.intervention))
        for entry in palette.entries.values()
    ]
    for entry_id, supplements in palette.supplements.items():
        for region, supplement in supplements:
            display = f"palette/regio/{region}/aanvullingen/{entry_id}.yaml"
            months = review.supplement_months or review.default_months
            found.append(Due(display, palette.entries[entry_id].intervention.name, review.supplement_due_date(supplement), months, region))
    found.sort(key=lambda due: (due.due, due.display))
    soon = today + dt.timedelta(days=review.notice_days)
    return [due for due in found if due.due <= today], [due for due in found if today < due.due <= soon]


def report_due(palette: Palette, root: Path, strict: bool) -> bool:
    """Print the entries due for review: warnings, or errors with --streng. True when any is past due."""
    overdue, upcoming = due_for_review(palette)
    stream = sys.stderr if strict else sys.stdout
    kind = "fout" if strict else "waarschuwing"
    for due in overdue:
        path = root / due.display
        line, column = locate(path.read_text(encoding="utf-8"), ("laatst_gecontroleerd",)) if path.exists() else (1, 1)
        what = f"de regionale aanvulling ({due.supplement_of}) bij {due.name}" if due.supplement_of else due.name
        print(
            f"{due.display}:{line}:{column}: laatst_gecontroleerd: {kind}: {what} is mogelijk verouderd; "
            f"opnieuw nakijken sinds {dutch_date(due.due)} (termijn {due.months} maanden)",
            file=stream,
        )
    if overdue:
        phrase, verb = count_phrase(sum(due.supplement_of is None for due in overdue), sum(due.supplement_of is not None for due in overdue))
        print(f"Controle: {phrase} {verb} toe aan controle." + ("" if strict else " Met --streng telt dat als fout."), file=stream)
    else:
        print("Controle: alles is binnen de controletermijn.")
    if upcoming:
        phrase, verb = count_phrase(sum(due.supplement_of is None for due in upcoming), sum(due.supplement_of is not None for due in upcoming))
        names = "; ".join(f"{due.name} ({dutch_date(due.due)})" for due in upcoming[:10]) + (f" en {len(upcoming) - 10} meer" if len(upcoming) > 10 else "")
        print(f"Binnen {palette.review.notice_days} dagen {verb} {phrase} toe aan controle: {names}.")
    return bool(overdue)


def report_problems(palette: Palette) -> bool:
    for problem in palette.problems:
        print(problem, file=sys.stderr)
    if palette.problems:
        count, files = len(palette.problems), len({p.path for p in palette.problems})
        print(f"{count} {'probleem' if count == 1 else 'problemen'} in {files} {'bestand' if files == 1 else 'bestanden'}.", file=sys.stderr)
    return bool(palette.problems)
