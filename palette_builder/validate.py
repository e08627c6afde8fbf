"""Load every palette file, validate it against the models and across files, and collect all problems.

Nothing here raises on bad data: every problem becomes a located `Problem`, so an editor sees all of them
in one run.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .completeness import OFFICIAL_SOURCES_FILE, OfficialSource
from .freshness import SETTINGS_FILE, ReviewSettings
from .history import CHANGE_TEXTS_FILE
from .models import PATTERN_MESSAGES, ChangeTexts, Intervention, RegionalSupplement
from .palette import Entry, Palette
from .safe_yaml import Problem, YamlFileError, load_yaml, locate
from .vocabularies import REGIONAL_CONTACTS_FILE, ROUTE_MAP_FILE, VOCABULARY_MODELS, GlossaryTerm, RegionalContact, RouteMap, Term, Vocabularies
from .wegwijzer import FILE_NAME as WEGWIJZER_FILE
from .wegwijzer import RegionalWegwijzerFile, WegwijzerFile
from .wegwijzer_checks import assemble


def nearest(value: Any, allowed: list[str]) -> str | None:
    if not isinstance(value, str):
        return None
    match = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    return match[0] if match else None


def _short(value: Any) -> str:
    try:
        text = repr(value)
    except ValueError:  # an integer of thousands of digits (written in hexadecimal in the file)
        return "(een heel lang getal)"
    return text if len(text) <= 60 else text[:57] + "..."


def _allowed_text(allowed: list[str], value: Any) -> str:
    listing = ", ".join(allowed) if len(allowed) <= 12 else ", ".join(allowed[:12]) + f" (en {len(allowed) - 12} meer)"
    suggestion = nearest(value, allowed)
    hint = f"; bedoel je {suggestion!r}?" if suggestion else ""
    return f"toegestaan: {listing}{hint}"


def _fields_of(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The Dutch keys allowed at the mapping that contains loc[-1]."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        info = next((f for f in current.model_fields.values() if (f.alias or "") == step), None)
        if info is None:
            return []
        annotation = info.annotation
        args = getattr(annotation, "__args__", None) or (annotation,)
        current = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if current is None:
            return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _count(number: Any, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def vocabulary_file(name: str, region: str | None) -> str:
    """The file an editor changes to add a value: the region's own when working in a region."""
    return f"palette/regio/{region}/vocabulaires/{name}.yaml" if region else f"palette/vocabulaires/{name}.yaml"


