"""What the commands print about a loaded palette: its problems and the entries due for review."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .freshness import Due, count_phrase, dutch_date
from .models import ReviewStatus
from .palette import Palette
from .safe_yaml import locate


def review_summary(palette: Palette) -> str:
    """One line: how many entries were checked claim by claim against named sources."""
    entries = [entry.intervention for entry in palette.entries.values()]
    reviewed = sum(item.review_status is ReviewStatus.reviewed for item in entries)
    return f"Gecontroleerd: {reviewed} van {len(entries)} interventies; de rest is nog niet volledig nagekeken."


def due_for_review(palette: Palette) -> tuple[list[Due], list[Due]]:
    """(past their review date, due within the notice period), each sorted by date."""
    review, today = palette.review, palette.today
    found = [
        Due(entry.display, entry.intervention.name, review.due_date(entry.intervention), review.months_for(entry.intervention))
        for entry in palette.entries.values()
    ]
    for entry_id, supplements in palette.supplements.items():
        for region, supplement in supplements:
            display = f"palette/regio/{region}/aanvullingen/{entry_id}.yaml"
            months = review.supplement_months or review.default_months
            found.append(Due(display, palette.entries[entry_id].intervention.name, review.supplement_due_date(supplement), months, region))
    found.sort(key=lambda due: (due.due, due.display))
    soon = today + dt.timedelta(days=review.notice_days)
    return [due for due in found if due.due <= today], [due for due in found if today < due.due <= soon]


def report_due(palette: Palette, root: Path, strict: bool) -> bool:
    """Print the entries due for review: warnings, or errors with --streng. True when any is past due."""
    overdue, upcoming = due_for_review(palette)
    stream = sys.stderr if strict else sys.stdout
    kind = "fout" if strict else "waarschuwing"
    for due in overdue:
        path = root / due.display
        line, column = locate(path.read_text(encoding="utf-8"), ("laatst_gecontroleerd",)) if path.exists() else (1, 1)
        what = f"de regionale aanvulling ({due.supplement_of}) bij {due.name}" if due.supplement_of else due.name
        print(
            f"{due.display}:{line}:{column}: laatst_gecontroleerd: {kind}: {what} is mogelijk verouderd; "
            f"opnieuw nakijken sinds {dutch_date(due.due)} (termijn {due.months} maanden)",
            file=stream,
        )
    if overdue:
        phrase, verb = count_phrase(sum(due.supplement_of is None for due in overdue), sum(due.supplement_of is not None for due in overdue))
        print(f"Controle: {phrase} {verb} toe aan controle." + ("" if strict else " Met --streng telt dat als fout."), file=stream)
    else:
        print("Controle: alles is binnen de controletermijn.")
    if upcoming:
        phrase, verb = count_phrase(sum(due.supplement_of is None for due in upcoming), sum(due.supplement_of is not None for due in upcoming))
        names = "; ".join(f"{due.name} ({dutch_date(due.due)})" for due in upcoming[:10]) + (f" en {len(upcoming) - 10} meer" if len(upcoming) > 10 else "")
        print(f"Binnen {palette.review.notice_days} dagen {verb} {phrase} toe aan controle: {names}.")
    return bool(overdue)


def report_problems(palette: Palette) -> bool:
    for problem in palette.problems:
        print(problem, file=sys.stderr)
    if palette.problems:
        count, files = len(palette.problems), len({p.path for p in palette.problems})
        print(f"{count} {'probleem' if count == 1 else 'problemen'} in {files} {'bestand' if files == 1 else 'bestanden'}.", file=sys.stderr)
    return bool(palette.problems)
