"""The page for editors about the data's format (/formaat/): every field, straight from the models."""

from __future__ import annotations

from collections.abc import Iterator

from ..format_guide import format_fields
from ..kit import Kit, Page
from ..models import RULES, RegionalSupplement
from ..wegwijzer import wegwijzer_format

FOLDER = "formaat"
FOLDERS = (FOLDER,)
EXAMPLE_ENTRY = "tijdelijk-huisverbod"  # shown in full on the page, when the palette has it


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    example_path = next((entry.path for entry in site.palette.entries.values() if entry.intervention.id == EXAMPLE_ENTRY), None)
    example = example_path.read_text(encoding="utf-8") if example_path else ""
    yield kit.page(
        "formaat.md.j2",
        f"{FOLDER}/index.md",
        # For developers, not for professionals looking for a measure: kept out of the site search.
        kit.meta("Het formaat van een interventie", "Elk veld van een interventiebestand, met uitleg en voorbeeld.", search={"exclude": True}),
        fields=format_fields(site.vocab),
        supplement_fields=format_fields(site.vocab, RegionalSupplement),
        rules=RULES.values(),
        wegwijzer_format=wegwijzer_format(site.vocab),
        example=example,
    )
