"""The short links' pages: docs/<name>/index.html for each abbreviation, a redirect to its entry."""

from __future__ import annotations

from collections.abc import Iterator

from ..kit import ENTRY_DIR, Kit, Page
from ..short_links import short_link_targets

FOLDERS: tuple[str, ...] = ()  # top-level folders of their own; generate.py removes the stale ones


def pages(kit: Kit) -> Iterator[Page]:
    moves = {name: f"{ENTRY_DIR}/{entry_id}" for name, entry_id in short_link_targets(kit.site.items)}
    yield from kit.redirects(moves, moved=False).items()
