"""The browsable fields of an entry, each declared once.

A facet is a field a reader can filter on in the explorer and follow from an entry page. Its URL
parameter (`key`) is also the card's data attribute and part of shared links: never change one. The
explorer's filters and counts, the entry page's key facts and roles, the vocabulary pages and the
script's configuration all come from FACETS; adding a browsable field is adding one Facet here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from typing import Any
from urllib.parse import quote_plus

from pydantic import BaseModel

from .models import Intervention, Kind, LabelledEnum
from .vocabularies import Vocabularies

NATIONAL = "landelijk"  # the origin of an entry of the national palette
NOT_AVAILABLE = "niet-"  # prefix of an availability value: not available in that region


@dataclass
class Card:
    """What the explorer and lists need of one intervention, in the build it is shown in."""

    intervention: Intervention
    origin: str | None = None  # the region an entry comes from; None for national
    unavailable: list[tuple[str, str]] = dataclass_field(default_factory=list)  # (region, reason)
    build_regions: tuple[str, ...] = ()  # the regions this site is built for

    def available_in(self) -> list[str]:
        """The regions of this build where the entry can be used: listed explicitly, so a filter never
        counts an offer a region marked unavailable as available there."""
        item = self.intervention
        where = list(item.regions) or ([self.origin] if self.origin else list(self.build_regions))
        gone = {region for region, _ in self.unavailable}
        return [region for region in where if region not in gone]

    def availability_values(self) -> list[str]:
        return self.available_in() + [f"{NOT_AVAILABLE}{region}" for region, _ in self.unavailable]

    @functools.cached_property
    def _facet_values(self) -> dict[str, list[str]]:
        return {facet.key: facet.values(self) for facet in FACETS}

    def facets(self) -> dict[str, list[str]]:
        """Each facet's values of this entry, read once: every list and page the entry is on asks again."""
        return self._facet_values

    def values_of(self, facet: Facet) -> list[str]:
        """One facet's values of this entry, from the values read once."""
        return self._facet_values[facet.key]

    def search_text(self) -> str:
        item = self.intervention
        return " ".join([item.name, *item.abbreviations, *item.aliases, *item.source_spellings, item.summary]).lower()

    def unseen_search_text(self) -> str:
        """The names an explorer card finds but does not show; the script adds the card's own title and
        summary, so the page does not carry them twice."""
        item = self.intervention
        return " ".join([*item.aliases, *item.source_spellings]).lower()


def read_path(model: BaseModel, yaml_key: str) -> list[str]:
    """The values at a YAML path ('rollen.beslist', 'doelgroepen.groep') of a model, as strings, each once."""
    found: list[Any] = [model]
    for part in yaml_key.split("."):
        step: list[Any] = []
        for value in found:
            name = next(name for name, info in type(value).model_fields.items() if (info.alias or name) == part)
            got = getattr(value, name)
            step.extend(got if isinstance(got, list) else [] if got is None else [got])
        found = step
    return list(dict.fromkeys(str(value) for value in found))


Options = Callable[[Vocabularies, list[Card]], list[tuple[str, str]]]


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter, card data attribute and CSS modifier; part of shared links
    label: str  # the Dutch name of the filter
    yaml_key: str | None = None  # the entry's field ('fasen', 'rollen.beslist'); None: from the build
    vocabulary: str | None = None  # the values are ids of this vocabulary ...
    enum: type[LabelledEnum] | None = None  # ... or of this enum
    read: Callable[[Card], list[str]] | None = None  # for a value that is not an entry field
    choices: Options | None = None  # for values that are not a vocabulary's or an enum's
    open: bool = False  # the explorer shows its options at first
    key_fact: bool = False  # listed in the key facts at the top of an entry page
    role: bool = False  # a partner's role: listed first among the key facts
    pages: tuple[str, str] | None = None  # (title, description): an index and a page per value
    own_page: bool = False  # a value links to its own page (<vocabulary>/<value>/), not to the explorer

    def values(self, card: Card) -> list[str]:
        if self.read is not None:
            return self.read(card)
        assert self.yaml_key is not None, self.key
        return read_path(card.intervention, self.yaml_key)

    def target(self, value: str | StrEnum) -> str:
        """Where a link on this value leads: its own page, or the explorer filtered on it."""
        if self.own_page and self.vocabulary:
            return f"{self.vocabulary}/{value}.md"
        return explorer_path({self.key: [str(value)]})

    def options(self, vocabularies: Vocabularies, cards: list[Card]) -> list[tuple[str, str]]:
        """(value, label) of every value the filter offers, in the order of the vocabulary or enum."""
        if self.choices is not None:
            return self.choices(vocabularies, cards)
        if self.enum is not None:
            return [(value.value, value.label) for value in self.enum]
        assert self.vocabulary is not None, self.key
        return [(term.id, term.label) for term in vocabularies[self.vocabulary].values()]

    def colour(self, vocabularies: Vocabularies, value: str) -> str | None:
        """The value's own colour from its vocabulary (a phase's `kleur`), if it has one."""
        term = vocabularies.terms.get(self.vocabulary or "", {}).get(str(value))
        return getattr(term, "colour", None)

    def value_label(self, vocabularies: Vocabularies, value: str | StrEnum) -> str:
        if self.enum is not None:
            return self.enum(value).label
        return vocabularies.label(self.vocabulary or "", str(value))


