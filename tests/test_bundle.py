"""The site's own stylesheets and scripts reach a page as one file each, in the order mkdocs.yml lists them."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from palette_builder.bundle import CSS_BUNDLE, JS_BUNDLE

from .conftest import REPO


def listed(key: str) -> list[str]:
    """The paths under `key:` in mkdocs.yml (read line by line: the file has !ENV tags)."""
    lines = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split(f"\n{key}:\n", 1)[1].splitlines()
    return [line.removeprefix("  - ").strip() for line in itertools.takewhile(lambda line: line.startswith("  - "), lines)]


def test_every_page_loads_one_bundle_with_every_listed_file_in_order(built_site: Path) -> None:
    page = (built_site / "verkenner" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="stylesheet" href="\.\./(assets/stylesheets/[^"]+)"', page)
    scripts = re.findall(r'<script src="\.\./(assets/javascripts/[^"]+)"', page)
    assert [link for link in links if not link.startswith(("assets/stylesheets/main.", "assets/stylesheets/palette."))] == [CSS_BUNDLE]
    assert [script for script in scripts if not script.startswith("assets/javascripts/bundle.")] == [JS_BUNDLE]
    for bundle, key in ((CSS_BUNDLE, "extra_css"), (JS_BUNDLE, "extra_javascript")):
        text = (built_site / bundle).read_text(encoding="utf-8")
        files = listed(key)
        assert len(files) > 3, files
        # Each part is marked with its path, in the order of mkdocs.yml.
        places = [text.index(f"/*! {path} */\n") for path in files]
        assert places == sorted(places), f"{bundle}: not in the order of mkdocs.yml"
        # Minified: the sources' comments and indentation do not travel to the reader.
        sources = [(REPO / "docs" / path).read_text(encoding="utf-8") for path in files]
        assert len(text) < 0.75 * sum(len(source) for source in sources)
        assert re.findall(r"/\*(?!! )", text) == [] and "\n  " not in text
