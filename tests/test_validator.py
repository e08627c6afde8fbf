"""The validator reports every problem in bad files, located as file:line:col: field: message."""

from __future__ import annotations

import re
import subprocess
import sys
from copy import deepcopy
from pathlib import Path

import pytest

from build_palette import main

from .conftest import FIXTURE, REPO

# A frozen valid entry, so that editing the live tijdelijk-huisverbod.yaml never breaks these cases.
VALID = (REPO / "tests" / "fixtures" / "tijdelijk-huisverbod.yaml").read_text(encoding="utf-8")


def variant(entry_id: str, replacements: dict[str, str] | None = None) -> str:
    text = VALID.replace("id: tijdelijk-huisverbod", f"id: {entry_id}")
    text = text.replace("afkortingen: [THV]", "afkortingen: []")  # a shared abbreviation is a problem of its own (test_sharing.py)
    for old, new in (replacements or {}).items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def run_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "check"])
    return code, capsys.readouterr().err.splitlines()


def problems_for(lines: list[str], file_name: str) -> list[str]:
    return [line for line in lines if line.startswith(f"palette/landelijk/{file_name}:")]


# name -> (file name, content (str or bytes), expected line, expected field, words the message must contain)
BROKEN: dict[str, tuple[str, str | bytes, int, str, list[str]]] = {}
# rule code (models.RULES) -> the cases that break it
BROKEN_RULES: dict[str, list[str]] = {}


def case(name: str, file_name: str, content: str | bytes, line: int, field: str, words: list[str], rule: str | None = None) -> None:
    BROKEN[name] = (file_name, content, line, field, words)
    if rule:
        BROKEN_RULES.setdefault(rule, []).append(name)


