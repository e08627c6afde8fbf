"""Rules the build and the browser scripts both apply, tested on one table of cases each
(tests/cases/*.json); tests/js/ tests the scripts on the same tables with Node's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from palette_builder.facets import FACETS, TEXT_PARAMETER, explorer_query, matches

CASES = Path(__file__).parent / "cases"
ADDRESS = json.loads((CASES / "verkenner-adres.json").read_text(encoding="utf-8"))
SELECTION = json.loads((CASES / "selectie.json").read_text(encoding="utf-8"))


def test_the_address_table_knows_the_explorers_filters_in_their_order() -> None:
    """The scripts read the order of the filters from the table; it must be the build's."""
    assert ADDRESS["sleutels"] == [facet.key for facet in FACETS]
    assert ADDRESS["tekstparameter"] == TEXT_PARAMETER


@pytest.mark.parametrize("case", ADDRESS["gevallen"], ids=lambda case: case["adres"] or "leeg")
def test_the_build_writes_the_explorers_address_as_the_explorer_does(case: dict) -> None:
    assert explorer_query(case["selectie"], case["tekst"]) == case["adres"]


@pytest.mark.parametrize("case", SELECTION["gevallen"], ids=lambda case: json.dumps(case["gekozen"]))
def test_the_build_selects_entries_as_the_explorer_does(case: dict) -> None:
    assert matches(case["gekozen"], case["waarden"]) is case["past"]
