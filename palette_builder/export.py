"""Open data: the palette as JSON and CSV, and a JSON Schema of the JSON, written into `docs/data/`.

The JSON holds every field of every entry exactly as the YAML files name them, so it round-trips to the
models. The CSV is the same palette as one row per entry, for a spreadsheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from .dutch import dutch_date
from .kit import Site, entry_path
from .models import Intervention, RegionalSupplement
from .schema import SCHEMA_URL, fill_vocabularies
from .vocabularies import VOCABULARY_MODELS

# 2.0: the six answers of a legal measure and the three of every entry, statutory terms (termijnen), the
# advising role (rollen.adviseert), checks with article and version, partner contact routes, the glossary.
FORMAT_VERSION = "2.0"
DATA_DIR = "data"
JSON_NAME = "interventiepalet.json"
CSV_NAME = "interventiepalet.csv"
SCHEMA_NAME = "interventiepalet.schema.json"
# How the CSV puts a list in one cell; documented on the page /data/.
LIST_SEPARATOR = " | "
PART_SEPARATOR = "; "


class ExportedSupplement(RegionalSupplement):
    region: str = Field(alias="regio", description="De regio die deze aanvulling geeft.")


class ExportedIntervention(Intervention):
    origin: str = Field(alias="herkomst", description="'landelijk', of de id van de regio die de interventie toevoegt.")
    page: str = Field(alias="pagina", description="Het pad van de pagina van de interventie op de site, zoals 'interventies/tijdelijk-huisverbod/'.")
    supplements: list[ExportedSupplement] = Field(
        default_factory=list, alias="aanvullingen", description="Wat regio's aan deze interventie toevoegen (alleen in een regionale versie)."
    )


# One list per vocabulary file, each with the model of its terms: a new vocabulary appears here by itself.
ExportedVocabularies = create_model(  # type: ignore[call-overload]
    "ExportedVocabularies",
    __config__=ConfigDict(extra="forbid"),
    **{name: (list[model], ...) for name, model in VOCABULARY_MODELS.items()},
)


class PaletteExport(BaseModel):
    """The whole palette as one JSON document."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(alias="titel", description="Naam van de gegevensset.")
    format_version: str = Field(alias="formaatversie", description="Versie van dit exportformaat.")
    data_date: dt.date = Field(alias="datum_gegevens", description="De laatste datum waarop de inhoud is bijgewerkt of nagekeken.")
    region: str | None = Field(alias="regio", description="null voor het landelijke palet, anders de regio (of 'alle') van deze versie.")
    interventions: list[ExportedIntervention] = Field(alias="interventies", description="Alle interventies, op naam gesorteerd.")
    vocabularies: ExportedVocabularies = Field(alias="vocabulaires", description="De vocabulaires waar de interventies naar verwijzen.")


def _published(item: Intervention, site: Site) -> dict[str, Any]:
    """The entry's fields, without references to entries this site leaves out (a region's hidden offers)."""
    data = item.model_dump(by_alias=True)
    if item.parent not in site.by_id:
        data["onderdeel_van"] = None
    data["relaties"] = {key: [target for target in targets if target in site.by_id] for key, targets in data["relaties"].items()}
    return data


def build_export(site: Site, region: str | None) -> PaletteExport:
    interventions = [
        ExportedIntervention.model_validate(
            {
                **_published(item, site),
                "herkomst": site.origins.get(item.id) or "landelijk",
                "pagina": entry_path(item.id),
                "aanvullingen": [{"regio": where, **supplement.model_dump(by_alias=True)} for where, supplement in site.supplements.get(item.id, [])],
            }
        )
        for item in site.items
    ]
    vocabularies = {name: list(site.vocab[name].values()) for name in VOCABULARY_MODELS}
    return PaletteExport.model_validate(
        {
            "titel": "Interventiepalet Veiligheid Voorop",
            "formaatversie": FORMAT_VERSION,
            "datum_gegevens": site.data_date(),
            "regio": region,
            "interventies": interventions,
            "vocabulaires": vocabularies,
        }
    )


def export_schema(site: Site) -> dict[str, Any]:
    schema = PaletteExport.model_json_schema(by_alias=True)
    fill_vocabularies(schema, site.vocab)
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)  # developer docstrings; the field descriptions are for readers
    schema.pop("title", None)
    schema["description"] = "Het interventiepalet van Veiligheid Voorop als open data: alle interventies en vocabulaires."
    return {"$schema": SCHEMA_URL, "title": "Interventiepalet (open data)", **schema}


def _cell(value: Any, nested: bool = False) -> str:
    """One CSV cell: lists joined with ' | ', the parts of a group as 'veld: waarde; veld: waarde', a group
    inside a group in brackets ('duur: (aantal: 10; eenheid: dagen)')."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_cell(part) for part in value)
    if isinstance(value, dict):
        text = PART_SEPARATOR.join(f"{key}: {_cell(part, nested=True)}" for key, part in value.items() if part not in (None, "", []))
        return f"({text})" if nested else text
    return str(value)


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested single groups become dotted columns (rollen.beslist); lists stay one cell."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def export_csv(export: PaletteExport) -> str:
    # A region's spreadsheet must show what the region lacks; the national one keeps its columns.
    exclude = {"supplements"} if export.region is None else set()
    rows = [_flatten(item.model_dump(by_alias=True, mode="json", exclude=exclude)) for item in export.interventions]
    columns: list[str] = []
    for row in rows:
        columns += [column for column in row if column not in columns]
    # An entry without a group (no 'in_gang_zetten' yet) has the group's name as an empty column: the
    # group's own columns ('in_gang_zetten.kort') hold it already.
    columns = [c for c in columns if not (any(other.startswith(c + ".") for other in columns) and all(row.get(c) is None for row in rows))]
    buffer = io.StringIO()
    # Semicolons and a byte order mark: Excel with Dutch settings then opens the file in columns, with é and ë intact.
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return "\ufeff" + buffer.getvalue()


def _size(text: str) -> str:
    kilobytes = len(text.encode("utf-8")) / 1000
    return f"{kilobytes:.0f} kB" if kilobytes >= 10 else f"{kilobytes:.1f} kB".replace(".", ",")


def open_data_files(site: Site, region: str | None) -> tuple[dict[str, str], dict[str, Any]]:
    """The files of /data/, and what the page /data/ says about them."""
    export = build_export(site, region)
    files = {
        JSON_NAME: export.model_dump_json(by_alias=True) + "\n",
        SCHEMA_NAME: json.dumps(export_schema(site), ensure_ascii=False, indent=1) + "\n",
        CSV_NAME: export_csv(export),
    }
    page = {
        "count": len(export.interventions),
        "format_version": FORMAT_VERSION,
        "data_date_text": dutch_date(export.data_date),
        "json_name": JSON_NAME,
        "csv_name": CSV_NAME,
        "schema_name": SCHEMA_NAME,
        "json_size": _size(files[JSON_NAME]),
        "csv_size": _size(files[CSV_NAME]),
        "list_separator": LIST_SEPARATOR.strip(),
        "part_separator": PART_SEPARATOR,
        "regional": export.region is not None,
    }
    return {f"{DATA_DIR}/{name}": text for name, text in files.items()}, page
