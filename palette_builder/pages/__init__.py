"""The page types of the site, each a module with `FOLDERS` (the folders of docs/ it writes),
`pages(kit)` and, where its templates need more than the kit gives, `template_globals(site)`.

A new page type is a module here and one line in PAGE_TYPES: the generator renders every type listed,
the folders it owns are cleaned and git-ignored, and `check` keeps short links out of them.
"""

from __future__ import annotations

from types import ModuleType

from . import changes, entries, explorer, format_guide, glossary, lists, open_data, overview, partners, printables, short_links, terms, wegwijzer, workset

PAGE_TYPES: tuple[ModuleType, ...] = (
    entries,
    lists,
    overview,
    explorer,
    format_guide,
    open_data,
    changes,
    short_links,
    printables,
    wegwijzer,
    partners,
    workset,
    terms,
    glossary,
)

# Folders of docs/ that the generator owns: it writes them and removes what it no longer writes.
GENERATED_DIRS: tuple[str, ...] = tuple(dict.fromkeys(folder for page_type in PAGE_TYPES for folder in page_type.FOLDERS))
# Folders whose pages stay out of the navigation (mkdocs.yml's not_in_nav), each folder's index excepted.
NOT_IN_NAV: tuple[str, ...] = tuple(dict.fromkeys(folder for page_type in PAGE_TYPES for folder in getattr(page_type, "NOT_IN_NAV", ())))
