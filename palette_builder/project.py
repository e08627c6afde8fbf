"""Where things are in a checkout, and the commands of build_palette.py."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .schema import schema_text
from .validate import Palette, load_palette


@dataclass
class Project:
    root: Path

    @property
    def palette_dir(self) -> Path:
        return self.root / "palette"

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

    def write_schema(self) -> int:
        palette = self.load()
        if palette.problems and not palette.vocabularies.terms.get("fasen"):
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
