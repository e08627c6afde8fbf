"""The wegwijzer: a few questions about the situation that lead to a moment of afstemming, the partners
who coordinate and the interventions that fit, as data in `palette/wegwijzer.yaml`.

A region adjusts it in `palette/regio/<regio>/wegwijzer.yaml`: a step with the id of a national step
replaces it, a new id adds a step, and `start` may name another first question. The region's version
is used on that region's own site; a national build and a build of all regions use the national one.

An outcome selects its interventions the way the explorer does (facet keys and values from facets.py;
any value within a facet, every facet), so its explorer link shows exactly the list on the page.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import Field

from .facets import FACETS, Card, Facet
from .format_guide import format_fields
from .models import Model, Rule, Slug, Source, Text, VocabularyRef
from .safe_yaml import Problem, locate
from .vocabularies import Vocabularies

if TYPE_CHECKING:
    from .render import Renderer

FILE_NAME = "wegwijzer.yaml"
PAGE_DIR = "wegwijzer"


class Answer(Model):
    text: Text = Field(alias="antwoord", max_length=160, description="Het antwoord zoals de lezer het kiest, kort.")
    note: str | None = Field(default=None, alias="toelichting", description="Korte toelichting onder het antwoord.")
    to: Slug = Field(alias="naar", description="De id van de volgende stap: een vraag of een uitkomst.")


class Question(Model):
    """One question page: the question and two or more answers, each a link to the next step."""

    id: Slug = Field(description="Vaste sleutel en webadres van de stap (/wegwijzer/<id>/).")
    question: Text = Field(alias="vraag", max_length=200, description="De vraag, in gewone taal.")
    explanation: str | None = Field(default=None, alias="uitleg", description="Wat de vraag bedoelt, in één of twee zinnen.")
    answers: list[Answer] = Field(alias="antwoorden", min_length=2, description="De antwoorden; elk leidt naar een volgende stap.")


class NextStep(Model):
    text: Text = Field(alias="tekst", max_length=160, description="Waar de link naartoe gaat, zoals 'Daarna: werken aan stabiele veiligheid'.")
    to: Slug = Field(alias="naar", description="De id van de stap waar de link naartoe gaat.")


class Outcome(Model):
    """One outcome page: the moment(s) of afstemming, who coordinate, and the interventions that fit."""

    id: Slug = Field(description="Vaste sleutel en webadres van de stap (/wegwijzer/<id>/).")
    title: Text = Field(alias="titel", max_length=120, description="De titel van de uitkomst.")
    explanation: Text = Field(alias="uitleg", description="Wat er in deze situatie gebeurt, in gewone taal (B1), uit de bron.")
    moments: list[VocabularyRef("momenten")] = Field(alias="momenten", min_length=1, description="Het moment (of de momenten) van afstemming.")
    partners: list[VocabularyRef("partners")] = Field(alias="partners", min_length=1, description="De partners die afstemmen.")
    selection: dict[str, list[str]] = Field(
        alias="selectie",
        min_length=1,
        description="De interventies die passen, als filters van de verkenner: sleutel (zoals fase of moment) met een lijst waarden.",
    )
    next_steps: list[NextStep] = Field(default_factory=list, alias="verder", description="Links naar een volgende stap, zoals de volgende fase.")
    sources: list[Source] = Field(alias="bronnen", min_length=1, description="Waar de uitkomst op steunt. Minstens één.")


class WegwijzerFile(Model):
    """`palette/wegwijzer.yaml`: the national wegwijzer."""

    title: Text = Field(alias="titel", max_length=120, description="De titel van de startpagina.")
    intro: Text = Field(alias="inleiding", description="Wat de wegwijzer doet, op de startpagina.")
    start: Slug = Field(description="De id van de eerste vraag.")
    questions: list[Question] = Field(alias="vragen", min_length=1, description="De vragen.")
    outcomes: list[Outcome] = Field(alias="uitkomsten", min_length=1, description="De uitkomsten.")


class RegionalWegwijzerFile(Model):
    """`palette/regio/<regio>/wegwijzer.yaml`: what a region changes in the national wegwijzer."""

    start: Slug | None = Field(default=None, description="Een andere eerste vraag (id); zonder: de landelijke.")
    intro: str | None = Field(default=None, alias="inleiding", description="Een eigen inleiding; zonder: de landelijke.")
    questions: list[Question] = Field(default_factory=list, alias="vragen", description="Vragen: dezelfde id vervangt de landelijke, een nieuwe id voegt toe.")
    outcomes: list[Outcome] = Field(
        default_factory=list, alias="uitkomsten", description="Uitkomsten: dezelfde id vervangt de landelijke, een nieuwe id voegt toe."
    )


Step = Question | Outcome


@dataclass
class Placed:
    """A step with the file and place it came from, for located messages."""

    step: Step
    display: str
    text: str
    loc: tuple[Any, ...]


@dataclass
class Wegwijzer:
    """The assembled wegwijzer of one build: its steps in file order, reachable from `start`."""

    title: str
    intro: str
    start: str
    steps: dict[str, Step] = field(default_factory=dict)
    region: str | None = None


def selectable_facets() -> list[Facet]:
    """The facets an outcome may select on: those whose values are a vocabulary's or an enum's."""
    return [facet for facet in FACETS if facet.choices is None and (facet.vocabulary or facet.enum)]


def allowed_values(facet: Facet, vocabularies: Vocabularies) -> list[str]:
    if facet.enum is not None:
        return [value.value for value in facet.enum]
    return vocabularies.ids(facet.vocabulary or "")


def _problem(placed: Placed | tuple[str, str], loc: tuple[Any, ...], message: str) -> Problem:
    display, text = (placed.display, placed.text) if isinstance(placed, Placed) else placed
    full = (*placed.loc, *loc) if isinstance(placed, Placed) else loc
    line, column = locate(text, full)
    name = ""
    for part in full:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return Problem(display, line, column, name, message)


def _near(value: str, allowed: list[str]) -> str:
    match = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    return f"; bedoel je {match[0]!r}?" if match else ""


def _placed(file: WegwijzerFile | RegionalWegwijzerFile, display: str, text: str, problems: list[Problem]) -> dict[str, Placed]:
    """The steps of one file by id; an id used twice in the file is reported at its second use."""
    found: dict[str, Placed] = {}
    for key, steps in (("vragen", file.questions), ("uitkomsten", file.outcomes)):
        for index, step in enumerate(steps):
            placed = Placed(step, display, text, (key, index))
            if step.id in found:
                problems.append(_problem(placed, ("id",), f"de stap {step.id!r} bestaat al in dit bestand; elke vraag en uitkomst heeft een eigen id"))
            else:
                found[step.id] = placed
    return found


def assemble(
    national: tuple[WegwijzerFile, str, str],
    vocabularies: Vocabularies,
    regional: tuple[RegionalWegwijzerFile, str, str, str] | None = None,
) -> tuple[Wegwijzer, list[Problem]]:
    """The wegwijzer of a build and every problem in it, located in the file that causes it.

    `national`: (file, display, text); `regional`: (file, display, text, region) or None."""
    problems: list[Problem] = []
    file, display, text = national
    steps = _placed(file, display, text, problems)
    start, start_at, intro = file.start, (display, text), file.intro
    owner = display  # the file whose unreachable steps are a problem
    region = None
    if regional is not None:
        region_file, region_display, region_text, region = regional
        steps.update(_placed(region_file, region_display, region_text, problems))
        owner = region_display
        if region_file.start:
            start, start_at = region_file.start, (region_display, region_text)
        intro = region_file.intro or intro
    ids = list(steps)

    if start not in steps:
        problems.append(_problem(start_at, ("start",), f"de eerste vraag {start!r} bestaat niet{_near(start, ids)}"))
    elif not isinstance(steps[start].step, Question):
        problems.append(_problem(start_at, ("start",), f"de start {start!r} is een uitkomst; de wegwijzer begint met een vraag"))

    facets = {facet.key: facet for facet in selectable_facets()}
    for placed in steps.values():
        for loc, target in _links(placed.step):
            if target not in steps:
                problems.append(_problem(placed, loc, f"verwijst naar de stap {target!r}, maar die bestaat niet{_near(target, ids)}"))
        if isinstance(placed.step, Outcome):
            problems.extend(_selection_problems(placed, facets, vocabularies))

    problems.extend(_cycles(steps))
    reachable = _reachable(steps, start)
    for step_id, placed in steps.items():
        if step_id not in reachable and placed.display == owner and start in steps:
            message = f"de stap {step_id!r} is vanaf de start ({start!r}) niet te bereiken; laat een antwoord of 'verder' ernaar verwijzen"
            problems.append(_problem(placed, ("id",), message))
    guide = Wegwijzer(file.title, intro, start, {step_id: placed.step for step_id, placed in steps.items() if step_id in reachable}, region)
    return guide, problems


def _links(step: Step) -> list[tuple[tuple[Any, ...], str]]:
    """(location within the step, target id) of every link a step makes."""
    if isinstance(step, Question):
        return [(("antwoorden", index, "naar"), answer.to) for index, answer in enumerate(step.answers)]
    return [(("verder", index, "naar"), link.to) for index, link in enumerate(step.next_steps)]


def _selection_problems(placed: Placed, facets: dict[str, Facet], vocabularies: Vocabularies) -> list[Problem]:
    problems = []
    assert isinstance(placed.step, Outcome)
    for key, values in placed.step.selection.items():
        facet = facets.get(key)
        if facet is None:
            problems.append(_problem(placed, ("selectie", key), f"onbekend filter {key!r}{_near(key, list(facets))}; toegestaan: {', '.join(facets)}"))
            continue
        if not values:
            problems.append(_problem(placed, ("selectie", key), "noem minstens één waarde"))
        if facet.vocabulary in vocabularies.unreadable:
            continue  # the vocabulary's own file is broken: reported there
        allowed = allowed_values(facet, vocabularies)
        for index, value in enumerate(values):
            if value not in allowed:
                message = f"onbekende waarde {value!r} voor filter {key!r}{_near(value, allowed)}; toegestaan: {', '.join(allowed)}"
                problems.append(_problem(placed, ("selectie", key, index), message))
    return problems


def _cycles(steps: dict[str, Placed]) -> list[Problem]:
    """Every link that leads back to a step on the way to it: the wegwijzer always ends in an outcome."""
    problems: list[Problem] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(step_id: str, path: list[str]) -> None:
        state[step_id] = 1
        placed = steps[step_id]
        for loc, target in _links(placed.step):
            if target not in steps:
                continue
            if state.get(target) == 1:
                circle = " → ".join([*path[path.index(target) :], step_id, target]) if target in path else f"{step_id} → {target}"
                problems.append(_problem(placed, loc, f"kringverwijzing: {circle}; een stap mag niet terugleiden naar een eerdere stap"))
            elif target not in state:
                visit(target, [*path, step_id])
        state[step_id] = 2

    for step_id in steps:
        if step_id not in state:
            visit(step_id, [])
    return problems


def _reachable(steps: dict[str, Placed], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start] if start in steps else []
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        todo.extend(target for _, target in _links(steps[current].step) if target in steps)
    return seen


# The rules over more than one step, as the format page states them; `assemble` checks them
# (tests/test_wegwijzer.py breaks each). {filters} is the list of the explorer's filter keys.
RULES = (
    Rule(
        "steps_exist",
        "Een antwoord (`naar`) en een link `verder` wijzen naar de id van een vraag of uitkomst die bestaat. De wegwijzer begint bij `start`, een vraag.",
    ),
    Rule(
        "steps_reachable",
        "Elke vraag en uitkomst is vanaf de start te bereiken, en geen stap leidt terug naar een stap die ervoor komt: elke route eindigt bij een uitkomst.",
    ),
    Rule(
        "selection_like_explorer",
        "`selectie` kiest de interventies zoals de verkenner: per filter ({filters}) een lijst waarden. Binnen een filter is één waarde genoeg; "
        "alle filters samen moeten kloppen. De link naar de verkenner op de uitkomst toont daardoor precies dezelfde interventies.",
    ),
    Rule("outcome_complete", "Elke uitkomst noemt minstens één moment van afstemming, één partner en één bron."),
    Rule(
        "regional_steps",
        "Een regio past de wegwijzer aan in `palette/regio/<regio>/wegwijzer.yaml`: een vraag of uitkomst met de id van een landelijke stap "
        "vervangt die, een nieuwe id voegt een stap toe, en `start` en `inleiding` mogen anders. Dat geldt op de site van die regio; de "
        "landelijke site en de site van alle regio's samen tonen de landelijke wegwijzer. Een landelijke stap die in de regio niet meer te "
        "bereiken is, laat de site van de regio weg.",
    ),
)


def wegwijzer_format(vocabularies: Vocabularies) -> dict[str, Any]:
    """What the format page says about the wegwijzer's files: their fields and rules."""
    filters = ", ".join(f"`{facet.key}`" for facet in selectable_facets())
    return {
        "fields": format_fields(vocabularies, WegwijzerFile),
        "regional_fields": format_fields(vocabularies, RegionalWegwijzerFile),
        "rules": [rule.text.replace("{filters}", filters) for rule in RULES],
    }


