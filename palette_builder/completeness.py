"""Whether an entry answers what professionals ask about it, and whether its check read the law itself.

A legal measure answers six questions at a netwerkoverleg: on what legal basis, who decides, who requests
or starts it and how, how long (its terms), what happens on violation, and how to object or appeal. Every
entry answers three more: how to set it in motion, how fast, and what usually follows. `check` lists what
is missing, located in the entry's file; `check --streng` fails on a missing answer in a checked entry.

A checked legal measure has read each article of its legal basis in the official text: a check record
with that law and article, the version read (the date from which that text is in force) and a source on
an official host (`palette/vocabulaires/officiele-bronnen.yaml`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from .models import Intervention, Kind, ReviewStatus

OFFICIAL_SOURCES_FILE = "officiele-bronnen.yaml"


class OfficialSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$", description="De host, zoals wetten.overheid.nl.")
    name: str = Field(alias="naam", min_length=1, description="Wie de tekst daar publiceert.")


@dataclass(frozen=True)
class Question:
    key: str  # the YAML field that answers it (or the first of them)
    text: str  # what check says is missing
    answered: Callable[[Intervention], bool]
    legal_only: bool = True


QUESTIONS: tuple[Question, ...] = (
    Question("wettelijke_grondslag", "de wettelijke grondslag (wet en artikel)", lambda item: bool(item.legal_basis)),
    Question("rollen", "wie beslist ('rollen.beslist')", lambda item: bool(item.roles.decides)),
    Question("in_gang_zetten", "wie het aanvraagt of in gang zet, en hoe ('in_gang_zetten')", lambda item: item.how_to_start is not None, legal_only=False),
    Question("duur", "de duur en de wettelijke termijnen ('duur' en 'termijnen')", lambda item: bool(item.duration) and bool(item.terms)),
    Question("bij_overtreding", "wat er gebeurt bij overtreding ('bij_overtreding', of 'niet-van-toepassing')", lambda item: item.on_violation is not None),
    Question("bezwaar_en_beroep", "bezwaar en beroep: route, bij wie en binnen welke termijn ('bezwaar_en_beroep')", lambda item: item.objection is not None),
    Question("hoe_snel", "hoe snel het kan gebeuren ('hoe_snel')", lambda item: item.how_fast is not None, legal_only=False),
    Question("daarna", "wat er gewoonlijk op volgt ('daarna')", lambda item: item.what_next is not None, legal_only=False),
)


def questions_for(item: Intervention) -> list[Question]:
    legal = item.kind is Kind.legal_measure
    return [question for question in QUESTIONS if legal or not question.legal_only]


def missing(item: Intervention) -> list[Question]:
    return [question for question in questions_for(item) if not question.answered(item)]


def six_answers_complete(item: Intervention) -> bool:
    """A legal measure that answers all six questions of a netwerkoverleg."""
    return item.kind is Kind.legal_measure and not [question for question in missing(item) if question.legal_only or question.key == "in_gang_zetten"]


def unread_articles(item: Intervention, official_hosts: set[str]) -> list[tuple[int, str]]:
    """(index in wettelijke_grondslag, article) of each article of the legal basis that no check record
    read in the official text, with its version."""
    read = {
        (check.law, check.article.split()[0])
        for check in item.checks
        if check.law and check.article and check.version and urlsplit(check.source).hostname in official_hosts
    }
    return [(index, basis.article) for index, basis in enumerate(item.legal_basis) if (basis.law, basis.article.split()[0]) not in read]


def needs_strict_answers(item: Intervention) -> bool:
    """A checked entry must answer everything; an entry still to be checked may say 'nog niet beschreven'."""
    return item.review_status is ReviewStatus.reviewed
