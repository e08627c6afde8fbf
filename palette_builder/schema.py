"""The JSON Schema for editors, generated from the models and filled with the vocabularies."""

from __future__ import annotations

import json
from typing import Any

from .models import VOCABULARY_KEY, Intervention
from .vocabularies import Vocabularies

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


def intervention_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    schema = Intervention.model_json_schema(by_alias=True)
    fill_vocabularies(schema, vocabularies)
    # Class docstrings are notes for developers; editors show the Dutch field descriptions instead.
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)
    schema.pop("title", None)
    schema["description"] = "Eén interventie of maatregel uit het interventiepalet; het bestand heet <id>.yaml."
    return {"$schema": SCHEMA_URL, "title": "Interventie in het interventiepalet", **schema}


def schema_text(vocabularies: Vocabularies) -> str:
    return json.dumps(intervention_schema(vocabularies), ensure_ascii=False, indent=2) + "\n"
