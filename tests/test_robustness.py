"""No input of any kind gives a traceback: arbitrary bytes and YAML documents get a located message or pass."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_palette import main

from .conftest import FIXTURE

LOCATED = re.compile(r"^(?P<path>[^:\n]+):\d+:\d+: [^\n]+: [^\n]+$")
ENGLISH = re.compile(r"Input should|Field required|Value error|Keys should|Extra inputs|String should|List should")
SUMMARY = re.compile(r"^\d+ (probleem|problemen) in \d+ (bestand|bestanden)\.$")
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
VALID = yaml.safe_load((FIXTURE / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml").read_text(encoding="utf-8"))

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text, st.dates())
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(text, st.integers(), st.booleans(), st.none(), st.dates()), children, max_size=4),
    ),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "palette" / "landelijk").mkdir(parents=True)
    shutil.copytree(FIXTURE / "palette" / "vocabulaires", root / "palette" / "vocabulaires")
    shutil.copy(FIXTURE / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml", root / "palette" / "landelijk")
    return root


def run(root: Path, *args: str) -> tuple[int, list[str]]:
    """Run the command line in-process; any exception fails the test with its traceback."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--root", str(root), *args])
        except SystemExit as exit_:  # the command line's own usage message, e.g. for an id that starts with '-'
            code = exit_.code if isinstance(exit_.code, int) else 2
            assert code == 2 and "usage:" in err.getvalue(), err.getvalue()
    return code, err.getvalue().splitlines()


def assert_located_or_ok(code: int, lines: list[str], relative: str) -> None:
    assert code in (0, 1), lines
    if code == 0:
        return
    problems = [line for line in lines if not SUMMARY.match(line)]
    assert problems and SUMMARY.match(lines[-1]), lines
    assert all(LOCATED.match(line) for line in problems), problems
    # The models' messages are Dutch (the YAML library's own syntax messages are quoted as they are).
    assert not [line for line in problems if ENGLISH.search(line) and "geen geldige YAML" not in line], problems
    assert any(line.startswith(f"{relative}:") for line in problems), problems


def dump(document: object) -> bytes:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")


@pytest.mark.slow
@FUZZ
@given(content=st.binary(max_size=400))
def test_arbitrary_bytes_as_an_entry(root: Path, content: bytes) -> None:
    relative = "palette/landelijk/fuzz.yaml"
    (root / relative).write_bytes(content)
    try:
        assert_located_or_ok(*run(root, "check"), relative)
    finally:
        (root / relative).unlink()


@pytest.mark.slow
@FUZZ
@given(document=documents)
def test_arbitrary_yaml_document_as_an_entry(root: Path, document: object) -> None:
    relative = "palette/landelijk/fuzz.yaml"
    (root / relative).write_bytes(dump(document))
    try:
        assert_located_or_ok(*run(root, "check"), relative)
    finally:
        (root / relative).unlink()


@pytest.mark.slow
@FUZZ
@given(key=st.sampled_from(sorted(VALID)), value=documents, extra=st.sampled_from(["", "rollen", "erkenning", "doelgroepen"]))
def test_valid_entry_with_one_field_replaced(root: Path, key: str, value: object, extra: str) -> None:
    """Close to a real entry, so the values reach the models' deeper checks and every message path."""
    data = {**VALID, "id": "fuzz"}
    if extra and isinstance(value, dict):
        data[extra] = value  # a nested group with arbitrary fields
    else:
        data[key] = value
    relative = "palette/landelijk/fuzz.yaml"
    (root / relative).write_bytes(dump(data))
    try:
        code, lines = run(root, "check")
        assert_located_or_ok(code, lines, relative)
        # What passes check also renders: generate writes the pages of a valid palette.
        assert run(root, "generate")[0] == code
    finally:
        (root / relative).unlink()


def test_vocabulary_file_that_cannot_be_read_is_located(root: Path, tmp_path: Path) -> None:
    broken = tmp_path / "project"
    shutil.copytree(root, broken)
    (broken / "palette" / "vocabulaires" / "partners.yaml").unlink()
    (broken / "palette" / "vocabulaires" / "partners.yaml").mkdir()  # a folder where the file should be
    code, lines = run(broken, "check")
    assert code == 1 and lines[0].startswith("palette/vocabulaires/partners.yaml:1:1: (bestand): het bestand kan niet worden gelezen"), lines


@pytest.mark.slow
@FUZZ
@given(document=documents, name=st.sampled_from(["partners", "fasen", "wetten", "momenten"]), entry_id=text)
def test_arbitrary_vocabulary_for_check_schema_and_new(tmp_path_factory: pytest.TempPathFactory, document: object, name: str, entry_id: str) -> None:
    root = tmp_path_factory.mktemp("vocab")
    (root / "palette" / "landelijk").mkdir(parents=True)
    shutil.copytree(FIXTURE / "palette" / "vocabulaires", root / "palette" / "vocabulaires")
    shutil.copy(FIXTURE / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml", root / "palette" / "landelijk")
    relative = f"palette/vocabulaires/{name}.yaml"
    (root / relative).write_bytes(dump(document))
    code, lines = run(root, "check")
    assert_located_or_ok(code, lines, relative)
    schema_code, _ = run(root, "schema")
    assert schema_code in (0, 1)
    new_code, _ = run(root, "new", entry_id or "x")
    assert new_code in (0, 1, 2)
    shutil.rmtree(root)
