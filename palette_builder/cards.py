"""Printed material for trainings: every intervention as a card (/kaarten/), four A6 cards on an A4
sheet with cut lines, and the palette overview as an A3 poster (/poster/).

The pages are rendered from their own templates through the Renderer's page machinery, so every text
from YAML is escaped like on every other page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .export import data_date
from .facets import OLD_TEXT_PARAMETER, TEXT_PARAMETER
from .freshness import dutch_date

if TYPE_CHECKING:
    from .render import Renderer

CARDS_PER_SHEET = 4


def card_pages(renderer: Renderer) -> dict[str, str]:
    """The page /kaarten/: all entries, in sheets of four; kaarten.js narrows it to an explorer selection."""
    cards = [renderer.card(item) for item in renderer.items]
    facets, _, shorts = renderer.explorer_filters(cards)
    sheets = [cards[start : start + CARDS_PER_SHEET] for start in range(0, len(cards), CARDS_PER_SHEET)]
    doc_path, page = renderer._page(
        "kaarten.md.j2",
        "kaarten/index.md",
        renderer._tool_meta(
            "Kaarten om af te drukken",
            "Alle interventies als kaarten op A6, vier per A4-vel, om uit te knippen voor een training.",
        ),
        sheets=sheets,
        filter_labels={key: label for key, label, _ in facets},
        shorts=shorts,
        text_parameter=TEXT_PARAMETER,
        old_text_parameter=OLD_TEXT_PARAMETER,
        per_sheet=CARDS_PER_SHEET,
        data_date_text=dutch_date(data_date(renderer)),
    )
    return {doc_path: page}


def poster_pages(renderer: Renderer) -> dict[str, str]:
    """The page /poster/: the palette overview on one A3 landscape sheet."""
    doc_path, page = renderer._page(
        "poster.md.j2",
        "poster/index.md",
        renderer._tool_meta(
            "Het interventiepalet als poster",
            "Het interventiepalet op één A3-vel, liggend, met de datum van de gegevens en een QR-code naar de site.",
        ),
        **renderer.palette_grid(),
        data_date_text=dutch_date(data_date(renderer)),
    )
    return {doc_path: page}
