"""The wegwijzer: a few questions about the situation that lead to a moment of afstemming, the partners
who coordinate and the interventions that fit, as data in `palette/wegwijzer.yaml`; its format.

A region adjusts it in `palette/regio/<regio>/wegwijzer.yaml`: a step with the id of a national step
replaces it, a new id adds a step, and `start` may name another first question. The region's version
is used on that region's own site; a national build and a build of all regions use the national one.
The checks are wegwijzer_checks.py's, the pages pages/wegwijzer.py's.

An outcome selects its interventions the way the explorer does (facet keys and values from facets.py;
any value within a facet, every facet), so its explorer link shows exactly the list on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import Field

from .facets import FACETS, Facet
from .format_guide import format_fields
from .models import Model, Rule, Slug, Source, Text, VocabularyRef
from .vocabularies import Vocabularies

FILE_NAME = "wegwijzer.yaml"
PAGE_DIR = "wegwijzer"


class Answer(Model):
    text: Text = Field(alias="antwoord", max_length=160, description="Het antwoord zoals de lezer het kiest, kort.")
    note: str | None = Field(default=None, alias="toelichting", description="Korte toelichting onder het antwoord.")
    to: Slug = Field(alias="naar", description="De id van de volgende stap: een vraag of een uitkomst.")


class Question(Model):
    """One question page: the question and two or more answers, each a link to the next step."""

    id: Slug = Field(description="Vaste sleutel en webadres van de stap (/wegwijzer/<id>/).")
    question: Text = Field(alias="vraag", max_length=200, description="De vraag, in gewone taal.")
    explanation: str | None = Field(default=None, alias="uitleg", description="Wat de vraag bedoelt, in één of twee zinnen.")
    answers: list[Answer] = Field(alias="antwoorden", min_length=2, description="De antwoorden; elk leidt naar een volgende stap.")


class NextStep(Model):
    text: Text = Field(alias="tekst", max_length=160, description="Waar de link naartoe gaat, zoals 'Daarna: werken aan stabiele veiligheid'.")
    to: Slug = Field(alias="naar", description="De id van de stap waar de link naartoe gaat.")


class Outcome(Model):
    """One outcome page: the moment(s) of afstemming, who coordinate, and the interventions that fit."""

    id: Slug = Field(description="Vaste sleutel en webadres van de stap (/wegwijzer/<id>/).")
    title: Text = Field(alias="titel", max_length=120, description="De titel van de uitkomst.")
    explanation: Text = Field(alias="uitleg", description="Wat er in deze situatie gebeurt, in gewone taal (B1), uit de bron.")
    moments: list[VocabularyRef("momenten")] = Field(alias="momenten", min_length=1, description="Het moment (of de momenten) van afstemming.")
    partners: list[VocabularyRef("partners")] = Field(alias="partners", min_length=1, description="De partners die afstemmen.")
    selection: dict[str, list[str]] = Field(
        alias="selectie",
        min_length=1,
        description="De interventies die passen, als filters van de verkenner: sleutel (zoals fase of moment) met een lijst waarden.",
    )
    next_steps: list[NextStep] = Field(default_factory=list, alias="verder", description="Links naar een volgende stap, zoals de volgende fase.")
    sources: list[Source] = Field(alias="bronnen", min_length=1, description="Waar de uitkomst op steunt. Minstens één.")


class WegwijzerFile(Model):
    """`palette/wegwijzer.yaml`: the national wegwijzer."""

    title: Text = Field(alias="titel", max_length=120, description="De titel van de startpagina.")
    intro: Text = Field(alias="inleiding", description="Wat de wegwijzer doet, op de startpagina.")
    start: Slug = Field(description="De id van de eerste vraag.")
    questions: list[Question] = Field(alias="vragen", min_length=1, description="De vragen.")
    outcomes: list[Outcome] = Field(alias="uitkomsten", min_length=1, description="De uitkomsten.")


class RegionalWegwijzerFile(Model):
    """`palette/regio/<regio>/wegwijzer.yaml`: what a region changes in the national wegwijzer."""

    start: Slug | None = Field(default=None, description="Een andere eerste vraag (id); zonder: de landelijke.")
    intro: str | None = Field(default=None, alias="inleiding", description="Een eigen inleiding; zonder: de landelijke.")
    questions: list[Question] = Field(default_factory=list, alias="vragen", description="Vragen: dezelfde id vervangt de landelijke, een nieuwe id voegt toe.")
    outcomes: list[Outcome] = Field(
        default_factory=list, alias="uitkomsten", description="Uitkomsten: dezelfde id vervangt de landelijke, een nieuwe id voegt toe."
    )


Step = Question | Outcome


@dataclass
class Wegwijzer:
    """The assembled wegwijzer of one build: its steps in file order, reachable from `start`."""

    title: str
    intro: str
    start: str
    steps: dict[str, Step] = field(default_factory=dict)
    region: str | None = None


def step_links(step: Step) -> list[tuple[tuple[Any, ...], str]]:
    """(location within the step, target id) of every link a step makes."""
    if isinstance(step, Question):
        return [(("antwoorden", index, "naar"), answer.to) for index, answer in enumerate(step.answers)]
    return [(("verder", index, "naar"), link.to) for index, link in enumerate(step.next_steps)]


def selectable_facets() -> list[Facet]:
    """The facets an outcome may select on: those whose values are a vocabulary's or an enum's."""
    return [facet for facet in FACETS if facet.choices is None and (facet.vocabulary or facet.enum)]


def allowed_values(facet: Facet, vocabularies: Vocabularies) -> list[str]:
    if facet.enum is not None:
        return [value.value for value in facet.enum]
    return vocabularies.ids(facet.vocabulary or "")


# The rules over more than one step, as the format page states them; `assemble` checks them
# (tests/test_wegwijzer.py breaks each). {filters} is the list of the explorer's filter keys.
RULES = (
    Rule(
        "steps_exist",
        "Een antwoord (`naar`) en een link `verder` wijzen naar de id van een vraag of uitkomst die bestaat. De wegwijzer begint bij `start`, een vraag.",
    ),
    Rule(
        "steps_reachable",
        "Elke vraag en uitkomst is vanaf de start te bereiken, en geen stap leidt terug naar een stap die ervoor komt: elke route eindigt bij een uitkomst.",
    ),
    Rule(
        "selection_like_explorer",
        "`selectie` kiest de interventies zoals de verkenner: per filter ({filters}) een lijst waarden. Binnen een filter is één waarde genoeg; "
        "alle filters samen moeten kloppen. De link naar de verkenner op de uitkomst toont daardoor precies dezelfde interventies.",
    ),
    Rule("outcome_complete", "Elke uitkomst noemt minstens één moment van afstemming, één partner en één bron."),
    Rule(
        "regional_steps",
        "Een regio past de wegwijzer aan in `palette/regio/<regio>/wegwijzer.yaml`: een vraag of uitkomst met de id van een landelijke stap "
        "vervangt die, een nieuwe id voegt een stap toe, en `start` en `inleiding` mogen anders. Dat geldt op de site van die regio; de "
        "landelijke site en de site van alle regio's samen tonen de landelijke wegwijzer. Een landelijke stap die in de regio niet meer te "
        "bereiken is, laat de site van de regio weg.",
    ),
)


def wegwijzer_format(vocabularies: Vocabularies) -> dict[str, Any]:
    """What the format page says about the wegwijzer's files: their fields and rules."""
    filters = ", ".join(f"`{facet.key}`" for facet in selectable_facets())
    return {
        "fields": format_fields(vocabularies, WegwijzerFile),
        "regional_fields": format_fields(vocabularies, RegionalWegwijzerFile),
        "rules": [rule.text.replace("{filters}", filters) for rule in RULES],
    }
