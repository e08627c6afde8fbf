"""Whether an entry's check read the law itself, and which entries must answer everything.

The questions an entry answers are answers.py's; `check` lists what is missing, located in the entry's
file, and `check --streng` fails on a missing answer in a checked entry.

A checked legal measure has read each article of its legal basis in the official text: a check record
with that law and article, the version read (the date from which that text is in force) and a source on
an official host (`palette/vocabulaires/officiele-bronnen.yaml`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from .models import Intervention, ReviewStatus

OFFICIAL_SOURCES_FILE = "officiele-bronnen.yaml"


class OfficialSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$", description="De host, zoals wetten.overheid.nl.")
    name: str = Field(alias="naam", min_length=1, description="Wie de tekst daar publiceert.")


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