_wrong_type = variant("wrong-type", {"fasen: [veiligheid-acuut]": "fasen: veiligheid-acuut"})
case("wrong type", "wrong-type.yaml", _wrong_type, line_of(_wrong_type, "fasen:"), "fasen", ["lijst"])
_number = variant("number-article", {'artikel: "9"': "artikel: 9"})
case("number for text", "number-article.yaml", _number, line_of(_number, "artikel: 9"), "wettelijke_grondslag[1].artikel", ["tekst", "aanhalingstekens"])
_typo = variant("vocab-typo", {"domein: bestuursrecht": "domein: bestuurs-recht"})
case("unknown vocabulary value", "vocab-typo.yaml", _typo, line_of(_typo, "domein:"), "domein", ["bestuurs-recht", "toegestaan", "bedoel je 'bestuursrecht'"])
_partner = variant("partner-typo", {"beslist: [burgemeester]": "beslist: [burgemeestr]"})
case("unknown partner", "partner-typo.yaml", _partner, line_of(_partner, "beslist:"), "rollen.beslist[0]", ["burgemeestr", "bedoel je 'burgemeester'"])
_enum = variant("enum-typo", {"status: te-controleren": "status: gecontroleert"})
case("enum near miss", "enum-typo.yaml", _enum, line_of(_enum, "status: gecontroleert"), "status", ["gecontroleert", "bedoel je 'gecontroleerd'"])
_key = variant("key-typo", {"samenvatting:": "samenvating:"})
case("unknown field", "key-typo.yaml", _key, line_of(_key, "samenvating:"), "samenvating", ["onbekend veld", "bedoel je 'samenvatting'"])
_missing = variant("missing-field", {"doel: >-\n  Direct een einde maken aan een dreigende situatie in huis en ruimte maken om hulp te starten.\n": ""})
case("missing required field", "missing-field.yaml", _missing, 2, "doel", ["verplicht"])
_answer = variant(
    "answer-without-short",
    {
        "momenten: [samen-op-in-acuut, actieoverleg]": "momenten: [samen-op-in-acuut, actieoverleg]\n"
        "bezwaar_en_beroep:\n  uitleg: Beroep bij de bestuursrechter."
    },
)
case(
    "answer without its short answer",
    "answer-without-short.yaml",
    _answer,
    line_of(_answer, "bezwaar_en_beroep:"),
    "bezwaar_en_beroep.kort",
    ["verplicht"],
    rule="answer_empty",
)
_not_applicable = variant(
    "violation-typo", {"momenten: [samen-op-in-acuut, actieoverleg]": "momenten: [samen-op-in-acuut, actieoverleg]\nbij_overtreding: nvt"}
)
case(
    "violation neither an answer nor not applicable",
    "violation-typo.yaml",
    _not_applicable,
    line_of(_not_applicable, "bij_overtreding:"),
    "bij_overtreding",
    ["'nvt'", "niet-van-toepassing", "kort"],
    rule="answer_empty",
)
_TERMS = "momenten: [samen-op-in-acuut, actieoverleg]\ntermijnen:\n  - wat: Huisverbod\n    soort: looptijd\n"
_unit = variant("term-unit", {"momenten: [samen-op-in-acuut, actieoverleg]": _TERMS + "    duur: {aantal: 10, eenheid: dag}"})
case(
    "term in an unknown unit",
    "term-unit.yaml",
    _unit,
    line_of(_unit, "eenheid: dag"),
    "termijnen[0].duur.eenheid",
    ["'dag'", "uren, dagen", "bedoel je 'dagen'"],
)
_zero = variant("term-zero", {"momenten: [samen-op-in-acuut, actieoverleg]": _TERMS + "    duur: {aantal: 0, eenheid: dagen}"})
case("term of zero days", "term-zero.yaml", _zero, line_of(_zero, "aantal: 0"), "termijnen[0].duur.aantal", ["minstens 1", "0"])
_negative = variant("term-negative", {"momenten: [samen-op-in-acuut, actieoverleg]": _TERMS + "    duur: {aantal: -3, eenheid: weken}"})
case("term of minus three weeks", "term-negative.yaml", _negative, line_of(_negative, "aantal: -3"), "termijnen[0].duur.aantal", ["minstens 1", "-3"])
_short_max = variant(
    "term-maximum",
    {"momenten: [samen-op-in-acuut, actieoverleg]": _TERMS + "    duur: {aantal: 10, eenheid: dagen}\n    maximum: {aantal: 1, eenheid: weken}"},
)
case(
    "overall maximum shorter than the first term",
    "term-maximum.yaml",
    _short_max,
    line_of(_short_max, "- wat: Huisverbod"),
    "termijnen[0]",
    ["maximum (1 week)", "is korter dan de eerste duur", "(10 dagen)"],
    rule="term_maximum",
)
_kind = variant("term-kind", {"momenten: [samen-op-in-acuut, actieoverleg]": _TERMS.replace("looptijd", "werkuren") + "    duur: {aantal: 10, eenheid: dagen}"})
case(
    "hours of work given as a duration",
    "term-kind.yaml",
    _kind,
    line_of(_kind, "- wat: Huisverbod"),
    "termijnen[0]",
    ["bij een termijn van soort", "'werkuren'", "geen 'duur'"],
    rule="term_fields",
)
_no_span = variant("term-no-span", {"momenten: [samen-op-in-acuut, actieoverleg]": _TERMS})
case(
    "a term that lasts without a duration",
    "term-no-span.yaml",
    _no_span,
    line_of(_no_span, "- wat: Huisverbod"),
    "termijnen[0]",
    ["bij een termijn van soort", "'looptijd'", "hoort 'duur'"],
    rule="term_fields",
)
_version = variant(
    "check-without-version",
    {
        "status: te-controleren": "status: gecontroleerd\ncontroles:\n  - wat: Artikel 2\n"
        "    bron: https://wetten.overheid.nl/jci1.3:c:BWBR0024649&artikel=2\n    datum: 2026-11-29\n    wet: wth\n    artikel: '2'\n"
    },
)
case(
    "checked article without its version",
    "check-without-version.yaml",
    _version,
    line_of(_version, "- wat: Artikel 2"),
    "controles[0]",
    ["versie", "geldt"],
    rule="check_article_version",
)
case("id differs from file name", "other-name.yaml", variant("not-the-file-name"), 2, "id", ["bestandsnaam", "not-the-file-name"], rule="id_is_file_name")
_parent = variant("dangling-parent", {"soort: wettelijke-maatregel": "soort: wettelijke-maatregel\nonderdeel_van: bestaat-niet"})
case(
    "dangling parent",
    "dangling-parent.yaml",
    _parent,
    line_of(_parent, "onderdeel_van"),
    "onderdeel_van",
    ["bestaat-niet", "bestaat niet"],
    rule="references_exist",
)
_relation = variant("dangling-relation", {"combineerbaar_met: []": "combineerbaar_met: [tijdelijk-huisverbd]"})
case(
    "dangling relation",
    "dangling-relation.yaml",
    _relation,
    line_of(_relation, "combineerbaar_met"),
    "relaties.combineerbaar_met[0]",
    ["bedoel je 'tijdelijk-huisverbod'"],
)
_future = variant("future-date", {"laatst_gecontroleerd: 2026-11-28": "laatst_gecontroleerd: 2999-01-01"})
case("date in the future", "future-date.yaml", _future, line_of(_future, "laatst_gecontroleerd"), "laatst_gecontroleerd", ["toekomst"], rule="dates_real")
case("malformed YAML", "malformed.yaml", "id: malformed\nnaam: [open lijst\nsoort: programma\n", 3, "(bestand)", ["geen geldige YAML"])
case("empty file", "empty.yaml", "", 1, "(bestand)", ["leeg"])
case("non-UTF-8", "latin1.yaml", "id: latin1\nnaam: Beëindiging\n".encode("latin-1"), 2, "(bestand)", ["UTF-8"], rule="plain_yaml")
case(
    "python tag",
    "python-tag.yaml",
    "id: python-tag\nnaam: !!python/object/apply:os.system ['echo hacked']\n",
    2,
    "(bestand)",
    ["tag", "niet toegestaan"],
    rule="plain_yaml",
)
_bomb = "id: bomb\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
case("alias bomb", "bomb.yaml", _bomb, 2, "(bestand)", ["ankers en aliassen"], rule="plain_yaml")
case("duplicate key", "duplicate-key.yaml", variant("duplicate-key") + "naam: Nog een naam\n", len(VALID.splitlines()) + 1, "(bestand)", ["twee keer", "naam"])
case("huge file", "huge.yaml", "id: huge\nbeschrijving: '" + "x" * 300_000 + "'\n", 1, "(bestand)", ["te groot"], rule="plain_yaml")
_impossible = variant("impossible-date", {"laatst_gecontroleerd: 2026-11-28": "laatst_gecontroleerd: 2024-02-30"})
case(
    "impossible date",
    "impossible-date.yaml",
    _impossible,
    line_of(_impossible, "2024-02-30"),
    "laatst_gecontroleerd",
    ["datum bestaat niet", "2024-02-30"],
    rule="dates_real",
)
case("complex key", "complex-key.yaml", "id: complex-key\n? [a, b]\n: c\n", 2, "(bestand)", ["veldnaam", "gewone tekst"])
_twice = variant("listed-twice", {"fasen: [veiligheid-acuut]": "fasen: [veiligheid-acuut, veiligheid-acuut]"})
case(
    "duplicate list value",
    "listed-twice.yaml",
    _twice,
    line_of(_twice, "fasen:"),
    "fasen[1]",
    ["'veiligheid-acuut'", "staat al eerder"],
    rule="list_values_unique",
)
_placeholder = variant("placeholder")
_placeholder = _placeholder[: _placeholder.index("beschrijving:")] + "beschrijving: |-\n  ...\n" + _placeholder[_placeholder.index("doel:") :]
case(
    "placeholder left in",
    "placeholder.yaml",
    _placeholder,
    line_of(_placeholder, "beschrijving:"),
    "beschrijving",
    ["nog niet ingevuld", "'...'"],
    rule="placeholders_filled",
)
_role = variant("placeholder-role", {"voert_uit: [politie, veilig-thuis, gemeente]": 'voert_uit: ["..."]'})
case("placeholder role", "placeholder-role.yaml", _role, line_of(_role, "voert_uit:"), "rollen.voert_uit[0]", ["nog niet ingevuld"])
case("deep nesting", "deep.yaml", "id: deep\nnaam: " + "[" * 500 + "]" * 500 + "\n", 1, "(bestand)", ["te diep genest"], rule="plain_yaml")
case("very long number", "long-number.yaml", "id: long-number\nnaam: " + "1" * 5000 + "\n", 2, "(bestand)", ["getal is te lang"])
case("very long hexadecimal number", "long-hex.yaml", "id: long-hex\nnaam: 0x" + "f" * 5000 + "\n", 2, "naam", ["moet tekst zijn", "heel lang getal"])
case("not a mapping", "a-list.yaml", "- id: a-list\n", 1, "(bestand)", ["groep velden"])
_CHECK = "controles:\n  - wat: artikel 2 en 9\n    bron: {url}\n    datum: {date}\n"
_HUISVERBOD_ART2 = "https://wetten.overheid.nl/jci1.3:c:BWBR0024649&artikel=2"
_check_future = variant("check-future") + _CHECK.format(url=_HUISVERBOD_ART2, date="2999-01-01")
case("check dated in the future", "check-future.yaml", _check_future, line_of(_check_future, "datum: 2999"), "controles[0].datum", ["toekomst"])
_check_unlisted = variant("check-unlisted") + _CHECK.format(url="https://example.org/elders", date="2026-01-01")
case(
    "check against an unlisted source",
    "check-unlisted.yaml",
    _check_unlisted,
    2,
    "(bestand)",
    ["bronnen", "https://example.org/elders"],
    rule="check_source_unlisted",
)
_reviewed_unchecked = variant("reviewed-unchecked").replace("status: te-controleren", "status: gecontroleerd")
case("reviewed without checks", "reviewed-unchecked.yaml", _reviewed_unchecked, 2, "(bestand)", ["gecontroleerd", "controles"], rule="checks_missing")