def describe(error: dict[str, Any], model: type[BaseModel], region: str | None = None) -> str:
    """A Dutch message for one pydantic error: what was found and what is allowed."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    found = f" (gevonden: {_short(value)})"
    if kind == "missing":
        return "verplicht veld ontbreekt"
    if kind == "extra_forbidden":
        allowed = _fields_of(model, tuple(error["loc"]))
        return f"onbekend veld; {_allowed_text(allowed, error['loc'][-1])}"
    if kind == "vocabulary":
        # The whole list, and the file to change: a region adds values in its own file.
        allowed, hint = ctx["allowed"], nearest(value, ctx["allowed"])
        suggestion = f"; bedoel je {hint!r}?" if hint else ""
        target = vocabulary_file(ctx["vocabulary"], region)
        return f"onbekende waarde {_short(value)}{suggestion}; toegestaan: {', '.join(allowed) or '(nog geen waarden)'}; een nieuwe waarde zet u in {target}"
    if kind == "literal_error":
        return f"ongeldige waarde {_short(value)}; toegestaan: {ctx.get('expected', '')}, of een groep velden met 'kort' en eventueel 'uitleg'"
    if kind == "enum":
        allowed = [part.strip(" '") for part in ctx.get("expected", "").replace(" or ", ",").split(",") if part.strip()]
        return f"ongeldige waarde {_short(value)}; {_allowed_text(allowed, value)}"
    if kind == "string_pattern_mismatch":
        return f"verwacht {PATTERN_MESSAGES.get(ctx.get('pattern', ''), 'tekst in een andere vorm')}{found}"
    if kind in {"string_type", "string_sub_type"}:
        hint = "; zet getallen tussen aanhalingstekens" if isinstance(value, (int, float)) else ""
        return f"moet tekst zijn{found}{hint}"
    if kind == "string_unicode":
        return f"moet gewone tekst zijn{found}"
    if kind in {"list_type", "iterable_type"}:
        return f"moet een lijst zijn, bijvoorbeeld [a, b] of regels die met '- ' beginnen{found}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"moet een groep velden zijn (sleutel: waarde){found}"
    if kind == "invalid_key":
        return f"een veldnaam moet tekst zijn{found}"
    if kind.startswith("date") or kind.startswith("datetime"):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return f"die datum bestaat niet{found}; schrijf een bestaande datum in de vorm JJJJ-MM-DD"
        return f"moet een datum zijn in de vorm JJJJ-MM-DD{found}"
    if kind.startswith("int_"):
        return f"moet een heel getal zijn{found}"
    if kind.startswith("float_") or kind.startswith("decimal_"):
        return f"moet een getal zijn{found}"
    if kind.startswith("bool_"):
        return f"moet ja (true) of nee (false) zijn{found}"
    if kind == "too_short":
        return f"moet minstens {_count(ctx.get('min_length'), 'waarde', 'waarden')} bevatten"
    if kind == "too_long":
        return f"mag hoogstens {_count(ctx.get('max_length'), 'waarde', 'waarden')} bevatten"
    if kind == "string_too_short":
        minimum = ctx.get("min_length", 1)
        return "mag niet leeg zijn" if minimum == 1 else f"moet minstens {minimum} tekens lang zijn{found}"
    if kind == "string_too_long":
        return f"is te lang: hoogstens {_count(ctx.get('max_length'), 'teken', 'tekens')}"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        word = {"greater_than_equal": "minstens", "less_than_equal": "hoogstens", "greater_than": "groter dan", "less_than": "kleiner dan"}[kind]
        return f"moet {word} {bound} zijn{found}"
    if kind == "value_error":
        return str(ctx.get("error", "ongeldige waarde")).removeprefix("Value error, ")
    if "url" not in error:  # our own errors (PydanticCustomError) carry a Dutch message; pydantic's own link to its docs
        return error["msg"]
    return f"ongeldige waarde{found}; zie de pagina 'Formaat van de gegevens' voor wat hier mag"


def field_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for step in loc:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name or "(bestand)"


def _model_errors(text: str, display: str, error: ValidationError, model: type[BaseModel], region: str | None = None) -> list[Problem]:
    problems = []
    for item in error.errors():
        # A union's branch tags (models: "~antwoord") are not keys of the file.
        loc = tuple(step for step in item["loc"] if not (isinstance(step, str) and step.startswith("~")))
        line, column = locate(text, loc)
        problems.append(Problem(display, line, column, field_name(loc), describe(item, model, region)))
    return problems


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_vocabularies(folders: list[Path], root: Path) -> tuple[Vocabularies, list[Problem]]:
    """Read the vocabularies; later folders (a region) may add values, never change existing ones."""
    vocabularies, problems = Vocabularies(), []
    read: dict[str, list[tuple[str, str, list[Term]]]] = {}  # vocabulary -> [(display, text, terms)] per folder
    for name, term_model in VOCABULARY_MODELS.items():
        terms: dict[str, Term] = {}
        for number, folder in enumerate(folders):
            path = folder / f"{name}.yaml"
            display = _display(path, root)
            if not path.exists():
                if number == 0:  # a national vocabulary; a region adds only the ones it needs
                    problems.append(Problem(display, 1, 1, "(bestand)", f"de vocabulaire {name!r} ontbreekt; zet het bestand terug"))
                    vocabularies.unreadable.setdefault(name, display)
                continue
            try:
                text, data = load_yaml(path, display)
            except YamlFileError as error:
                problems.append(error.problem)
                vocabularies.unreadable.setdefault(name, display)
                continue
            if number == 0 and not data:
                problems.append(Problem(display, 1, 1, "(bestand)", f"de vocabulaire {name!r} is leeg; elke waarde begint met '- id: ...'"))
                vocabularies.unreadable.setdefault(name, display)
                continue
            try:
                loaded = TypeAdapter(list[term_model]).validate_python(data if data is not None else [])
            except ValidationError as error:
                problems.extend(_model_errors(text, display, error, term_model))
                vocabularies.unreadable.setdefault(name, display)
                continue
            read.setdefault(name, []).append((display, text, loaded))
            for index, term in enumerate(loaded):
                if term.id in terms:
                    line, column = locate(text, (index, "id"))
                    message = f"waarde {term.id!r} bestaat al in vocabulaire {name!r}"
                    owner = vocabularies.origins.get(name, {}).get(term.id)
                    if number > 0 and owner is None:
                        # Typically after a national update: the region's copy is no longer needed.
                        national = _display(folders[0] / f"{name}.yaml", root)
                        message += f" (landelijk, in {national}); haal die hier weg, de interventies die haar noemen blijven werken"
                    problems.append(Problem(display, line, column, f"[{index}].id", message))
                else:
                    terms[term.id] = term
                    vocabularies.places.setdefault(name, {})[term.id] = (display, index)
                    if number > 0:  # a region's folder (palette/regio/<regio>/vocabulaires)
                        vocabularies.origins.setdefault(name, {})[term.id] = folder.parent.name
        vocabularies.terms[name] = terms
    problems += _glossary_problems(vocabularies, read.get("begrippen", []))
    for folder in folders[1:]:
        problems += _load_regional_contacts(vocabularies, folder, root)
    return vocabularies, problems


def _glossary_problems(vocabularies: Vocabularies, files: list[tuple[str, str, list[Term]]]) -> list[Problem]:
    """Each term names a known world, and no way of writing a term belongs to two terms: the site must
    know which term a word in running text means (a region's term may not take a national one's)."""
    problems: list[Problem] = []
    worlds = vocabularies.ids("werelden")
    owners: dict[str, tuple[str, str]] = {}  # name in lower case -> (term id, display)
    for display, text, terms in files:
        for index, term in enumerate(terms):
            assert isinstance(term, GlossaryTerm)
            if "werelden" not in vocabularies.unreadable and term.world not in worlds:
                line, column = locate(text, (index, "wereld"))
                problems.append(Problem(display, line, column, f"[{index}].wereld", f"onbekende wereld {term.world!r}; {_allowed_text(worlds, term.world)}"))
            fields = [("label", [term.label]), ("synoniemen", term.synonyms), ("afkortingen", term.abbreviations)]
            for key, names in fields:
                for position, name in enumerate(names):
                    owner = owners.setdefault(name.casefold(), (term.id, display))
                    if owner[0] == term.id:
                        continue
                    loc: tuple[Any, ...] = (index, key) if key == "label" else (index, key, position)
                    line, column = locate(text, loc)
                    where = "" if owner[1] == display else f" in {owner[1]}"
                    message = f"{name!r} is al een schrijfwijze van het begrip {owner[0]!r}{where}; een woord kan maar naar één begrip verwijzen"
                    problems.append(Problem(display, line, column, field_name(loc), message))
    return problems


def _load_regional_contacts(vocabularies: Vocabularies, folder: Path, root: Path) -> list[Problem]:
    """A region's own contact routes for national partners (palette/regio/<regio>/vocabulaires/contactroutes.yaml)."""
    path = folder / REGIONAL_CONTACTS_FILE
    if not path.exists():
        return []
    display = _display(path, root)
    try:
        text, data = load_yaml(path, display)
    except YamlFileError as error:
        return [error.problem]
    try:
        routes = TypeAdapter(list[RegionalContact]).validate_python(data if data is not None else [])
    except ValidationError as error:
        return _model_errors(text, display, error, RegionalContact)
    problems = []
    region = folder.parent.name
    partners = vocabularies.ids("partners")
    found = vocabularies.regional_contacts.setdefault(region, {})
    for index, route in enumerate(routes):
        if route.partner not in partners and "partners" not in vocabularies.unreadable:
            line, column = locate(text, (index, "partner"))
            problems.append(
                Problem(display, line, column, f"[{index}].partner", f"onbekende partner {route.partner!r}; {_allowed_text(partners, route.partner)}")
            )
        elif route.partner in found:
            line, column = locate(text, (index, "partner"))
            problems.append(Problem(display, line, column, f"[{index}].partner", f"partner {route.partner!r} heeft in dit bestand al een contactroute"))
        else:
            found[route.partner] = route
    return problems


