"""Freshness on the site: 'mogelijk verouderd', the Wijzigingen of each entry, 'Wat is er veranderd' with
its Atom feed, and the link to report an error. The renderer adds these through `context()` and `pages()`."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .freshness import dutch_date
from .history import Commit, History, read_history
from .models import Intervention, RegionalSupplement
from .palette import Palette
from .site_settings import SiteSettings

ENTRY_CHANGES = 5  # on an entry's page
RECENT_CHANGES = 50  # on 'Wat is er veranderd' and in the feed
FEED_PATH = "wijzigingen/feed.xml"


@dataclass(frozen=True)
class Change:
    """One commit as the site shows it: which of the built entries it touched."""

    commit: Commit
    entries: list[Intervention]

    @property
    def anchor(self) -> str:
        return f"c-{self.commit.sha[:12]}"


class FreshnessPages:
    def __init__(
        self,
        palette: Palette,
        items: list[Intervention],
        supplements: dict[str, list[tuple[str, RegionalSupplement]]],
        root: Path | None,
        site: SiteSettings,
        region_label: str | None = None,
    ) -> None:
        self.palette, self.items, self.supplements = palette, items, supplements
        self.history = read_history(root) if root is not None else History(available=False)
        self.history.commits = [_published(commit, palette.change_texts) for commit in self.history.commits]
        self.site = site
        self.region_label = region_label
        by_id = {item.id: item for item in items}
        # Which built entry each file belongs to: its own file and the supplements shown with it.
        owners: dict[str, str] = {}
        for entry_id, entry in palette.entries.items():
            if entry_id in by_id and root is not None:
                own = _relative(entry.path, root)
                owners[own] = entry_id
                # A renamed entry keeps the history of its file under its former ids.
                for former in entry.intervention.former_ids:
                    owners[own.removesuffix(f"{entry_id}.yaml") + f"{former}.yaml"] = entry_id
        for entry_id, found in supplements.items():
            for region, _ in found:
                if entry_id in by_id:
                    owners[f"palette/regio/{region}/aanvullingen/{entry_id}.yaml"] = entry_id
        self.changes: list[Change] = []
        self.entry_changes: dict[str, list[Commit]] = {}
        for commit in self.history.commits:
            touched = list(dict.fromkeys(owners[path] for path in commit.paths if path in owners))
            if touched:
                self.changes.append(Change(commit, [by_id[entry_id] for entry_id in touched]))
            for entry_id in touched:
                self.entry_changes.setdefault(entry_id, []).append(commit)

    # -- what entry pages and cards use --------------------------------------------------------------
    def due_since(self, item: Intervention) -> dt.date | None:
        """The date the entry became due for review, if that has passed: then it is 'mogelijk verouderd'."""
        due = self.palette.review.due_date(item)
        return due if due <= self.palette.today else None

    def supplements_due(self, entry_id: str) -> list[tuple[str, dt.date]]:
        found = [(region, self.palette.review.supplement_due_date(supplement)) for region, supplement in self.supplements.get(entry_id, [])]
        return [(region, due) for region, due in found if due <= self.palette.today]

    def context(self) -> dict[str, Any]:
        return {
            "dutch_date": dutch_date,
            "due_since": self.due_since,
            "supplements_due": self.supplements_due,
            "history_available": self.history.available,
            "changes_of": lambda entry_id: self.entry_changes.get(entry_id, [])[:ENTRY_CHANGES],
            "report_link": lambda item: self.site.report_link(item.id, item.name),
        }

    # -- the page 'Wat is er veranderd' and its feed ------------------------------------------------------
    def pages(self, page: Callable[..., tuple[str, str]], meta: Callable[..., dict[str, Any]], env: Environment) -> list[tuple[str, str]]:
        recent = self.changes[:RECENT_CHANGES]
        listing = page(
            "wijzigingen.md.j2",
            "wijzigingen/index.md",
            meta("Wat is er veranderd", "De laatste wijzigingen in het interventiepalet, met datum en omschrijving."),
            changes=recent,
        )
        feed = env.get_template("wijzigingen-feed.xml.j2").render(
            site_url=self.site.site_url,
            title=f"{self._site_name()}: wat is er veranderd",
            author=self._site_name(),
            updated=self._updated(),
            changes=recent,
            feed=FEED_PATH,
            entry_url=self.site.page_address,
        )
        return [listing, (FEED_PATH, feed)]

    def _site_name(self) -> str:
        # A region's build names the region in the site name unless SITE_NAME is set (as project.py does for mkdocs).
        if self.region_label and "SITE_NAME" not in os.environ:
            return f"{self.site.site_name} – {self.region_label}"
        return self.site.site_name

    def _updated(self) -> str:
        """The newest change; without history the newest review date, so the feed stays the same between builds."""
        if self.changes:
            return self.changes[0].commit.date.isoformat()
        latest = max((item.last_reviewed for item in self.items), default=dt.date(2026, 1, 1))
        return f"{latest.isoformat()}T00:00:00+00:00"


def _published(commit: Commit, texts: dict[str, str]) -> Commit:
    """The commit as the site shows it: with its text from palette/wijzigingen.yaml, if it has one."""
    text = next((text for sha, text in texts.items() if commit.sha.startswith(sha)), None)
    return replace(commit, subject=text) if text is not None else commit


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
