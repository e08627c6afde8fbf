"""The starting file of a new entry (`build_palette.py new <id>`): YAML with every field to fill in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from .dutch import one_of
from .models import Kind, RecognitionStatus
from .vocabularies import Vocabularies

TEMPLATES = Path(__file__).parent / "templates"


def render_new_entry(entry_id: str, schema: str, region: str | None, today: dt.date, vocabularies: Vocabularies) -> str:
    """YAML, so without HTML escaping; the allowed values come from the enums and the vocabularies."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)  # noqa: S701
    env.filters["one_of"] = one_of
    # The recognition statuses in the order an editor meets them: listed, not found, not applicable.
    recognition = [RecognitionStatus.listed, RecognitionStatus.not_found, RecognitionStatus.not_applicable]
    return env.get_template("nieuwe-interventie.yaml.j2").render(
        entry_id=entry_id,
        schema=schema,
        region=region,
        today=today,
        vocab=vocabularies,
        kinds=[kind.value for kind in Kind],
        recognition=[status.value for status in recognition],
    )