REGION_PARTS = {"interventies", "aanvullingen", "vocabulaires", "interventie.schema.json", "README.md", WEGWIJZER_FILE, CHANGE_TEXTS_FILE}


@dataclass
class Sources:
    """Where the palette's files are: the national folders and the region folders to include."""

    national: Path
    vocabularies: Path
    regions: dict[str, Path] = field(default_factory=dict)
    wegwijzer: Path | None = None  # palette/wegwijzer.yaml
    change_texts: Path | None = None  # palette/wijzigingen.yaml


def yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*") if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []


def _parse_file(path: Path, root: Path) -> tuple[str, str, Any, Problem | None]:
    """(display, text, data, problem) of one file: data is a mapping whenever problem is None."""
    display = _display(path, root)
    if path.suffix != ".yaml":
        return display, "", None, Problem(display, 1, 1, "(bestand)", "alleen bestanden met de extensie .yaml horen in deze map")
    try:
        text, data = load_yaml(path, display)
    except YamlFileError as error:
        return display, "", None, error.problem
    if data is None:
        message = "het bestand is leeg; begin met 'python build_palette.py new <id>' of een kopie van een bestaand bestand"
        return display, text, None, Problem(display, 1, 1, "(bestand)", message)
    if not isinstance(data, dict):
        return display, text, None, Problem(display, 1, 1, "(bestand)", f"verwacht een groep velden (sleutel: waarde), gevonden: {type(data).__name__}")
    return display, text, data, None


