"""An entry's page (/interventies/<id>/), and a page at each former id that sends visitors on.

The page answers first: under the title and summary, the key facts are short answers to what
professionals ask (answers.py), each linking to the section below that explains it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import answers
from ..facets import FACETS_BY_KEY, Facet
from ..kit import ENTRY_DIR, Kit, Page, Site, entry_doc
from ..models import Intervention, Kind
from ..terms import extension_text, length_text

FOLDERS = (ENTRY_DIR,)
NOT_IN_NAV = FOLDERS  # thousands of pages: in the navigation they would slow every build
# The role facets as key facts ask them; a role nobody fills says so, except advising (rarely filled).
DECIDES, REQUESTS, ADVISES, CARRIES_OUT = (FACETS_BY_KEY[key] for key in ("beslist", "vraagt-aan", "adviseert", "voert"))
NOT_RECORDED = "Niet vastgelegd"


@dataclass
class KeyFact:
    """One row of the key facts: a label, and partners (chips), the legal basis or a short answer."""

    label: str
    anchor: str | None = None  # the section below that explains it
    facet: Facet | None = None  # partners of this role facet, as chips
    partners: list[str] = field(default_factory=list)
    law: bool = False  # the legal basis, article by article
    text: str | None = None  # a short answer
    missing: str | None = None  # what the row says when nothing fills it: never a blank
    more: str = ""  # the name of the section `anchor` leads to, for the link's text


def key_facts(site: Site, item: Intervention) -> list[KeyFact]:
    card = site.card(item)
    legal = item.kind is Kind.legal_measure

    def answer(question: answers.Question, label: str | None = None, facet: Facet | None = None) -> KeyFact:
        text = question.short(item)
        partners = card.values_of(facet) if facet else []
        missing = None if text or partners else answers.NOT_DESCRIBED
        return KeyFact(label or question.label, question.anchor if text else None, facet, partners, text=text, missing=missing, more=question.label.lower())

    def role(facet: Facet) -> KeyFact:
        partners = card.values_of(facet)
        return KeyFact(facet.label, facet=facet, partners=partners, missing=None if partners else NOT_RECORDED)

    law = KeyFact(answers.LEGAL_BASIS.label, answers.LEGAL_BASIS.anchor, law=True, more=answers.LEGAL_BASIS.label.lower())
    rows = [law, role(DECIDES), answer(answers.HOW_TO_START, REQUESTS.label, REQUESTS)]
    if legal or item.duration:
        rows.append(answer(answers.DURATION))
    if legal:
        rows += [answer(answers.ON_VIOLATION), answer(answers.OBJECTION)]
    if card.values_of(ADVISES):
        rows.append(role(ADVISES))
    rows.append(role(CARRIES_OUT))
    rows += [answer(answers.HOW_FAST), answer(answers.WHAT_NEXT)]
    return rows


def template_globals(site: Site) -> dict[str, Any]:
    return {
        "key_facts": lambda item: key_facts(site, item),
        "term_length": length_text,
        "term_extension": extension_text,
        "not_described": answers.NOT_DESCRIBED,
        "answer_anchor": {question.key: question.anchor for question in answers.QUESTIONS},
    }


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    for item in site.items:
        yield kit.page(
            "interventie.md.j2",
            entry_doc(item.id),
            # An entry's page counts fully in the site search; other pages weigh 0.3 (overrides/main.html).
            kit.meta(item.name, item.summary, hide=["navigation"], zoekgewicht=1),
            item=item,
            parent=site.by_id.get(item.parent or ""),
            children=site.children.get(item.id, []),
            related=site.related.get(item.id, []),
        )
    moves = {f"{ENTRY_DIR}/{old}": f"{ENTRY_DIR}/{new}" for old, new in site.palette.former_ids.items() if new in site.by_id}
    yield from kit.redirects(moves).items()
