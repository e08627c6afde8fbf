"""Lists of entries: a page per value of a browsable vocabulary (/fasen/<id>/, /domeinen/, /momenten/)
with an index, and all entries from A to Z (/interventies/)."""

from __future__ import annotations

from collections.abc import Iterator

from ..facets import FACETS, Facet
from ..kit import ENTRY_DIR, Kit, Page
from ..models import Intervention
from ..short_links import short_link_targets

# One folder per vocabulary a facet makes pages for (the partners' pages are pages/partners.py's).
TERM_PAGE_DIRS = tuple(dict.fromkeys(facet.vocabulary for facet in FACETS if facet.pages and facet.vocabulary))
FOLDERS = (*TERM_PAGE_DIRS, ENTRY_DIR)
NOT_IN_NAV = TERM_PAGE_DIRS  # the index of each is in the navigation, the page per value is not


def pages(kit: Kit) -> Iterator[Page]:
    for facet in FACETS:
        if facet.pages:
            yield from _vocabulary_pages(kit, facet)
    yield _index(kit)


def _vocabulary_pages(kit: Kit, facet: Facet) -> Iterator[Page]:
    assert facet.vocabulary and facet.pages, facet.key
    site = kit.site
    vocabulary, (title, description) = facet.vocabulary, facet.pages
    terms = list(site.vocab[vocabulary].values())
    values = {item.id: site.card(item).values_of(facet) for item in site.items}

    def members(term_id: str) -> list[Intervention]:
        return [item for item in site.items if term_id in values[item.id]]

    yield kit.page(
        "vocabulaire-index.md.j2",
        f"{vocabulary}/index.md",
        kit.meta(title, description),
        title=title,
        vocabulary=vocabulary,
        terms=terms,
        counts={term.id: len(members(term.id)) for term in terms},
    )
    for term in terms:
        yield kit.page(
            "vocabulaire-term.md.j2",
            f"{vocabulary}/{term.id}.md",
            kit.meta(term.label, term.explanation or title),
            vocabulary=vocabulary,
            facet=facet.key,
            term=term,
            items=members(term.id),
        )


def _index(kit: Kit) -> Page:
    groups: dict[str, list[Intervention]] = {}
    for item in kit.site.items:
        groups.setdefault(item.name[0].upper(), []).append(item)
    return kit.page(
        "interventies-index.md.j2",
        f"{ENTRY_DIR}/index.md",
        kit.meta("Alle interventies van A tot Z", "Alle interventies uit het interventiepalet op alfabet."),
        groups=groups,
        short_links=short_link_targets(kit.site.items),
    )
