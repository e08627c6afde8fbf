"""Printed material for trainings: every intervention as a card (/kaarten/), four A6 cards on an A4
sheet with cut lines, and the palette overview as an A3 poster (/poster/)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import answers
from ..dutch import dutch_date
from ..facets import OLD_TEXT_PARAMETER, RENAMED_PARAMETERS, TEXT_PARAMETER
from ..kit import Kit, Page, Site
from ..models import Intervention

CARDS_DIR, POSTER_DIR = "kaarten", "poster"
FOLDERS = (CARDS_DIR, POSTER_DIR)
CARDS_PER_SHEET = 4


# The short answers a card has room for, after who decides and the law: how to start it and how long it
# lasts (for a legal measure); the rest is one scan of the QR code away.
CARD_ANSWERS = (answers.HOW_TO_START, answers.DURATION)


def card_answers(item: Intervention) -> list[dict[str, str]]:
    rows = []
    for question in CARD_ANSWERS:
        text = question.short(item)
        if text or question.applies_to(item):
            rows.append({"label": question.label, "text": text or answers.NOT_DESCRIBED})
    return rows


def template_globals(site: Site) -> dict[str, Any]:
    return {"card_answers": card_answers}


def pages(kit: Kit) -> Iterator[Page]:
    yield _cards(kit)
    yield _poster(kit)


def _cards(kit: Kit) -> Page:
    """The page /kaarten/: all entries, in sheets of four; its script narrows it to an explorer selection."""
    site = kit.site
    cards = site.cards()
    facets, _, shorts = site.explorer_filters()
    sheets = [cards[start : start + CARDS_PER_SHEET] for start in range(0, len(cards), CARDS_PER_SHEET)]
    return kit.page(
        "kaarten.md.j2",
        f"{CARDS_DIR}/index.md",
        {
            **kit.tool_meta("Kaarten om af te drukken", "Alle interventies als kaarten op A6, vier per A4-vel, om uit te knippen voor een training."),
            # It reads the explorer's address: an old link renamed the same way (overrides/main.html).
            "renamed_parameters": RENAMED_PARAMETERS,
        },
        sheets=sheets,
        filter_labels={key: label for key, label, _ in facets},
        shorts=shorts,
        text_parameter=TEXT_PARAMETER,
        old_text_parameter=OLD_TEXT_PARAMETER,
        per_sheet=CARDS_PER_SHEET,
        data_date_text=dutch_date(site.data_date()),
    )


def _poster(kit: Kit) -> Page:
    """The page /poster/: the palette overview on one A3 landscape sheet."""
    site = kit.site
    return kit.page(
        "poster.md.j2",
        f"{POSTER_DIR}/index.md",
        kit.tool_meta(
            "Het interventiepalet als poster",
            "Het interventiepalet op één A3-vel, liggend, met de datum van de gegevens en een QR-code naar de site.",
        ),
        **site.palette_grid(),
        data_date_text=dutch_date(site.data_date()),
    )