def load_palette(sources: Sources, root: Path, today: dt.date | None = None) -> Palette:
    """Load and validate everything; the returned palette holds the valid entries and every problem."""
    today = today or dt.date.today()
    vocabulary_folders = [sources.vocabularies, *(folder / "vocabulaires" for folder in sources.regions.values())]
    vocabularies, problems = load_vocabularies(vocabulary_folders, root)
    palette = Palette(vocabularies, problems=problems, today=today)
    palette.review = _review_settings(sources.vocabularies / SETTINGS_FILE, root, palette.problems)
    palette.official_hosts = _official_hosts(sources.vocabularies / OFFICIAL_SOURCES_FILE, root, palette.problems)
    loader = _EntryLoader(palette, root, today)

    for path in yaml_files(sources.national):
        loader.load(path, origin=None)
    for region, folder in sorted(sources.regions.items()):
        _check_region_folder(palette, region, folder, root)
        for path in yaml_files(folder / "interventies"):
            loader.load(path, origin=region)
    loader.report_duplicates()
    for region, folder in sorted(sources.regions.items()):
        for path in yaml_files(folder / "aanvullingen"):
            loader.load_supplement(path, region)

    _check_former_ids(palette, loader)
    _load_wegwijzer(palette, loader, sources)
    _load_change_texts(palette, loader, sources)
    if (sources.vocabularies / ROUTE_MAP_FILE).exists():
        read = loader._read(sources.vocabularies / ROUTE_MAP_FILE, RouteMap)
        palette.route_map = read[2] if read else None
    _check_references(palette, loader.texts, loader.failed)
    # Root causes first: a broken vocabulary explains problems in entries, so it leads, followed by how
    # many files it left unchecked.
    first = set(vocabularies.unreadable.values())
    palette.problems.sort(key=lambda problem: (problem.path not in first, problem))
    for followup in loader.unchecked_problems():
        places = [index for index, problem in enumerate(palette.problems) if problem.path == followup.path]
        cause = palette.problems[places[0]]
        palette.problems.insert(places[-1] + 1, replace(followup, line=cause.line, column=cause.column))
    return palette


