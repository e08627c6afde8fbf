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
    """Rendering needs the palette's type, not the loading code: a fresh interpreter proves it."""
    import subprocess
    import sys

    code = "import sys, palette_builder.generate; print('palette_builder.validate' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_generated_folders_are_declared_once() -> None:
    """GENERATED_DIRS is the list; .gitignore and mkdocs.yml's not_in_nav must agree with it, and every
    page the renderer writes lies in one of its folders (else a stale page would never be removed)."""
    import datetime as dt
    import re

    import yaml

    from palette_builder.generate import GENERATED_DIRS, generate_pages
    from palette_builder.pages import NOT_IN_NAV
    from palette_builder.project import Project
    from palette_builder.selection import NATIONAL
    from palette_builder.short_links import short_link_targets

    from .conftest import FIXTURE, REPO

    ignored = re.findall(r"^/docs/([^/\s]+)/$", (REPO / ".gitignore").read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert sorted(ignored) == sorted(GENERATED_DIRS)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    block = config.split("not_in_nav:", 1)[1].split("\n\n", 1)[0]  # mkdocs.yml has !ENV tags: read the one key
    assert sorted(yaml.safe_load(block).split()) == sorted(f"/{folder}/*.md" for folder in NOT_IN_NAV)
    palette = Project(FIXTURE, today=dt.date(2026, 11, 29)).load()
    pages = generate_pages(palette, NATIONAL, None)
    # Short links (/thv/) are top-level redirect folders of their own, cleaned up by short_links.py.
    short_links = {name for name, _ in short_link_targets(palette.interventions)}
    assert {path.split("/", 1)[0] for path in pages} <= set(GENERATED_DIRS) | short_links


# Vocabulary ids that are also ordinary words in code or page text; each with the reason it may appear.
ORDINARY_WORDS = {
    "kind": "the target group 'kind' (child) is also the English word the code uses for an entry's sort (Kind)",
}


def vocabulary_ids() -> dict[str, str]:
    import yaml

    from .conftest import REPO

    found = {}
    for path in sorted((REPO / "palette" / "vocabulaires").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, list):
            found.update({term["id"]: path.name for term in data if isinstance(term, dict) and "id" in term})
    return found


def test_no_vocabulary_id_in_code() -> None:
    """Vocabularies are data: a value a region adds, renames or removes never needs a code change.

    An id names a value where it stands as a slug of its own (a hyphenated id anywhere) or, for an id that
    is also a plain Dutch word (the glossary's 'beroep', the world 'zorg'), between quotes: the word in a
    sentence or a label ('Bezwaar en beroep') names nothing."""
    import re

    from .conftest import REPO

    ids = vocabulary_ids()
    assert len(ids) > 30, "the vocabularies were not read"
    code = [
        *sorted((REPO / "palette_builder").rglob("*.py")),
        *sorted((REPO / "palette_builder" / "templates").glob("*.j2")),
        *sorted((REPO / "docs" / "assets").rglob("*.js")),
        *sorted((REPO / "docs" / "assets").rglob("*.css")),
        *sorted((REPO / "overrides").rglob("*.html")),
        REPO / "build_palette.py",
    ]
    slugs = sorted((term for term in ids if "-" in term), key=len, reverse=True)
    words = sorted((term for term in ids if "-" not in term), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, slugs)) + r")(?![\w-])" + r"|(?<=[\"'])(" + "|".join(map(re.escape, words)) + r")(?=[\"'])")
    hits = []
    for path in code:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = [slug or word for slug, word in pattern.findall(line)]
            hits += [f"{path.relative_to(REPO)}:{number}: {match} ({ids[match]})" for match in found if match not in ORDINARY_WORDS]
    assert not hits, "vocabulary ids in code:\n" + "\n".join(hits)


def test_the_region_selection_is_parsed_once() -> None:
    """--regio takes three shapes; each becomes one Selection that loading and rendering ask."""
    from palette_builder.selection import ALL_REGIONS, Selection
    from palette_builder.vocabularies import Term, Vocabularies

    vocabularies = Vocabularies({"regios": {"zuid": Term.model_validate({"id": "zuid", "label": "Zuid"})}})
    national, one, every = Selection.parse(None), Selection.parse("zuid"), Selection.parse(ALL_REGIONS)
    assert (national.national, one.national, every.national) == (True, False, False)
    assert (national.value, one.value, every.value) == (None, "zuid", ALL_REGIONS)
    assert (national.includes("zuid"), one.includes("zuid"), one.includes("noord"), every.includes("noord")) == (False, True, False, True)
    assert (national.label(vocabularies), one.label(vocabularies), every.label(vocabularies)) == (None, "Zuid", "alle regio's")


@pytest.mark.slow
def test_a_facet_declared_once_appears_in_the_explorer(tmp_path) -> None:
    """Adding a browsable field is one Facet in facets.py: in a copy of the project, a facet on the
    entry's review status shows up as a filter with counts and on every card, with nothing else edited."""
    import re
    import shutil
    import subprocess
    import sys

    from .conftest import FIXTURE, REPO, copy_project

    root = copy_project(tmp_path / "kopie")
    shutil.copytree(REPO / "palette_builder", root / "palette_builder", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "build_palette.py", root / "build_palette.py")
    facets = root / "palette_builder" / "facets.py"
    facets.write_text(
        facets.read_text(encoding="utf-8")
        .replace(
            "\nFACETS_BY_KEY",
            '\nFACETS += (Facet("status", "Status", yaml_key="status", enum=ReviewStatus),)\nFACETS_BY_KEY',
        )
        .replace("from .models import", "from .models import ReviewStatus,"),
        encoding="utf-8",
    )
    # The copy's own palette_builder, not the installed one: the script's folder comes first on sys.path.
    result = subprocess.run([sys.executable, str(root / "build_palette.py"), "--root", str(root), "generate"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    explorer = (root / "docs" / "verkenner" / "index.md").read_text(encoding="utf-8")
    assert 'data-facet="status" data-label="Status"' in explorer
    counts = dict(re.findall(r'data-count-for="status:([a-z-]+)">(\d+)<', explorer))
    cards = re.findall(r'<li class="pv-card"[^>]* data-status="([a-z-]+)"', explorer)
    assert len(cards) == len(list((FIXTURE / "palette" / "landelijk").glob("*.yaml")))
    assert counts == {value: str(cards.count(value)) for value in set(cards)} and len(counts) > 1


@pytest.mark.slow
def test_the_routekaart_on_the_moment_pages_is_data(tmp_path) -> None:
    """The routekaart's text lives in palette/vocabulaires/routekaart.yaml: an edit there reaches every
    moment's page without a change in a template."""
    from build_palette import main

    from .conftest import copy_project

    root = copy_project(tmp_path)
    path = root / "palette" / "vocabulaires" / "routekaart.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("binnen 24 uur", "binnen 12 uur <b>nu</b>"), encoding="utf-8")
    assert main(["--root", str(root), "generate"]) == 0
    pages = sorted((root / "docs" / "momenten").glob("*.md"))
    moments = [page for page in pages if page.name != "index.md"]
    assert len(moments) == 4
    for page in moments:
        text = page.read_text(encoding="utf-8")
        route_map = text.split('<div class="pv-routekaart">', 1)[1].split("</div>", 1)[0]
        assert "binnen 12 uur &lt;b&gt;nu&lt;/b&gt;" in route_map and "binnen 24 uur" not in route_map, page.name
