"""Strict, safe YAML reading with located errors.

Palette files are small and plain: no anchors or aliases (they make alias bombs possible and are never
needed here), no tags beyond plain YAML, no duplicate keys, UTF-8 only.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 256 * 1024
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in a palette file."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        # One problem, one line: a key or value from the file may hold a line break.
        field, message = (" ".join(text.split()) for text in (self.field, self.message))
        return f"{self.path}:{self.line}:{self.column}: {field}: {message}"


class YamlFileError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _fail(path: str, line: int, column: int, message: str) -> YamlFileError:
    return YamlFileError(Problem(path, line, column, "(bestand)", message))


def read_text(path: Path, display: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _fail(display, 1, 1, f"bestand is te groot ({size} bytes); hoogstens {MAX_FILE_BYTES} bytes toegestaan")
        raw = path.read_bytes()
    except OSError as error:  # a folder with a .yaml name, a file without read permission, ...
        raise _fail(display, 1, 1, f"het bestand kan niet worden gelezen ({error.strerror or error})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise _fail(display, line, column, f"geen geldige UTF-8-tekst (byte 0x{raw[error.start]:02x}); sla het bestand op als UTF-8") from None


class _LocatedProblem(yaml.MarkedYAMLError):
    """A located problem of our own, with a Dutch message."""


class _StrictLoader(_Loader):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a key that appears twice in one mapping (PyYAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):  # `? [a, b]` or `? {a: b}`: never a field name
                raise _LocatedProblem(problem="een veldnaam moet gewone tekst zijn, geen lijst of groep", problem_mark=key_node.start_mark)
            if key_node.value in seen:
                raise _LocatedProblem(problem=f"het veld {key_node.value!r} staat twee keer in dezelfde groep", problem_mark=key_node.start_mark)
            seen.add(key_node.value)
        return super().construct_mapping(node, deep)


def _construct_int(loader: _StrictLoader, node: yaml.ScalarNode) -> int:
    try:
        return loader.construct_yaml_int(node)
    except ValueError:  # Python refuses to convert numbers of thousands of digits
        raise _LocatedProblem(problem="dit getal is te lang; zet een lange reeks cijfers tussen aanhalingstekens", problem_mark=node.start_mark) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
# Dates stay text here: the models parse them, so an impossible date such as 2024-02-30 becomes a located
# field error instead of an exception in the YAML library.
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _refuse_anchors(text: str, display: str) -> None:
    """Anchors and aliases make alias bombs possible and are never needed in the palette."""
    if "&" not in text and "*" not in text:  # cheap: most files have neither character
        return
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise _fail(display, mark.line + 1, mark.column + 1, "ankers en aliassen (& en *) zijn niet toegestaan; schrijf de waarde uit")


MAX_DEPTH = 20  # palette files nest a few levels; far deeper nesting is a mistake and would exhaust the stack


def _depth(data: Any) -> int:
    """How deeply lists and groups nest (without recursion, so any depth is safe to measure)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


# While serving, the data of each file as last parsed (display -> (text, data)): a reload after one edit
# parses only the file whose text changed. Off for a single build, where every file is parsed once anyway.
_parsed: dict[str, tuple[str, Any]] | None = None


def remember_parsed_files() -> None:
    """Keep parsed data between loads in this process (`serve`)."""
    global _parsed
    if _parsed is None:
        _parsed = {}


def load_yaml(path: Path, display: str) -> tuple[str, Any]:
    """Return the text and plain data of one YAML file, or raise YamlFileError with a located message."""
    text = read_text(path, display)
    known = _parsed.get(display) if _parsed is not None else None
    if known is not None and known[0] == text:
        return text, copy.deepcopy(known[1])  # a copy: nothing a caller does can change the remembered data
    try:
        _refuse_anchors(text, display)
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader
        if _depth(data) > MAX_DEPTH:
            raise _fail(display, 1, 1, f"lijsten en groepen zijn te diep genest (meer dan {MAX_DEPTH} niveaus)")
        if _parsed is not None:
            _parsed[display] = (text, copy.deepcopy(data))
        return text, data
    except _LocatedProblem as error:
        mark = error.problem_mark
        raise _fail(display, mark.line + 1, mark.column + 1, str(error.problem)) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (error.problem or str(error)).strip()
        if "could not determine a constructor for the tag" in problem:
            message = f"YAML-tag {problem.split('tag', 1)[1].strip()} is niet toegestaan; gebruik alleen gewone tekst, getallen, lijsten en datums"
        else:
            message = f"geen geldige YAML: {problem}"
        raise _fail(display, line, column, message) from None
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        character = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
        message = f"het onzichtbare teken U+{character:04X} mag niet in een YAML-bestand staan; verwijder het"
        raise _fail(display, line, column, message) from None
    except yaml.YAMLError as error:
        raise _fail(display, 1, 1, f"geen geldige YAML: {error}") from None


@functools.lru_cache(maxsize=16)
def _compose(text: str) -> yaml.Node | None:
    """The node tree of a document, kept for the next problem in the same file."""
    return yaml.compose(text, Loader=_Loader)


def locate(text: str, loc: tuple[Any, ...]) -> tuple[int, int]:
    """Line and column (1-based) of the node at `loc` in the document; the nearest existing parent if absent."""
    node = _compose(text)
    if node is None:
        return 1, 1
    mark = node.start_mark
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((key, value) for key, value in node.value if key.value == step), None)
            if match is None:
                break
            mark = match[0].start_mark
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1