def _load_wegwijzer(palette: Palette, loader: _EntryLoader, sources: Sources) -> None:
    """The national wegwijzer and, for each region with its own file, that region's version."""
    if sources.wegwijzer is None or not sources.wegwijzer.exists():
        return
    context = {"vocabularies": palette.vocabularies}
    read = loader._read(sources.wegwijzer, WegwijzerFile, context)
    if read is None or read[2] is None:
        return
    national = (read[2], read[0], loader.texts[read[0]])
    palette.wegwijzer, problems = assemble(national, palette.vocabularies)
    palette.problems.extend(problems)
    for region, folder in sorted(sources.regions.items()):
        path = folder / WEGWIJZER_FILE
        if not path.exists():
            continue
        read = loader._read(path, RegionalWegwijzerFile, context, region=region)
        if read is None or read[2] is None:
            continue
        guide, problems = assemble(national, palette.vocabularies, (read[2], read[0], loader.texts[read[0]], region))
        palette.problems.extend(problem for problem in problems if problem.path == read[0])
        palette.regional_wegwijzers[region] = guide


def _load_change_texts(palette: Palette, loader: _EntryLoader, sources: Sources) -> None:
    """The texts that replace commit subjects: the national file, then each included region's own."""
    paths = [sources.change_texts] + [folder / CHANGE_TEXTS_FILE for _, folder in sorted(sources.regions.items())]
    for path in paths:
        if path is None or not path.exists():
            continue
        read = loader._read(path, ChangeTexts)
        if read is None or read[2] is None:
            continue
        display = read[0]
        for index, item in enumerate(read[2].texts):
            # A shortened id matches every commit it starts; two texts must never claim the same one.
            clash = next((known for known in palette.change_texts if known.startswith(item.commit) or item.commit.startswith(known)), None)
            if clash is not None:
                loader._problem(display, ("teksten", index, "commit"), f"commit {item.commit!r} heeft al een tekst (bij {clash!r}); geef elke commit één tekst")
            else:
                palette.change_texts[item.commit] = item.text


def _review_settings(path: Path, root: Path, problems: list[Problem]) -> ReviewSettings:
    """The review intervals; the defaults when the file is absent or has a problem (which is recorded)."""
    if not path.exists():
        return ReviewSettings()
    display = _display(path, root)
    try:
        text, data = load_yaml(path, display)
        return ReviewSettings.model_validate(data if data is not None else {})
    except YamlFileError as error:
        problems.append(error.problem)
    except ValidationError as error:
        problems.extend(_model_errors(text, display, error, ReviewSettings))
    return ReviewSettings()


def _official_hosts(path: Path, root: Path, problems: list[Problem]) -> set[str]:
    if not path.exists():
        return set()
    display = _display(path, root)
    try:
        text, data = load_yaml(path, display)
        return {source.host for source in TypeAdapter(list[OfficialSource]).validate_python(data or [])}
    except YamlFileError as error:
        problems.append(error.problem)
    except ValidationError as error:
        problems.extend(_model_errors(text, display, error, OfficialSource))
    return set()


