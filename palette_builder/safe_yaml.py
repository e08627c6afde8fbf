"""Strict, safe YAML reading with located errors.

Palette files are small and plain: no anchors or aliases (they make alias bombs possible and are never
needed here), no tags beyond plain YAML, no duplicate keys, UTF-8 only.
"""

from __future__ import annotations

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
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"


class YamlFileError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _fail(path: str, line: int, column: int, message: str) -> YamlFileError:
    return YamlFileError(Problem(path, line, column, "(bestand)", message))


def read_text(path: Path, display: str) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _fail(display, 1, 1, f"bestand is te groot ({size} bytes); hoogstens {MAX_FILE_BYTES} bytes toegestaan")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise _fail(display, line, column, f"geen geldige UTF-8-tekst (byte 0x{raw[error.start]:02x}); sla het bestand op als UTF-8") from None


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _StrictLoader(_Loader):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a key that appears twice in one mapping (PyYAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.value in seen:
                raise _DuplicateKey(problem=f"het veld {key_node.value!r} staat twee keer in dezelfde groep", problem_mark=key_node.start_mark)
            seen.add(key_node.value)
        return super().construct_mapping(node, deep)


def _refuse_anchors(text: str, display: str) -> None:
    """Anchors and aliases make alias bombs possible and are never needed in the palette."""
    if "&" not in text and "*" not in text:  # cheap: most files have neither character
        return
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise _fail(display, mark.line + 1, mark.column + 1, "ankers en aliassen (& en *) zijn niet toegestaan; schrijf de waarde uit")


def load_yaml(path: Path, display: str) -> tuple[str, Any]:
    """Return the text and plain data of one YAML file, or raise YamlFileError with a located message."""
    text = read_text(path, display)
    try:
        _refuse_anchors(text, display)
        return text, yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader
    except _DuplicateKey as error:
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
    except yaml.YAMLError as error:
        raise _fail(display, 1, 1, f"geen geldige YAML: {error}") from None


def locate(text: str, loc: tuple[Any, ...]) -> tuple[int, int]:
    """Line and column (1-based) of the node at `loc` in the document; the nearest existing parent if absent."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
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
