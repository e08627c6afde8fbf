"""Render the validated palette into Markdown pages for MkDocs.

Pages are Markdown files whose body is HTML from autoescaping jinja2 templates: every text from YAML is
escaped, and links from YAML pass `safe_url`. Files are written only when their content changed, so
`mkdocs serve` does not loop and `mkdocs build --dirty` stays fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import template_cache
from .cards import card_pages, poster_pages
from .changes import FreshnessPages
from .export import DATA_DIR, ExportedIntervention, data_date, open_data_files
from .facets import FACETS, FACETS_BY_KEY, OLD_TEXT_PARAMETER, TEXT_PARAMETER, Card, Facet
from .format_guide import format_fields
from .freshness import dutch_date
from .models import RULES, Availability, Intervention, Kind, RecognitionStatus, RegionalSupplement, ReviewStatus
from .palette import Palette, alphabetical
from .partners import partner_pages
from .relations import related
from .selection import NATIONAL, Selection
from .sharing import share_globals
from .short_links import remove_stale_short_links, short_link_pages, short_link_targets
from .site_settings import SiteSettings, read_site_settings
from .vocabularies import Vocabularies
from .wegwijzer import PAGE_DIR as WEGWIJZER_DIR
from .wegwijzer import wegwijzer_format, wegwijzer_pages
from .workset import CASEMAP_DIR, COMPARE_DIR, workset_globals, workset_pages

TEMPLATES = Path(__file__).parent / "templates"

# Folders of docs/ that the generator owns: it writes them and removes what it no longer writes.
ENTRY_DIR = "interventies"
# Pages per vocabulary value: one folder per vocabulary a facet makes pages for (partners: partners.py).
TERM_PAGE_DIRS = tuple(dict.fromkeys(facet.vocabulary for facet in FACETS if (facet.pages or facet.own_page) and facet.vocabulary))
GENERATED_DIRS = (
    *(ENTRY_DIR, *TERM_PAGE_DIRS, "palet", "verkenner", "formaat", DATA_DIR, "wijzigingen", "kaarten", "poster"),
    *(WEGWIJZER_DIR, COMPARE_DIR, CASEMAP_DIR),
)


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


def slug(text: str) -> str:
    """Lower case, no accents, words joined by '-': how a hand-typed value is compared (verkenner.js does the same)."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


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


@dataclass
class TreeNode:
    item: Intervention
    children: list[TreeNode]


