"""Regional forks: a region's folder adds offers, partners and contacts without touching national files."""

from __future__ import annotations

import datetime as dt
import filecmp
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from build_palette import main
from palette_builder.generate import GENERATED_DIRS
from palette_builder.project import Project

from .conftest import FIXTURE, REPO, copy_project

EXAMPLE = REPO / "tests" / "voorbeeldregio" / "limburg"


def with_region(root: Path, name: str = "limburg") -> Path:
    shutil.copytree(EXAMPLE, root / "palette" / "regio" / name)
    return root


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_regional_entry_appears_with_its_origin(region_site: Path) -> None:
    page = html(region_site, "interventies/voorbeeld-buurtaanpak")
    assert "Regionaal aanbod: Limburg" in page
    assert "Voorbeeldteam Zuid" in page  # the region's own partner
    explorer = html(region_site, "verkenner")
    card = re.search(r'<li class="pv-card" id="kaart-voorbeeld-buurtaanpak"[^>]*>', explorer)
    assert card and 'data-herkomst="limburg"' in card.group(0)
    assert 'name="herkomst" value="limburg"' in explorer and 'name="herkomst" value="landelijk"' in explorer
    assert "Interventiepalet Veiligheid Voorop – Limburg" in explorer


def test_supplement_shows_the_regional_contact(region_site: Path) -> None:
    page = html(region_site, "interventies/tijdelijk-huisverbod")
    assert "In de regio" in page
    assert 'href="tel:0123456789"' in page and 'href="mailto:huisverbod@example.org"' in page
    assert "In deze voorbeeldregio bereidt een vast team het huisverbod voor." in page


def test_unavailable_offer_is_labelled_and_hidden_offer_is_left_out(region_site: Path) -> None:
    page = html(region_site, "interventies/aware")
    assert "Niet beschikbaar in Limburg:" in page and "geen financiering" in page
    assert "Niet beschikbaar in Limburg</span>" in html(region_site, "verkenner")
    assert not (region_site / "interventies" / "families-first").exists()
    assert "families-first" not in html(region_site, "verkenner")
    assert "families-first" not in html(region_site, "interventies/crisishulp-aan-gezinnen")


def printed_card(site: Path, entry_id: str) -> str:
    found = re.search(rf'<article class="pv-kaart[^"]*"[^>]*aria-labelledby="kaart-titel-{entry_id}">.*?</article>', html(site, "kaarten"), re.S)
    assert found, entry_id
    return found.group(0)


def test_printed_cards_mark_unavailable_and_regional_offers(region_site: Path) -> None:
    # A card handed out in a training in the region must not present an offer the region lacks as available.
    assert "Niet beschikbaar in Limburg</span>" in printed_card(region_site, "aware")
    assert "Regionaal: Limburg</span>" in printed_card(region_site, "voorbeeld-buurtaanpak")
    assert "pv-tag" not in printed_card(region_site, "tijdelijk-huisverbod")
    assert "families-first" not in html(region_site, "kaarten")


def test_comparison_shows_availability_on_a_regional_site(region_site: Path) -> None:
    # /vergelijk/ and its chooser read this script; a professional comparing offers must see which one the region lacks.
    script = (region_site / "vergelijk" / "gegevens.js").read_text(encoding="utf-8")
    data = json.loads(script.removeprefix("(window.pv = window.pv || {}).werkset = ").rstrip().removesuffix(";"))
    assert ["beschikbaarheid", "Beschikbaarheid"] in data["rijen"]
    assert data["items"]["aware"]["beschikbaarheid"].startswith("Niet beschikbaar in Limburg: ")
    assert data["items"]["voorbeeld-buurtaanpak"]["beschikbaarheid"] == "Regionaal aanbod: Limburg"
    assert data["items"]["tijdelijk-huisverbod"]["beschikbaarheid"] == "Beschikbaar"
    assert "families-first" not in data["items"]


def test_casusmap_on_a_regional_site_shows_an_unavailable_offer_as_such(region_site: Path, page) -> None:
    from .conftest import serve

    for url in serve(region_site):
        page.goto(f"{url}/casusmap/?i=aware,voorbeeld-buurtaanpak")
        aware = page.locator('.pv-casusmap__item[data-id="aware"]')
        aware.wait_for()
        assert "Niet beschikbaar in Limburg" in aware.inner_text()
        assert "Regionaal aanbod: Limburg" in page.locator('.pv-casusmap__item[data-id="voorbeeld-buurtaanpak"]').inner_text()


