"""The one definition of the palette format.

The JSON Schema (`palette/schema/`), the format guide (`docs/formaat.md`) and the validator's messages
all derive from these models. YAML keys are Dutch (the editors are Dutch professionals); attribute
names are English, linked through aliases.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .safe_yaml import MAX_DEPTH, MAX_FILE_BYTES

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s<>\"']+$"
BWB_PATTERN = r"^BWBR\d{7}$"
ARTICLE_PATTERN = r"^\d+([.:]\d+)*[a-z]*(\s+lid\s+\d+)?(\s+(sub|onder)\s+[a-z0-9]+)?$"
PHONE_PATTERN = r"^\+?[0-9 ()-]{6,20}$"
EMAIL_PATTERN = r"^[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}$"
COLOUR_PATTERN = r"^#[0-9a-f]{6}$"
COMMIT_PATTERN = r"^[0-9a-f]{7,40}$"
# What each pattern means, for the validator's messages.
PATTERN_MESSAGES = {
    SLUG_PATTERN: "alleen kleine letters, cijfers en losse streepjes, zoals 'tijdelijk-huisverbod'",
    URL_PATTERN: "een volledig webadres dat begint met https:// of http://",
    BWB_PATTERN: "een BWB-code zoals 'BWBR0001854'",
    ARTICLE_PATTERN: "een artikelnummer zoals '38v', '1:255', '4.1.1' of '14c lid 2'",
    PHONE_PATTERN: "een telefoonnummer van 6 tot 20 tekens: cijfers, spaties, haakjes, streepjes en eventueel een + vooraan, zoals '088 123 45 67'",
    EMAIL_PATTERN: "een e-mailadres zoals 'naam@example.org'",
    COLOUR_PATTERN: "een kleur als # met zes tekens 0-9 of a-f, zoals '#9b1c1c'",
    COMMIT_PATTERN: "een commit-id van 7 tot 40 tekens 0-9 of a-f, zoals 'git log --oneline' die toont ('3366a29')",
}
VOCABULARY_KEY = "x-vocabulaire"


@dataclass(frozen=True)
class Rule:
    """A rule over more than one field or file. The format page lists `text` (names of fields and values
    between backticks); `message` is what `check` says where a file breaks it, when the models check it
    themselves. tests/test_validator.py breaks every rule once."""

    code: str
    text: str
    message: str = ""

    def error(self, **context: str) -> PydanticCustomError:
        return PydanticCustomError(self.code, self.message, context)


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule(
            "legal_basis_missing",
            "Een `wettelijke-maatregel` noemt in `wettelijke_grondslag` minstens één wet en artikel.",
            "een wettelijke maatregel noemt zijn wet en artikel in 'wettelijke_grondslag'",
        ),
        Rule(
            "recognition_legal",
            "Een `wettelijke-maatregel` heeft `erkenning.status: niet-van-toepassing`.",
            "voor een wettelijke maatregel is 'erkenning.status' 'niet-van-toepassing'",
        ),
        Rule(
            "recognition_link_missing",
            "Bij `erkenning.status: opgenomen-in-databank` horen `databank` en `url`. Neem het niveau letterlijk over uit de databank.",
            "bij status 'opgenomen-in-databank' horen ook 'databank' en 'url'",
        ),
        Rule(
            "review_note_missing",
            "Bij `status: te-controleren` hoort een `controle_notitie`: wat moet nog worden nagekeken?",
            "bij status 'te-controleren' hoort een 'controle_notitie'",
        ),
        Rule(
            "checks_missing",
            "Bij `status: gecontroleerd` hoort een lijst `controles`: wat is nagekeken, tegen welke bron en wanneer.",
            "bij status 'gecontroleerd' hoort een lijst 'controles': wat is nagekeken, tegen welke bron en wanneer",
        ),
        Rule(
            "check_source_unlisted",
            "Elke bron in `controles` staat ook onder `bronnen`.",
            "elke bron in 'controles' staat ook onder 'bronnen'; niet gevonden: {urls}",
        ),
        Rule("ages_order", "`leeftijd_vanaf` is niet groter dan `leeftijd_tot`.", "leeftijd_vanaf is groter dan leeftijd_tot"),
        Rule(
            "answer_empty",
            "Een antwoord (`in_gang_zetten`, `hoe_snel`, `daarna`, `bij_overtreding`, `bezwaar_en_beroep`) heeft een `kort` antwoord; "
            "`bij_overtreding` mag ook `niet-van-toepassing` zijn.",
        ),
        Rule(
            "term_fields",
            "Een termijn van soort `looptijd` of `uiterlijk` heeft een `duur`; `werkuren` heeft `uren`; `tot-leeftijd` heeft `leeftijd`; "
            "`levenslang` en `geen-vaste-einddatum` hebben geen van drieën. `verlenging` en `maximum` horen alleen bij een `duur`.",
            "bij een termijn van soort '{kind}' {detail}",
        ),
        Rule(
            "term_maximum",
            "Het `maximum` van een termijn is niet korter dan de eerste `duur`.",
            "het maximum ({maximum}) is korter dan de eerste duur ({duration})",
        ),
        Rule(
            "check_article_version",
            "Een controle die een `artikel` noemt, noemt ook de `wet` en de `versie`: de datum vanaf wanneer de gelezen tekst geldt.",
            "een controle van een artikel noemt ook 'wet' en 'versie' (de datum vanaf wanneer de gelezen tekst geldt)",
        ),
        Rule(
            "reason_missing",
            "Een regionale aanvulling met `beschikbaarheid: niet-beschikbaar` of `verborgen` geeft een `reden`.",
            "bij 'niet-beschikbaar' of 'verborgen' hoort een 'reden'",
        ),
        Rule("id_is_file_name", "De `id` is gelijk aan de bestandsnaam zonder `.yaml`, en elke id is uniek."),
        Rule("references_exist", "`onderdeel_van` en de `relaties` verwijzen naar bestaande id's."),
        Rule("no_parent_cycle", "Een interventie is niet (via andere) onderdeel van zichzelf."),
        Rule("dates_real", "Datums bestaan (dus geen `2024-02-30`) en liggen niet in de toekomst."),
        Rule("list_values_unique", "Een waarde staat maar één keer in een lijst."),
        Rule(
            "placeholders_filled",
            'Een nieuw bestand uit `new` heeft `"..."` in elk veld dat u nog moet invullen; zolang er een `"..."` in staat, meldt `check` dat veld.',
        ),
        Rule(
            "former_ids_unique",
            "Een `vorige_ids`-waarde is geen id die in gebruik is en staat niet bij twee interventies: het oude webadres stuurt door naar één pagina.",
        ),
        Rule(
            "plain_yaml",
            f"Geen ankers of aliassen (`&`, `*`), geen YAML-tags, alleen UTF-8, hoogstens {MAX_FILE_BYTES // 1024} kB per bestand "
            f"en hoogstens {MAX_DEPTH} niveaus diep genest.",
        ),
    )
}


def _vocabulary_checker(name: str):
    def check(value: str, info: ValidationInfo) -> str:
        vocabularies = (info.context or {}).get("vocabularies")
        if vocabularies is None:  # validating the shape only, e.g. in the schema test
            return value
        if name in vocabularies.unreadable:  # its file is broken: that one error is reported, not every use
            info.context.setdefault("unchecked", set()).add(name)
            return value
        allowed = vocabularies.ids(name)
        if value not in allowed:
            raise PydanticCustomError(
                "vocabulary",
                "onbekende waarde {value!r} in vocabulaire {vocabulary!r}",
                {"value": value, "vocabulary": name, "allowed": allowed},
            )
        return value

    return check


def VocabularyRef(name: str) -> Any:  # noqa: N802 - reads like a type in the models
    """A string that must be an id in vocabulary `name` (palette/vocabulaires/<name>.yaml)."""
    return Annotated[
        str,
        AfterValidator(_vocabulary_checker(name)),
        WithJsonSchema({"type": "string", VOCABULARY_KEY: name}),
    ]


Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=2, max_length=80)]
Text = Annotated[str, Field(min_length=1)]
HttpUrl = Annotated[str, Field(pattern=URL_PATTERN, description="Een volledig webadres (https://...).")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=False, str_strip_whitespace=True)


class LabelledEnum(StrEnum):
    """An enum whose values are YAML values; `label` is how the site names a value (declared in LABELS)."""

    @property
    def label(self) -> str:
        return _ENUM_LABELS[type(self)][self]


class Kind(LabelledEnum):
    """What sort of intervention this is; it decides which fields are required."""

    legal_measure = "wettelijke-maatregel"
    programme = "programma"
    service = "voorziening"
    working_method = "werkwijze"


class ReviewStatus(LabelledEnum):
    draft = "concept"
    needs_review = "te-controleren"
    reviewed = "gecontroleerd"


class RecognitionStatus(LabelledEnum):
    not_applicable = "niet-van-toepassing"
    listed = "opgenomen-in-databank"
    not_found = "niet-gevonden"


class Databank(LabelledEnum):
    nji = "nji"
    movisie = "movisie"
    trimbos = "trimbos"
    healthy_living = "loket-gezond-leven"
    justice_committee = "erkenningscommissie-justitie"


class TimeUnit(LabelledEnum):
    hours = "uren"
    days = "dagen"
    weeks = "weken"
    months = "maanden"
    years = "jaren"


class TermKind(LabelledEnum):
    lasts = "looptijd"
    deadline = "uiterlijk"
    work_hours = "werkuren"
    life = "levenslang"
    until_age = "tot-leeftijd"
    open_ended = "geen-vaste-einddatum"


# The site's name for every enum value, beside the enums (a test checks that none is missing).
_ENUM_LABELS: dict[type[StrEnum], dict[Any, str]] = {
    Kind: {
        Kind.legal_measure: "Wettelijke maatregel",
        Kind.programme: "Programma",
        Kind.service: "Voorziening",
        Kind.working_method: "Werkwijze",
    },
    TimeUnit: {TimeUnit.hours: "uren", TimeUnit.days: "dagen", TimeUnit.weeks: "weken", TimeUnit.months: "maanden", TimeUnit.years: "jaren"},
    TermKind: {
        TermKind.lasts: "Looptijd",
        TermKind.deadline: "Uiterlijk binnen",
        TermKind.work_hours: "Uren werk",
        TermKind.life: "Levenslang",
        TermKind.until_age: "Tot een leeftijd",
        TermKind.open_ended: "Geen vaste einddatum",
    },
    ReviewStatus: {ReviewStatus.draft: "Concept", ReviewStatus.needs_review: "Te controleren", ReviewStatus.reviewed: "Gecontroleerd"},
    RecognitionStatus: {
        RecognitionStatus.not_applicable: "Niet van toepassing",
        RecognitionStatus.listed: "Opgenomen in een databank",
        RecognitionStatus.not_found: "Niet gevonden in een databank",
    },
    Databank: {
        Databank.nji: "Databank Effectieve Jeugdinterventies (NJi)",
        Databank.movisie: "Databank Effectieve Sociale Interventies (Movisie)",
        Databank.trimbos: "Databank van het Trimbos-instituut",
        Databank.healthy_living: "Interventieoverzicht Loket Gezond Leven (RIVM)",
        Databank.justice_committee: "Erkenningscommissie Justitiële Interventies",
    },
}


class TargetGroup(Model):
    group: VocabularyRef("doelgroepen") = Field(alias="groep", description="Voor wie de interventie is.")
    min_age: int | None = Field(default=None, alias="leeftijd_vanaf", ge=0, le=120, description="Minimumleeftijd in jaren.")
    max_age: int | None = Field(default=None, alias="leeftijd_tot", ge=0, le=120, description="Leeftijd (in jaren) tot welke de interventie geldt.")
    note: str | None = Field(default=None, alias="toelichting", description="Korte toelichting, bijvoorbeeld een voorwaarde.")

    @model_validator(mode="after")
    def ages_in_order(self) -> TargetGroup:
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise RULES["ages_order"].error()
        return self


class Roles(Model):
    decides: list[VocabularyRef("partners")] = Field(default_factory=list, alias="beslist", description="Wie beslist of de interventie oplegt.")
    requests: list[VocabularyRef("partners")] = Field(
        default_factory=list,
        alias="vraagt_aan",
        description="Wie de interventie aanvraagt, vordert, voorstelt of in gang zet: zonder deze partij komt het er niet van.",
    )
    advises: list[VocabularyRef("partners")] = Field(
        default_factory=list,
        alias="adviseert",
        description="Wie adviseert over de beslissing zonder haar aan te vragen, zoals Veilig Thuis bij een huisverbod.",
    )
    carries_out: list[VocabularyRef("partners")] = Field(default_factory=list, alias="voert_uit", description="Wie de interventie uitvoert of erop toeziet.")


class LegalBasis(Model):
    law: VocabularyRef("wetten") = Field(alias="wet", description="De wet (id uit palette/vocabulaires/wetten.yaml).")
    article: str = Field(
        alias="artikel",
        pattern=ARTICLE_PATTERN,
        description="Het artikel, zoals `38v`, `1:255`, `4.1.1` of `14c lid 2`.",
    )
    url: HttpUrl | None = Field(default=None, description="Link naar de officiële tekst van het artikel; zonder link verwijst de site naar de wet.")
    note: str | None = Field(default=None, alias="toelichting", description="Wat dit artikel regelt, in één zin.")


class Answer(Model):
    """A short answer to a question a professional asks about an entry, with the text that explains it."""

    short: Text = Field(
        alias="kort",
        max_length=160,
        description="Het antwoord in één korte zin of frase van hoogstens 15 woorden; staat bovenaan de pagina bij de kernpunten.",
    )
    explanation: str | None = Field(
        default=None,
        alias="uitleg",
        description="De uitleg onder het kopje op de pagina, in gewone taal (B1). Alinea's scheiden met een witregel.",
    )


NOT_APPLICABLE = "niet-van-toepassing"


def _answer_or_not_applicable(value: Any) -> str:
    return "~geen" if isinstance(value, str) else "~antwoord"


# `bij_overtreding` is an answer, or explicitly not applicable. Tags starting with "~" are the union's
# branches: the validator leaves them out of a field's location.
AnswerOrNotApplicable = Annotated[
    Annotated[Literal["niet-van-toepassing"], Tag("~geen")] | Annotated[Answer, Tag("~antwoord")],
    Discriminator(_answer_or_not_applicable),
]


# Days per unit: only to put terms on one scale (the page of terms); the law counts in its own units.
DAYS_PER_UNIT = {TimeUnit.hours: 1 / 24, TimeUnit.days: 1, TimeUnit.weeks: 7, TimeUnit.months: 30.44, TimeUnit.years: 365.25}


class Span(Model):
    """A length of time: an amount and a unit."""

    amount: int = Field(alias="aantal", ge=1, le=100_000, description="Hoeveel: een heel getal, minstens 1.")
    unit: TimeUnit = Field(alias="eenheid", description="uren, dagen, weken, maanden of jaren.")

    @property
    def days(self) -> float:
        return self.amount * DAYS_PER_UNIT[self.unit]

    @property
    def text(self) -> str:
        # Dutch counts hours and years in the singular: '9 uur', '3 jaar'; days, weeks and months not.
        singular = {"uren": "uur", "dagen": "dag", "weken": "week", "maanden": "maand", "jaren": "jaar"}
        plural = {"uren": "uur", "jaren": "jaar"}
        return f"{self.amount} {singular[self.unit.value] if self.amount == 1 else plural.get(self.unit.value, self.unit.value)}"


class LawArticle(Model):
    """A law and one of its articles, without a link or note."""

    law: VocabularyRef("wetten") = Field(alias="wet", description="De wet (id uit palette/vocabulaires/wetten.yaml).")
    article: str = Field(alias="artikel", pattern=ARTICLE_PATTERN, description="Het artikel, zoals `38v`, `1:255` of `14c lid 2`.")


class StatutoryTerm(Model):
    """One term the law sets for a measure: how long it lasts, or what must happen by when."""

    what: Text = Field(alias="wat", max_length=100, description="Waar de termijn over gaat, zoals 'Huisverbod' of 'Beroep instellen'.")
    kind: TermKind = Field(
        alias="soort",
        description="looptijd (zo lang duurt het), uiterlijk (iets moet binnen deze tijd gebeuren), werkuren, levenslang, "
        "tot-leeftijd of geen-vaste-einddatum.",
    )
    span: Span | None = Field(default=None, alias="duur", description="De (eerste) duur; bij looptijd en uiterlijk.")
    hours: int | None = Field(default=None, alias="uren", ge=1, le=100_000, description="Het aantal uren werk; bij werkuren.")
    age: int | None = Field(default=None, alias="leeftijd", ge=1, le=120, description="De leeftijd waarop het eindigt; bij tot-leeftijd.")
    start: str | None = Field(default=None, alias="vanaf", max_length=120, description="Wat de klok laat lopen, zoals 'het opleggen' of 'de uitspraak'.")
    extension: Span | None = Field(default=None, alias="verlenging", description="Hoe lang één verlenging hoogstens is.")
    extensions: int | None = Field(default=None, alias="verlengingen", ge=1, le=100, description="Hoe vaak verlengen hoogstens mag; leeg: niet vastgelegd.")
    maximum: Span | None = Field(default=None, alias="maximum", description="De totale duur met alle verlengingen samen, als de wet die noemt.")
    basis: LawArticle | None = Field(default=None, alias="grondslag", description="Het artikel dat de termijn regelt.")
    note: str | None = Field(default=None, alias="toelichting", max_length=300, description="Korte toelichting, zoals een uitzondering.")

    @model_validator(mode="after")
    def fields_fit_kind(self) -> StatutoryTerm:
        needs = {
            TermKind.lasts: "span",
            TermKind.deadline: "span",
            TermKind.work_hours: "hours",
            TermKind.until_age: "age",
        }.get(self.kind)
        keys = {"span": "duur", "hours": "uren", "age": "leeftijd"}
        for attribute, key in keys.items():
            present = getattr(self, attribute) is not None
            if attribute == needs and not present:
                raise RULES["term_fields"].error(kind=self.kind.value, detail=f"hoort '{key}'")
            if attribute != needs and present:
                raise RULES["term_fields"].error(kind=self.kind.value, detail=f"hoort geen '{key}'")
        if self.span is None and (self.extension or self.extensions or self.maximum):
            raise RULES["term_fields"].error(kind=self.kind.value, detail="horen geen 'verlenging', 'verlengingen' of 'maximum' (die horen bij een 'duur')")
        if self.span is not None and self.maximum is not None and self.maximum.days < self.span.days:
            raise RULES["term_maximum"].error(maximum=self.maximum.text, duration=self.span.text)
        return self


class Recognition(Model):
    status: RecognitionStatus = Field(description="Of de interventie in een Nederlandse databank van erkende interventies staat.")
    databank: Databank | None = Field(default=None, description="De databank waarin de beoordeling staat.")
    level: str | None = Field(default=None, alias="niveau", description="Het niveau zoals de databank het noemt, letterlijk overgenomen.")
    date: dt.date | None = Field(default=None, alias="datum", description="Datum van de beoordeling of waarop de vermelding is gezien.")
    url: HttpUrl | None = Field(default=None, description="Link naar de vermelding in de databank.")
    note: str | None = Field(default=None, alias="toelichting", description="Toelichting, bijvoorbeeld waarom erkenning niet van toepassing is.")

    @model_validator(mode="after")
    def listed_needs_link(self) -> Recognition:
        if self.status is RecognitionStatus.listed and (self.databank is None or self.url is None):
            raise RULES["recognition_link_missing"].error()
        return self


class Relations(Model):
    combinable_with: list[Slug] = Field(default_factory=list, alias="combineerbaar_met", description="Interventies die vaak samen met deze worden ingezet.")
    follow_up_of: list[Slug] = Field(default_factory=list, alias="vervolg_op", description="Interventies waarop deze kan volgen.")
    alternative_to: list[Slug] = Field(default_factory=list, alias="alternatief_voor", description="Interventies waarvoor deze een alternatief kan zijn.")


class Source(Model):
    title: Text = Field(alias="titel", description="Titel van de bron.")
    url: HttpUrl = Field(description="Webadres van de bron.")


class Check(Model):
    """One claim of an entry checked against a named source."""

    what: Text = Field(alias="wat", description="Wat is nagekeken, zoals 'wie beslist' of 'artikel 2 en 9 Wth'.")
    source: HttpUrl = Field(alias="bron", description="Webadres waar de tekst is gelezen; ook vermeld onder 'bronnen'.")
    date: dt.date = Field(alias="datum", description="Datum van de controle (JJJJ-MM-DD).")
    law: VocabularyRef("wetten") | None = Field(default=None, alias="wet", description="Bij de controle van een wetsartikel: de wet.")
    article: str | None = Field(
        default=None, alias="artikel", pattern=ARTICLE_PATTERN, description="Het artikel dat is gelezen, zoals `2` of `1:255`; één artikel per controle."
    )
    version: dt.date | None = Field(
        default=None,
        alias="versie",
        description="De datum vanaf wanneer de gelezen tekst van het artikel geldt (op wetten.overheid.nl: 'geldend van').",
    )

    @model_validator(mode="after")
    def article_has_law_and_version(self) -> Check:
        if self.article is not None and (self.law is None or self.version is None):
            raise RULES["check_article_version"].error()
        return self


class Intervention(Model):
    """One intervention or measure of the palette: one YAML file, named `<id>.yaml`."""

    id: Slug = Field(description="Vaste sleutel: ook de bestandsnaam en het webadres. Wijzig hem niet meer na publicatie.")
    former_ids: list[Slug] = Field(
        default_factory=list,
        alias="vorige_ids",
        description="Ids die deze interventie eerder had. Het oude webadres blijft werken: het stuurt door naar de nieuwe pagina.",
    )
    name: Text = Field(alias="naam", max_length=120, description="De naam zoals professionals hem kennen.")
    abbreviations: list[Text] = Field(default_factory=list, alias="afkortingen", description="Afkortingen, zoals THV of OTS.")
    aliases: list[Text] = Field(default_factory=list, alias="ook_bekend_als", description="Andere namen die professionals echt gebruiken.")
    source_spellings: list[Text] = Field(
        default_factory=list,
        alias="bron_schrijfwijzen",
        description="Hoe het bronpalet de naam schrijft, als dat afwijkt (ook tik- en scanfouten): vindbaar, maar niet getoond als naam.",
    )
    kind: Kind = Field(alias="soort", description="Wettelijke maatregel, programma, voorziening of werkwijze.")
    phases: list[VocabularyRef("fasen")] = Field(alias="fasen", min_length=1, description="De fase(n) waarin de interventie in het palet staat.")
    domain: VocabularyRef("domeinen") = Field(alias="domein", description="Het domein (rij in het palet).")
    parent: Slug | None = Field(default=None, alias="onderdeel_van", description="De interventie waaronder het palet deze plaatst (id).")
    summary: Text = Field(alias="samenvatting", max_length=200, description="Eén zin: wat is het?")
    description: Text = Field(
        alias="beschrijving", description="Uitleg in gewone taal (B1). Alinea's scheiden met een witregel; een opsomming met regels die beginnen met '- '."
    )
    aim: Text = Field(alias="doel", description="Wat de interventie wil bereiken.")
    target_groups: list[TargetGroup] = Field(alias="doelgroepen", min_length=1, description="Voor wie de interventie is, met leeftijdsgrenzen waar die gelden.")
    roles: Roles = Field(alias="rollen", description="Wie beslist, wie aanvraagt en wie uitvoert.")
    legal_basis: list[LegalBasis] = Field(
        default_factory=list, alias="wettelijke_grondslag", description="Wet en artikel. Verplicht voor een wettelijke maatregel."
    )
    duration: str | None = Field(
        default=None, alias="duur", description="Hoe lang het duurt, in één korte zin van hoogstens 15 woorden; de termijnen zelf staan in 'termijnen'."
    )
    terms: list[StatutoryTerm] = Field(
        default_factory=list,
        alias="termijnen",
        description="De wettelijke termijnen als getallen: hoe lang de maatregel duurt, verlengingen en maximum, en wat wanneer moet gebeuren.",
    )
    how_to_start: Answer | None = Field(
        default=None,
        alias="in_gang_zetten",
        description="Hoe een professional het in gang zet: via welke organisatie en welke route (een melding, een aanvraag of een verzoekschrift).",
    )
    how_fast: Answer | None = Field(default=None, alias="hoe_snel", description="Hoe snel het kan gebeuren.")
    what_next: Answer | None = Field(default=None, alias="daarna", description="Wat er gewoonlijk op volgt.")
    on_violation: AnswerOrNotApplicable | None = Field(
        default=None,
        alias="bij_overtreding",
        description=f"Wat er gebeurt als iemand zich er niet aan houdt; of '{NOT_APPLICABLE}' als er niets te overtreden is.",
    )
    objection: Answer | None = Field(
        default=None, alias="bezwaar_en_beroep", description="Hoe iemand bezwaar maakt of in beroep gaat: de route, bij wie, en binnen welke termijn."
    )
    moments: list[VocabularyRef("momenten")] = Field(
        default_factory=list, alias="momenten", description="De momenten van afstemming waarbij de interventie aan bod komt."
    )
    recognition: Recognition = Field(alias="erkenning", description="Erkenning in een databank (NJi, Movisie, Trimbos, Erkenningscommissie Justitie).")
    relations: Relations = Field(default_factory=Relations, alias="relaties", description="Verbanden met andere interventies.")
    sources: list[Source] = Field(alias="bronnen", min_length=1, description="Waar de informatie vandaan komt. Minstens één.")
    last_reviewed: dt.date = Field(alias="laatst_gecontroleerd", description="Datum waarop de inhoud voor het laatst is nagekeken (JJJJ-MM-DD).")
    review_interval: int | None = Field(
        default=None, alias="controle_interval_maanden", ge=1, le=120, description="Eigen termijn in maanden tot de volgende controle."
    )
    review_status: ReviewStatus = Field(alias="status", description="concept, te-controleren of gecontroleerd.")
    review_note: str | None = Field(default=None, alias="controle_notitie", description="Wat nog nagekeken moet worden.")
    checks: list[Check] = Field(
        default_factory=list, alias="controles", description="Wat is nagekeken, tegen welke bron en wanneer. Verplicht bij status 'gecontroleerd'."
    )
    regions: list[VocabularyRef("regios")] = Field(
        default_factory=list, alias="regios", description="Leeg: landelijk beschikbaar. Anders alleen in deze regio's."
    )

    @model_validator(mode="after")
    def kind_rules(self) -> Intervention:
        if self.kind is Kind.legal_measure:
            if not self.legal_basis:
                raise RULES["legal_basis_missing"].error()
            if self.recognition.status is not RecognitionStatus.not_applicable:
                raise RULES["recognition_legal"].error()
        if self.review_status is ReviewStatus.needs_review and not self.review_note:
            raise RULES["review_note_missing"].error()
        if self.review_status is ReviewStatus.reviewed and not self.checks:
            raise RULES["checks_missing"].error()
        listed = {source.url for source in self.sources}
        unlisted = [check.source for check in self.checks if check.source not in listed]
        if unlisted:
            raise RULES["check_source_unlisted"].error(urls=", ".join(unlisted))
        return self

    def abbreviations_after_name(self) -> list[str]:
        """The abbreviations to write in brackets after the name: not those the name already holds as a
        word ('CoVa' in 'Cognitieve Vaardigheidstraining (CoVa)', 'AWARE' in 'AWARE'), each spelling once."""
        shown: list[str] = []
        for abbreviation in self.abbreviations:
            in_name = re.search(rf"(?<!\w){re.escape(abbreviation)}(?!\w)", self.name, re.IGNORECASE)
            if not in_name and abbreviation.lower() not in {other.lower() for other in shown}:
                shown.append(abbreviation)
        return shown

    def all_relations(self) -> list[tuple[str, str]]:
        """(field alias, target id) for every reference to another entry."""
        refs = [("onderdeel_van", self.parent)] if self.parent else []
        for name, info in Relations.model_fields.items():
            refs.extend((f"relaties.{info.alias}", target) for target in getattr(self.relations, name))
        return refs


class Availability(StrEnum):
    available = "beschikbaar"
    unavailable = "niet-beschikbaar"
    hidden = "verborgen"


class Contact(Model):
    name: Text = Field(alias="naam", description="Naam van de contactpersoon of het team.")
    organisation: str | None = Field(default=None, alias="organisatie", description="Organisatie.")
    phone: str | None = Field(default=None, alias="telefoon", pattern=PHONE_PATTERN, description="Telefoonnummer, zoals 088 123 45 67.")
    email: str | None = Field(default=None, alias="e-mail", pattern=EMAIL_PATTERN, description="E-mailadres.")
    website: HttpUrl | None = Field(default=None, description="Webadres.")


class RegionalSupplement(Model):
    """What a region adds to a national entry, in palette/regio/<regio>/aanvullingen/<id>.yaml."""

    intervention: Slug = Field(alias="interventie", description="De id van de landelijke interventie; ook de bestandsnaam.")
    availability: Availability = Field(
        default=Availability.available,
        alias="beschikbaarheid",
        description="beschikbaar, niet-beschikbaar (wordt getoond met de reden) of verborgen (niet op de site van de regio).",
    )
    reason: str | None = Field(default=None, alias="reden", description="Waarom de interventie hier niet beschikbaar is.")
    note: str | None = Field(default=None, alias="toelichting", description="Wat in deze regio anders of aanvullend is.")
    contacts: list[Contact] = Field(default_factory=list, alias="contact", description="Contactgegevens in de regio.")
    sources: list[Source] = Field(default_factory=list, alias="bronnen", description="Bronnen voor de regionale informatie.")
    last_reviewed: dt.date = Field(alias="laatst_gecontroleerd", description="Datum van de laatste controle (JJJJ-MM-DD).")

    @model_validator(mode="after")
    def reason_when_unavailable(self) -> RegionalSupplement:
        if self.availability is not Availability.available and not self.reason:
            raise RULES["reason_missing"].error()
        return self


class ChangeText(Model):
    """The text the site shows for one commit instead of its subject line."""

    commit: str = Field(pattern=COMMIT_PATTERN, description="De commit, verkort zoals 'git log --oneline' hem toont of voluit.")
    text: Text = Field(alias="tekst", max_length=200, description="Wat lezers zien: Nederlands, over de inhoud, met de naam van de interventie voorop.")


class ChangeTexts(Model):
    """palette/wijzigingen.yaml (and palette/regio/<regio>/wijzigingen.yaml): Dutch texts for commits whose
    subject line was not written for readers. The site publishes a commit's subject on the entry's page, on
    'Wat is er veranderd' and in the feed; git history is not rewritten, so a text here takes its place."""

    texts: list[ChangeText] = Field(alias="teksten", min_length=1, description="Per commit de tekst die de site toont.")
