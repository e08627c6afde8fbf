"""`serve` after YAML edits: a reload rebuilds only the pages that changed and indexes search in the
background; every page that depends on the edit must still show it, and search must catch up."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import copy_project
from .test_serve import START_TIMEOUT, fetch, free_port, serving, wait_until

# A real server process: a slow test (tests/conftest.py).
pytestmark = pytest.mark.slow

RELOAD_TIMEOUT = 90  # a loaded two-core machine


def checked_count(home: str) -> int | None:
    """How many entries the home page's status line counts as checked."""
    found = re.search(r"Stand van de inhoud:</strong> (\d+) van de", home)
    return int(found.group(1)) if found else None


def test_an_edit_reaches_every_page_that_shows_it_and_search_follows(tmp_path: Path, page) -> None:
    root = copy_project(tmp_path / "project")
    entry = root / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml"
    original = entry.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    entry_page, explorer, home = f"{base}interventies/tijdelijk-huisverbod/", f"{base}verkenner/", base
    # The browser only searches; it opens the page anew for each try. Without MkDocs' live reload, a
    # rebuild cannot reload it in the middle of a search, or while the server stops at the end.
    page.route("**/livereload/**", lambda route: route.abort())
    with serving(root, port, tmp_path):
        assert wait_until(lambda: "Tijdelijk huisverbod" in (fetch(entry_page) or ""), START_TIMEOUT), (tmp_path / "serve.err").read_text()
        checked = checked_count(fetch(home) or "")
        assert checked, "the home page has no content status"

        # A text edit: the entry page and the explorer's card show it.
        word = "proefwoordzoeker"
        entry.write_text(original.replace("tien dagen", f"tien dagen {word}", 1), encoding="utf-8")
        assert wait_until(lambda: word in (fetch(entry_page) or ""), RELOAD_TIMEOUT), (tmp_path / "serve.err").read_text()
        assert word in (fetch(explorer) or "")

        # Search catches up with the edit: the header search finds the new word on the entry.
        def found_by_search() -> bool:
            page.goto(base)
            page.locator(".md-search__input").click()
            page.keyboard.type(word)
            result = page.locator(f"[data-pv-search-list][data-query={json.dumps(word)}] .md-search-result__item a").first
            try:
                result.wait_for(timeout=5_000)
            except PlaywrightTimeout:  # not indexed yet: try again
                return False
            return "/interventies/tijdelijk-huisverbod/" in (result.get_attribute("href") or "")

        assert wait_until(found_by_search, RELOAD_TIMEOUT), "search did not find the edited entry"

        # An edit that changes the home page's status line, a snippet the generator writes: the home page
        # itself is not rewritten, and must still be rebuilt.
        checked_entry = root / "palette" / "landelijk" / "aware.yaml"
        checked_text = checked_entry.read_text(encoding="utf-8")
        assert "status: gecontroleerd" in checked_text
        entry.write_text(original, encoding="utf-8")
        checked_entry.write_text(checked_text.replace("status: gecontroleerd", "status: concept", 1), encoding="utf-8")
        assert wait_until(lambda: checked_count(fetch(home) or "") == checked - 1, RELOAD_TIMEOUT), "the home page kept the old count"
        assert word not in (fetch(entry_page) or "")