@pytest.mark.slow
def test_combined_build_of_all_regions(tmp_path: Path) -> None:
    root = with_region(copy_project(tmp_path))
    assert Project(root, region="alle").build() == 0
    site = root / "site"
    assert "Regionaal aanbod: Limburg" in html(site, "interventies/voorbeeld-buurtaanpak")
    # No region hides an offer for all the others: it stays, labelled per region.
    assert (site / "interventies" / "families-first" / "index.html").exists()
    assert "Niet beschikbaar in deze regio." in html(site, "interventies/families-first")


@pytest.mark.slow
def test_national_build_is_unchanged_byte_for_byte_by_a_region_folder(tmp_path: Path) -> None:
    without = copy_project(tmp_path / "zonder")
    assert Project(without).build() == 0
    with_folder = with_region(copy_project(tmp_path / "met"))
    assert Project(with_folder).build() == 0

    comparison = filecmp.dircmp(without / "site", with_folder / "site")
    differing: list[str] = []

    def collect(node: filecmp.dircmp, prefix: str = "") -> None:
        differing.extend(prefix + name for name in node.diff_files + node.left_only + node.right_only + node.funny_files)
        for name, sub in node.subdirs.items():
            collect(sub, f"{prefix}{name}/")

    collect(comparison)
    assert differing == []
    for generated in ("interventies", "verkenner", "palet"):
        assert filecmp.dircmp(without / "docs" / generated, with_folder / "docs" / generated).diff_files == []


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def region_entry(entry_id: str, extra: str = "") -> str:
    text = (EXAMPLE / "interventies" / "voorbeeld-buurtaanpak.yaml").read_text(encoding="utf-8")
    return text.replace("id: voorbeeld-buurtaanpak", f"id: {entry_id}") + extra


COLLISIONS = {
    "id that exists nationally": (
        "palette/regio/limburg/interventies/tijdelijk-huisverbod.yaml",
        region_entry("tijdelijk-huisverbod"),
        "id",
        ["bestaat al landelijk", "aanvullingen/tijdelijk-huisverbod.yaml"],
    ),
    "id in another region": (
        "palette/regio/limburg/interventies/voorbeeld-buurtaanpak.yaml",
        None,  # the example region has it; the test copies it into a second region
        "id",
        ["bestaat ook in een andere regio"],
    ),
    "supplement of a missing national entry": (
        "palette/regio/limburg/aanvullingen/tijdelijk-huisverbd.yaml",
        "interventie: tijdelijk-huisverbd\nlaatst_gecontroleerd: 2026-01-01\n",
        "interventie",
        ["geen landelijke interventie", "bedoel je 'tijdelijk-huisverbod'"],
    ),
    "regional partner that exists nationally": (
        "palette/regio/limburg/vocabulaires/partners.yaml",
        "- id: politie\n  label: Politie Limburg\n",
        "[0].id",
        ["bestaat al in vocabulaire 'partners'", "landelijk, in palette/vocabulaires/partners.yaml", "haal die hier weg"],
    ),
    "misnamed regional vocabulary file": (
        "palette/regio/limburg/vocabulaires/partner.yaml",
        "- id: wijkteam-limburg\n  label: Wijkteam Limburg\n",
        "(bestand)",
        ["onbekend vocabulairebestand", "bedoel je 'partners.yaml'"],
    ),
    "bad phone number and e-mail address in a supplement": (
        "palette/regio/limburg/aanvullingen/aware.yaml",
        "interventie: aware\ncontact:\n  - naam: Team\n    telefoon: bel ons\n    e-mail: team-at-example.org\nlaatst_gecontroleerd: 2026-01-01\n",
        "contact[0].telefoon",
        ["verwacht een telefoonnummer", "088 123 45 67", "'bel ons'"],
    ),
    "former id that is an id in use": (
        "palette/regio/limburg/interventies/voorbeeld-buurtaanpak.yaml",
        region_entry("voorbeeld-buurtaanpak", "vorige_ids: [aware]\n"),
        "vorige_ids[0]",
        ["'aware' is nog de id van palette/landelijk/aware.yaml"],
    ),
    "entry claiming another region": (
        "palette/regio/limburg/interventies/voorbeeld-andere-regio.yaml",
        region_entry("voorbeeld-andere-regio", "regios: [noord-holland]\n"),
        "regios",
        ["geldt alleen daar"],
    ),
    "hidden without a reason": (
        "palette/regio/limburg/aanvullingen/aware.yaml",
        "interventie: aware\nbeschikbaarheid: verborgen\nlaatst_gecontroleerd: 2026-01-01\n",
        "(bestand)",
        ["hoort een 'reden'"],
    ),
}


