"""The page kit: what every page type uses to make its pages.

`Site` is the palette as one build shows it (national, one region or all): the entries in reading order,
their cards, relations, the regions' supplements, the site's settings and its change history. `Kit`
renders a jinja template into a page (Markdown front matter and an HTML body), with the helpers every
template has: links between pages (`url`), the vocabularies, the facets, QR codes and the freshness of
an entry. Page types (`pages/`) take a Kit and return their pages; the generator (`generate.py`) lists
them. Nothing here knows a page type.

Pages are Markdown files whose body is HTML from autoescaping jinja2 templates: every text from YAML is
escaped, and links from YAML pass `safe_url`.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import itertools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from . import template_cache
from .changes import Changes
from .dutch import alphabetical, dutch_date, slug
from .facets import FACETS, FACETS_BY_KEY, Card, Facet, explorer_path
from .glossary import GLOSSARY_DIR, Glossary
from .models import Availability, Intervention, RegionalSupplement
from .palette import Palette
from .relations import related
from .selection import NATIONAL, Selection
from .sharing import share_globals
from .site_settings import ENTRY_DIR, SiteSettings, entry_doc, entry_path, read_site_settings, site_name

__all__ = ["ENTRY_DIR", "Kit", "Page", "Site", "entry_doc", "entry_path"]

TEMPLATES = Path(__file__).parent / "templates"

Page = tuple[str, str]  # (path below docs/, content)


# -- text and links in templates ----------------------------------------------------------------------


def safe_url(value: str | None) -> str:
    """Only web links and site-relative links may become an href."""
    if not value:
        return "#"
    if re.match(r"^(https?://|mailto:|tel:)", value) or not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value):
        return value
    return "#"


def code_spans(value: str) -> Markup:
    """Escaped text in which `name` becomes <code>name</code>: how the format's rules mark fields and values."""
    parts = value.split("`")
    return Markup("").join(Markup("<code>{}</code>").format(part) if index % 2 else escape(part) for index, part in enumerate(parts))


def heading_text(value: str) -> Markup:
    """Text from YAML for a Markdown heading: HTML-escaped, and Markdown's own signs made literal."""
    return escape(re.sub(r"([\\`*_\[\]{}#])", r"\\\1", value))


def text_blocks(text: str) -> list[tuple[str, list[str]]]:
    """Split plain text into paragraphs ('p', [text]) and bullet lists ('ul', items).

    Blank lines separate paragraphs; lines starting with '- ' form a list. Nothing else is markup.
    """
    blocks: list[tuple[str, list[str]]] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        prose: list[str] = []
        for line in chunk.splitlines():
            stripped = line.strip()
            if stripped.startswith("- "):
                if prose:
                    blocks.append(("p", [" ".join(prose)]))
                    prose = []
                if not blocks or blocks[-1][0] != "ul":
                    blocks.append(("ul", []))
                blocks[-1][1].append(stripped[2:].strip())
            elif stripped:
                if blocks and blocks[-1][0] == "ul" and not prose and line.startswith((" ", "\t")):
                    blocks[-1][1][-1] += " " + stripped  # continuation of a list item
                else:
                    prose.append(stripped)
        if prose:
            blocks.append(("p", [" ".join(prose)]))
    return blocks


def doc_url(doc_path: str) -> str:
    """The site path (with trailing slash) of a Markdown file, with use_directory_urls."""
    path = doc_path.removesuffix(".md")
    path = path.removesuffix("index") if path.endswith("index") else path + "/"
    return path


@functools.lru_cache(maxsize=65536)
def relative(from_doc: str, to: str) -> str:
    """A link from page `from_doc` to a doc path (`x/y.md`) or a site path with query (`verkenner/?fase=a`)."""
    target = doc_url(to) if to.endswith(".md") else to
    target_path, _, query = target.partition("?")
    # Both are folder paths below the site root ("a/b/" or ""): climb out of what differs, then descend.
    base_parts = [part for part in doc_url(from_doc).split("/") if part]
    target_parts = [part for part in target_path.split("/") if part]
    common = 0
    while common < min(len(base_parts), len(target_parts)) and base_parts[common] == target_parts[common]:
        common += 1
    rel = "../" * (len(base_parts) - common) + "".join(part + "/" for part in target_parts[common:])
    return (rel or "./") + (f"?{query}" if query else "")


