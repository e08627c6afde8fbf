"""The questions professionals ask about an entry, and where the entry answers each: one declaration for
the key facts at the top of an entry page, its sections, the comparison's rows, the printed cards and
`check`'s list of what is missing.

A legal measure answers six questions at a netwerkoverleg: on what legal basis, who decides, who requests
or starts it and how, how long (its terms), what happens on violation, and how to object or appeal. Every
entry answers how to set it in motion, how fast, and what usually follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .models import NOT_APPLICABLE, Answer, Intervention, Kind

NOT_DESCRIBED = "Nog niet beschreven"
NOT_APPLICABLE_TEXT = "Niet van toepassing"


@dataclass(frozen=True)
class Question:
    key: str  # the YAML field that answers it (the first of them)
    label: str  # how the key facts, the comparison and the cards name it
    anchor: str  # the section of the entry page that explains the answer
    missing: str  # what check says is missing
    answered: Callable[[Intervention], bool]
    legal_only: bool = True
    short: Callable[[Intervention], str | None] = lambda item: None  # the short answer, where it is text

    def applies_to(self, item: Intervention) -> bool:
        return item.kind is Kind.legal_measure or not self.legal_only


def _short(answer: Answer | str | None) -> str | None:
    if answer is None:
        return None
    return NOT_APPLICABLE_TEXT if answer == NOT_APPLICABLE else answer.short  # type: ignore[union-attr]


LEGAL_BASIS = Question(
    "wettelijke_grondslag", "Wettelijke grondslag", "wettelijke-grondslag", "de wettelijke grondslag (wet en artikel)", lambda item: bool(item.legal_basis)
)
DECIDES = Question("rollen", "Wie beslist", "wie-beslist", "wie beslist ('rollen.beslist')", lambda item: bool(item.roles.decides))
HOW_TO_START = Question(
    "in_gang_zetten",
    "In gang zetten",
    "in-gang-zetten",
    "wie het aanvraagt of in gang zet, en hoe ('in_gang_zetten')",
    lambda item: item.how_to_start is not None,
    legal_only=False,
    short=lambda item: _short(item.how_to_start),
)
DURATION = Question(
    "duur",
    "Duur",
    "duur-en-termijnen",
    "de duur en de wettelijke termijnen ('duur' en 'termijnen')",
    lambda item: bool(item.duration) and bool(item.terms),
    short=lambda item: item.duration,
)
ON_VIOLATION = Question(
    "bij_overtreding",
    "Bij overtreding",
    "bij-overtreding",
    "wat er gebeurt bij overtreding ('bij_overtreding', of 'niet-van-toepassing')",
    lambda item: item.on_violation is not None,
    short=lambda item: _short(item.on_violation),
)
OBJECTION = Question(
    "bezwaar_en_beroep",
    "Bezwaar en beroep",
    "bezwaar-en-beroep",
    "bezwaar en beroep: route, bij wie en binnen welke termijn ('bezwaar_en_beroep')",
    lambda item: item.objection is not None,
    short=lambda item: _short(item.objection),
)
HOW_FAST = Question(
    "hoe_snel",
    "Hoe snel",
    "hoe-snel",
    "hoe snel het kan gebeuren ('hoe_snel')",
    lambda item: item.how_fast is not None,
    legal_only=False,
    short=lambda item: _short(item.how_fast),
)
WHAT_NEXT = Question(
    "daarna",
    "Daarna",
    "daarna",
    "wat er gewoonlijk op volgt ('daarna')",
    lambda item: item.what_next is not None,
    legal_only=False,
    short=lambda item: _short(item.what_next),
)

# In the order a reader scans them.
QUESTIONS: tuple[Question, ...] = (LEGAL_BASIS, DECIDES, HOW_TO_START, DURATION, ON_VIOLATION, OBJECTION, HOW_FAST, WHAT_NEXT)
# The six of a legal measure.
SIX = (LEGAL_BASIS, DECIDES, HOW_TO_START, DURATION, ON_VIOLATION, OBJECTION)


def missing(item: Intervention) -> list[Question]:
    return [question for question in QUESTIONS if question.applies_to(item) and not question.answered(item)]


def six_answers_complete(item: Intervention) -> bool:
    """A legal measure that answers all six questions of a netwerkoverleg."""
    return item.kind is Kind.legal_measure and all(question.answered(item) for question in SIX)
