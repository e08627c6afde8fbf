"""Freshness: review dates that pass, what changed (from git), the Atom feed and the link to report an error."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import feedparser
import pytest

from build_palette import main
from palette_builder import history
from palette_builder.dutch import count_phrase, dutch_date
from palette_builder.freshness import add_months
from palette_builder.project import Project
from palette_builder.site_settings import read_site_settings

from .conftest import REPO, copy_project

ENTRY = Path("palette") / "landelijk" / "tijdelijk-huisverbod.yaml"
SETTINGS = Path("palette") / "vocabulaires" / "controletermijnen.yaml"
SITE_URL = "https://palet.example.org/regio/"
EDIT_SUBJECT = "Tijdelijk huisverbod: gevolgen van overtreding toegevoegd"


def pin_review_dates(root: Path, date: str = "2026-11-28") -> Path:
    """Give every national entry the same review date (and its checks that day), and the review intervals
    of the real palette, so these tests do not depend on when content was last checked."""
    for path in (root / "palette" / "landelijk").glob("*.yaml"):
        text = re.sub(r"(?m)^laatst_gecontroleerd: .*$", f"laatst_gecontroleerd: {date}", path.read_text(encoding="utf-8"))
        path.write_text(re.sub(r"(?m)^(    datum:) \d{4}-\d{2}-\d{2}$", rf"\1 {date}", text), encoding="utf-8")
    settings = root / SETTINGS
    text = re.sub(r"(?m)^standaard_maanden: \d+$", "standaard_maanden: 12", settings.read_text(encoding="utf-8"))
    settings.write_text(re.sub(r"(?m)^aanvullingen_maanden: \d+$", "aanvullingen_maanden: 12", text), encoding="utf-8")
    return root


@pytest.fixture
def project(project: Path) -> Path:
    return pin_review_dates(project)


def set_line(root: Path, relative: Path, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_number(root: Path, relative: Path, start: str) -> int:
    lines = (root / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))


# -- 1. Review interval ---------------------------------------------------------------------------------


def test_check_lists_an_entry_past_its_review_date_as_a_warning(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(project, ENTRY, "laatst_gecontroleerd: 2026-11-28", "laatst_gecontroleerd: 2020-01-31")

    assert Project(project, today=dt.date(2026, 12, 1)).check() == 0

    out = capsys.readouterr().out
    line = line_number(project, ENTRY, "laatst_gecontroleerd")
    assert f"{ENTRY.as_posix()}:{line}:" in out
    assert "Tijdelijk huisverbod is mogelijk verouderd; opnieuw nakijken sinds 31 januari 2021 (termijn 12 maanden)" in out
    assert "Controle: 1 interventie is toe aan controle. Met --streng telt dat als fout." in out


def test_strict_check_fails_on_an_entry_past_its_review_date(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = dt.date(2026, 12, 1)
    assert Project(project, today=today).check(strict=True) == 0  # reviewed recently: nothing due
    set_line(project, ENTRY, "laatst_gecontroleerd: 2026-11-28", "laatst_gecontroleerd: 2020-01-31")
    capsys.readouterr()

    assert Project(project, today=today).check(strict=True) == 1

    err = capsys.readouterr().err
    assert "laatst_gecontroleerd: fout: Tijdelijk huisverbod is mogelijk verouderd" in err


def test_interval_per_kind_and_per_entry(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Default 12 months; legal measures 6 in the settings; the entry's own field overrides both."""
    today = dt.date(2027, 6, 1)  # 6 months and 4 days after the entry's review date 2026-11-28
    assert Project(project, today=today).check(strict=True) == 0

    set_line(project, SETTINGS, "per_soort: {}", "per_soort:\n  wettelijke-maatregel: 6")
    assert Project(project, today=today).check(strict=True) == 1
    assert "opnieuw nakijken sinds 28 mei 2027 (termijn 6 maanden)" in capsys.readouterr().err

    set_line(project, ENTRY, "laatst_gecontroleerd: 2026-11-28", "laatst_gecontroleerd: 2026-11-28\ncontrole_interval_maanden: 18")
    assert Project(project, today=today).check(strict=True) == 0