def short_forms(options: list[tuple[str, str]], groups: dict[str, list[str]]) -> dict[str, list[str]]:
    """What a reader may type in the URL for a facet's values: a group name (all its values), or a label,
    a part of a label ('acuut' of 'Veiligheid – acuut') or its abbreviation in brackets ('3RO'), when
    that names exactly one value."""
    values = {value for value, _ in options}
    found: dict[str, set[str]] = {}
    for value, text in options:
        parts = {text, *re.split(r"\s+[–-]\s+|[()]", text)}
        for part in parts:
            key = slug(part)
            if key and key not in values:
                found.setdefault(key, set()).add(value)
    order = [value for value, _ in options]
    forms = {key: [value for value in order if value in hits] for key, hits in found.items() if len(hits) == 1}
    for name, members in groups.items():
        key = slug(name)
        if key not in values and len(members) > 1:
            forms[key] = [value for value in order if value in members]
    return forms


# -- the palette as one build shows it -----------------------------------------------------------------


@dataclass
class TreeNode:
    item: Intervention
    children: list[TreeNode]


class Site:
    def __init__(self, palette: Palette, selection: Selection = NATIONAL, root: Path | None = None) -> None:
        """`selection`: what this site shows (national, one region or all).
        `root`: the checkout, for the git history and the settings in mkdocs.yml (None: without both)."""
        self.palette = palette
        self.selection = selection
        self.vocab = palette.vocabularies
        self.origins = {entry_id: entry.origin for entry_id, entry in palette.entries.items()}
        self.single_region = selection.region is not None
        self.supplements: dict[str, list[tuple[str, RegionalSupplement]]] = {
            entry_id: [(where, supplement) for where, supplement in found if not self.single_region or selection.includes(where)]
            for entry_id, found in palette.supplements.items()
        }
        # On a region's own site, an offer the region hides is left out altogether.
        self.build_regions = tuple(
            sorted(
                ({selection.region} if selection.region else set())
                | {origin for origin in self.origins.values() if origin}
                | {where for found in self.supplements.values() for where, _ in found}
            )
        )
        hidden = {
            entry_id
            for entry_id, found in self.supplements.items()
            if self.single_region and any(supplement.availability is Availability.hidden for _, supplement in found)
        }
        self.items = sorted((item for item in palette.interventions if item.id not in hidden), key=lambda item: (alphabetical(item.name), item.name))
        self.by_id = {item.id: item for item in self.items}
        self.children: dict[str, list[Intervention]] = {}
        for item in self.items:
            if item.parent:
                self.children.setdefault(item.parent, []).append(item)
        self.related = related(self.items)
        self._cards: dict[str, Card] = {}
        # mkdocs.yml is read once per generation: the site's address, its name and the report address.
        self.settings = read_site_settings(root) if root is not None else SiteSettings()
        # The feed names one region; a build of all regions keeps the plain site name.
        self.region_label = selection.label(self.vocab) if self.single_region else None
        self.name = site_name(self.settings.site_name, self.region_label)
        self.changes = Changes(palette, self.items, self.supplements, root)

    def card(self, item: Intervention) -> Card:
        """The entry's card in this build; one per entry, so its facet values are read once."""
        card = self._cards.get(item.id)
        if card is None:
            unavailable = [
                (where, supplement.reason or "")
                for where, supplement in self.supplements.get(item.id, [])
                if supplement.availability is not Availability.available
            ]
            card = self._cards[item.id] = Card(item, self.origins.get(item.id), unavailable, self.build_regions)
        return card

    def cards(self) -> list[Card]:
        return [self.card(item) for item in self.items]

    def data_date(self) -> dt.date:
        """The latest day the content was changed or checked: 'bijgewerkt tot'."""
        dates = [item.last_reviewed for item in self.items]
        dates += [check.date for item in self.items for check in item.checks]
        dates += [supplement.last_reviewed for found in self.supplements.values() for _, supplement in found]
        return max(dates, default=dt.date(1970, 1, 1))

    def phase_groups(self) -> list[tuple[str, list[Any]]]:
        phases = list(self.vocab["fasen"].values())
        return [(group, list(members)) for group, members in itertools.groupby(phases, key=lambda phase: phase.group)]

    def palette_grid(self) -> dict[str, Any]:
        """What a page of the palette grid needs: phases (grouped) as columns, domains as rows, the cells."""
        phases = list(self.vocab["fasen"].values())
        domains = list(self.vocab["domeinen"].values())
        return {
            "phases": phases,
            "phase_groups": self.phase_groups(),
            "domains": domains,
            "cells": {(phase.id, domain.id): self._cell_tree(phase.id, domain.id) for phase in phases for domain in domains},
        }

    def _cell_tree(self, phase: str, domain: str) -> list[TreeNode]:
        """The items of one palette cell, children nested under a parent that is in the same cell."""
        items = [item for item in self.items if phase in item.phases and item.domain == domain]
        nodes = {item.id: TreeNode(item, []) for item in items}
        roots = []
        for item in items:
            if item.parent in nodes:
                nodes[item.parent].children.append(nodes[item.id])
            else:
                roots.append(nodes[item.id])
        return roots

    def explorer_filters(self) -> tuple[list[tuple[str, str, list[tuple[str, str]]]], dict[str, dict[str, int]], dict[str, Any]]:
        """(key, label, options) of each filter the explorer offers, the count per value, and the short
        forms a URL may use; /kaarten/ reads the explorer's URL with the same."""
        cards = self.cards()
        facets = [(facet.key, facet.label, facet.options(self.vocab, cards)) for facet in FACETS]
        counts = {key: {value: 0 for value, _ in options} for key, _, options in facets}
        for card in cards:
            for key, values in card.facets().items():
                for value in values:
                    counts[key][value] = counts[key].get(value, 0) + 1
        # Options no entry uses, and groups with a single option, would only add noise to the panel.
        facets = [(key, label, [(v, text) for v, text in options if counts[key].get(v)]) for key, label, options in facets]
        facets = [(key, label, options) for key, label, options in facets if len(options) > 1]
        shorts = {key: short_forms(options, self._groups(FACETS_BY_KEY[key])) for key, _, options in facets}
        return facets, counts, shorts

    def _groups(self, facet: Facet) -> dict[str, list[str]]:
        """Group name -> its values, for a vocabulary whose terms name a group (the phases)."""
        groups: dict[str, list[str]] = {}
        for term in self.vocab[facet.vocabulary].values() if facet.vocabulary and not facet.choices else []:
            if getattr(term, "group", None):
                groups.setdefault(term.group, []).append(term.id)
        return groups

    # -- an entry's freshness, for its page and card ------------------------------------------------------
    def due_since(self, item: Intervention) -> dt.date | None:
        """The date the entry became due for review, if that has passed: then it is 'mogelijk verouderd'."""
        due = self.palette.review.due_date(item)
        return due if due <= self.palette.today else None

    def supplements_due(self, entry_id: str) -> list[tuple[str, dt.date]]:
        found = [(region, self.palette.review.supplement_due_date(supplement)) for region, supplement in self.supplements.get(entry_id, [])]
        return [(region, due) for region, due in found if due <= self.palette.today]


