"""An entry's page (/interventies/<id>/), and a page at each former id that sends visitors on."""

from __future__ import annotations

from collections.abc import Iterator

from ..kit import ENTRY_DIR, Kit, Page, entry_doc

FOLDERS = (ENTRY_DIR,)
NOT_IN_NAV = FOLDERS  # thousands of pages: in the navigation they would slow every build


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    for item in site.items:
        yield kit.page(
            "interventie.md.j2",
            entry_doc(item.id),
            kit.meta(item.name, item.summary, hide=["navigation"]),
            item=item,
            parent=site.by_id.get(item.parent or ""),
            children=site.children.get(item.id, []),
            related=site.related.get(item.id, []),
        )
    moves = {f"{ENTRY_DIR}/{old}": f"{ENTRY_DIR}/{new}" for old, new in site.palette.former_ids.items() if new in site.by_id}
    yield from kit.redirects(moves).items()