@pytest.mark.parametrize("name", list(COLLISIONS))
def test_collisions_give_located_errors(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = with_region(copy_project(tmp_path))
    relative, text, field, words = COLLISIONS[name]
    if text is None:
        with_region(root, "noord-holland")
    else:
        write(root, relative, text)

    assert main(["--root", str(root), "check"]) == 1

    lines = capsys.readouterr().err.splitlines()
    mine = [line for line in lines if line.startswith(f"{relative}:")]
    assert mine, lines
    located = [line for line in mine if re.match(rf"{re.escape(relative)}:\d+:\d+: {re.escape(field)}: ", line)]
    assert located and all(word in located[0] for word in words), mine


def test_id_that_exists_nationally_is_reported_only_in_the_regions_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A region never edits national files, so the national file must not be named as a problem.
    root = with_region(copy_project(tmp_path))
    write(root, "palette/regio/limburg/interventies/tijdelijk-huisverbod.yaml", region_entry("tijdelijk-huisverbod"))
    assert main(["--root", str(root), "check"]) == 1
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "palette/regio/limburg/interventies/tijdelijk-huisverbod.yaml:" in out and "bestaat al landelijk" in out
    assert "palette/landelijk/tijdelijk-huisverbod.yaml:" not in out.replace("(palette/landelijk/tijdelijk-huisverbod.yaml)", "")
    assert "1 probleem in 1 bestand." in out


def test_regional_abbreviation_taking_a_national_short_link_is_reported_only_in_the_regions_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = with_region(copy_project(tmp_path))
    write(root, "palette/regio/limburg/interventies/voorbeeld-thv.yaml", region_entry("voorbeeld-thv").replace("afkortingen: [VBA]", "afkortingen: [THV]"))
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"palette/regio/limburg/interventies/voorbeeld-thv\.yaml:\d+:\d+: afkortingen\[0\]: de korte link /thv/ ", err), err
    assert "palette/landelijk/tijdelijk-huisverbod.yaml:" not in err
    assert "1 probleem in 1 bestand." in err


def test_supplement_of_a_renamed_national_entry_names_the_new_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A national update renames 'aware' (keeping the old id in vorige_ids); the region's supplement must follow.
    root = with_region(copy_project(tmp_path))
    national = root / "palette" / "landelijk"
    text = (national / "aware.yaml").read_text(encoding="utf-8")
    (national / "aware.yaml").unlink()
    for path in national.glob("*.yaml"):  # the relations that name it
        path.write_text(re.sub(r"(?<=[\[ ])aware(?=[,\]])", "noodknop-bij-dreiging", path.read_text(encoding="utf-8")), encoding="utf-8")
    renamed = text.replace("id: aware\n", "id: noodknop-bij-dreiging\nvorige_ids: [aware]\n", 1)
    write(root, "palette/landelijk/noodknop-bij-dreiging.yaml", renamed)
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert "1 probleem in 1 bestand." in err, err
    line = next(line for line in err.splitlines() if line.startswith("palette/regio/limburg/aanvullingen/aware.yaml:"))
    assert "heet nu 'noodknop-bij-dreiging'" in line and "noodknop-bij-dreiging.yaml" in line, line


def test_unknown_region_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = with_region(copy_project(tmp_path), "limburgg")
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert "palette/regio/limburgg/:1:1: (map): onbekende regio 'limburgg'" in err and "bedoel je 'limburg'" in err


def test_reference_to_another_regions_entry_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = with_region(copy_project(tmp_path))
    write(
        root,
        "palette/regio/noord-holland/interventies/voorbeeld-noord.yaml",
        region_entry("voorbeeld-noord").replace("[tijdelijk-huisverbod]", "[voorbeeld-buurtaanpak]"),
    )
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"voorbeeld-noord\.yaml:\d+:\d+: relaties\.combineerbaar_met\[0\]: verwijst naar 'voorbeeld-buurtaanpak' van regio 'limburg'", err), err


