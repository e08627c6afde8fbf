"""The loaded palette: what the loader produces and the renderer, export and commands read.

Kept apart from the loader, so rendering needs the type without importing the loading code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .freshness import ReviewSettings
from .models import Intervention, RegionalSupplement
from .safe_yaml import Problem
from .vocabularies import RouteMap, Vocabularies
from .wegwijzer import Wegwijzer


@dataclass
class Entry:
    """A valid intervention with the file it came from."""

    intervention: Intervention
    path: Path
    display: str
    origin: str | None = None  # None: national; else the region whose folder holds the file


@dataclass
class Palette:
    vocabularies: Vocabularies
    entries: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # national id -> [(region, what that region adds)]
    supplements: dict[str, list[tuple[str, RegionalSupplement]]] = field(default_factory=dict)
    # When entries are due for review again, and the day that counts as today for it.
    review: ReviewSettings = field(default_factory=ReviewSettings)
    today: dt.date = field(default_factory=dt.date.today)
    # former id -> the id of the entry that had it (its old address sends visitors on)
    former_ids: dict[str, str] = field(default_factory=dict)
    # The national wegwijzer (None without palette/wegwijzer.yaml), and each region's own version.
    wegwijzer: Wegwijzer | None = None
    regional_wegwijzers: dict[str, Wegwijzer] = field(default_factory=dict)
    # The routekaart on every moment's page (None without palette/vocabulaires/routekaart.yaml).
    route_map: RouteMap | None = None
    # (Shortened) commit id -> the text the site shows for it instead of its subject line.
    change_texts: dict[str, str] = field(default_factory=dict)
    # Hosts whose text of a law counts as the official text (palette/vocabulaires/officiele-bronnen.yaml).
    official_hosts: set[str] = field(default_factory=set)

    @property
    def interventions(self) -> list[Intervention]:
        return [entry.intervention for entry in self.entries.values()]