def _check_region_folder(palette: Palette, region: str, folder: Path, root: Path) -> None:
    display = _display(folder, root) + "/"
    known = palette.vocabularies.ids("regios")
    if region not in known:
        palette.problems.append(Problem(display, 1, 1, "(map)", f"onbekende regio {region!r}; {_allowed_text(known, region)} (vocabulaire regios)"))
    for child in sorted(folder.iterdir()) if folder.is_dir() else []:
        if child.name not in REGION_PARTS and not child.name.startswith("."):
            allowed = ", ".join(sorted(REGION_PARTS))
            palette.problems.append(Problem(_display(child, root), 1, 1, "(bestand)", f"hoort niet in een regiomap; toegestaan: {allowed}"))
    # A misnamed vocabulary file would be silently ignored: its values would never reach the palette.
    names = [f"{name}.yaml" for name in VOCABULARY_MODELS] + [REGIONAL_CONTACTS_FILE]
    for child in yaml_files(folder / "vocabulaires"):
        if child.name not in names:
            message = f"onbekend vocabulairebestand; {_allowed_text(names, child.name)}"
            palette.problems.append(Problem(_display(child, root), 1, 1, "(bestand)", message))


class _EntryLoader:
    """Validates entry files one by one and remembers what the cross-file checks need."""

    def __init__(self, palette: Palette, root: Path, today: dt.date) -> None:
        self.palette, self.root, self.today = palette, root, today
        self.texts: dict[str, str] = {}
        self.seen: dict[str, list[tuple[str, str | None]]] = {}  # id -> [(display, origin)]
        self.failed: set[str] = set()  # ids (and file names) of entries that exist but could not be loaded
        self.unchecked: dict[str, set[str]] = {}  # vocabulary -> files whose values could not be checked

    def _problem(self, display: str, loc: tuple[Any, ...], message: str) -> None:
        line, column = locate(self.texts[display], loc)
        self.palette.problems.append(Problem(display, line, column, field_name(loc), message))

    def _read(self, path: Path, model: type[BaseModel], context: dict[str, Any] | None = None, region: str | None = None) -> tuple[str, Any, Any] | None:
        """(display, data, valid model or None), with every problem recorded; None when nothing could be read."""
        display, text, data, problem = _parse_file(path, self.root)
        if problem is not None:
            self.palette.problems.append(problem)
            return None
        self.texts[display] = text
        context = {**(context or {}), "unchecked": set()}
        placeholders = list(_find(data, lambda value: isinstance(value, str) and value.strip() == PLACEHOLDER))
        for loc in placeholders:
            message = f"nog niet ingevuld: vervang {PLACEHOLDER!r} uit het sjabloon door de echte waarde"
            self._problem(display, loc, message)
        for loc in _duplicates(data):
            self._problem(display, loc, f"{_short(_at(data, loc))} staat al eerder in deze lijst; noem elke waarde één keer")
        try:
            item = model.model_validate(data, context=context)
        except ValidationError as error:
            # A placeholder explains the model's complaint about the same field; say it once.
            errors = [e for e in _model_errors(text, display, error, model, region) if not any(_within(e.field, field_name(loc)) for loc in placeholders)]
            self.palette.problems.extend(errors)
            return display, data, None
        finally:
            for name in context["unchecked"]:
                self.unchecked.setdefault(name, set()).add(display)
        return display, data, None if placeholders else item

    def unchecked_problems(self) -> list[Problem]:
        """Once per broken vocabulary, at its file: how many files it left unchecked."""
        problems = []
        for name, files in sorted(self.unchecked.items()):
            display = self.palette.vocabularies.unreadable[name]
            count = len(files)
            noun = "bestand" if count == 1 else "bestanden"
            message = f"daardoor zijn de waarden uit vocabulaire {name!r} in {count} {noun} niet gecontroleerd; los eerst dit bestand op"
            problems.append(Problem(display, 1, 1, "(bestand)", message))
        return problems

    def load(self, path: Path, origin: str | None) -> None:
        read = self._read(path, Intervention, {"vocabularies": self.palette.vocabularies}, region=origin)
        if read is None:
            self.failed.add(path.stem)
            return
        display, data, item = read
        if item is None:
            self.failed.add(path.stem)
            if isinstance(data.get("id"), str):
                self.failed.add(data["id"])
                self.seen.setdefault(data["id"], []).append((display, origin))
            return
        self.seen.setdefault(item.id, []).append((display, origin))
        if path.stem != item.id:
            self._problem(display, ("id",), f"id {item.id!r} verschilt van de bestandsnaam; hernoem het bestand naar {item.id}.yaml of pas de id aan")
        if origin is not None and item.regions not in ([], [origin]):
            self._problem(display, ("regios",), f"een interventie van regio {origin!r} geldt alleen daar; laat 'regios' weg of schrijf [{origin}]")
        if item.id not in self.palette.entries:
            self.palette.entries[item.id] = Entry(item, path, display, origin)
        dates = [(("laatst_gecontroleerd",), item.last_reviewed), (("erkenning", "datum"), item.recognition.date)]
        dates += [(("controles", index, "datum"), check.date) for index, check in enumerate(item.checks)]
        for loc, value in dates:
            if value and value > self.today:
                self._problem(display, loc, f"datum {value.isoformat()} ligt in de toekomst (vandaag is {self.today.isoformat()})")

    def report_duplicates(self) -> None:
        for entry_id, places in self.seen.items():
            if len(places) < 2:
                continue
            national = next((display for display, origin in places if origin is None), None)
            nationals = sum(origin is None for _, origin in places)
            for display, origin in places:
                if origin is None and nationals == 1:
                    continue  # a region's id clashes with it: the fix is in the region's file, reported there
                others = ", ".join(other for other, _ in places if other != display)
                if origin is not None and national is not None:
                    message = (
                        f"id {entry_id!r} bestaat al landelijk ({national}); kies een andere id, of vul de landelijke interventie aan "
                        f"in palette/regio/{origin}/aanvullingen/{entry_id}.yaml"
                    )
                elif origin is not None:
                    message = f"id {entry_id!r} bestaat ook in een andere regio ({others}); kies een id met de naam van uw regio erin"
                else:
                    message = f"id {entry_id!r} komt ook voor in {others}; elke id moet uniek zijn"
                self._problem(display, ("id",), message)

    def load_supplement(self, path: Path, region: str) -> None:
        read = self._read(path, RegionalSupplement, region=region)
        if read is None or read[2] is None:
            return
        display, _, supplement = read
        national = [entry_id for entry_id, entry in self.palette.entries.items() if entry.origin is None]
        target = supplement.intervention
        if target in self.failed and target not in national:
            return  # the entry exists but has its own problems; reported there
        if target not in national:
            # After a national update that renamed the entry (vorige_ids), say what it is called now.
            renamed = next((entry_id for entry_id in national if target in self.palette.entries[entry_id].intervention.former_ids), None)
            if renamed is not None:
                message = f"de landelijke interventie {target!r} heet nu {renamed!r}; hernoem dit bestand naar {renamed}.yaml, met 'interventie: {renamed}'"
                self._problem(display, ("interventie",), message)
                return
            suggestion = nearest(target, national)
            hint = f"; bedoel je {suggestion!r}?" if suggestion else ""
            self._problem(display, ("interventie",), f"er is geen landelijke interventie {target!r} om aan te vullen{hint}")
            return
        if path.stem != target:
            self._problem(display, ("interventie",), f"het bestand moet {target}.yaml heten, naar de interventie die het aanvult")
        if supplement.last_reviewed > self.today:
            self._problem(display, ("laatst_gecontroleerd",), f"datum {supplement.last_reviewed.isoformat()} ligt in de toekomst")
        self.palette.supplements.setdefault(target, []).append((region, supplement))