def test_new_entry_for_a_region_starts_from_the_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path)
    write(root, "palette/regio/limburg/vocabulaires/partners.yaml", "- id: voorbeeldteam-zuid\n  label: Voorbeeldteam Zuid\n")

    assert main(["--root", str(root), "--regio", "limburg", "new", "voorbeeld-nieuw"]) == 0

    created = root / "palette" / "regio" / "limburg" / "interventies" / "voorbeeld-nieuw.yaml"
    assert created.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../interventie.schema.json"
    schema = yaml.safe_load((root / "palette" / "regio" / "limburg" / "interventie.schema.json").read_text(encoding="utf-8"))
    assert "voorbeeldteam-zuid" in str(schema["$defs"]["Roles"])
    # The new file does not claim a review that has not happened.
    data = yaml.safe_load(created.read_text(encoding="utf-8"))
    assert data["status"] == "concept" and data["laatst_gecontroleerd"] != dt.date.today()
    # Until it is filled in, check names every field that still holds the template's placeholder.
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    for field in ("naam", "beschrijving", "rollen.voert_uit[0]", "laatst_gecontroleerd", "bronnen[0].url"):
        assert re.search(rf"voorbeeld-nieuw\.yaml:\d+:\d+: {re.escape(field)}: nog niet ingevuld", err), (field, err)
    assert "onbekende waarde" not in err and "verwacht" not in err  # the placeholder is the one message per field
    assert main(["--root", str(root), "--regio", "limburg", "new", "tijdelijk-huisverbod"]) == 1


def test_schema_and_new_refuse_an_unknown_region_whose_folder_exists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The guide has the partners file written before `schema` and `new`, so a misspelt region already has a folder.
    root = copy_project(tmp_path)
    write(root, "palette/regio/twente/vocabulaires/partners.yaml", "- id: wijkteam-enschede\n  label: Wijkteam Enschede\n")
    for command in (["schema"], ["new", "buurtaanpak-twente"]):
        assert main(["--root", str(root), "--regio", "twente", *command]) == 1, command
        err = capsys.readouterr().err
        assert "Onbekende regio 'twente'; kies uit: " in err and "oost-nederland" in err and "Traceback" not in err
    assert not (root / "palette" / "regio" / "twente" / "interventie.schema.json").exists()
    assert not (root / "palette" / "regio" / "twente" / "interventies").exists()


def test_check_says_when_a_regions_schema_is_out_of_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After a national update adds a partner, the region's editor schema would refuse it until rewritten."""
    root = with_region(copy_project(tmp_path))
    assert main(["--root", str(root), "--regio", "limburg", "schema"]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 0
    assert "verouderd" not in capsys.readouterr().err
    partners = root / "palette" / "vocabulaires" / "partners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8") + "- id: nieuwe-partner\n  label: Nieuwe partner\n", encoding="utf-8")

    assert main(["--root", str(root), "check"]) == 0  # a warning: the site itself is fine

    err = capsys.readouterr().err
    assert "palette/regio/limburg/interventie.schema.json is verouderd" in err
    assert "python build_palette.py --regio limburg schema" in err
    assert main(["--root", str(root), "--regio", "limburg", "schema"]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 0
    assert "verouderd" not in capsys.readouterr().err


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=repo, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_upstream_update_merges_without_conflict_and_needs_no_regional_edit(tmp_path: Path) -> None:
    upstream = copy_project(tmp_path / "upstream")
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-qm", "national palette")
    fork = tmp_path / "fork"
    assert git(tmp_path, "clone", "-q", str(upstream), str(fork)).returncode == 0
    with_region(fork)
    git(fork, "add", "-A")
    git(fork, "commit", "-qm", "region limburg")
    regional_before = {p: p.read_bytes() for p in (fork / "palette" / "regio").rglob("*") if p.is_file()}

    # Upstream changes national entries and a vocabulary after the region added its folder.
    entry = upstream / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("tien dagen in de woning", "tien dagen de woning"), encoding="utf-8")
    shutil.copy(upstream / "palette" / "landelijk" / "stopgesprek.yaml", upstream / "palette" / "landelijk" / "stopgesprek-kopie.yaml")
    copy = upstream / "palette" / "landelijk" / "stopgesprek-kopie.yaml"
    copy.write_text(copy.read_text(encoding="utf-8").replace("id: stopgesprek", "id: stopgesprek-kopie"), encoding="utf-8")
    partners = upstream / "palette" / "vocabulaires" / "partners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8") + "- id: nieuwe-partner\n  label: Nieuwe partner\n", encoding="utf-8")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-qm", "national update")

    merge = git(fork, "pull", "--no-rebase", "--no-edit", "origin", "main")

    assert merge.returncode == 0, merge.stdout + merge.stderr
    assert git(fork, "diff", "--name-only", "--diff-filter=U").stdout == ""
    assert git(fork, "diff", "origin/main", "--stat", "--", "palette/landelijk", "palette/vocabulaires").stdout == ""
    assert {p: p.read_bytes() for p in (fork / "palette" / "regio").rglob("*") if p.is_file()} == regional_before
    assert Project(fork).check() == 0
    assert Project(fork, region="limburg").build() == 0
    assert "tien dagen de woning" in (fork / "site" / "interventies" / "tijdelijk-huisverbod" / "index.html").read_text(encoding="utf-8")