class Renderer:
    def __init__(self, palette: Palette, selection: Selection = NATIONAL, root: Path | None = None) -> None:
        """`selection`: what this site shows (national, one region or all).
        `root`: the checkout, for the git history and the settings in mkdocs.yml (None: without both)."""
        self.palette = palette
        self.selection = selection
        self.vocab = palette.vocabularies
        self.origins = {entry_id: entry.origin for entry_id, entry in palette.entries.items()}
        single_region = selection.region is not None
        self.single_region = single_region
        self.supplements = {
            entry_id: [(where, supplement) for where, supplement in found if not single_region or selection.includes(where)]
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
        self._cards: dict[str, Card] = {}
        hidden = {
            entry_id
            for entry_id, found in self.supplements.items()
            if single_region and any(supplement.availability is Availability.hidden for _, supplement in found)
        }
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            bytecode_cache=template_cache.GENERATOR,  # serve: compiled once, not on every reload
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["safe_url"] = safe_url
        self.env.filters["text_blocks"] = text_blocks
        self.env.filters["dutch_date"] = dutch_date
        self.env.filters["heading_text"] = heading_text
        self.env.filters["code_spans"] = code_spans
        # mkdocs.yml is read once per generation: the site's address and the report address.
        site = read_site_settings(root) if root is not None else SiteSettings()
        self.env.globals.update(share_globals(site))
        self.items = sorted((item for item in palette.interventions if item.id not in hidden), key=lambda item: (alphabetical(item.name), item.name))
        self.by_id = {item.id: item for item in self.items}
        self.children: dict[str, list[Intervention]] = {}
        for item in self.items:
            if item.parent:
                self.children.setdefault(item.parent, []).append(item)
        self.related = related(self.items)
        # The feed names one region; a build of all regions keeps the plain site name.
        region_label = selection.label(self.vocab) if single_region else None
        self.env.globals.update(workset_globals(self))
        self.freshness = FreshnessPages(palette, self.items, self.supplements, root, site, region_label)

    # -- helpers available in every template ------------------------------------------------------
    def _context(self, doc_path: str, **values: Any) -> dict[str, Any]:
        return {
            "url": lambda target: relative(doc_path, target),
            "vocab": self.vocab,
            "label": self.vocab.label,
            "by_id": self.by_id,
            "facets": FACETS,
            "facet_by_key": FACETS_BY_KEY,
            "route_map": self.palette.route_map,
            "card_of": self.card,
            "origin_of": self.origins.get,
            "supplements_of": lambda entry_id: self.supplements.get(entry_id, []),
            "availability": Availability,
            **self.freshness.context(),
            "single_region": self.single_region,
            **values,
        }

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

    def _page(self, template: str, doc_path: str, meta: dict[str, Any], **values: Any) -> tuple[str, str]:
        # JSON values are valid YAML and much faster to write than yaml.safe_dump at thousands of pages.
        front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
        body = self.env.get_template(template).render(self._context(doc_path, **values))
        return doc_path, f"---\n{front}---\n\n{body}"

    @staticmethod
    def _meta(title: str, description: str, **extra: Any) -> dict[str, Any]:
        # MkDocs themes print title and description unescaped: escape them here.
        return {"title": html.escape(title), "description": html.escape(description, quote=True), **extra}

    @classmethod
    def _tool_meta(cls, title: str, description: str) -> dict[str, Any]:
        """A working page (cards, poster, comparison, casusmap): full width, and not a search result."""
        return cls._meta(title, description, hide=["navigation", "toc"], search={"exclude": True})

    # -- pages --------------------------------------------------------------------------------------
    def pages(self) -> dict[str, str]:
        pages = dict(self._entry_pages())
        for facet in FACETS:
            if facet.pages:
                pages.update(self._vocabulary_pages(facet))
        pages.update([self._overview(), self._explorer(), self._index(), self._format_guide()])
        pages.update(self._open_data())
        pages.update([self._content_status(), self._home_phases()])
        pages.update(self.freshness.pages(self._page, self._meta, self.env))
        pages.update(short_link_pages(self))
        pages.update(card_pages(self) | poster_pages(self))
        pages.update(wegwijzer_pages(self))
        pages.update(partner_pages(self))
        pages.update(workset_pages(self))
        pages.update(self.redirects({f"interventies/{old}": f"interventies/{new}" for old, new in self.palette.former_ids.items() if new in self.by_id}))
        return pages

    def redirects(self, moves: dict[str, str], moved: bool = True) -> dict[str, str]:
        """A static page at each old address (folder) that sends the visitor to the new one.
        `moved`: the page says the address has moved (a former id); False for a short link, which stays valid."""
        pages = {}
        for old, new in moves.items():
            target = relative(f"{old}/index.md", f"{new}.md")
            title = self.by_id[new.rsplit("/", 1)[-1]].name if new.startswith("interventies/") else new
            pages[f"{old}/index.html"] = self.env.get_template("doorverwijzing.html.j2").render(target=target, title=title, moved=moved)
        return pages

    def _entry_pages(self) -> list[tuple[str, str]]:
        return [self._entry_page(item) for item in self.items]

    def _entry_page(self, item: Intervention) -> tuple[str, str]:
        return self._page(
            "interventie.md.j2",
            f"interventies/{item.id}.md",
            self._meta(item.name, item.summary, hide=["navigation"]),
            item=item,
            parent=self.by_id.get(item.parent or ""),
            children=self.children.get(item.id, []),
            related=self.related.get(item.id, []),
        )

    def _vocabulary_pages(self, facet: Facet) -> Iterable[tuple[str, str]]:
        assert facet.vocabulary and facet.pages, facet.key
        vocabulary, (title, description) = facet.vocabulary, facet.pages
        terms = list(self.vocab[vocabulary].values())
        values = {item.id: self.card(item).values_of(facet) for item in self.items}

        def members(term_id: str) -> list[Intervention]:
            return [item for item in self.items if term_id in values[item.id]]

        yield self._page(
            "vocabulaire-index.md.j2",
            f"{vocabulary}/index.md",
            self._meta(title, description),
            title=title,
            vocabulary=vocabulary,
            terms=terms,
            counts={term.id: len(members(term.id)) for term in terms},
        )
        for term in terms:
            yield self._page(
                "vocabulaire-term.md.j2",
                f"{vocabulary}/{term.id}.md",
                self._meta(term.label, term.explanation or title),
                vocabulary=vocabulary,
                facet=facet.key,
                term=term,
                items=members(term.id),
            )

    def _overview(self) -> tuple[str, str]:
        return self._page(
            "palet.md.j2",
            "palet/index.md",
            self._meta("Het interventiepalet", "Alle interventies per fase en domein, zoals in het interventiepalet.", hide=["navigation", "toc"]),
            **self.palette_grid(),
        )

    def palette_grid(self) -> dict[str, Any]:
        """What a page of the palette grid needs: phases (grouped) as columns, domains as rows, the cells."""
        phases = list(self.vocab["fasen"].values())
        domains = list(self.vocab["domeinen"].values())
        return {
            "phases": phases,
            "phase_groups": [(group, list(members)) for group, members in itertools.groupby(phases, key=lambda phase: phase.group)],
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

    def explorer_filters(self, cards: list[Card]) -> tuple[list[tuple[str, str, list[tuple[str, str]]]], dict[str, dict[str, int]], dict[str, Any]]:
        """(key, label, options) of each filter the explorer offers, the count per value, and the short
        forms a URL may use; /kaarten/ reads the explorer's URL with the same."""
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

    def _explorer(self) -> tuple[str, str]:
        cards = [self.card(item) for item in self.items]
        facets, counts, shorts = self.explorer_filters(cards)
        return self._page(
            "verkenner.md.j2",
            "verkenner/index.md",
            self._meta(
                "Verkenner",
                "Zoek en filter interventies op fase, domein, partner, doelgroep en moment.",
                hide=["navigation", "toc"],
                search={"exclude": True},
                # overrides/main.html renames these in the address before the theme's scripts read it
                renamed_parameters={OLD_TEXT_PARAMETER: TEXT_PARAMETER},
            ),
            cards=cards,
            facets=facets,
            open_facets={facet.key for facet in FACETS if facet.open},
            text_parameter=TEXT_PARAMETER,
            old_text_parameter=OLD_TEXT_PARAMETER,
            counts=counts,
            shorts=shorts,
            option_colour=lambda key, value: FACETS_BY_KEY[key].colour(self.vocab, value),
        )

    def _groups(self, facet: Facet) -> dict[str, list[str]]:
        """Group name -> its values, for a vocabulary whose terms name a group (the phases)."""
        groups: dict[str, list[str]] = {}
        for term in self.vocab[facet.vocabulary].values() if facet.vocabulary and not facet.choices else []:
            if getattr(term, "group", None):
                groups.setdefault(term.group, []).append(term.id)
        return groups

    def _index(self) -> tuple[str, str]:
        groups: dict[str, list[Intervention]] = {}
        for item in self.items:
            groups.setdefault(item.name[0].upper(), []).append(item)
        return self._page(
            "interventies-index.md.j2",
            "interventies/index.md",
            self._meta("Alle interventies van A tot Z", "Alle interventies uit het interventiepalet op alfabet."),
            groups=groups,
            short_links=short_link_targets(self),
        )

    def _format_guide(self) -> tuple[str, str]:
        example_path = next((entry.path for entry in self.palette.entries.values() if entry.intervention.id == "tijdelijk-huisverbod"), None)
        example = example_path.read_text(encoding="utf-8") if example_path else ""
        return self._page(
            "formaat.md.j2",
            "formaat/index.md",
            # For developers, not for professionals looking for a measure: kept out of the site search.
            self._meta("Het formaat van een interventie", "Elk veld van een interventiebestand, met uitleg en voorbeeld.", search={"exclude": True}),
            fields=format_fields(self.vocab),
            supplement_fields=format_fields(self.vocab, RegionalSupplement),
            rules=RULES.values(),
            wegwijzer_format=wegwijzer_format(self.vocab),
            example=example,
        )

    def _content_status(self) -> tuple[str, str]:
        """A snippet the home page includes: how many entries are checked, and up to when."""
        text = self.env.get_template("stand.txt.j2").render(
            reviewed=sum(item.review_status is ReviewStatus.reviewed for item in self.items),
            total=len(self.items),
            data_date=data_date(self),
        )
        return "palet/stand.txt", text

    def _home_phases(self) -> tuple[str, str]:
        """A snippet the home page includes: the phases of the visie, grouped, from the vocabulary."""
        phases = list(self.vocab["fasen"].values())
        groups = [(group, list(members)) for group, members in itertools.groupby(phases, key=lambda phase: phase.group)]
        return "palet/fasen.txt", self.env.get_template("home-fasen.md.j2").render(self._context("index.md", phase_groups=groups))

    def _open_data(self) -> dict[str, str]:
        files, about = open_data_files(self, self.selection.value)
        doc_path, page = self._page(
            "data.md.j2",
            f"{DATA_DIR}/index.md",
            self._meta("Open data", "Het interventiepalet als JSON en CSV om te hergebruiken, met uitleg, licentie en bronvermelding."),
            fields=format_fields(self.vocab, ExportedIntervention),
            **about,
        )
        return {**files, doc_path: page}


def one_of(values: Iterable[str]) -> str:
    """'a, b of c': the allowed values of a field, in a comment of the new-entry file."""
    values = list(values)
    return ", ".join(values[:-1]) + " of " + values[-1] if len(values) > 1 else "".join(values)


def render_new_entry(entry_id: str, schema: str, region: str | None, today: dt.date, vocabularies: Vocabularies) -> str:
    """The starting file of a new entry (YAML, so without HTML escaping); the allowed values come from
    the enums and the vocabularies."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)  # noqa: S701
    env.filters["one_of"] = one_of
    # The recognition statuses in the order an editor meets them: listed, not found, not applicable.
    recognition = [RecognitionStatus.listed, RecognitionStatus.not_found, RecognitionStatus.not_applicable]
    return env.get_template("nieuwe-interventie.yaml.j2").render(
        entry_id=entry_id,
        schema=schema,
        region=region,
        today=today,
        vocab=vocabularies,
        kinds=[kind.value for kind in Kind],
        recognition=[status.value for status in recognition],
    )


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    created: int = 0  # written files that did not exist before
    paths: list[Path] = field(default_factory=list)  # the files written, for a rebuild of just those


def write_pages(pages: dict[str, str], docs_dir: Path) -> WriteStats:
    """Write pages whose content changed; remove files in generated folders that are no longer produced."""
    stats = WriteStats()
    for doc_path, content in pages.items():
        target = docs_dir / doc_path
        data = content.encode("utf-8")  # bytes, so line ends (CRLF in the CSV) compare and stay exact
        if target.exists() and target.read_bytes() == data:
            stats.unchanged += 1
            continue
        stats.created += not target.exists()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        stats.written += 1
        stats.paths.append(target)
    wanted = {docs_dir / doc_path for doc_path in pages}
    stats.removed += remove_stale_short_links(docs_dir, wanted)
    for folder in GENERATED_DIRS:
        for path in sorted((docs_dir / folder).rglob("*"), reverse=True) if (docs_dir / folder).exists() else []:
            if path.is_file() and path not in wanted:
                path.unlink()
                stats.removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return stats