# -- pages --------------------------------------------------------------------------------------------


def matches(selection: dict[str, list[str]], card: Card) -> bool:
    """As the explorer matches: any chosen value within a facet, and every chosen facet."""
    values = card.facets()
    return all(set(chosen) & set(values.get(key, [])) for key, chosen in selection.items())


def explorer_path(selection: dict[str, list[str]]) -> str:
    """The explorer's address for a selection, its parameters in the explorer's own order."""
    parts = [f"{facet.key}={','.join(selection[facet.key])}" for facet in FACETS if selection.get(facet.key)]
    return "verkenner/?" + "&".join(parts)


def partner_roles(renderer: Renderer) -> dict[str, str]:
    """For each partner, the role facet it is most often named in, so its link shows what it does."""
    counts: dict[str, dict[str, int]] = {}
    for item in renderer.items:
        card = renderer.card(item)
        for facet in FACETS:
            if facet.role:
                for partner in card.values_of(facet):
                    counts.setdefault(partner, {}).setdefault(facet.key, 0)
                    counts[partner][facet.key] += 1
    first_role = next(facet.key for facet in FACETS if facet.role)
    return {partner: max(found, key=lambda key: found[key]) if (found := counts.get(partner)) else first_role for partner in renderer.vocab.ids("partners")}