GUIDE = REPO / "docs" / "regio" / "index.md"
WORKFLOW = REPO / "docs" / "regio" / "regio-site.yml"


def guide_blocks(text: str) -> list[tuple[str, str, str]]:
    """(language, content, the prose before it) of every fenced code block of the guide, in order."""
    blocks, previous_end = [], 0
    for match in re.finditer(r"^```(\w+)\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL):
        blocks.append((match.group(1), match.group(2), text[previous_end : match.start()]))
        previous_end = match.end()
    return blocks


def national_repository(target: Path) -> Path:
    """The national repository as a fork starts from: the project's files, committed on main."""
    generated = [f"docs/{name}" for name in GENERATED_DIRS]
    shutil.copytree(
        REPO,
        target,
        ignore=lambda folder, names: [
            name
            for name in names
            if (name in {".git", ".venv", "site", "__pycache__", ".pytest_cache", ".ruff_cache", "regio"} and not folder.endswith("docs"))
            or name.endswith(".egg-info")
            or (folder == str(REPO) and name.startswith((".site.", "site.")))
            or Path(folder, name).relative_to(REPO).as_posix() in generated
        ],
    )
    assert git(target, "init", "-q", "-b", "main").returncode == 0
    git(target, "add", "-A")
    assert git(target, "commit", "-qm", "Landelijk palet").returncode == 0
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def preview_serves(command: str, cwd: Path, env: dict[str, str], path: str) -> None:
    """Start the guide's local preview, wait until it serves the region's page, then stop it."""
    port = free_port()
    args = [*command.split()[1:], "--dev-addr", f"127.0.0.1:{port}"]
    process = subprocess.Popen([sys.executable, *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise AssertionError(f"{command} served nothing at {path}")
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_fork_guide_followed_literally_reaches_a_published_region_site(tmp_path: Path) -> None:
    """Every code block of the guide in order, git included, from a fresh fork to the workflow's build.

    The hosting platform's fork is a bare clone of the national repository; the test's own virtual
    environment stands in for the one the guide creates (no package download in a test).
    """
    upstream = national_repository(tmp_path / "landelijk")
    fork = tmp_path / "fork.git"
    assert git(tmp_path, "clone", "-q", "--bare", str(upstream), str(fork)).returncode == 0
    (tmp_path / "home").mkdir()
    (tmp_path / "bin").mkdir()
    shim = tmp_path / "bin" / "python"  # `python` after activating the virtual environment
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {**os.environ, "HOME": str(tmp_path / "home"), "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}", "GIT_CONFIG_NOSYSTEM": "1"}
    env.pop("SITE_URL", None)
    filled_in = {
        "<uw naam>": "Regio Limburg",
        "<uw e-mailadres>": "regio@example.org",
        "<adres-van-uw-fork>": str(fork),
        "<adres-van-de-landelijke-repository>": str(upstream),
    }
    cwd = tmp_path / "werkplek"
    cwd.mkdir()
    where = tmp_path / "pwd"
    partner = None
    ran: list[str] = []

    for language, content, prose in guide_blocks(GUIDE.read_text(encoding="utf-8")):
        if language == "yaml":  # the editor writes the example into the file the text names
            relative = re.findall(r"`(palette/regio/[^`]+\.yaml)`", prose)[-1]
            write(cwd, relative, content)
            if relative.endswith("vocabulaires/partners.yaml"):
                partner = yaml.safe_load(content)[0]["id"]
            continue
        if language != "sh":
            continue
        if "git fetch upstream" in content:  # meanwhile the national palette moves on
            entry = upstream / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml"
            entry.write_text(entry.read_text(encoding="utf-8").replace("tien dagen in de woning", "tien dagen de woning"), encoding="utf-8")
            partners = upstream / "palette" / "vocabulaires" / "partners.yaml"
            partners.write_text(partners.read_text(encoding="utf-8") + "- id: nieuwe-partner\n  label: Nieuwe partner\n", encoding="utf-8")
            git(upstream, "commit", "-qam", "Landelijke update")
        lines = []
        for line in content.splitlines():
            for placeholder, value in filled_in.items():
                line = line.replace(placeholder, value)
            assert not re.search(r"<[a-z-]+>", line), f"the guide has a placeholder the test does not fill in: {line}"
            if line.startswith(("python3 -m venv", ". .venv/bin/activate")):
                continue
            if line.endswith(" serve"):
                preview_serves(line, cwd, env, "/interventies/buurtaanpak-limburg/")
                ran.append(line)
                continue
            lines.append(line)
        script = "set -e\n" + "\n".join(lines) + f"\npwd > {where}\n"
        result = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{content}\n{result.stdout}\n{result.stderr}"
        ran.extend(lines)
        cwd = Path(where.read_text(encoding="utf-8").strip())
        created = re.search(r" new (\S+)$", content.strip())
        if created:  # the editor fills in every field of the new file, with the partner from the guide
            assert partner, "the guide adds a partner before the first own offer"
            path = next((cwd / "palette" / "regio").rglob(f"{created.group(1)}.yaml"))
            path.write_text(region_entry(created.group(1)).replace("voorbeeldteam-zuid", partner), encoding="utf-8")

    assert any(" serve" in line for line in ran) and any("git push" in line for line in ran) and any("git merge" in line for line in ran)
    # What the workflow runs after the push, from the workflow file itself (the installation is done).
    workflow = yaml.safe_load((cwd / ".github" / "workflows" / "regio-site.yml").read_text(encoding="utf-8"))
    steps = [step["run"] for step in workflow["jobs"]["controleer-en-bouw"]["steps"] if "run" in step and "pip install" not in step["run"]]
    assert any("build" in run for run in steps)
    for run in steps:
        published = {**env, **workflow["env"], "SITE_URL": "https://regio.example/palet/"}
        result = subprocess.run(["bash", "-c", run], cwd=cwd, env=published, capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{run}\n{result.stdout}\n{result.stderr}"
    site = cwd / "site"
    assert "Regionaal aanbod: Limburg" in html(site, "interventies/buurtaanpak-limburg")
    assert "Wijkteam Voorbeeldstad" in html(site, "interventies/buurtaanpak-limburg")
    assert "Niet beschikbaar in Limburg:" in html(site, "interventies/aware")
    assert "tien dagen de woning" in html(site, "interventies/tijdelijk-huisverbod")  # the national update arrived
    # Readers of the region report to the region's address from the workflow, not to the national one.
    region_address = workflow["env"]["REPORT_EMAIL"]
    assert region_address and region_address not in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert f'href="mailto:{region_address}?subject=' in html(site, "interventies/buurtaanpak-limburg")
    assert f'href="mailto:{region_address}"' in html(site, "toegankelijkheid")
    assert "Aan steun in de buurt" in html(site, "wegwijzer/fase")  # the guide's regional wegwijzer
    assert "buurtaanpak-limburg" in html(site, "wegwijzer/steun-in-de-buurt-limburg")
    pushed = git(fork, "log", "--format=%s", "main").stdout
    assert "Regio limburg" in pushed and "Landelijke update" in pushed
    assert git(fork, "cat-file", "-e", "main:.github/workflows/regio-site.yml").returncode == 0
    assert git(fork, "cat-file", "-e", "main:palette/regio/limburg/interventie.schema.json").returncode == 0


@pytest.mark.slow
def test_fork_workflow_template_validates_and_publishes() -> None:
    workflow = yaml.safe_load((REPO / "docs" / "regio" / "regio-site.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("build_palette.py check" in run for run in steps)
    assert any("--regio" in run and " build" in run for run in steps)
    comments = [line.split("#", 1)[1] for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "#" in line]
    assert comments and not [c for c in comments if re.search(r"\b(the|your|every|copy|and|for)\b", c)], comments  # Dutch for the editors
    assert ".github/workflows/regio-site.yml" in comments[0] + comments[1]
    triggers = workflow[True]  # 'on' parses as True in YAML 1.1
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]


def test_unknown_value_in_a_regional_entry_names_the_regions_file_and_every_allowed_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = with_region(copy_project(tmp_path))
    entry = root / "palette" / "regio" / "limburg" / "interventies" / "voorbeeld-buurtaanpak.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("voert_uit: [voorbeeldteam-zuid]", "voert_uit: [voorbeeldteam-zui]"), encoding="utf-8")

    assert main(["--root", str(root), "check"]) == 1

    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if ": rollen.voert_uit[0]: " in line)
    assert "bedoel je 'voorbeeldteam-zuid'?" in line
    assert line.endswith("een nieuwe waarde zet u in palette/regio/limburg/vocabulaires/partners.yaml"), line
    national = yaml.safe_load((FIXTURE / "palette" / "vocabulaires" / "partners.yaml").read_text(encoding="utf-8"))
    assert all(term["id"] in line for term in national), line  # not cut off after twelve
    assert "(en " not in line and "palette/vocabulaires/partners.yaml" not in line


def test_bad_e_mail_address_gets_a_readable_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = with_region(copy_project(tmp_path))
    supplement = "interventie: aware\ncontact:\n  - naam: Team\n    e-mail: team-at-example.org\nlaatst_gecontroleerd: 2026-01-01\n"
    write(root, "palette/regio/limburg/aanvullingen/aware.yaml", supplement)

    assert main(["--root", str(root), "check"]) == 1

    err = capsys.readouterr().err
    expected = "aanvullingen/aware.yaml:4:5: contact[0].e-mail: verwacht een e-mailadres zoals 'naam@example.org' (gevonden: 'team-at-example.org')"
    assert expected in err, err
    assert "[^@" not in err


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_former_id_used_by_two_entries_is_an_error_in_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = with_region(copy_project(tmp_path))
    national = root / "palette" / "landelijk" / "aware.yaml"
    national.write_text(national.read_text(encoding="utf-8") + "vorige_ids: [oude-aanpak]\n", encoding="utf-8")
    write(root, "palette/regio/limburg/interventies/voorbeeld-buurtaanpak.yaml", region_entry("voorbeeld-buurtaanpak", "vorige_ids: [oude-aanpak]\n"))

    assert main(["--root", str(root), "check"]) == 1

    err = capsys.readouterr().err
    regional = "palette/regio/limburg/interventies/voorbeeld-buurtaanpak.yaml"
    for relative, other in (("palette/landelijk/aware.yaml", regional), (regional, "palette/landelijk/aware.yaml")):
        expected = f"{relative}:{line_count(root / relative)}:14: vorige_ids[0]: 'oude-aanpak' staat ook als vorige id in {other}"
        assert any(line.startswith(expected) for line in err.splitlines()), err


@pytest.mark.slow
def test_former_id_keeps_the_old_address_working(tmp_path: Path, page) -> None:
    from .conftest import serve

    root = copy_project(tmp_path)
    entry = root / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml"
    entry.write_text(entry.read_text(encoding="utf-8") + "vorige_ids: [huisverbod-oud]\n", encoding="utf-8")
    assert Project(root).check() == 0
    assert Project(root).build() == 0

    old = (root / "site" / "interventies" / "huisverbod-oud" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../tijdelijk-huisverbod/">' in old
    assert '<link rel="canonical" href="../tijdelijk-huisverbod/">' in old and '<meta name="robots" content="noindex">' in old
    assert '<a href="../tijdelijk-huisverbod/">Tijdelijk huisverbod</a>' in old and "Deze pagina is verhuisd" in old
    # Pagefind indexes exactly the pages that mark their body for it; the redirect page does not.
    assert "data-pagefind-body" not in old and 'data-pagefind-ignore="all"' in old
    indexed = json.loads((root / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = [path for path in (root / "site").rglob("*.html") if "data-pagefind-body" in path.read_text(encoding="utf-8")]
    assert sum(language["page_count"] for language in indexed["languages"].values()) == len(marked)
    assert not (root / "docs" / "interventies" / "huisverbod-oud.md").exists()
    # In a real browser the old address ends on the entry's page.
    for url in serve(root / "site"):
        page.goto(f"{url}/interventies/huisverbod-oud/")
        page.wait_for_url(f"{url}/interventies/tijdelijk-huisverbod/")
        assert page.locator("h1").first.inner_text().startswith("Tijdelijk huisverbod")