# -- rendering -------------------------------------------------------------------------------------------


class Kit:
    """Renders pages for one Site. `extra_globals`: what the page types add to every template."""

    def __init__(self, site: Site, extra_globals: Iterable[Callable[[Site], dict[str, Any]]] = ()) -> None:
        self.site = site
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            bytecode_cache=template_cache.GENERATOR,  # serve: compiled once, not on every reload
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(safe_url=safe_url, text_blocks=text_blocks, dutch_date=dutch_date, heading_text=heading_text, code_spans=code_spans)
        self.env.globals.update(share_globals(site.settings))
        terms = list(site.vocab.terms.get("begrippen", {}).values())
        self.glossary = Glossary(terms, lambda doc_path, term_id: relative(doc_path, f"{GLOSSARY_DIR}/index.md") + f"#{term_id}")  # type: ignore[arg-type]

        @pass_context
        def explain(context: Context, text: str) -> Markup:
            """Running text with the first use on this page of each glossary term explained (glossary.py)."""
            return self.glossary.mark(text, context["doc_path"], context["explained_terms"], context["term_counter"])

        self.env.filters["begrippen"] = explain
        for contribute in extra_globals:
            self.env.globals.update(contribute(site))

    def context(self, doc_path: str, **values: Any) -> dict[str, Any]:
        """What every template has, for a page at `doc_path`."""
        site = self.site

        def url(target: str) -> str:
            return relative(doc_path, target)

        return {
            "doc_path": doc_path,
            "explained_terms": set(),  # the glossary terms this page has explained already
            "term_counter": [0],
            "url": url,
            "entry_url": lambda item: url(entry_doc(item.id)),
            "entry_path": entry_path,
            "entry_index": f"{ENTRY_DIR}/index.md",
            "explorer_url": lambda selection: url(explorer_path(selection)),
            "vocab": site.vocab,
            "label": site.vocab.label,
            "by_id": site.by_id,
            "facets": FACETS,
            "facet_by_key": FACETS_BY_KEY,
            "route_map": site.palette.route_map,
            "card_of": site.card,
            "origin_of": site.origins.get,
            "supplements_of": lambda entry_id: site.supplements.get(entry_id, []),
            "availability": Availability,
            "dutch_date": dutch_date,
            "due_since": site.due_since,
            "supplements_due": site.supplements_due,
            "history_available": site.changes.available,
            "changes_of": site.changes.of_entry,
            "report_link": lambda item: site.settings.report_link(item.id, item.name),
            "single_region": site.single_region,
            **values,
        }

    def page(self, template: str, doc_path: str, meta: dict[str, Any], **values: Any) -> Page:
        # JSON values are valid YAML and much faster to write than yaml.safe_dump at thousands of pages.
        front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
        body = self.env.get_template(template).render(self.context(doc_path, **values))
        return doc_path, f"---\n{front}---\n\n{body}"

    def render(self, template: str, **values: Any) -> str:
        """A file that is not a page (a feed, a snippet), with only the values given."""
        return self.env.get_template(template).render(**values)

    def snippet(self, template: str, doc_path: str, **values: Any) -> str:
        """Markdown that a page at `doc_path` takes in, with the templates' helpers."""
        return self.env.get_template(template).render(self.context(doc_path, **values))

    @staticmethod
    def meta(title: str, description: str, **extra: Any) -> dict[str, Any]:
        # MkDocs themes print title and description unescaped: escape them here.
        return {"title": html.escape(title), "description": html.escape(description, quote=True), **extra}

    @classmethod
    def tool_meta(cls, title: str, description: str) -> dict[str, Any]:
        """A working page (cards, poster, comparison, casusmap): full width, and not a search result."""
        return cls.meta(title, description, hide=["navigation", "toc"], search={"exclude": True})

    def redirects(self, moves: dict[str, str], moved: bool = True) -> dict[str, str]:
        """A static page at each old address (folder) that sends the visitor to the new one (a doc path
        without '.md'). `moved`: the page says the address has moved (a former id); False for a short
        link, which stays valid."""
        pages = {}
        for old, new in moves.items():
            target = relative(f"{old}/index.md", f"{new}.md")
            title = self.site.by_id[new.rsplit("/", 1)[-1]].name if new.startswith(f"{ENTRY_DIR}/") else new
            pages[f"{old}/index.html"] = self.render("doorverwijzing.html.j2", target=target, title=title, moved=moved)
        return pages
