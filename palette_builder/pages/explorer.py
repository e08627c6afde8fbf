"""The explorer (/verkenner/): every entry as a card, with filters; the script filters in the browser."""

from __future__ import annotations

from collections.abc import Iterator

from ..facets import EXPLORER_DIR, FACETS, FACETS_BY_KEY, OLD_TEXT_PARAMETER, RENAMED_PARAMETERS, TEXT_PARAMETER
from ..kit import Kit, Page

FOLDERS = (EXPLORER_DIR,)


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    facets, counts, shorts = site.explorer_filters()
    yield kit.page(
        "verkenner.md.j2",
        f"{EXPLORER_DIR}/index.md",
        kit.meta(
            "Verkenner",
            "Zoek en filter interventies op fase, domein, partner, doelgroep en moment.",
            hide=["navigation", "toc"],
            search={"exclude": True},
            # overrides/main.html renames these in the address before the theme's scripts read it
            renamed_parameters=RENAMED_PARAMETERS,
        ),
        cards=site.cards(),
        facets=facets,
        open_facets={facet.key for facet in FACETS if facet.open},
        text_parameter=TEXT_PARAMETER,
        old_text_parameter=OLD_TEXT_PARAMETER,
        counts=counts,
        shorts=shorts,
        option_colour=lambda key, value: FACETS_BY_KEY[key].colour(site.vocab, value),
    )
