"""Vocabularies (phases, domains, partners, ...) are data in `palette/vocabulaires/`.

The models refer to them by name; a region can add values in its own folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from .models import BWB_PATTERN, COLOUR_PATTERN, EMAIL_PATTERN, PHONE_PATTERN, SLUG_PATTERN, HttpUrl, Source, Text, VocabularyRef


class Term(BaseModel):
    """One value of a vocabulary: a stable id and a Dutch label. English attributes, Dutch YAML keys (as in the entry models)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG_PATTERN, description="Vaste sleutel, kleine letters en streepjes.")
    label: str = Field(min_length=1, description="Naam zoals de site die toont.")
    explanation: str = Field(default="", alias="uitleg", description="Korte uitleg in gewone taal.")


class PhaseTerm(Term):
    group: str = Field(alias="groep", description="Hoofdfase waartoe deze fase hoort (Veiligheid, Risicogestuurd, Herstelgericht).")
    colour: str | None = Field(
        default=None,
        alias="kleur",
        pattern=COLOUR_PATTERN,
        description="Kleur van de fase op de site, zoals #9b1c1c; kies er een met genoeg contrast op wit (WCAG AA, 4,5:1).",
    )

    @field_validator("colour")
    @classmethod
    def _readable_on_white(cls, colour: str | None) -> str | None:
        # The colour is text on white (chips) and the background of white text (palette headings).
        if colour is not None and (ratio := contrast_on_white(colour)) < 4.5:
            shown = f"{ratio:.1f}".replace(".", ",")
            raise ValueError(f"te weinig contrast op wit ({shown}:1, minimaal 4,5:1 voor WCAG AA); kies een donkerdere kleur")
        return colour


def contrast_on_white(colour: str) -> float:
    """WCAG 2 contrast ratio of a #rrggbb colour against white."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


class MomentTerm(Term):
    number: int = Field(alias="nummer", ge=1, description="Volgnummer van het moment van afstemming.")


class ContactRoute(BaseModel):
    """How a professional reaches an organisation: its public numbers and addresses, never a person's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phone: str | None = Field(default=None, alias="telefoon", pattern=PHONE_PATTERN, description="Het openbare telefoonnummer, zoals 0800 2000.")
    website: HttpUrl | None = Field(default=None, description="De openbare website of contactpagina.")
    email: str | None = Field(default=None, alias="e-mail", pattern=EMAIL_PATTERN, description="Een algemeen e-mailadres van de organisatie.")
    note: str | None = Field(default=None, alias="toelichting", max_length=200, description="Wanneer en waarvoor, zoals 'dag en nacht bereikbaar, gratis'.")
    source: HttpUrl = Field(alias="bron", description="Waar dit contact staat (de eigen site van de organisatie).")


class PartnerTerm(Term):
    contact: ContactRoute | None = Field(default=None, description="Hoe een professional de partner bereikt; landelijk, geen persoonsgegevens.")


class RegionalContact(ContactRoute):
    """palette/regio/<regio>/vocabulaires/contactroutes.yaml: a region's own route to a national partner."""

    partner: str = Field(pattern=SLUG_PATTERN, description="De id van de partner in palette/vocabulaires/partners.yaml.")


class WorldTerm(Term):
    """A world a term comes from: care, or one of the three fields of law."""


class GlossaryTerm(Term):
    """A term from care or law, explained for the other world (palette/vocabulaires/begrippen.yaml)."""

    explanation: str = Field(alias="uitleg", min_length=1, max_length=250, description="Korte uitleg in gewone taal, hoogstens 25 woorden.")
    text: str | None = Field(default=None, alias="tekst", description="Langere uitleg op de pagina Begrippen; alinea's scheiden met een witregel.")
    synonyms: list[Text] = Field(default_factory=list, alias="synoniemen", description="Andere woorden voor hetzelfde, ook meervouden, zoals 'kinderrechters'.")
    abbreviations: list[Text] = Field(default_factory=list, alias="afkortingen", description="Afkortingen, zoals RC of GI.")
    world: VocabularyRef("werelden") = Field(alias="wereld", description="Uit welke wereld het begrip komt: een id uit werelden.yaml.")
    sources: list[Source] = Field(alias="bronnen", min_length=1, description="Waar de uitleg op steunt. Minstens één.")

    @property
    def names(self) -> list[str]:
        """Every way the term is written in running text: its name, synonyms and abbreviations."""
        return [self.label, *self.synonyms, *self.abbreviations]


