"""Relations between entries (`relaties` in an entry file), shown on both entries they connect.

An entry declares a relation once; the other entry shows it too, in the inverse wording when the
relation has a direction ("vervolg op X" on A, "kan gevolgd worden door A" on X).
"""

from __future__ import annotations

from dataclasses import dataclass

from .dutch import alphabetical
from .models import Intervention


@dataclass(frozen=True)
class RelationKind:
    attribute: str  # the field of models.Relations
    label: str  # on the entry that declares it
    inverse: str | None  # on the entry it names; None: the same words both ways (symmetric)
    compare_rank: int  # the order in which related entries are offered for a comparison (alternatives first)


RELATION_KINDS = (
    RelationKind("combinable_with", "Te combineren met", None, compare_rank=1),
    RelationKind("follow_up_of", "Vervolg op", "Kan gevolgd worden door", compare_rank=2),
    RelationKind("alternative_to", "Alternatief voor", "Heeft als alternatief", compare_rank=0),
)


def declared(item: Intervention) -> list[str]:
    """The ids an entry names in its relations, in the order they are offered for a comparison."""
    return [target for kind in sorted(RELATION_KINDS, key=lambda kind: kind.compare_rank) for target in getattr(item.relations, kind.attribute)]


def related(items: list[Intervention]) -> dict[str, list[tuple[str, list[Intervention]]]]:
    """Entry id -> [(heading, other entries)], declared and inverse, in the order of RELATION_KINDS.

    An entry appears once per kind on a page: when both entries declare the same relation (A combinable
    with X and X with A, or alternatives of each other), the declared wording is kept, not both.
    Relations to entries this build does not show (hidden by a region) are left out.
    """
    by_id = {item.id: item for item in items}
    # owner id -> kind -> (declared: other id -> entry, inverse: other id -> entry)
    found: dict[str, dict[RelationKind, tuple[dict[str, Intervention], dict[str, Intervention]]]] = {}

    def side(owner: str, kind: RelationKind) -> tuple[dict[str, Intervention], dict[str, Intervention]]:
        return found.setdefault(owner, {}).setdefault(kind, ({}, {}))

    for item in items:
        for kind in RELATION_KINDS:
            for target in getattr(item.relations, kind.attribute):
                if target in by_id and target != item.id:
                    side(item.id, kind)[0][target] = by_id[target]
                    side(target, kind)[1][item.id] = item
    result: dict[str, list[tuple[str, list[Intervention]]]] = {}
    for owner, kinds in found.items():
        headings = []
        for kind in RELATION_KINDS:
            declared, inverse = kinds.get(kind, ({}, {}))
            rest = {other_id: other for other_id, other in inverse.items() if other_id not in declared}
            groups = [(kind.label, {**declared, **rest})] if kind.inverse is None else [(kind.label, declared), (kind.inverse, rest)]
            headings += [(heading, sorted(others.values(), key=lambda other: (alphabetical(other.name), other.name))) for heading, others in groups if others]
        result[owner] = headings
    return result
