"""The wegwijzer's checks: every link leads to a step that exists, every step is reachable from the start
and no step leads back, and an outcome's selection names filters and values the explorer knows. Each
problem is located in the file that causes it, the national one or a region's."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from .facets import Facet
from .safe_yaml import Problem, locate
from .vocabularies import Vocabularies
from .wegwijzer import Outcome, Question, RegionalWegwijzerFile, Step, Wegwijzer, WegwijzerFile, allowed_values, selectable_facets, step_links


@dataclass
class Placed:
    """A step with the file and place it came from, for located messages."""

    step: Step
    display: str
    text: str
    loc: tuple[Any, ...]


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
        for loc, target in step_links(placed.step):
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
        for loc, target in step_links(placed.step):
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
        todo.extend(target for _, target in step_links(steps[current].step) if target in steps)
    return seen
