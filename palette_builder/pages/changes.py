"""'Wat is er veranderd' (/wijzigingen/) and its Atom feed: the latest changes across the palette."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..kit import Kit, Page

FOLDER = "wijzigingen"
FOLDERS = (FOLDER,)
RECENT_CHANGES = 50  # on 'Wat is er veranderd' and in the feed
FEED_PATH = f"{FOLDER}/feed.xml"


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    recent = site.changes.recent[:RECENT_CHANGES]
    yield kit.page(
        "wijzigingen.md.j2",
        f"{FOLDER}/index.md",
        kit.meta("Wat is er veranderd", "De laatste wijzigingen in het interventiepalet, met datum en omschrijving."),
        changes=recent,
    )
    yield (
        FEED_PATH,
        kit.render(
            "wijzigingen-feed.xml.j2",
            site_url=site.settings.site_url,
            title=f"{site.name}: wat is er veranderd",
            author=site.name,
            updated=_updated(kit),
            changes=recent,
            feed=FEED_PATH,
            entry_address=site.settings.page_address,
        ),
    )


def _updated(kit: Kit) -> str:
    """The newest change; without history the newest review date, so the feed stays the same between builds."""
    site = kit.site
    if site.changes.recent:
        return site.changes.recent[0].commit.date.isoformat()
    latest = max((item.last_reviewed for item in site.items), default=dt.date(2026, 1, 1))
    return f"{latest.isoformat()}T00:00:00+00:00"
