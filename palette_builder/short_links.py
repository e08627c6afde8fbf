"""Short links: `/thv/`, `/ots/`, `/uhp/` ... from each entry's abbreviations, for slides and handouts.

An abbreviation becomes a link by lower case and slugging, with '+' read as 'plus' so that CoVa and CoVa+
stay apart. `check` refuses a short link that two entries share or that is already a page or folder of
the site, located at the abbreviation in the entry's file. The pages themselves are pages/short_links.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .dutch import slug
from .models import Intervention
from .palette import Palette
from .safe_yaml import Problem, locate

# Top-level names the site itself uses besides the generated folders and docs/: the theme's and the
# search's folders and files.
SITE_FOLDERS = ("assets", "pagefind", "search", "404", "sitemap", "stylesheets", "javascripts")
REDIRECT = re.compile(rb'<meta http-equiv="refresh"')


def link_name(abbreviation: str) -> str:
    """'THV' -> 'thv', 'CoVa+' -> 'cova-plus', 'EK-c' -> 'ek-c'."""
    return slug(abbreviation.replace("+", " plus "))


def short_links(item: Intervention) -> list[tuple[int, str]]:
    """(index in afkortingen, link name) of each abbreviation, once per name ('tbs' and 'TBS' give one link)."""
    found: dict[str, int] = {}
    for index, abbreviation in enumerate(item.abbreviations):
        name = link_name(abbreviation)
        if name and name not in found:
            found[name] = index
    return [(index, name) for name, index in found.items()]


def short_link_targets(items: Iterable[Intervention]) -> list[tuple[str, str]]:
    """(link name, entry id) of every short link of these entries, sorted by name."""
    return sorted((name, item.id) for item in items for _, name in short_links(item))


def is_short_link_folder(path: Path) -> bool:
    """A folder of docs/ that holds only a redirect page that a short link wrote."""
    if not path.is_dir():
        return False
    files = list(path.iterdir())
    return [file.name for file in files] == ["index.html"] and bool(REDIRECT.search(files[0].read_bytes()[:2048]))


def short_link_folders(docs_dir: Path) -> list[str]:
    """The short-link folders now in docs/ (a copy of the project leaves them out, like the generated folders)."""
    return [path.name for path in sorted(docs_dir.iterdir()) if is_short_link_folder(path)] if docs_dir.is_dir() else []


def taken_names(root: Path, generated: Iterable[str]) -> dict[str, str]:
    """Every top-level name of the site that a short link may not take, with what it is (Dutch).
    `generated`: the folders the generator writes."""
    taken = {name: f"de gegenereerde map /{name}/ van de site" for name in generated}
    taken.update({name: f"de map /{name}/ van de site" for name in SITE_FOLDERS})
    docs = root / "docs"
    for path in sorted(docs.iterdir()) if docs.is_dir() else []:
        name = path.name if path.is_dir() else path.stem
        if path.name.startswith(".") or name in taken or is_short_link_folder(path):
            continue
        if path.is_dir() or path.suffix == ".md":
            taken[name] = f"de pagina of map docs/{path.name}"
    return taken


def check_short_links(palette: Palette, taken: dict[str, str]) -> None:
    """Add a located problem for every abbreviation whose short link is shared or already `taken`."""
    owners: dict[str, list[tuple[str, int]]] = {}  # link name -> [(entry id, index)]
    for entry_id, entry in palette.entries.items():
        for index, name in short_links(entry.intervention):
            owners.setdefault(name, []).append((entry_id, index))
    texts: dict[str, str] = {}
    for name, users in owners.items():
        for entry_id, index in users:
            entry = palette.entries[entry_id]
            others = [palette.entries[other].display for other, _ in users if other != entry_id]
            former_owner = palette.former_ids.get(name)
            abbreviation = entry.intervention.abbreviations[index]
            regional_others = any(palette.entries[other].origin is not None for other, _ in users if other != entry_id)
            national_others = any(palette.entries[other].origin is None for other, _ in users if other != entry_id)
            if others and entry.origin is None and regional_others and not national_others:
                continue  # a region took a national short link: the region changes its file, reported there
            if others:
                message = f"de korte link /{name}/ van {abbreviation!r} hoort ook bij {', '.join(others)}; een korte link kan maar naar één pagina leiden"
            elif name in taken:
                message = f"de korte link /{name}/ van {abbreviation!r} botst met {taken[name]}; kies een andere afkorting of zet haar bij ook_bekend_als"
            elif former_owner is not None and former_owner != entry_id:
                message = f"de korte link /{name}/ van {abbreviation!r} is een vorige id van {palette.entries[former_owner].display}; dat geeft verwarring"
            else:
                continue
            if entry.display not in texts:
                texts[entry.display] = entry.path.read_text(encoding="utf-8")
            loc = ("afkortingen", index)
            line, column = locate(texts[entry.display], loc)
            palette.problems.append(Problem(entry.display, line, column, f"afkortingen[{index}]", message))