def test_upcoming_review_is_announced(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert Project(project, today=dt.date(2027, 11, 10)).check() == 0
    assert "Binnen 30 dagen is 1 interventie toe aan controle: Tijdelijk huisverbod (28 november 2027)." in capsys.readouterr().out


def test_bad_review_settings_give_a_located_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(project, SETTINGS, "per_soort: {}", "per_soort:\n  wetelijke-maatregel: 6")

    assert main(["--root", str(project), "check"]) == 1

    err = capsys.readouterr().err
    assert re.search(r"palette/vocabulaires/controletermijnen\.yaml:\d+:\d+: per_soort\.wetelijke-maatregel(\.\[key\])?: ", err), err
    assert "wettelijke-maatregel" in err


def test_regional_supplement_past_its_review_date_is_listed_and_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = pin_review_dates(copy_project(tmp_path))
    shutil.copytree(REPO / "tests" / "voorbeeldregio" / "limburg", root / "palette" / "regio" / "limburg")
    set_line(root, Path("palette/vocabulaires/controletermijnen.yaml"), "aanvullingen_maanden: 12", "aanvullingen_maanden: 3")
    today = dt.date(2026, 11, 29)  # the national entries are recent; the example region's data is from 15 January 2026

    assert Project(root, today=today).check() == 0
    out = capsys.readouterr().out
    supplement = "palette/regio/limburg/aanvullingen/tijdelijk-huisverbod.yaml"
    assert f"{supplement}:{line_number(root, Path(supplement), 'laatst_gecontroleerd')}:" in out
    assert "de regionale aanvulling (limburg) bij Tijdelijk huisverbod is mogelijk verouderd; opnieuw nakijken sinds 15 april 2026 (termijn 3 maanden)" in out
    # The region's own entry, reviewed on the same day, has the 12 months of an entry.
    assert "Controle: 3 regionale aanvullingen zijn toe aan controle." in out

    assert Project(root, region="limburg", today=today).generate() == 0
    entry = (root / "docs" / "interventies" / "tijdelijk-huisverbod.md").read_text(encoding="utf-8")
    assert "de regionale gegevens van Limburg hadden op" in entry and "15 april 2026" in entry


def test_dutch_words_and_dates() -> None:
    assert count_phrase(1, 0) == ("1 interventie", "is")
    assert count_phrase(3, 0) == ("3 interventies", "zijn")
    assert count_phrase(0, 1) == ("1 regionale aanvulling", "is")
    assert count_phrase(2, 1) == ("2 interventies en 1 regionale aanvulling", "zijn")
    assert dutch_date(dt.date(2027, 11, 28)) == "28 november 2027"
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 28), 14) == dt.date(2028, 1, 28)


# -- 2. What changed (a project copy that is a git repository) --------------------------------------------


