"""What a build shows: the national palette, the national palette with one region, or with every region."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .vocabularies import Vocabularies

ALL_REGIONS = "alle"  # the value of --regio that selects every region folder


@dataclass(frozen=True)
class Selection:
    region: str | None = None  # the one region shown on top of the national palette
    all: bool = False  # every region folder

    @classmethod
    def parse(cls, value: str | None) -> Selection:
        """From the command line's --regio: nothing, a region id or 'alle'."""
        if value is None:
            return cls()
        return cls(all=True) if value == ALL_REGIONS else cls(region=value)

    @property
    def national(self) -> bool:
        return self.region is None and not self.all

    @property
    def value(self) -> str | None:
        """As the command line and the open data write it: None, a region id or 'alle'."""
        return ALL_REGIONS if self.all else self.region

    def includes(self, region: str) -> bool:
        """Whether what region `region` adds belongs to this build."""
        return self.all or region == self.region

    def folders(self, existing: dict[str, Path], region_dir: Path) -> dict[str, Path]:
        """The region folders to load (a missing one is reported by the loader)."""
        if self.all:
            return existing
        return {self.region: existing.get(self.region, region_dir / self.region)} if self.region else {}

    def label(self, vocabularies: Vocabularies) -> str | None:
        """How the site names what it shows besides the national palette: None when national."""
        if self.all:
            return "alle regio's"
        return vocabularies.label("regios", self.region) if self.region else None


NATIONAL = Selection()
