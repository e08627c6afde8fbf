"""The site's own stylesheets and scripts reach a page as one file each: the stylesheets in the order
mkdocs.yml lists them, the scripts as modules joined by their imports, without globals of their own."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from palette_builder.bundle import CSS_BUNDLE, JS_BUNDLE, BundleError, join_modules

from .conftest import REPO

SCRIPTS = REPO / "docs" / "assets" / "javascripts"


def listed(key: str) -> list[str]:
    """The paths under `key:` in mkdocs.yml (read line by line: the file has !ENV tags)."""
    lines = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split(f"\n{key}:\n", 1)[1].splitlines()
    return [line.removeprefix("  - ").strip() for line in itertools.takewhile(lambda line: line.startswith(("  - ", "  #")), lines) if line.startswith("  - ")]


def imported_modules(entry: Path) -> set[str]:
    """Every module an entry imports, directly or through another."""
    found: set[str] = set()
    todo = [entry]
    while todo:
        text = todo.pop().read_text(encoding="utf-8")
        for name in re.findall(r'^import \{[^}]*\} from "\./([\w-]+\.js)";', text, re.MULTILINE):
            if name not in found:
                found.add(name)
                todo.append(SCRIPTS / name)
    return found


def test_every_page_loads_one_stylesheet_and_one_script(built_site: Path) -> None:
    page = (built_site / "verkenner" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="stylesheet" href="\.\./(assets/stylesheets/[^"]+)"', page)
    scripts = re.findall(r'<script src="\.\./(assets/javascripts/[^"]+)"', page)
    assert [link for link in links if not link.startswith(("assets/stylesheets/main.", "assets/stylesheets/palette."))] == [CSS_BUNDLE]
    assert [script for script in scripts if not script.startswith("assets/javascripts/bundle.")] == [JS_BUNDLE]


def test_the_stylesheet_holds_every_listed_file_in_order_minified(built_site: Path) -> None:
    text = (built_site / CSS_BUNDLE).read_text(encoding="utf-8")
    files = listed("extra_css")
    assert len(files) > 3, files
    places = [text.index(f"/*! {path} */\n") for path in files]
    assert places == sorted(places), "not in the order of mkdocs.yml"
    sources = [(REPO / "docs" / path).read_text(encoding="utf-8") for path in files]
    assert len(text) < 0.75 * sum(len(source) for source in sources)
    assert re.findall(r"/\*(?!! )", text) == [] and "\n  " not in text


def test_the_script_holds_every_imported_module_after_what_it_imports(built_site: Path) -> None:
    text = (built_site / JS_BUNDLE).read_text(encoding="utf-8")
    [entry] = listed("extra_javascript")
    modules = imported_modules(REPO / "docs" / entry)
    assert len(modules) > 5, modules
    place = {name: text.index(f"/*! assets/javascripts/{name} */") for name in [*modules, Path(entry).name]}
    for name in [*modules, Path(entry).name]:
        for needed in imported_modules(SCRIPTS / name):
            assert place[needed] < place[name], f"{name} comes before {needed}, which it imports"
    # No module syntax is left for a browser reading it from file://, and comments are gone.
    assert not re.search(r"(^|[;}])\s*(import|export)\s*[{a-z]", text)
    assert re.findall(r"/\*(?!! )", text) == []


def test_modules_become_scopes_that_return_their_exports() -> None:
    sources = {
        "js/main.js": 'import { twice as double } from "./lib/maths.js";\nimport { log } from "./log.js";\nlog(double(2));\n',
        "js/lib/maths.js": 'import { log } from "../log.js";\nexport function twice(n) {\n  return 2 * n;\n}\nexport const unused = 1;\n',
        "js/log.js": "export function log(value) {\n  globalThis.logged = value;\n}\n",
    }
    joined = join_modules(["js/main.js"], sources.__getitem__)
    # Each module once, what it imports first, and imports read from the module's own folder.
    assert [joined.index(f"/*! js/{name} */") for name in ("log.js", "lib/maths.js", "main.js")] == sorted(
        joined.index(f"/*! js/{name} */") for name in ("log.js", "lib/maths.js", "main.js")
    )
    assert joined.count("/*! js/log.js */") == 1
    assert "const { twice: double } = m1;" in joined and "return { twice, unused };" in joined
    assert "export" not in joined and "import" not in joined


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("const a = 1;\nexport default function () {}\n", 2),
        ('import * as all from "./other.js";\n', 1),
        ("export { a };\n", 1),
    ],
)
def test_module_syntax_the_bundle_does_not_join_is_refused_with_its_place(source: str, line: int) -> None:
    with pytest.raises(BundleError, match=rf"^js/main\.js:{line}: de bundel begrijpt alleen"):
        join_modules(["js/main.js"], {"js/main.js": source}.__getitem__)


def test_an_import_circle_is_refused() -> None:
    sources = {"a.js": 'import { b } from "./b.js";\nexport const a = 1;\n', "b.js": 'import { a } from "./a.js";\nexport const b = 2;\n'}
    with pytest.raises(BundleError, match=r"a\.js -> b\.js -> a\.js"):
        join_modules(["a.js"], sources.__getitem__)


def test_the_scripts_add_one_global_namespace_at_most(browser, site_url: str) -> None:
    """Modules keep their names to themselves; what the build's data scripts hold is under window.pv."""
    page = browser.new_page()
    page.goto(site_url + "/vergelijk/?i=tijdelijk-huisverbod,ondertoezichtstelling")
    page.locator("table.pv-vergelijk__table").wait_for()
    own = page.evaluate(
        """() => {
            const blank = document.createElement("iframe");
            document.body.appendChild(blank);
            const native = new Set(Object.getOwnPropertyNames(blank.contentWindow));
            return Object.getOwnPropertyNames(window).filter(name => !native.has(name));
        }"""
    )
    page.close()
    ours = [name for name in own if name.startswith("pv") or name in {"el", "store", "match", "slug"}]
    assert ours == ["pv"], own
