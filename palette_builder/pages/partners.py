"""A page per partner (/partners/<id>/) and an index (/partners/): what the partner decides, what it
requests or advises on and what it carries out, per phase, from the role facets in facets.py.

The partners are the values of the role facets' vocabulary (with a region's own partners in a region
build); a partner named on any page links here through `Facet.target`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..facets import FACETS, Card, Facet
from ..kit import Kit, Page, Site
from ..vocabularies import Term

ROLE_FACETS = tuple(facet for facet in FACETS if facet.role)
# The role facets share one vocabulary (partners.yaml); its name is also the pages' folder.
PARTNER_VOCABULARY = next(facet.vocabulary for facet in ROLE_FACETS if facet.own_page and facet.vocabulary)
PHASE_VOCABULARY = "fasen"  # the columns of the palette: a partner's entries are grouped the same way
FOLDERS = (PARTNER_VOCABULARY,)
NOT_IN_NAV = FOLDERS
# Kept out of the site search: a short page named after a partner outranks every entry for that name
# (Pagefind favours short pages whatever their weight), and a search should answer with the entries.
# The pages are reached through the partner links on every entry and the navigation.
NOT_IN_SEARCH = {"exclude": True}


@dataclass
class Role:
    """One role of a partner: the entries per phase (an entry in two phases is listed in both, as on the palette)."""

    facet: Facet
    phases: list[tuple[Term, list[Card]]]
    count: int  # distinct entries


def partner_roles(site: Site, partners: list[str]) -> dict[str, list[Role]]:
    """Partner id -> its roles. One pass over the entries per role, so thousands of entries stay cheap."""
    cards = site.cards()
    phases = list(site.vocab[PHASE_VOCABULARY].values())
    found: dict[str, list[Role]] = {partner: [] for partner in partners}
    for facet in ROLE_FACETS:
        mine: dict[str, list[Card]] = {partner: [] for partner in partners}
        for card in cards:
            for partner in card.values_of(facet):
                mine.setdefault(partner, []).append(card)
        for partner in partners:
            by_phase = [(phase, [card for card in mine[partner] if phase.id in card.intervention.phases]) for phase in phases]
            found[partner].append(Role(facet, [(phase, listed) for phase, listed in by_phase if listed], len(mine[partner])))
    return found


def main_role(site: Site) -> dict[str, str]:
    """For each partner, the role facet it is most often named in, so a link to it can say what it does
    (on a tie, the role it is named in first, going through the entries in reading order)."""
    counts: dict[str, dict[str, int]] = {}
    for card in site.cards():
        for facet in ROLE_FACETS:
            for partner in card.values_of(facet):
                counts.setdefault(partner, {}).setdefault(facet.key, 0)
                counts[partner][facet.key] += 1
    first_role = ROLE_FACETS[0].key
    return {partner: max(found, key=lambda key: found[key]) if (found := counts.get(partner)) else first_role for partner in site.vocab.ids(PARTNER_VOCABULARY)}


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    partners = list(site.vocab[PARTNER_VOCABULARY].values())
    roles = partner_roles(site, [partner.id for partner in partners])
    origin = {partner.id: site.vocab.origin(PARTNER_VOCABULARY, partner.id) for partner in partners}
    yield kit.page(
        "partners-index.md.j2",
        f"{PARTNER_VOCABULARY}/index.md",
        kit.meta("Partners", "Per partner: bij welke interventies die beslist, aanvraagt of adviseert, en uitvoert.", search=NOT_IN_SEARCH),
        partners=partners,
        roles=roles,
        role_facets=ROLE_FACETS,
        origin=origin,
        folder=PARTNER_VOCABULARY,
    )
    region = site.selection.region
    regional = site.vocab.regional_contacts.get(region or "", {})
    for partner in partners:
        # A region's own route first, on its own site; then the national route.
        contacts = [(site.region_label, regional[partner.id])] if partner.id in regional else []
        contacts += [(None, partner.contact)] if getattr(partner, "contact", None) else []
        yield kit.page(
            "partner.md.j2",
            f"{PARTNER_VOCABULARY}/{partner.id}.md",
            kit.meta(partner.label, partner.explanation or partner.label, search=NOT_IN_SEARCH),
            partner=partner,
            contacts=contacts,
            roles=roles[partner.id],
            origin=origin[partner.id],
            folder=PARTNER_VOCABULARY,
        )
