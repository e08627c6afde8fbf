"""Open data: the JSON export validates against its published schema and round-trips to the models; the CSV
opens as one row per entry."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from palette_builder.export import ExportedIntervention, PaletteExport
from palette_builder.models import Intervention
from palette_builder.project import Project

from .conftest import FIXTURE, copy_project
from .test_regions import with_region


@pytest.fixture(scope="module")
def palette():
    return Project(FIXTURE).load()


def read_json(site: Path) -> dict:
    return json.loads((site / "data" / "interventiepalet.json").read_text(encoding="utf-8"))


def test_json_export_validates_against_its_published_schema(built_site: Path, palette) -> None:
    data = read_json(built_site)
    schema = json.loads((built_site / "data" / "interventiepalet.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=str)
    assert errors == []
    assert sorted(item["id"] for item in data["interventies"]) == sorted(palette.entries)
    assert data["formaatversie"] and data["datum_gegevens"] == max(item.last_reviewed for item in palette.interventions).isoformat()
    assert [term["id"] for term in data["vocabulaires"]["fasen"]] == list(palette.vocabularies["fasen"])


def test_schema_rejects_what_the_format_does_not_allow(built_site: Path) -> None:
    """The published schema carries the vocabularies, so a reuser's copy with a wrong phase fails it."""
    data = read_json(built_site)
    schema = json.loads((built_site / "data" / "interventiepalet.schema.json").read_text(encoding="utf-8"))
    data["interventies"][0]["fasen"] = ["veiligheid"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_json_export_round_trips_to_the_same_models(built_site: Path, palette) -> None:
    export = PaletteExport.model_validate(read_json(built_site), context={"vocabularies": palette.vocabularies})
    extra_fields = set(ExportedIntervention.model_fields) - set(Intervention.model_fields)
    for exported in export.interventions:
        entry = Intervention.model_validate(exported.model_dump(by_alias=True, exclude=extra_fields), context={"vocabularies": palette.vocabularies})
        assert entry == palette.entries[exported.id].intervention
        assert exported.page == f"interventies/{exported.id}/" and (built_site / exported.page / "index.html").exists()


def test_csv_has_a_header_and_one_row_per_entry_and_opens_in_dutch_excel(built_site: Path, palette) -> None:
    raw = (built_site / "data" / "interventiepalet.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte order mark to read UTF-8"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[0] == "id" and "naam" in header and "rollen.beslist" in header and "wettelijke_grondslag" in header
    assert sorted(row[0] for row in body) == sorted(palette.entries)
    assert all(len(row) == len(header) for row in body)
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    huisverbod = by_id["tijdelijk-huisverbod"]
    assert huisverbod["rollen.beslist"] == "burgemeester"
    assert huisverbod["fasen"] == " | ".join(palette.entries["tijdelijk-huisverbod"].intervention.phases)
    assert "wet: wth; artikel: 2" in huisverbod["wettelijke_grondslag"]
    accented = next(item for item in palette.interventions if any(char in item.description for char in "éëïö"))
    assert by_id[accented.id]["beschrijving"] == accented.description


def test_data_page_links_the_files_and_says_how_to_cite(built_site: Path) -> None:
    page = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("interventiepalet.json", "interventiepalet.csv", "interventiepalet.schema.json"):
        assert f'href="{name}"' in page
    assert "Licentie" in page and "Vermeld de bron zo" in page
    assert "<code>rollen.beslist</code>" in page and "<code>herkomst</code>" in page


@pytest.mark.slow
def test_region_export_marks_origin_and_unavailability_and_leaves_hidden_offers_out(tmp_path: Path) -> None:
    root = with_region(copy_project(tmp_path))
    assert Project(root, region="limburg").build() == 0
    data = read_json(root / "site")
    by_id = {entry["id"]: entry for entry in data["interventies"]}
    assert data["regio"] == "limburg"
    assert by_id["voorbeeld-buurtaanpak"]["herkomst"] == "limburg"
    assert by_id["aware"]["aanvullingen"][0]["beschikbaarheid"] == "niet-beschikbaar"
    assert "families-first" not in by_id
    assert "families-first" not in json.dumps(data), "a hidden offer is not referenced either"
    assert "voorbeeldteam-zuid" in [term["id"] for term in data["vocabulaires"]["partners"]]
    # The spreadsheet of the region says the same: an offer the region lacks is marked there too.
    raw = (root / "site" / "data" / "interventiepalet.csv").read_text(encoding="utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(raw, newline=""), delimiter=";")}
    assert "beschikbaarheid: niet-beschikbaar" in rows["aware"]["aanvullingen"] and "regio: limburg" in rows["aware"]["aanvullingen"]
    assert "huisverbod@example.org" in rows["tijdelijk-huisverbod"]["aanvullingen"]
    assert rows["voorbeeld-buurtaanpak"]["herkomst"] == "limburg" and "families-first" not in rows
    assert "<code>aanvullingen</code>" in (root / "site" / "data" / "index.html").read_text(encoding="utf-8")
