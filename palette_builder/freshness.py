"""When an entry is due for review again, and the Dutch words to say so.

The review interval is data (`palette/vocabulaires/controletermijnen.yaml`): a default, optionally one per
kind of entry, and one for regional supplements; an entry may set its own (`controle_interval_maanden`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .models import Intervention, Kind, RegionalSupplement

SETTINGS_FILE = "controletermijnen.yaml"

Months = Annotated[int, Field(ge=1, le=120)]


class ReviewSettings(BaseModel):
    """palette/vocabulaires/controletermijnen.yaml: how long after 'laatst_gecontroleerd' an entry is checked again."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    default_months: Months = Field(default=12, alias="standaard_maanden", description="Termijn in maanden voor elke interventie.")
    per_kind: dict[Kind, Months] = Field(default_factory=dict, alias="per_soort", description="Een andere termijn per soort interventie.")
    supplement_months: Months | None = Field(
        default=None, alias="aanvullingen_maanden", description="Termijn voor regionale aanvullingen; zonder waarde de standaardtermijn."
    )
    notice_days: int = Field(
        default=30, alias="vooraankondiging_dagen", ge=0, le=365, description="Hoeveel dagen vooraf 'check' meldt dat een controle eraan komt."
    )

    def months_for(self, item: Intervention) -> int:
        return item.review_interval or self.per_kind.get(item.kind, self.default_months)

    def due_date(self, item: Intervention) -> dt.date:
        return add_months(item.last_reviewed, self.months_for(item))

    def supplement_due_date(self, supplement: RegionalSupplement) -> dt.date:
        return add_months(supplement.last_reviewed, self.supplement_months or self.default_months)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the last day of the month where that day does not exist (31 januari + 1)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Due:
    """One entry or supplement whose review date has passed (or is near)."""

    display: str  # the file, as check prints it
    name: str
    due: dt.date
    months: int
    supplement_of: str | None = None  # the region, for a supplement
