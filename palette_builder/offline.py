"""An offline copy of the site: one zip that works when unzipped and opened from the file system.

The copy is built from the same generated pages and mkdocs.yml as the site, in a temporary folder,
with three overrides: no instant navigation (it fetches pages, which file:// forbids), no Pagefind
index (its fetches are forbidden too; `zoekindex.js` gives the bundle's offline search its data instead) and
every link to a folder made a link to its index.html, since a browser shows a folder of the file
system as a listing. mkdocs.yml and the normal build are unchanged.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .kit import Site
from .project import Project
from .sharing import OFFLINE_ZIP
from .site_settings import entry_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

FOLDER_IN_ZIP = "interventiepalet"
INDEX_SCRIPT = "assets/javascripts/zoekindex.js"

_LINK = re.compile(r'(?P<lead>\b(?:href|src)=")(?P<value>[^"]*)(?=")|(?P<refresh>content="\d+;\s*url=)(?P<target>[^"]*)(?=")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def search_index(site: Site) -> str:
    """A data script for the search from file:// (zoeken-offline.js): name, abbreviations, aliases,
    summary and page of each entry, in the site's one global namespace."""
    entries = [
        {
            "naam": item.name,
            "afkortingen": item.abbreviations,
            "ook": item.aliases,
            "samenvatting": item.summary,
            "pagina": f"{entry_path(item.id)}index.html",
        }
        for item in site.items
    ]
    # JSON is JavaScript; '<' escaped so the text can never close a script element.
    data = json.dumps(entries, ensure_ascii=False).replace("<", "\\u003c")
    return f"(window.pv = window.pv || {{}}).zoekindex = {data};\n"


def file_link(value: str, page: Path) -> str:
    """A relative link of a built page as it must be on the file system: a folder gets index.html."""
    if not value or value.startswith(("#", "?", "/")) or _SCHEME.match(value):
        return value
    path, rest = re.match(r"([^?#]*)(.*)", value, re.DOTALL).groups()  # type: ignore[union-attr]
    if path and (page.parent / unquote(path)).is_dir():
        path = path + ("" if path.endswith("/") else "/") + "index.html"
    return path + rest


def rewrite_links(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")

        def replace(match: re.Match[str], page: Path = page) -> str:
            if match.group("lead"):
                return match.group("lead") + file_link(match.group("value"), page)
            return match.group("refresh") + file_link(match.group("target"), page)

        page.write_text(_LINK.sub(replace, text), encoding="utf-8")


def _build_offline(project: Project, site_dir: Path) -> bool:
    from mkdocs.config.config_options import ExtraScriptValue

    from .site import build_strict

    def for_file_system(config: MkDocsConfig) -> None:
        """No instant navigation and no Pagefind (both need a server); the offline search's index instead."""
        config.theme["features"] = [feature for feature in config.theme.get("features", []) if not feature.startswith("navigation.instant")]
        for event, methods in config.plugins.events.items():
            config.plugins.events[event] = [method for method in methods if config.plugins._event_origins.get(method) != "palette-search"]
        config.extra_javascript.append(ExtraScriptValue(INDEX_SCRIPT))

    return build_strict(project, site_dir, for_file_system)


def write_offline_zip(project: Project, target: Path | None = None) -> int:
    """Check, generate, build the offline variant and write it as one zip (default: site/interventiepalet-offline.zip)."""
    target = (target or project.root / "site" / OFFLINE_ZIP).resolve()
    if project.generate(quiet=True) != 0:
        print("De offline kopie is niet gemaakt: los eerst de problemen op.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="interventiepalet-offline-") as temporary:
        site = Path(temporary) / FOLDER_IN_ZIP
        if not _build_offline(project, site):
            print("De offline kopie is niet gemaakt: mkdocs build is mislukt.", file=sys.stderr)
            return 1
        (site / INDEX_SCRIPT).write_text(search_index(Site(project.load(), project.selection, project.root)), encoding="utf-8")
        rewrite_links(site)
        partial = target.with_name(f".{target.name}.nieuw")
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(site.parent).as_posix())
        partial.replace(target)  # all or nothing: a failed run keeps the previous zip
    size = target.stat().st_size / 1_000_000
    print(f"Offline kopie geschreven: {target} ({size:.1f} MB). Pak het uit en open {FOLDER_IN_ZIP}/index.html.")
    return 0
