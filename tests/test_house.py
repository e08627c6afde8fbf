"""The house rules: each fact of the format is written once, and code names no vocabulary value."""

from __future__ import annotations

import pytest

from palette_builder import models


@pytest.mark.parametrize("enum", [models.Kind, models.ReviewStatus, models.RecognitionStatus, models.Databank])
def test_every_enum_value_has_a_label(enum: type[models.LabelledEnum]) -> None:
    for value in enum:
        assert value.label.strip(), f"{enum.__name__}.{value.name} heeft geen label"
    assert len({value.label for value in enum}) == len(enum), f"{enum.__name__}: twee waarden met hetzelfde label"


def test_rendering_does_not_import_the_loader() -> None:
    """render.py needs the palette's type, not the loading code: a fresh interpreter proves it."""
    import subprocess
    import sys

    code = "import sys, palette_builder.render; print('palette_builder.validate' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
