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


def test_generated_folders_are_declared_once() -> None:
    """GENERATED_DIRS is the list; .gitignore and mkdocs.yml's not_in_nav must agree with it, and every
    page the renderer writes lies in one of its folders (else a stale page would never be removed)."""
    import datetime as dt
    import re

    import yaml

    from palette_builder.project import Project
    from palette_builder.render import ENTRY_DIR, GENERATED_DIRS, TERM_PAGE_DIRS, Renderer

    from .conftest import REPO

    ignored = re.findall(r"^/docs/([^/\s]+)/$", (REPO / ".gitignore").read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert sorted(ignored) == sorted(GENERATED_DIRS)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    block = config.split("not_in_nav:", 1)[1].split("\n\n", 1)[0]  # mkdocs.yml has !ENV tags: read the one key
    assert sorted(yaml.safe_load(block).split()) == sorted(f"/{folder}/*.md" for folder in (ENTRY_DIR, *TERM_PAGE_DIRS))
    palette = Project(REPO, today=dt.date(2026, 11, 29)).load()
    pages = Renderer(palette).pages()
    assert {path.split("/", 1)[0] for path in pages} <= set(GENERATED_DIRS)
