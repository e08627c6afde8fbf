"""The JSON Schema for editors, generated from the models and filled with the vocabularies."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .models import VOCABULARY_KEY, ChangeTexts, Intervention, RegionalSupplement
from .vocabularies import GlossaryFile, Vocabularies
from .wegwijzer import WegwijzerFile

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def fill_vocabularies(node: Any, vocabularies: Vocabularies) -> None:
    if isinstance(node, dict):
        name = node.pop(VOCABULARY_KEY, None)
        if name:
            terms = vocabularies[name]
            node["enum"] = list(terms)
            node.setdefault("description", f"Een waarde uit palette/vocabulaires/{name}.yaml.")
        for value in node.values():
            fill_vocabularies(value, vocabularies)
    elif isinstance(node, list):
        for value in node:
            fill_vocabularies(value, vocabularies)


# The files editors get a schema for: model -> (file name in palette/schema/, title, description).
SCHEMA_FILES: dict[type[BaseModel], tuple[str, str, str]] = {
    Intervention: (
        "interventie.schema.json",
        "Interventie in het interventiepalet",
        "Eén interventie of maatregel uit het interventiepalet; het bestand heet <id>.yaml.",
    ),
    RegionalSupplement: (
        "aanvulling.schema.json",
        "Regionale aanvulling op een landelijke interventie",
        "Wat een regio toevoegt aan een landelijke interventie, in palette/regio/<regio>/aanvullingen/<id>.yaml.",
    ),
    WegwijzerFile: (
        "wegwijzer.schema.json",
        "Wegwijzer van het interventiepalet",
        "De vragen en uitkomsten van de wegwijzer (/wegwijzer/), in palette/wegwijzer.yaml.",
    ),
    GlossaryFile: (
        "begrippen.schema.json",
        "Begrippen van het interventiepalet",
        "Begrippen uit hulpverlening en recht met een korte uitleg, in palette/vocabulaires/begrippen.yaml (een regio: in haar eigen map vocabulaires).",
    ),
    ChangeTexts: (
        "wijzigingen.schema.json",
        "Teksten bij wijzigingen",
        "De tekst die de site bij een commit toont in plaats van de onderwerpregel, in palette/wijzigingen.yaml.",
    ),
}


def model_schema(model: type[BaseModel], vocabularies: Vocabularies) -> dict[str, Any]:
    _, title, description = SCHEMA_FILES[model]
    schema = model.model_json_schema(by_alias=True)
    fill_vocabularies(schema, vocabularies)
    # Class docstrings are notes for developers; editors show the Dutch field descriptions instead.
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)
    schema.pop("title", None)
    schema["description"] = description
    return {"$schema": SCHEMA_URL, "title": title, **schema}


def intervention_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    return model_schema(Intervention, vocabularies)


def schema_text(vocabularies: Vocabularies, model: type[BaseModel] = Intervention) -> str:
    return json.dumps(model_schema(model, vocabularies), ensure_ascii=False, indent=2) + "\n"
