"""What changed in the built entries, from the git history: each entry's recent changes, and the recent
changes of the whole palette for 'Wat is er veranderd' and its feed.

A commit is published with its subject line, or with the Dutch text `palette/wijzigingen.yaml` gives it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .history import Commit, History, read_history
from .models import Intervention, RegionalSupplement
from .palette import Palette

ENTRY_CHANGES = 5  # on an entry's page


@dataclass(frozen=True)
class Change:
    """One commit as the site shows it: which of the built entries it touched."""

    commit: Commit
    entries: list[Intervention]

    @property
    def anchor(self) -> str:
        return f"c-{self.commit.sha[:12]}"


class Changes:
    def __init__(
        self,
        palette: Palette,
        items: list[Intervention],
        supplements: dict[str, list[tuple[str, RegionalSupplement]]],
        root: Path | None,
    ) -> None:
        self.history = read_history(root) if root is not None else History(available=False)
        self.history.commits = [_published(commit, palette.change_texts) for commit in self.history.commits]
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
        self.recent: list[Change] = []
        self._of_entry: dict[str, list[Commit]] = {}
        for commit in self.history.commits:
            touched = list(dict.fromkeys(owners[path] for path in commit.paths if path in owners))
            if touched:
                self.recent.append(Change(commit, [by_id[entry_id] for entry_id in touched]))
            for entry_id in touched:
                self._of_entry.setdefault(entry_id, []).append(commit)

    @property
    def available(self) -> bool:
        return self.history.available

    def of_entry(self, entry_id: str) -> list[Commit]:
        """The latest changes of one entry, newest first, for its page."""
        return self._of_entry.get(entry_id, [])[:ENTRY_CHANGES]


def _published(commit: Commit, texts: dict[str, str]) -> Commit:
    """The commit as the site shows it: with its text from palette/wijzigingen.yaml, if it has one."""
    text = next((text for sha, text in texts.items() if commit.sha.startswith(sha)), None)
    return replace(commit, subject=text) if text is not None else commit


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