class GlossaryFile(RootModel[list[GlossaryTerm]]):
    """palette/vocabulaires/begrippen.yaml: the glossary, one item per term."""


class LawTerm(Term):
    abbreviation: str = Field(alias="afkorting", min_length=1, description="Gangbare afkorting, zoals Sr of BW.")
    bwb: str = Field(pattern=BWB_PATTERN, description="Vaste code van de wet op wetten.overheid.nl.")

    @property
    def url(self) -> str:
        return f"https://wetten.overheid.nl/{self.bwb}"

    def article_url(self, article: str) -> str:
        """The Juriconnect link to one article, or the law itself for a BW book article."""
        number = article.split()[0]
        if ":" in number:  # BW articles are numbered per book; link to the law
            return self.url
        return f"https://wetten.overheid.nl/jci1.3:c:{self.bwb}&artikel={quote(number)}"


ROUTE_MAP_FILE = "routekaart.yaml"


class RouteMap(BaseModel):
    """palette/vocabulaires/routekaart.yaml: the agreements on early coordination between care and
    criminal law that hold at every moment of afstemming, shown on each moment's page."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text = Field(alias="titel", description="Kop boven de afspraken op de pagina van elk moment.")
    introduction: Text = Field(alias="inleiding", description="Eén zin die zegt wie de afspraken maken.")
    agreements: list[Text] = Field(alias="afspraken", min_length=1, description="De afspraken, elk in één of twee zinnen.")
    sources: list[Source] = Field(alias="bronnen", min_length=1, description="Waar de afspraken staan.")


# File name (without .yaml) -> the model of one term. The file names are the vocabulary names.
VOCABULARY_MODELS: dict[str, type[Term]] = {
    "fasen": PhaseTerm,
    "domeinen": Term,
    "doelgroepen": Term,
    "partners": PartnerTerm,
    "momenten": MomentTerm,
    "regios": Term,
    "wetten": LawTerm,
    "werelden": WorldTerm,
    "begrippen": GlossaryTerm,
}
# A region's own contact routes for national partners, beside its vocabularies.
REGIONAL_CONTACTS_FILE = "contactroutes.yaml"


@dataclass
class Vocabularies:
    """All vocabularies, each an ordered mapping id -> term."""

    terms: dict[str, dict[str, Term]] = field(default_factory=dict)
    # vocabulary name -> the file that could not be read; values of these vocabularies are not checked
    unreadable: dict[str, str] = field(default_factory=dict)
    # vocabulary name -> {term id: the region whose folder added it}; national terms are not listed
    origins: dict[str, dict[str, str]] = field(default_factory=dict)
    # vocabulary name -> {term id: (file as check shows it, index in that file)}, for located messages
    places: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)
    # region -> {partner id: the region's own contact route for that national partner}
    regional_contacts: dict[str, dict[str, ContactRoute]] = field(default_factory=dict)

    def __getitem__(self, name: str) -> dict[str, Term]:
        return self.terms[name]

    def ids(self, name: str) -> list[str]:
        return list(self.terms.get(name, {}))

    def origin(self, name: str, term_id: str) -> str | None:
        """The region that added this value (a local partner), or None for a national value."""
        return self.origins.get(name, {}).get(term_id)

    def label(self, name: str, term_id: str) -> str:
        term = self.terms.get(name, {}).get(term_id)
        return term.label if term else term_id
