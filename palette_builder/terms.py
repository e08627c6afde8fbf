"""Statutory terms in words and on one scale: for an entry's section 'Duur en termijnen', the page of
all terms (/termijnen/) and the open data.

The scale is logarithmic, from an hour to twenty years, so that the hours of an inverzekeringstelling
and the years of a proeftijd stand on one line. A term that is not a duration (hours of work, life, until
an age, no fixed end) is named as what it is and gets no bar.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .models import Span, StatutoryTerm, TermKind

SCALE_START_DAYS = 1 / 24  # one hour
SCALE_END_DAYS = 20 * 365.25  # twenty years
# Marks along the scale, in days, with their Dutch names.
SCALE_MARKS = ((1 / 24, "1 uur"), (1, "1 dag"), (7, "1 week"), (30.44, "1 maand"), (365.25, "1 jaar"), (3652.5, "10 jaar"))


def position(days: float) -> float:
    """Where a length lies on the scale, from 0 (an hour or less) to 100 (twenty years or more), in percent."""
    if days <= SCALE_START_DAYS:
        return 0.0
    share = math.log(days / SCALE_START_DAYS) / math.log(SCALE_END_DAYS / SCALE_START_DAYS)
    return round(min(share, 1.0) * 100, 1)


def length_text(term: StatutoryTerm) -> str:
    """The term itself: '10 dagen', '240 uur werk', 'levenslang', 'tot 18 jaar', 'geen vaste einddatum'."""
    if term.kind is TermKind.work_hours:
        return f"{term.hours} uur werk"
    if term.kind is TermKind.life:
        return "levenslang"
    if term.kind is TermKind.until_age:
        return f"tot {term.age} jaar"
    if term.kind is TermKind.open_ended:
        return "geen vaste einddatum"
    assert term.span is not None
    return ("binnen " if term.kind is TermKind.deadline else "") + term.span.text


def extension_text(term: StatutoryTerm) -> str:
    """'telkens ten hoogste 1 jaar, hoogstens 3 keer; in totaal ten hoogste 4 weken', or empty."""
    parts = []
    if term.extension is not None:
        each = f"telkens ten hoogste {term.extension.text}" if term.extensions != 1 else f"één keer ten hoogste {term.extension.text}"
        if term.extensions and term.extensions > 1:
            each += f", hoogstens {term.extensions} keer"
        parts.append(each)
    elif term.extensions:
        parts.append("één keer" if term.extensions == 1 else f"hoogstens {term.extensions} keer")
    if term.maximum is not None:
        parts.append(f"in totaal ten hoogste {term.maximum.text}")
    return "; ".join(parts)


@dataclass(frozen=True)
class Bar:
    """A term on the scale: where it starts (0) and where its first duration and its maximum end."""

    first: float  # percent
    maximum: float | None  # percent, when extensions or a maximum reach further


def bar(term: StatutoryTerm) -> Bar | None:
    if term.span is None:
        return None
    furthest: Span | None = term.maximum
    if furthest is None and term.extension is not None and term.extensions:
        total = term.span.days + term.extension.days * term.extensions
        return Bar(position(term.span.days), position(total))
    return Bar(position(term.span.days), position(furthest.days) if furthest else None)
