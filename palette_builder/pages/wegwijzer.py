"""The wegwijzer's pages: /wegwijzer/ (the start page) and one page per step, /wegwijzer/<id>/."""

from __future__ import annotations

from collections.abc import Iterator

from ..facets import explorer_path, matches
from ..kit import Kit, Page
from ..wegwijzer import Outcome, Question, Step, step_links
from .partners import main_role

PAGE_DIR = "wegwijzer"
FOLDERS = (PAGE_DIR,)


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    palette = site.palette
    guide = palette.regional_wegwijzers.get(site.selection.region or "") if site.single_region else None
    guide = guide or palette.wegwijzer
    start = guide.steps.get(guide.start) if guide else None
    yield kit.page(
        "wegwijzer-start.md.j2",
        f"{PAGE_DIR}/index.md",
        kit.meta(guide.title if guide else "Wegwijzer", guide.intro if guide else "Wegwijzer", hide=["navigation"]),
        guide=guide,
        start=start,
        questions=[step for step in guide.steps.values() if isinstance(step, Question)] if guide else [],
        outcomes=[step for step in guide.steps.values() if isinstance(step, Outcome)] if guide else [],
        step_dir=PAGE_DIR,
    )
    if guide is None:
        return
    roles = main_role(site)
    cards = site.cards()
    # A way back without the browser's history: the one step that leads here (the start page for the first).
    leads_here: dict[str, list[Step]] = {}
    for step in guide.steps.values():
        for _, target in step_links(step):
            leads_here.setdefault(target, []).append(step)
    back = {step_id: found[0] for step_id, found in leads_here.items() if len(found) == 1}
    for step in guide.steps.values():
        if isinstance(step, Question):
            yield kit.page(
                "wegwijzer-vraag.md.j2",
                f"{PAGE_DIR}/{step.id}.md",
                kit.meta(step.question, step.explanation or guide.title, hide=["navigation"]),
                guide=guide,
                question=step,
                steps=guide.steps,
                back=back.get(step.id),
                step_dir=PAGE_DIR,
            )
        else:
            items = [card.intervention for card in cards if matches(step.selection, card.facets())]
            yield kit.page(
                "wegwijzer-uitkomst.md.j2",
                f"{PAGE_DIR}/{step.id}.md",
                kit.meta(step.title, step.explanation, hide=["navigation"]),
                guide=guide,
                outcome=step,
                steps=guide.steps,
                back=back.get(step.id),
                items=items,
                explorer=explorer_path(step.selection),
                partner_roles=roles,
                step_dir=PAGE_DIR,
            )