def _check_former_ids(palette: Palette, loader: _EntryLoader) -> None:
    """A former id keeps an old address working, so it may not be an id in use or another entry's former id."""
    owners: dict[str, list[Entry]] = {}
    for entry in palette.entries.values():
        for former in dict.fromkeys(entry.intervention.former_ids):
            owners.setdefault(former, []).append(entry)
    for former, entries in owners.items():
        for entry in entries:
            loc = ("vorige_ids", entry.intervention.former_ids.index(former))
            in_use = loader.seen.get(former, [])
            if in_use:
                message = f"{former!r} is nog de id van {in_use[0][0]}; een vorige id mag geen id zijn die in gebruik is"
            elif len(entries) > 1:
                others = ", ".join(other.display for other in entries if other is not entry)
                message = f"{former!r} staat ook als vorige id in {others}; het oude webadres kan maar naar één pagina doorsturen"
            else:
                palette.former_ids[former] = entry.intervention.id
                continue
            line, column = locate(loader.texts[entry.display], loc)
            palette.problems.append(Problem(entry.display, line, column, field_name(loc), message))


PLACEHOLDER = "..."  # what the template of a new entry leaves in every field still to fill in


def _find(data: Any, test: Any, loc: tuple[Any, ...] = ()) -> Any:
    """Every location in plain YAML data whose value passes `test`."""
    if test(data):
        yield loc
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _find(value, test, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _find(value, test, (*loc, index))


def _at(data: Any, loc: tuple[Any, ...]) -> Any:
    for step in loc:
        data = data[step]
    return data


def _duplicates(data: Any) -> list[tuple[Any, ...]]:
    """The location of every value that repeats an earlier one in the same list (it would count twice)."""
    found = []
    for loc in _find(data, lambda value: isinstance(value, list)):
        seen: set[str] = set()
        for index, value in enumerate(_at(data, loc)):
            key = repr(value)
            if key in seen:
                found.append((*loc, index))
            seen.add(key)
    return found


def _within(field: str, parent: str) -> bool:
    return field == parent or field.startswith((parent + ".", parent + "["))


def _check_references(palette: Palette, texts: dict[str, str], failed: set[str]) -> None:
    known = list(palette.entries)
    for entry in palette.entries.values():
        text = texts[entry.display]
        reported: set[tuple[str, str]] = set()
        for alias, target in entry.intervention.all_relations():
            if (alias, target) in reported:
                continue  # a repeated target is reported as a duplicate, not again as missing
            reported.add((alias, target))
            loc: tuple[Any, ...] = tuple(alias.split("."))
            if len(loc) > 1:
                loc += (getattr(entry.intervention.relations, _attr(alias)).index(target),)
            if target == entry.intervention.id:
                message = "een interventie kan niet naar zichzelf verwijzen"
            elif target not in palette.entries and target in failed:
                continue  # the target's file has its own problems; one message there is enough
            elif target in palette.former_ids:
                message = f"{target!r} heet nu {palette.former_ids[target]!r}; verwijs naar de nieuwe id"
            elif target not in palette.entries:
                suggestion = nearest(target, known)
                message = f"verwijst naar {target!r}, maar die interventie bestaat niet" + (f"; bedoel je {suggestion!r}?" if suggestion else "")
            elif palette.entries[target].origin not in (None, entry.origin):
                message = f"verwijst naar {target!r} van regio {palette.entries[target].origin!r}; verwijs alleen naar landelijke of eigen interventies"
            else:
                continue
            line, column = locate(text, loc)
            palette.problems.append(Problem(entry.display, line, column, field_name(loc), message))

    # Parent cycles: follow each chain; report once per cycle, at its members.
    reported: set[str] = set()
    for start in palette.entries:
        chain, current = [], start
        while current in palette.entries and current not in chain:
            chain.append(current)
            current = palette.entries[current].intervention.parent
        if current in chain:
            cycle = chain[chain.index(current) :]
            if not reported.intersection(cycle):
                reported.update(cycle)
                for member in cycle:
                    entry = palette.entries[member]
                    line, column = locate(texts[entry.display], ("onderdeel_van",))
                    path_text = " → ".join(cycle[cycle.index(member) :] + cycle[: cycle.index(member)] + [member])
                    palette.problems.append(Problem(entry.display, line, column, "onderdeel_van", f"kringverwijzing: {path_text}"))


def _attr(alias: str) -> str:
    from .models import Relations

    key = alias.split(".")[-1]
    return next(name for name, info in Relations.model_fields.items() if info.alias == key)
