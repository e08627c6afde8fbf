"""The national palette: complete against the source, valid, and with the schema kept in step."""

from __future__ import annotations

import re

import pytest
import yaml
from pydantic import ValidationError

from palette_builder.models import SLUG_PATTERN, Intervention, Kind
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


def test_legal_measures_are_refused_without_law_and_article_and_entries_without_sources(palette) -> None:
    """The rule holds for the real entries: removing the law or the sources makes each one invalid."""
    context = {"vocabularies": palette.vocabularies}
    legal = [entry for entry in palette.entries.values() if entry.intervention.kind is Kind.legal_measure]
    assert legal
    for entry in palette.entries.values():
        data = yaml.safe_load(entry.path.read_text(encoding="utf-8"))
        Intervention.model_validate(data, context=context)
        stripped = [("bronnen", [])]
        if entry in legal:
            stripped.append(("wettelijke_grondslag", []))
        for key, empty in stripped:
            with pytest.raises(ValidationError):
                Intervention.model_validate({**data, key: empty}, context=context)


def test_every_entry_file_points_editors_to_the_schema() -> None:
    for path in (REPO / "palette" / "landelijk").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/interventie.schema.json", path.name


def test_json_schema_is_generated_from_the_models(palette) -> None:
    committed = (REPO / "palette" / "schema" / "interventie.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(palette.vocabularies), "run: python build_palette.py schema"


def test_supplement_schema_is_generated_from_the_models(palette) -> None:
    from palette_builder.models import RegionalSupplement

    committed = (REPO / "palette" / "schema" / "aanvulling.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(palette.vocabularies, RegionalSupplement), "run: python build_palette.py schema"
    for path in sorted((REPO / "tests" / "voorbeeldregio").glob("*/aanvullingen/*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../../schema/aanvulling.schema.json", path.name


def test_wegwijzer_schema_is_generated_from_the_models(palette) -> None:
    from palette_builder.wegwijzer import WegwijzerFile

    committed = (REPO / "palette" / "schema" / "wegwijzer.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(palette.vocabularies, WegwijzerFile), "run: python build_palette.py schema"
    first = (REPO / "palette" / "wegwijzer.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/wegwijzer.schema.json"
    # What the editor checks agrees with what the build accepts, and an unknown partner is caught.
    import json

    import jsonschema

    data = yaml.safe_load((REPO / "palette" / "wegwijzer.yaml").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(json.loads(committed))
    assert list(validator.iter_errors(data)) == []
    data["uitkomsten"][0]["partners"] = ["bestaat-niet"]
    assert [error.json_path for error in validator.iter_errors(data)] == ["$.uitkomsten[0].partners[0]"]


def test_change_texts_schema_is_generated_from_the_models(palette) -> None:
    from palette_builder.models import ChangeTexts

    committed = (REPO / "palette" / "schema" / "wijzigingen.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(palette.vocabularies, ChangeTexts), "run: python build_palette.py schema"
    first = (REPO / "palette" / "wijzigingen.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/wijzigingen.schema.json"


def test_schema_lists_vocabulary_values(palette) -> None:
    import json

    schema = json.loads(schema_text(palette.vocabularies))
    assert schema["properties"]["domein"]["enum"] == list(palette.vocabularies["domeinen"])
    assert "samenvatting" in schema["required"]


def test_checklist_ids_are_valid_file_names() -> None:
    for entry_id in expected_placements():
        assert re.fullmatch(SLUG_PATTERN, entry_id), entry_id
        assert (REPO / "palette" / "landelijk" / f"{entry_id}.yaml").is_file(), entry_id


def test_every_source_name_is_findable_on_its_entry(palette) -> None:
    """A professional who types the palette's own spelling (typos included) finds the entry."""
    missing = []
    for domains in CHECKLIST.values():
        for names in domains.values():
            for source_name, ids in names.items():
                for entry_id in ids:
                    item = palette.entries[entry_id].intervention
                    known = {item.name, *item.abbreviations, *item.aliases, *item.source_spellings}
                    if source_name.casefold() not in {name.casefold() for name in known}:
                        missing.append(f"{entry_id}: {source_name!r}")
    assert missing == []