_recognised_law = variant("recognised-law", {"status: niet-van-toepassing": "status: niet-gevonden"})
case(
    "legal measure with a recognition",
    "recognised-law.yaml",
    _recognised_law,
    2,
    "(bestand)",
    ["wettelijke maatregel", "niet-van-toepassing"],
    rule="recognition_legal",
)
_unlinked = variant("unlinked-listing", {"status: niet-van-toepassing": "status: opgenomen-in-databank"})
case(
    "listed without databank",
    "unlinked-listing.yaml",
    _unlinked,
    line_of(_unlinked, "erkenning:"),
    "erkenning",
    ["databank", "url"],
    rule="recognition_link_missing",
)
_no_note = re.sub(r"^controle_notitie:.*?(?=^\S|\Z)", "", variant("no-review-note"), flags=re.MULTILINE | re.DOTALL)
case("review status without a note", "no-review-note.yaml", _no_note, 2, "(bestand)", ["controle_notitie"], rule="review_note_missing")
_ages = variant("ages-reversed", {"leeftijd_vanaf: 18": "leeftijd_vanaf: 18\n    leeftijd_tot: 12"})
case("ages reversed", "ages-reversed.yaml", _ages, line_of(_ages, "groep: pleger"), "doelgroepen[0]", ["leeftijd_vanaf", "leeftijd_tot"], rule="ages_order")


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_file_gives_located_message(name: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file_name, content, line, field, words = BROKEN[name]
    target = project / "palette" / "landelijk" / file_name
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    code, lines = run_check(project, capsys)

    assert code == 1
    mine = problems_for(lines, file_name)
    assert mine, f"no problem reported for {file_name}: {lines}"
    located = [p for p in mine if re.match(rf"palette/landelijk/{re.escape(file_name)}:{line}:\d+: {re.escape(field)}: ", p)]
    assert located, f"expected line {line} field {field!r}, got {mine}"
    assert all(word in located[0] for word in words), located[0]


def test_all_problems_are_reported_in_one_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for file_name, content, *_ in BROKEN.values():
        (project / "palette" / "landelijk" / file_name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    code, lines = run_check(project, capsys)

    assert code == 1
    for file_name, *_ in BROKEN.values():
        assert problems_for(lines, file_name), file_name
    assert not problems_for(lines, "tijdelijk-huisverbod.yaml")


def test_duplicate_id_is_reported_in_both_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sub = project / "palette" / "landelijk" / "copy.yaml"
    sub.write_text(VALID, encoding="utf-8")

    code, lines = run_check(project, capsys)

    assert code == 1
    for file_name in ("copy.yaml", "tijdelijk-huisverbod.yaml"):
        assert any(": id: " in p and "uniek" in p for p in problems_for(lines, file_name)), lines


def test_parent_cycle_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project / "palette" / "landelijk"
    for me, parent in (("kring-a", "kring-b"), ("kring-b", "kring-a")):
        (folder / f"{me}.yaml").write_text(
            variant(me, {"soort: wettelijke-maatregel": f"soort: wettelijke-maatregel\nonderdeel_van: {parent}"}), encoding="utf-8"
        )

    code, lines = run_check(project, capsys)

    assert code == 1
    for me in ("kring-a", "kring-b"):
        found = problems_for(lines, f"{me}.yaml")
        assert any(": onderdeel_van: kringverwijzing" in p for p in found), found


def test_legal_measure_needs_law_and_article(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = variant("no-law")
    start, end = text.index("wettelijke_grondslag:"), text.index("duur:")
    (project / "palette" / "landelijk" / "no-law.yaml").write_text(text[:start] + text[end:], encoding="utf-8")

    code, lines = run_check(project, capsys)

    assert code == 1
    assert any("wettelijke_grondslag" in p and "wet en artikel" in p for p in problems_for(lines, "no-law.yaml")), lines


def test_valid_palette_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run_check(project, capsys)
    assert code == 0, lines


def test_command_line_gives_no_traceback(project: Path) -> None:
    for file_name, content, *_ in BROKEN.values():
        (project / "palette" / "landelijk" / file_name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    result = subprocess.run([sys.executable, str(REPO / "build_palette.py"), "--root", str(project), "check"], capture_output=True, text=True, check=False)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(rf"\n\d+ problemen in {len(BROKEN)} bestanden\.\n$", result.stderr), result.stderr[-300:]


@pytest.mark.parametrize(("files", "summary"), [(1, "1 probleem in 1 bestand."), (2, "2 problemen in 2 bestanden.")])
def test_summary_is_proper_dutch(files: int, summary: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for number in range(files):
        (project / "palette" / "landelijk" / f"leeg-{number}.yaml").write_text("", encoding="utf-8")
    code, lines = run_check(project, capsys)
    assert code == 1 and lines[-1] == summary, lines


def test_broken_vocabulary_gives_located_message(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    laws = project / "palette" / "vocabulaires" / "wetten.yaml"
    text = laws.read_text(encoding="utf-8").replace("bwb: BWBR0001854", "bwb: BWB123")
    laws.write_text(text, encoding="utf-8")

    code, lines = run_check(project, capsys)

    assert code == 1
    expected_line = line_of(text, "bwb: BWB123")
    assert any(re.match(rf"palette/vocabulaires/wetten\.yaml:{expected_line}:\d+: \[0\]\.bwb: verwacht een BWB-code", line) for line in lines), lines


def test_broken_vocabulary_is_reported_first_and_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One syntax error in a vocabulary: that error leads, and the values that could not be checked are counted once."""
    (project / "palette" / "landelijk" / "tweede.yaml").write_text(variant("tweede"), encoding="utf-8")
    partners = project / "palette" / "vocabulaires" / "partners.yaml"
    text = partners.read_text(encoding="utf-8").replace("- id: politie", "- id: [politie", 1)
    partners.write_text(text, encoding="utf-8")

    code, lines = run_check(project, capsys)

    assert code == 1
    assert re.match(r"palette/vocabulaires/partners\.yaml:\d+:\d+: \(bestand\): geen geldige YAML", lines[0]), lines
    assert not [line for line in lines if "onbekende waarde" in line], lines
    counted = [line for line in lines if "niet gecontroleerd" in line]
    assert len(counted) == 1 and "'partners' in 2 bestanden" in counted[0], lines
    assert lines[-1] == "2 problemen in 1 bestand."


@pytest.mark.parametrize("broken", ["id: kapot\nnaam: [open lijst\n", "id: kapot\nnaam: Kapot\n"])
def test_entry_that_fails_to_load_is_not_reported_again_where_it_is_referred_to(broken: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project / "palette" / "landelijk"
    (folder / "kapot.yaml").write_text(broken, encoding="utf-8")
    (folder / "verwijzer.yaml").write_text(variant("verwijzer", {"combineerbaar_met: []": "combineerbaar_met: [kapot]"}), encoding="utf-8")

    code, lines = run_check(project, capsys)

    assert code == 1 and problems_for(lines, "kapot.yaml")
    assert problems_for(lines, "verwijzer.yaml") == [], lines


def test_schema_is_not_written_from_a_broken_vocabulary(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "schema"]) == 0
    schema = project / "palette" / "schema" / "interventie.schema.json"
    good = schema.read_bytes()
    partners = project / "palette" / "vocabulaires" / "partners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("- id: politie", "- id: [politie", 1), encoding="utf-8")
    capsys.readouterr()

    assert main(["--root", str(project), "schema"]) == 1

    err = capsys.readouterr().err
    assert re.match(r"palette/vocabulaires/partners\.yaml:\d+:\d+: ", err) and "niet geschreven" in err, err
    assert schema.read_bytes() == good


def test_failed_schema_write_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "palette" / "schema" / "interventie.schema.json").mkdir(parents=True)  # a folder where the file goes

    assert main(["--root", str(project), "schema"]) == 1

    err = capsys.readouterr().err
    assert "kon niet worden geschreven naar palette/schema/interventie.schema.json" in err and "Traceback" not in err, err


def test_repeated_bad_relation_target_is_reported_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = variant("twice-missing", {"combineerbaar_met: []": "combineerbaar_met: [bestaat-niet, bestaat-niet]"})
    (project / "palette" / "landelijk" / "twice-missing.yaml").write_text(text, encoding="utf-8")

    code, lines = run_check(project, capsys)

    mine = problems_for(lines, "twice-missing.yaml")
    assert code == 1
    assert len([line for line in mine if "bestaat niet" in line]) == 1, mine
    assert any(": relaties.combineerbaar_met[1]: 'bestaat-niet' staat al eerder" in line for line in mine), mine


def test_every_pattern_in_the_models_has_a_message() -> None:
    """A pattern without a message would show the editor a raw regular expression."""
    from palette_builder.models import PATTERN_MESSAGES, Intervention, RegionalSupplement
    from palette_builder.vocabularies import VOCABULARY_MODELS

    def patterns(node: object) -> list[str]:
        if isinstance(node, dict):
            own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
            return own + [p for value in node.values() for p in patterns(value)]
        return [p for value in node for p in patterns(value)] if isinstance(node, list) else []

    models = [Intervention, RegionalSupplement, *VOCABULARY_MODELS.values()]
    found = {pattern for model in models for pattern in patterns(model.model_json_schema(by_alias=True))}
    assert len(found) >= 6
    assert sorted(found - set(PATTERN_MESSAGES)) == []


ENGLISH = re.compile(r"\b(should|Input|input|valid|Field|required|Value error|Keys|must|allowed|expected)\b")
BAD_VALUES: list[object] = [None, True, 1, 1.5, -1, 999, 20240230, "", "x", "x" * 300, "2024-02-30", [], [1], ["x", "x"], {}, {"a": 1}, {1: "a"}, {None: 1}]


def test_every_reachable_pydantic_error_type_has_a_dutch_message() -> None:
    """Put every kind of wrong value in every field (nested ones too) and read every message."""
    import yaml as pyyaml

    from palette_builder.models import Intervention, RegionalSupplement
    from palette_builder.validate import describe
    from palette_builder.vocabularies import VOCABULARY_MODELS

    valid = pyyaml.safe_load(VALID)
    supplement = {"interventie": "x", "contact": [{"naam": "a", "telefoon": "1", "e-mail": "a"}], "bronnen": [{"titel": "t", "url": "u"}]}
    cases: list[tuple[type, object]] = [(Intervention, 1), (Intervention, {1: "a"}), (RegionalSupplement, [1])]

    intervention_paths = [(key,) for key in valid] + [
        ("rollen", "beslist"),
        ("doelgroepen", 0, "leeftijd_vanaf"),
        ("doelgroepen", 0, "groep"),
        ("erkenning", "datum"),
        ("erkenning", "status"),
        ("bronnen", 0, "url"),
        ("wettelijke_grondslag", 0, "artikel"),
        ("relaties", "vervolg_op"),
    ]
    for path in intervention_paths:
        for bad in BAD_VALUES:
            copy = deepcopy(valid)
            target = copy
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = bad
            cases.append((Intervention, copy))
    for key in ("beschikbaarheid", "laatst_gecontroleerd", "contact", "bronnen", "interventie"):
        for bad in BAD_VALUES:
            cases.append((RegionalSupplement, {**supplement, key: bad}))
    for term_model in VOCABULARY_MODELS.values():
        for bad in BAD_VALUES:
            cases.append((term_model, {"id": bad, "label": bad, "nummer": bad, "afkorting": bad, "bwb": bad, "groep": bad}))

    from palette_builder.validate import load_vocabularies

    cases.append((Intervention, {**valid, "doelgroepen": [{"groep": "slachtoffer", "leeftijd_vanaf": 12, "leeftijd_tot": 4}]}))
    context = {"vocabularies": load_vocabularies([FIXTURE / "palette" / "vocabulaires"], REPO)[0]}
    kinds: dict[str, str] = {}
    for model, data in cases:
        try:
            model.model_validate(data, context=context)
        except Exception as error:
            assert type(error).__name__ == "ValidationError", repr(error)
            for item in error.errors():
                message = describe(item, model)
                kinds.setdefault(item["type"], message)
                assert not ENGLISH.search(message), (item["type"], message)
                assert "^" not in message and "\\" not in message, (item["type"], message)
    # The walk reaches the error types an editor can cause from YAML.
    for kind in (
        "invalid_key",
        "string_type",
        "string_pattern_mismatch",
        "missing",
        "extra_forbidden",
        "list_type",
        "model_type",
        "too_short",
        "string_too_short",
        "string_too_long",
        "int_type",
        "greater_than_equal",
        "less_than_equal",
        "vocabulary",
        "enum",
        "ages_order",  # a rule of the models (models.RULES), raised with its own Dutch message
    ):
        assert kind in kinds, sorted(kinds)


def test_every_rule_on_the_format_page_is_enforced() -> None:
    """The format page lists models.RULES; each rule is broken by a case here (or by a named test), so a
    rule that no check enforces, or a check no rule states, cannot go unnoticed."""
    from palette_builder.models import RULES

    from .test_regions import COLLISIONS

    broken_by_tests = {
        "legal_basis_missing": test_legal_measure_needs_law_and_article,
        "no_parent_cycle": test_parent_cycle_is_reported,
        "reason_missing": COLLISIONS["hidden without a reason"],
        "former_ids_unique": COLLISIONS["former id that is an id in use"],
    }
    assert set(BROKEN_RULES) | set(broken_by_tests) == set(RULES)
    for rule, cases in BROKEN_RULES.items():
        for name in cases:
            _, _, _, _, words = BROKEN[name]
            assert words, f"{name} breaks {rule} but checks no words of the message"
    # The models' own messages are what check prints.
    for name in [name for rule, names in BROKEN_RULES.items() if RULES[rule].message for name in names]:
        assert any(word in RULES[rule].message for rule in RULES for word in BROKEN[name][4]), name


def test_format_page_lists_every_rule(tmp_path: Path) -> None:
    from palette_builder.models import RULES

    from .conftest import copy_project

    root = copy_project(tmp_path)
    assert main(["--root", str(root), "generate"]) == 0
    page = (root / "docs" / "formaat" / "index.md").read_text(encoding="utf-8")
    rules = page.split('<ul class="pv-rules">', 1)[1].split("</ul>", 1)[0]
    assert rules.count("<li>") == len(RULES)
    assert "hoogstens 256 kB per bestand" in rules and "<code>controle_notitie</code>" in rules


def test_broken_routekaart_gives_located_message(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "palette" / "vocabulaires" / "routekaart.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("afspraken:", "afspraak:", 1), encoding="utf-8")

    code, lines = run_check(project, capsys)

    assert code == 1
    line = line_of(text, "afspraken:")
    found = [p for p in lines if p.startswith("palette/vocabulaires/routekaart.yaml:")]
    assert any(p.startswith(f"palette/vocabulaires/routekaart.yaml:{line}:") and "bedoel je 'afspraken'" in p for p in found), found
