"""The palette as the PDF shows it (/palet/): phases as columns, domains as rows; and the two snippets
the hand-written home page takes in from the same folder: how far the content is checked, and the phases."""

from __future__ import annotations

from collections.abc import Iterator

from ..answers import six_answers_complete
from ..kit import Kit, Page
from ..models import Kind, ReviewStatus

FOLDER = "palet"
FOLDERS = (FOLDER,)


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    yield kit.page(
        "palet.md.j2",
        f"{FOLDER}/index.md",
        kit.meta("Het interventiepalet", "Alle interventies per fase en domein, zoals in het interventiepalet.", hide=["navigation", "toc"]),
        **site.palette_grid(),
    )
    status = kit.render(
        "stand.txt.j2",
        reviewed=sum(item.review_status is ReviewStatus.reviewed for item in site.items),
        total=len(site.items),
        legal=sum(item.kind is Kind.legal_measure for item in site.items),
        complete=sum(six_answers_complete(item) for item in site.items),
        data_date=site.data_date(),
    )
    yield f"{FOLDER}/stand.txt", status
    yield f"{FOLDER}/fasen.txt", kit.snippet("home-fasen.md.j2", "index.md", phase_groups=site.phase_groups())
