"""The national palette: complete against the source, valid, and with the schema kept in step."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from palette_builder.models import Kind
from palette_builder.project import Project
from palette_builder.schema import schema_text

from .conftest import REPO

CHECKLIST = yaml.safe_load((REPO / "tests" / "bron_checklist.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def palette():
    return Project(REPO).load()


def expected_placements() -> dict[str, set[tuple[str, str]]]:
    """entry id -> {(phase, domain)} from the checklist of the source palette."""
    placements: dict[str, set[tuple[str, str]]] = {}
    for phase, domains in CHECKLIST.items():
        for domain, names in domains.items():
            for ids in names.values():
                for entry_id in ids:
                    placements.setdefault(entry_id, set()).add((phase, domain))
    return placements


def test_national_palette_has_no_problems(palette) -> None:
    assert [str(p) for p in palette.problems] == []


@pytest.mark.parametrize("entry_id", sorted(expected_placements()))
def test_every_source_name_has_its_entry_in_place(palette, entry_id: str) -> None:
    assert entry_id in palette.entries, f"missing entry {entry_id}.yaml"
    intervention = palette.entries[entry_id].intervention
    for phase, domain in expected_placements()[entry_id]:
        assert phase in intervention.phases, f"{entry_id}: phase {phase} lost"
        assert intervention.domain == domain, f"{entry_id}: domain {intervention.domain}, source says {domain}"


def test_no_entry_outside_the_source_palette(palette) -> None:
    assert sorted(set(palette.entries) - set(expected_placements())) == []


def test_phases_match_the_source_exactly(palette) -> None:
    for entry_id, placements in expected_placements().items():
        if entry_id in palette.entries:
            assert set(palette.entries[entry_id].intervention.phases) == {phase for phase, _ in placements}, entry_id


def test_legal_measures_name_law_and_article_and_entries_have_sources(palette) -> None:
    for entry in palette.entries.values():
        item = entry.intervention
        assert item.sources and item.last_reviewed, item.id
        if item.kind is Kind.legal_measure:
            assert all(basis.law and basis.article for basis in item.legal_basis) and item.legal_basis, item.id


def test_every_entry_file_points_editors_to_the_schema() -> None:
    for path in (REPO / "palette" / "landelijk").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/interventie.schema.json", path.name


def test_json_schema_is_generated_from_the_models(palette) -> None:
    committed = (REPO / "palette" / "schema" / "interventie.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(palette.vocabularies), "run: python build_palette.py schema"


def test_schema_lists_vocabulary_values(palette) -> None:
    import json

    schema = json.loads(schema_text(palette.vocabularies))
    assert schema["properties"]["domein"]["enum"] == list(palette.vocabularies["domeinen"])
    assert "samenvatting" in schema["required"]


def test_checklist_ids_are_valid_file_names() -> None:
    for entry_id in expected_placements():
        assert Path(f"{entry_id}.yaml").stem == entry_id and entry_id == entry_id.lower()


def test_every_source_name_of_a_legal_measure_is_findable_on_its_entry(palette) -> None:
    """A professional who types the palette's own spelling (typos included) finds the legal measure."""
    missing = []
    for domains in CHECKLIST.values():
        for names in domains.values():
            for source_name, ids in names.items():
                for entry_id in ids:
                    item = palette.entries[entry_id].intervention
                    if item.kind is not Kind.legal_measure:
                        continue
                    known = {item.name, *item.abbreviations, *item.aliases, *item.source_spellings}
                    if source_name.casefold() not in {name.casefold() for name in known}:
                        missing.append(f"{entry_id}: {source_name!r}")
    assert missing == []
