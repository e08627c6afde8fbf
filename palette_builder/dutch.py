"""The Dutch the site and the commands write: dates, lists, counts and the order of an index."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def dutch_date(day: dt.date) -> str:
    """28 november 2027."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def alphabetical(text: str) -> str:
    """The key that puts names in the order of a Dutch index: 'Beëindiging' before 'Bewaring'."""
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))


def one_of(values: Iterable[str]) -> str:
    """'a, b of c': the allowed values of a field, in a comment of the new-entry file."""
    values = list(values)
    return ", ".join(values[:-1]) + " of " + values[-1] if len(values) > 1 else "".join(values)


def count_phrase(entries: int, supplements: int) -> tuple[str, str]:
    """('1 interventie', 'is') or ('2 interventies en 1 regionale aanvulling', 'zijn'): singular and plural."""
    parts = []
    if entries:
        parts.append(f"{entries} {'interventie' if entries == 1 else 'interventies'}")
    if supplements:
        parts.append(f"{supplements} regionale {'aanvulling' if supplements == 1 else 'aanvullingen'}")
    return " en ".join(parts), "is" if entries + supplements == 1 else "zijn"


def slug(text: str) -> str:
    """Lower case, no accents, words joined by '-': how a hand-typed value or an abbreviation becomes part
    of an address (the explorer's script compares the same way)."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
