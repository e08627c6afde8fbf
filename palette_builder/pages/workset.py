"""Tools for a meeting: the comparison (/vergelijk/) and the casusmap (/casusmap/).

Both pages are filled in the browser from one compact data script, `vergelijk/gegevens.js`, written
once per build: a script rather than JSON to fetch, so it also loads in the offline copy (file://
forbids fetch). It holds the fields the two pages show, with labels already looked up, so the page
scripts know nothing of the format. The buttons on entry pages and explorer cards are small includes
(`_werkset-*.md.j2`) served by the site's script.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .. import answers
from ..dutch import dutch_date
from ..facets import FACETS, Card
from ..kit import ENTRY_DIR, Kit, Page, Site
from ..models import Intervention
from ..relations import declared
from ..short_links import short_link_targets

COMPARE_DIR = "vergelijk"
CASEMAP_DIR = "casusmap"
FOLDERS = (COMPARE_DIR, CASEMAP_DIR)
DATA_SCRIPT = f"{COMPARE_DIR}/gegevens.js"
MAX_COMPARED = 4
MAX_COMPARED_TEXT = "vier"  # in running text
# The casusmap lists who decides and who carries out (facet keys); who requests is on the entry page.
CASEMAP_ROLES = ("beslist", "voert")
# The short answers the comparison has a row for, in the order of the key facts.
ANSWER_ROWS = (answers.HOW_TO_START, answers.DURATION, answers.ON_VIOLATION, answers.OBJECTION, answers.HOW_FAST, answers.WHAT_NEXT)
# Related entries offered as "vergelijk met ..." on an entry page, at most this many.
MAX_SUGGESTIONS = 6


def _ages(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f", van {low} tot {high} jaar"
    if low is not None:
        return f", vanaf {low} jaar"
    if high is not None:
        return f", tot {high} jaar"
    return ""


def compare_candidates(site: Site, item: Intervention) -> list[Intervention]:
    """Entries linked to `item` in either direction, alternatives first: the natural ones to compare."""
    ids = [
        *declared(item),
        *([item.parent] if item.parent else []),
        *[child.id for child in site.children.get(item.id, [])],
        *[other.id for _, others in site.related.get(item.id, []) for other in others],
    ]
    return [site.by_id[entry_id] for entry_id in dict.fromkeys(ids) if entry_id in site.by_id and entry_id != item.id]


def _entry(site: Site, item: Intervention) -> dict[str, Any]:
    vocab = site.vocab
    card = site.card(item)
    recognition = item.recognition
    recognised = recognition.status.label
    if recognition.databank:
        recognised += f": {recognition.databank.label}"
    if recognition.level:
        recognised += f", niveau: {recognition.level}"
    laws = []
    for basis in item.legal_basis:
        law = vocab["wetten"][basis.law]
        laws.append({"tekst": f"Artikel {basis.article} {law.abbreviation}", "wet": law.label, "url": basis.url or law.article_url(basis.article)})
    return {
        "naam": item.name,
        "afk": item.abbreviations_after_name(),
        "samenvatting": item.summary,
        "fasen": list(item.phases),
        "domein": vocab.label("domeinen", item.domain),
        **{facet.key: [facet.value_label(vocab, value) for value in card.values_of(facet)] for facet in FACETS if facet.role},
        "grondslag": laws,
        **{question.key: _answer_text(question, item) for question in ANSWER_ROWS},
        "doelgroepen": [vocab.label("doelgroepen", target.group) + _ages(target.min_age, target.max_age) for target in item.target_groups],
        "erkenning": recognised,
        "samenhang": [other.id for other in compare_candidates(site, item)],
        **({"beschikbaarheid": _availability(site, card)} if site.build_regions else {}),
    }


def _answer_text(question: answers.Question, item: Intervention) -> str:
    """A short answer as the comparison shows it; honest where it is missing or does not apply."""
    text = question.short(item)
    if text:
        return text
    return answers.NOT_DESCRIBED if question.applies_to(item) else "Geen wettelijke maatregel"


def _availability(site: Site, card: Card) -> str:
    """On a regional site: whether the entry is the region's own and where it is not available, with why."""
    parts = [f"Regionaal aanbod: {site.vocab.label('regios', card.origin)}"] if card.origin else []
    for region, reason in card.unavailable:
        parts.append(f"Niet beschikbaar in {site.vocab.label('regios', region)}" + (f": {reason}" if reason else ""))
    return "; ".join(parts) or "Beschikbaar"


def workset_data(site: Site) -> dict[str, Any]:
    """What the comparison and the casusmap show of every entry of this build."""
    roles = [(facet.key, facet.label) for facet in FACETS if facet.role]
    return {
        "datum": dutch_date(site.data_date()),
        "fasen": [{"id": phase.id, "label": phase.label, "kleur": phase.colour} for phase in site.vocab["fasen"].values()],
        # The rows of the comparison, in order: (field, label); the role rows are the facets'.
        "rijen": [
            ("samenvatting", "Samenvatting"),
            ("fasen", "Fase"),
            ("domein", "Domein"),
            *roles,
            ("grondslag", "Wettelijke grondslag"),
            *[(question.key, question.label) for question in ANSWER_ROWS],
            ("doelgroepen", "Doelgroepen"),
            ("erkenning", "Erkenning"),
            ("samenhang", "Samenhang"),
            # A regional site compares what a professional there can actually use.
            *([("beschikbaarheid", "Beschikbaarheid")] if site.build_regions else []),
        ],
        "rollen": [(key, label) for key, label in roles if key in CASEMAP_ROLES],
        "max": MAX_COMPARED,
        "interventiemap": f"{ENTRY_DIR}/",
        "items": {item.id: _entry(site, item) for item in site.items},
        # A link may name an entry by its short link, as people type it from a slide (?i=thv,ots).
        "kort": dict(short_link_targets(site.items)),
    }


def data_script(site: Site) -> str:
    # JSON is JavaScript; '<' escaped so no text can close a script element.
    data = json.dumps(workset_data(site), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    # The site's one global namespace, window.pv; the page scripts load this script when they need it.
    return f"(window.pv = window.pv || {{}}).werkset = {data};\n"


def template_globals(site: Site) -> dict[str, Any]:
    """What the entry-page include needs: the related entries to offer for a comparison."""
    return {
        "compare_suggestions": lambda item: compare_candidates(site, item)[:MAX_SUGGESTIONS],
        "max_compared": MAX_COMPARED,
        "max_compared_text": MAX_COMPARED_TEXT,
    }


def pages(kit: Kit) -> Iterator[Page]:
    """The pages /vergelijk/ and /casusmap/ and the data script both use."""
    yield kit.page(
        "vergelijk.md.j2",
        f"{COMPARE_DIR}/index.md",
        kit.tool_meta(
            "Interventies vergelijken",
            "Twee tot vier interventies naast elkaar: fase, domein, wie beslist en uitvoert, wettelijke grondslag, duur en doelgroepen.",
        ),
        data_script=DATA_SCRIPT,
    )
    yield kit.page(
        "casusmap.md.j2",
        f"{CASEMAP_DIR}/index.md",
        kit.tool_meta(
            "Casusmap",
            "Zet interventies bij elkaar voor een netwerkoverleg, per fase met wie beslist en wie uitvoert, om te delen en af te drukken.",
        ),
        data_script=DATA_SCRIPT,
    )
    yield DATA_SCRIPT, data_script(kit.site)
