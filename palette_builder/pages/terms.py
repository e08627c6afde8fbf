"""The terms of every legal measure on one page (/termijnen/): how long each lasts and what must happen by
when, on one scale from an hour to twenty years, grouped by phase, each with its article and how far it
is checked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..kit import Kit, Page
from ..models import Intervention, Kind, ReviewStatus, StatutoryTerm
from ..terms import SCALE_MARKS, Bar, bar, extension_text, length_text, position

FOLDER = "termijnen"
FOLDERS = (FOLDER,)


@dataclass
class TermRow:
    term: StatutoryTerm
    length: str
    extension: str
    bar: Bar | None


@dataclass
class Measure:
    item: Intervention
    rows: list[TermRow]
    checked: bool


def _two_columns(groups: list[tuple[str, list[Any], list[Measure]]]) -> list[list[tuple[str, list[Any], list[Measure], bool]]]:
    """The groups in two columns of about equal length, for paper (on a screen they follow each other):
    a measure is not split, a group may continue in the second column under its name again."""
    weight = sum(1 + len(measure.rows) for _, _, measures in groups for measure in measures)
    first: list[tuple[str, list[Any], list[Measure], bool]] = []
    second: list[tuple[str, list[Any], list[Measure], bool]] = []
    used = 0
    for group, phases, measures in groups:
        left = [measure for measure in measures if (used := used + 1 + len(measure.rows)) <= (weight + 1) / 2]
        right = measures[len(left) :]
        if left:
            first.append((group, phases, left, False))
        if right:
            second.append((group, phases, right, bool(left)))
    return [first, second]


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    groups = []
    for group, phases in site.phase_groups():
        ids = {phase.id for phase in phases}
        measures = [
            Measure(
                item, [TermRow(term, length_text(term), extension_text(term), bar(term)) for term in item.terms], item.review_status is ReviewStatus.reviewed
            )
            for item in site.items
            if item.kind is Kind.legal_measure and item.phases[0] in ids
        ]
        if measures:
            groups.append((group, phases, measures))
    yield kit.page(
        "termijnen.md.j2",
        f"{FOLDER}/index.md",
        kit.meta(
            "Termijnen van de wettelijke maatregelen",
            "Hoe lang elke wettelijke maatregel duurt en wat wanneer moet gebeuren, op één schaal, per fase.",
            hide=["navigation", "toc"],
        ),
        columns=_two_columns(groups),
        marks=[(position(days), name) for days, name in SCALE_MARKS],
        data_date=site.data_date(),
    )