def git(repo: Path, *args: str, date: str = "2027-03-05T10:00:00+00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Redactie",
        "GIT_AUTHOR_EMAIL": "redactie@example.org",
        "GIT_COMMITTER_NAME": "Redactie",
        "GIT_COMMITTER_EMAIL": "redactie@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    result = subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def git_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project in its own git repository, one edit committed, built with a fixed 'today'."""
    root = pin_review_dates(copy_project(tmp_path_factory.mktemp("git") / "palet"))
    set_line(root, Path("mkdocs.yml"), 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]', f"site_url: {SITE_URL}")
    set_line(root, Path("palette/landelijk/aware.yaml"), "laatst_gecontroleerd: 2026-11-28", "laatst_gecontroleerd: 2027-06-01")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Palet overgenomen", date="2026-11-28T12:00:00+00:00")
    set_line(root, ENTRY, "duur: Tien dagen;", "duur: Tien dagen (wie het verbod overtreedt, pleegt een misdrijf);")
    git(root, "commit", "-qam", EDIT_SUBJECT, date="2027-03-05T10:00:00+00:00")
    assert Project(root, today=dt.date(2027, 12, 1)).build() == 0
    return root / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_entry_past_its_review_date_is_marked_on_page_and_card(git_site: Path) -> None:
    entry = page(git_site, "interventies/tijdelijk-huisverbod")
    assert "Mogelijk verouderd:" in entry and "28 november 2027" in entry
    card = re.search(r'<li class="pv-card" id="kaart-tijdelijk-huisverbod".*?</li>', page(git_site, "verkenner"), flags=re.DOTALL)
    assert card and "Mogelijk verouderd sinds 28 november 2027" in re.sub(r"<[^>]+>", "", card.group(0))
    # AWARE was reviewed on 1 June 2027: not due on 1 December 2027.
    assert "Mogelijk verouderd" not in page(git_site, "interventies/aware")
    aware_card = re.search(r'<li class="pv-card" id="kaart-aware".*?</li>', page(git_site, "verkenner"), flags=re.DOTALL)
    assert aware_card and "Mogelijk verouderd" not in aware_card.group(0)


def test_committed_edit_appears_in_the_entry_changes(git_site: Path) -> None:
    entry = page(git_site, "interventies/tijdelijk-huisverbod")
    section = entry[entry.index('id="wijzigingen"') :]
    items = re.findall(r"<li><time[^>]*>([^<]+)</time>: ([^<]+)</li>", section)
    assert items[:2] == [("5 maart 2027", EDIT_SUBJECT), ("28 november 2026", "Palet overgenomen")]
    assert EDIT_SUBJECT not in page(git_site, "interventies/aware")


def test_committed_edit_appears_on_what_changed(git_site: Path) -> None:
    changes = page(git_site, "wijzigingen")
    first = re.search(r'<ul class="pv-changes">\s*<li[^>]*>(.*?)</li>', changes, flags=re.DOTALL)
    assert first and "5 maart 2027" in first.group(1) and EDIT_SUBJECT in first.group(1)
    assert 'href="../interventies/tijdelijk-huisverbod/"' in first.group(1)
    assert 'href="feed.xml"' in changes
    assert '<link rel="alternate" type="application/atom+xml"' in changes


def test_feed_is_valid_atom_with_the_edit(git_site: Path) -> None:
    feed = feedparser.parse((git_site / "wijzigingen" / "feed.xml").read_bytes())
    assert feed.bozo is False, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id == f"{SITE_URL}wijzigingen/" and feed.feed.updated.startswith("2027-03-05")
    first = feed.entries[0]
    assert first.title == EDIT_SUBJECT
    assert first.link == f"{SITE_URL}interventies/tijdelijk-huisverbod/"
    assert first.id.startswith(SITE_URL) and first.updated.startswith("2027-03-05") and "Tijdelijk huisverbod" in first.summary
    assert len({entry.id for entry in feed.entries}) == len(feed.entries) == 2


@pytest.mark.slow
def test_renamed_entry_keeps_its_history(git_site: Path, tmp_path: Path) -> None:
    """After a rename with vorige_ids, the entry's Wijzigingen still lists what happened under the old id."""
    root = tmp_path / "palet"
    shutil.copytree(git_site.parent, root, ignore=shutil.ignore_patterns("site", ".site.*"))
    old, new = Path("palette/landelijk/memosa.yaml"), Path("palette/landelijk/memosa-methode.yaml")
    (root / old).write_text((root / old).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(root, "commit", "-qam", "MeMoSA: witregel toegevoegd", date="2027-04-01T10:00:00+00:00")
    git(root, "mv", old.as_posix(), new.as_posix())
    set_line(root, new, "id: memosa\n", "id: memosa-methode\nvorige_ids: [memosa]\n")
    git(root, "commit", "-qam", "MeMoSA: nieuwe id", date="2027-05-01T10:00:00+00:00")

    assert Project(root, today=dt.date(2027, 12, 1)).build() == 0

    entry = page(root / "site", "interventies/memosa-methode")
    section = entry[entry.index('id="wijzigingen"') :]
    subjects = [subject for _, subject in re.findall(r"<li><time[^>]*>([^<]+)</time>: ([^<]+)</li>", section)]
    assert subjects[:2] == ["MeMoSA: nieuwe id", "MeMoSA: witregel toegevoegd"]
    assert "Palet overgenomen" in subjects


def test_history_is_read_with_one_git_process(git_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(command: list[str], *args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        return real_run(command, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(history.subprocess, "run", counting_run)
    assert Project(git_site.parent, today=dt.date(2027, 12, 1)).generate() == 0
    assert len(calls) == 1 and calls[0][0] == "git"


def test_shallow_clone_does_not_show_every_entry_as_changed(git_site: Path, tmp_path: Path) -> None:
    """CI checks out one commit by default: its edge must not look like an edit of every file."""
    clone = tmp_path / "ondiep"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{git_site.parent}", str(clone))
    found = history.read_history(clone)
    assert found.available and found.commits == []


@pytest.mark.slow
def test_build_without_git_says_history_is_not_available(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "kopie")
    assert not (root / ".git").exists()

    assert Project(root).build() == 0

    assert "De wijzigingsgeschiedenis is in deze versie van de site niet beschikbaar" in page(root / "site", "wijzigingen")
    assert "De wijzigingsgeschiedenis is in deze versie van de site niet beschikbaar" in page(root / "site", "interventies/tijdelijk-huisverbod")
    feed = feedparser.parse((root / "site" / "wijzigingen" / "feed.xml").read_bytes())
    assert feed.bozo is False and feed.entries == []


@pytest.mark.slow
def test_a_text_in_wijzigingen_yaml_replaces_a_commit_subject_everywhere(git_site: Path, tmp_path: Path) -> None:
    """A subject that went out in English (or about files) gets a Dutch text for readers, without
    rewriting history: the entry's Wijzigingen, 'Wat is er veranderd' and the feed show the text."""
    root = tmp_path / "palet"
    shutil.copytree(git_site.parent, root, ignore=shutil.ignore_patterns("site", ".site.*"))
    set_line(root, ENTRY, "duur: Tien dagen", "duur: Tien  dagen")
    git(root, "commit", "-qam", "Huisverbod: duration wording fixed", date="2027-04-01T10:00:00+00:00")
    sha = git(root, "rev-parse", "--short=9", "HEAD").strip()
    text = "Tijdelijk huisverbod: schrijfwijze van de duur verbeterd"
    (root / "palette" / "wijzigingen.yaml").write_text(f'teksten:\n  - commit: {sha}\n    tekst: "{text}"\n', encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Wijzigingen: Nederlandse tekst bij een commit", date="2027-04-02T10:00:00+00:00")

    assert Project(root, today=dt.date(2027, 12, 1)).build() == 0

    site = root / "site"
    entry = page(site, "interventies/tijdelijk-huisverbod")
    section = entry[entry.index('id="wijzigingen"') :]
    subjects = [subject for _, subject in re.findall(r"<li><time[^>]*>([^<]+)</time>: ([^<]+)</li>", section)]
    assert subjects[:2] == [text, EDIT_SUBJECT]
    changes = page(site, "wijzigingen")
    assert text in changes and "duration wording" not in changes
    # The file with the texts is not an entry: its own commit is not a change readers see.
    assert "Nederlandse tekst bij een commit" not in changes
    feed = feedparser.parse((site / "wijzigingen" / "feed.xml").read_bytes())
    assert feed.entries[0].title == text


def test_bad_change_texts_give_located_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "palette" / "wijzigingen.yaml"
    bad = 'teksten:\n  - commit: 3366a29\n    tekst: "GGZ: gecontroleerd"\n  - commit: 3366A29x\n    tekst: "Iets"\n  - commit: abcdef1\n'
    path.write_text(bad, encoding="utf-8")

    assert main(["--root", str(project), "check"]) == 1

    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert re.search(r"palette/wijzigingen\.yaml:4:\d+: teksten\[1\]\.commit: .*een commit-id van 7 tot 40 tekens", err), err
    assert re.search(r"palette/wijzigingen\.yaml:6:\d+: teksten\[2\]\.tekst: verplicht veld ontbreekt", err), err

    # Two texts for one commit: a shortened id stands for every commit it starts.
    path.write_text('teksten:\n  - commit: 3366a29\n    tekst: "GGZ: gecontroleerd"\n  - commit: 3366a29f0\n    tekst: "GGZ: nog een keer"\n', encoding="utf-8")

    assert main(["--root", str(project), "check"]) == 1

    err = capsys.readouterr().err
    assert re.search(r"palette/wijzigingen\.yaml:4:\d+: teksten\[1\]\.commit: commit '3366a29f0' heeft al een tekst \(bij '3366a29'\)", err), err


# Words that occur in English subject lines and not in Dutch ones.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|checked|against|with|from|now|drop|dropped|adds?|added|confirmed|recorded|sources?|when|which|only|after|"
    r"before|instead|rather|summary|within|still|their|its|into|removed|rewritten|fixed|wrong)\b",
    re.IGNORECASE,
)


def test_every_change_the_site_publishes_reads_in_dutch() -> None:
    """What readers see of each commit to an entry is Dutch: its subject, or its text in palette/wijzigingen.yaml."""
    from palette_builder.kit import Site

    project = Project(REPO)
    changes = Site(project.load(), project.selection, REPO).changes
    assert changes.available
    published = [change.commit.subject for change in changes.recent]
    assert len(published) > 20
    assert [subject for subject in published if ENGLISH_WORDS.search(subject)] == []


# -- 3. Report an error ---------------------------------------------------------------------------------


def report_href(entry_page: str) -> str:
    match = re.search(r'<a href="([^"]+)" data-report>Meld een fout of aanvulling</a>', entry_page)
    assert match, "no report link"
    return html.unescape(match.group(1))


def test_report_link_carries_the_entry_id_and_address(git_site: Path) -> None:
    href = report_href(page(git_site, "interventies/tijdelijk-huisverbod"))
    link = urlparse(href)
    assert link.scheme == "mailto" and link.path == read_site_settings(git_site.parent).report_email
    query = parse_qs(link.query)
    assert "tijdelijk-huisverbod" in query["subject"][0] and "Tijdelijk huisverbod" in query["subject"][0]
    assert f"Pagina: {SITE_URL}interventies/tijdelijk-huisverbod/" in query["body"][0]
    assert "Id: tijdelijk-huisverbod" in query["body"][0]


def test_report_url_template_wins_and_is_url_encoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: !ENV [SITE_NAME, 'Palet']\n"
        "site_url: !ENV [PALET_TEST_URL, 'http://127.0.0.1:8000/']\n"
        "extra:\n"
        "  report:\n"
        "    email: fouten@example.org\n"
        "    url: https://git.example.org/palet/issues/new?title=Fout%20in%20{naam}&body={adres}&labels={id}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PALET_TEST_URL", "https://palet.example.org")
    settings = read_site_settings(tmp_path)

    link = settings.report_link("tijdelijk-huisverbod", "Tijdelijk huisverbod & co")

    assert link is not None and link.startswith("https://git.example.org/palet/issues/new?")
    query = parse_qs(urlparse(link).query)
    assert query["title"] == ["Fout in Tijdelijk huisverbod & co"]
    assert query["body"] == ["https://palet.example.org/interventies/tijdelijk-huisverbod/"]
    assert query["labels"] == ["tijdelijk-huisverbod"]
