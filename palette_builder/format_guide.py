"""Describe every field of the format, straight from the models, for the format guide page."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .models import VOCABULARY_KEY, Intervention
from .vocabularies import Vocabularies


@dataclass
class FieldDoc:
    key: str
    required: bool
    type_text: str
    description: str
    allowed: list[str]


def _vocabulary_of(annotation: Any, metadata: typing.Iterable[Any] = ()) -> str | None:
    for meta in [*getattr(annotation, "__metadata__", ()), *metadata]:
        schema = getattr(meta, "json_schema", None)
        if isinstance(schema, dict) and VOCABULARY_KEY in schema:
            return schema[VOCABULARY_KEY]
    return None


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, is_list), dropping Optional."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0])
    if origin is list:
        return typing.get_args(annotation)[0], True
    return annotation, False


def _describe_type(inner: Any, is_list: bool, vocabulary: str | None) -> str:
    base = typing.get_args(inner)[0] if typing.get_origin(inner) is typing.Annotated else inner
    if vocabulary:
        text = f"waarde uit vocabulaire `{vocabulary}`"
    elif isinstance(base, type) and issubclass(base, Enum):
        text = "een van de vaste waarden"
    elif isinstance(base, type) and issubclass(base, BaseModel):
        text = "groep velden"
    elif typing.get_origin(base) is dict:
        text = "groep: per sleutel een lijst waarden"
    elif base is dt.date:
        text = "datum (JJJJ-MM-DD)"
    elif base is int:
        text = "heel getal"
    else:
        text = "tekst"
    return f"lijst van: {text}" if is_list else text


def _fields(model: type[BaseModel], prefix: str, vocabularies: Vocabularies) -> list[FieldDoc]:
    docs: list[FieldDoc] = []
    for name, info in model.model_fields.items():
        info = typing.cast(FieldInfo, info)
        key = prefix + (info.alias or name)
        inner, is_list = _unwrap(info.annotation)
        vocabulary = _vocabulary_of(inner, info.metadata)
        base = typing.get_args(inner)[0] if typing.get_origin(inner) is typing.Annotated else inner
        if vocabulary:
            allowed = list(vocabularies.ids(vocabulary))
        elif isinstance(base, type) and issubclass(base, Enum):
            allowed = [member.value for member in base]
        else:
            allowed = []
        docs.append(FieldDoc(key, info.is_required(), _describe_type(inner, is_list, vocabulary), info.description or "", allowed))
        if isinstance(base, type) and issubclass(base, BaseModel):
            docs.extend(_fields(base, key + ("[]." if is_list else "."), vocabularies))
    return docs


def format_fields(vocabularies: Vocabularies, model: type[BaseModel] = Intervention) -> list[FieldDoc]:
    return _fields(model, "", vocabularies)