def _availability_options(vocabularies: Vocabularies, _cards: list[Card]) -> list[tuple[str, str]]:
    return [
        option
        for term in vocabularies["regios"].values()
        for option in ((term.id, f"Beschikbaar in {term.label}"), (f"{NOT_AVAILABLE}{term.id}", f"Niet beschikbaar in {term.label}"))
    ]


def _origin_options(vocabularies: Vocabularies, cards: list[Card]) -> list[tuple[str, str]]:
    origins = sorted({card.origin for card in cards if card.origin})
    return [(NATIONAL, "Landelijk aanbod"), *[(origin, f"Regionaal: {vocabularies.label('regios', origin)}") for origin in origins]]


FACETS: tuple[Facet, ...] = (
    Facet(
        "fase",
        "Fase",
        yaml_key="fasen",
        vocabulary="fasen",
        open=True,
        key_fact=True,
        pages=("Fasen", "De fasen van de visie Gefaseerd samenwerken aan veiligheid."),
    ),
    Facet("domein", "Domein", yaml_key="domein", vocabulary="domeinen", open=True, key_fact=True, pages=("Domeinen", "De domeinen van het interventiepalet.")),
    Facet("soort", "Soort", yaml_key="soort", enum=Kind, key_fact=True),
    Facet("beslist", "Beslist of legt op", yaml_key="rollen.beslist", vocabulary="partners", key_fact=True, role=True, own_page=True),
    Facet("vraagt-aan", "Vraagt aan of zet in gang", yaml_key="rollen.vraagt_aan", vocabulary="partners", key_fact=True, role=True, own_page=True),
    Facet("adviseert", "Adviseert", yaml_key="rollen.adviseert", vocabulary="partners", key_fact=True, role=True, own_page=True),
    Facet("voert", "Voert uit", yaml_key="rollen.voert_uit", vocabulary="partners", key_fact=True, role=True, own_page=True),
    Facet(
        "doelgroep",
        "Doelgroep",
        yaml_key="doelgroepen.groep",
        vocabulary="doelgroepen",
        read=lambda card: sorted(read_path(card.intervention, "doelgroepen.groep")),
    ),
    Facet(
        "moment",
        "Moment van afstemming",
        yaml_key="momenten",
        vocabulary="momenten",
        pages=("Momenten van afstemming", "De vier momenten van afstemming van Veiligheid Voorop."),
    ),
    Facet("regio", "Beschikbaarheid", vocabulary="regios", read=Card.availability_values, choices=_availability_options),
    Facet("herkomst", "Herkomst", vocabulary="regios", read=lambda card: [card.origin or NATIONAL], choices=_origin_options),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}
# The free-text filter's URL parameter, and the one older links used.
TEXT_PARAMETER, OLD_TEXT_PARAMETER = "zoek", "q"
# Parameters that shared links used before, and what they are now: the page renames them in its address
# before any script reads it (overrides/main.html). 'vraagt' joined requesting and advising; the links
# that used it meant who sets a measure in motion.
RENAMED_PARAMETERS = {OLD_TEXT_PARAMETER: TEXT_PARAMETER, "vraagt": "vraagt-aan"}
EXPLORER_DIR = "verkenner"


def explorer_query(selection: dict[str, list[str]], text: str = "") -> str:
    """The explorer's address for a selection, as the explorer writes it itself: the facets in their
    declared order, values joined by commas, then the text (tests/cases/verkenner-adres.json holds the
    cases the explorer's script is tested against too)."""
    parts = [f"{facet.key}={','.join(selection[facet.key])}" for facet in FACETS if selection.get(facet.key)]
    if text:
        parts.append(f"{TEXT_PARAMETER}={quote_plus(text)}")
    return "?" + "&".join(parts) if parts else ""


def explorer_path(selection: dict[str, list[str]]) -> str:
    """The explorer filtered on a selection, as a site path."""
    return f"{EXPLORER_DIR}/" + (explorer_query(selection) or "?")


def matches(selection: dict[str, list[str]], values: dict[str, list[str]]) -> bool:
    """Whether an entry with these facet values is in a selection: any chosen value within a facet, and
    every chosen facet (a facet with no value chosen chooses nothing). The explorer's script matches the
    same way (tests/cases/selectie.json)."""
    return all(set(chosen) & set(values.get(key, [])) for key, chosen in selection.items() if chosen)
