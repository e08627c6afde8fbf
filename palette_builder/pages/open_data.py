"""Open data (/data/): the palette as JSON (with its JSON Schema) and CSV, and the page that explains them."""

from __future__ import annotations

from collections.abc import Iterator

from ..export import DATA_DIR, ExportedIntervention, open_data_files
from ..format_guide import format_fields
from ..kit import Kit, Page

FOLDERS = (DATA_DIR,)


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    files, about = open_data_files(site, site.selection.value)
    yield from files.items()
    yield kit.page(
        "data.md.j2",
        f"{DATA_DIR}/index.md",
        kit.meta("Open data", "Het interventiepalet als JSON en CSV om te hergebruiken, met uitleg, licentie en bronvermelding."),
        fields=format_fields(site.vocab, ExportedIntervention),
        **about,
    )