def wegwijzer_pages(renderer: Renderer) -> dict[str, str]:
    """/wegwijzer/ (the start page) and one page per step, /wegwijzer/<id>/."""
    palette = renderer.palette
    guide = palette.regional_wegwijzers.get(renderer.selection.region or "") if renderer.single_region else None
    guide = guide or palette.wegwijzer
    pages: dict[str, str] = {}
    start = guide.steps.get(guide.start) if guide else None
    doc_path, page = renderer._page(
        "wegwijzer-start.md.j2",
        f"{PAGE_DIR}/index.md",
        renderer._meta(guide.title if guide else "Wegwijzer", guide.intro if guide else "Wegwijzer", hide=["navigation"]),
        guide=guide,
        start=start,
        questions=[step for step in guide.steps.values() if isinstance(step, Question)] if guide else [],
        outcomes=[step for step in guide.steps.values() if isinstance(step, Outcome)] if guide else [],
        step_dir=PAGE_DIR,
    )
    pages[doc_path] = page
    if guide is None:
        return pages
    roles = partner_roles(renderer)
    cards = [renderer.card(item) for item in renderer.items]
    # A way back without the browser's history: the one step that leads here (the start page for the first).
    leads_here: dict[str, list[Step]] = {}
    for step in guide.steps.values():
        for _, target in _links(step):
            leads_here.setdefault(target, []).append(step)
    back = {step_id: found[0] for step_id, found in leads_here.items() if len(found) == 1}
    for step in guide.steps.values():
        if isinstance(step, Question):
            doc_path, page = renderer._page(
                "wegwijzer-vraag.md.j2",
                f"{PAGE_DIR}/{step.id}.md",
                renderer._meta(step.question, step.explanation or guide.title, hide=["navigation"]),
                guide=guide,
                question=step,
                steps=guide.steps,
                back=back.get(step.id),
                step_dir=PAGE_DIR,
            )
        else:
            items = [card.intervention for card in cards if matches(step.selection, card)]
            doc_path, page = renderer._page(
                "wegwijzer-uitkomst.md.j2",
                f"{PAGE_DIR}/{step.id}.md",
                renderer._meta(step.title, step.explanation, hide=["navigation"]),
                guide=guide,
                outcome=step,
                steps=guide.steps,
                back=back.get(step.id),
                items=items,
                explorer=explorer_path(step.selection),
                partner_roles=roles,
                step_dir=PAGE_DIR,
            )
        pages[doc_path] = page
    return pages
