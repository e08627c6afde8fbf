"""The built site: every page exists, links resolve, nothing external is loaded, YAML text is escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from palette_builder.project import Project

from .conftest import FIXTURE, copy_project


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src"} and value is not None:
                self.links.append((tag, name, value))


def page_links(path: Path) -> list[tuple[str, str, str]]:
    collector = LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.links


@pytest.fixture(scope="module")
def palette():
    return Project(FIXTURE).load()


def test_every_intervention_has_a_stable_page(built_site: Path, palette) -> None:
    for entry_id, entry in palette.entries.items():
        page = built_site / "interventies" / entry_id / "index.html"
        assert page.exists(), entry_id
        assert entry.intervention.summary.split()[0] in page.read_text(encoding="utf-8")


def test_internal_links_resolve(built_site: Path) -> None:
    broken = []
    for html_file in built_site.rglob("*.html"):
        page_url = "http://site/" + html_file.relative_to(built_site).as_posix()
        for _tag, _attribute, value in page_links(html_file):
            target = urlparse(urljoin(page_url, value))
            if target.netloc != "site" or target.scheme not in {"http", ""}:
                continue
            path = built_site / unquote(target.path).lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{html_file.relative_to(built_site)} -> {value}")
    assert broken == []


def test_pages_load_nothing_from_other_hosts(built_site: Path) -> None:
    """Scripts, styles, images and fonts all come from the site itself (links to sources may go out)."""
    external = []
    for html_file in built_site.rglob("*.html"):
        for tag, attribute, value in page_links(html_file):
            loads = (tag, attribute) in {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")} or (tag == "link" and attribute == "href")
            if loads and re.match(r"^(https?:)?//", value) and not value.startswith("http://127.0.0.1"):
                external.append(f"{html_file.relative_to(built_site)}: <{tag} {attribute}={value}>")
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8")):
            external.append(f"{css.name}: {url}")
    assert external == []


def test_legal_basis_links_to_the_law(built_site: Path) -> None:
    html = (built_site / "interventies" / "vrijheidsbeperkende-maatregel" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://wetten.overheid.nl/jci1.3:c:BWBR0001854&amp;artikel=38v"' in html
    assert "Artikel 38v Sr" in html


def test_generation_writes_only_changed_files(palette, tmp_path: Path) -> None:
    from palette_builder.generate import generate_pages, write_pages
    from palette_builder.selection import NATIONAL

    docs = copy_project(tmp_path) / "docs"
    pages = generate_pages(palette, NATIONAL, None)
    first = write_pages(pages, docs)
    assert first.written == len(pages)
    again = write_pages(pages, docs)
    assert (again.written, again.removed) == (0, 0)
    assert again.unchanged == len(pages)


MALICIOUS = """\
# yaml-language-server: $schema=../schema/interventie.schema.json
id: kwaadaardig
naam: "<script>alert('naam')</script> Hulp & steun"
afkortingen: ["<b>KW</b>"]
ook_bekend_als: ["<svg onload=alert('alias')>"]
soort: programma
fasen: [herstelgericht]
domein: sociale-interventies
samenvatting: "Samenvatting \\"><img src=x onerror=alert('samenvatting')>"
beschrijving: |-
  Tekst met [een link](javascript:alert('link')) en <iframe src="javascript:alert('iframe')"></iframe>.
  {: onclick="alert('attr')" }

  - <script>alert('lijst')</script>
doel: "<a href='javascript:alert(1)'>doel</a>"
doelgroepen:
  - groep: kind
rollen: {}
erkenning:
  status: niet-gevonden
  toelichting: "<style>body{display:none}</style>"
bronnen:
  - titel: "</a><script>alert('bron')</script>"
    url: "https://example.org/?a=1&b=2"
laatst_gecontroleerd: 2026-01-01
status: concept
"""


@pytest.fixture(scope="module")
def malicious_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("xss"))
    (root / "palette" / "landelijk" / "kwaadaardig.yaml").write_text(MALICIOUS, encoding="utf-8")
    assert Project(root).build() == 0
    return root / "site"


class ActiveContent(HTMLParser):
    """Collects what a browser would execute: event attributes, script bodies, javascript: URLs, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        if tag in {"iframe", "style"} or (tag == "img" and dict(attrs).get("src") == "x"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}={value}")
            if name in {"href", "src"} and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append(f"script: {data[:60]}")


@pytest.mark.slow
def test_text_from_yaml_is_escaped(malicious_site: Path) -> None:
    for page in [malicious_site / "interventies" / "kwaadaardig" / "index.html", malicious_site / "verkenner" / "index.html"]:
        parser = ActiveContent()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], page
    item = (malicious_site / "interventies" / "kwaadaardig" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt; Hulp &amp; steun" in item


def test_javascript_urls_are_refused_by_the_validator(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from build_palette import main

    text = MALICIOUS.replace("https://example.org/?a=1&b=2", "javascript:alert(1)")
    (project / "palette" / "landelijk" / "kwaadaardig.yaml").write_text(text, encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 1
    assert "bronnen[0].url: verwacht een volledig webadres" in capsys.readouterr().err


@pytest.mark.slow
def test_failed_build_leaves_the_last_good_site(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert Project(root).build() == 0
    index = root / "site" / "index.html"
    before = index.read_bytes()
    (root / "palette" / "landelijk" / "kapot.yaml").write_text("id: kapot\nnaam: [\n", encoding="utf-8")

    assert Project(root).build() == 1

    assert index.read_bytes() == before
    assert (root / "site" / "interventies" / "tijdelijk-huisverbod" / "index.html").exists()


@pytest.mark.slow
def test_a_warning_fails_the_strict_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """mkdocs' warnings (here a link to a page that does not exist) stop the build and are shown."""
    root = copy_project(tmp_path)
    assert Project(root).build() == 0
    before = (root / "site" / "privacy" / "index.html").read_bytes()
    with open(root / "docs" / "privacy.md", "a", encoding="utf-8") as page:
        page.write("\n[Verder lezen](bestaat-niet.md)\n")

    assert Project(root).build() == 1

    assert "bestaat-niet.md" in capsys.readouterr().err
    assert (root / "site" / "privacy" / "index.html").read_bytes() == before


@pytest.mark.slow
def test_the_build_runs_hooks_declared_in_mkdocs_yml(tmp_path: Path) -> None:
    """MkDocs runs inside build_palette.py; hooks and plugins from mkdocs.yml must still run, into the staging folder."""
    root = copy_project(tmp_path)
    (root / "hooks.py").write_text(
        "from pathlib import Path\n\ndef on_post_build(config):\n    Path(config.site_dir, 'hook.txt').write_text('ran', encoding='utf-8')\n",
        encoding="utf-8",
    )
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - hooks.py\n")

    assert Project(root).build() == 0

    assert (root / "site" / "hook.txt").read_text(encoding="utf-8") == "ran"


def test_home_page_says_how_many_entries_are_checked(built_site: Path, palette) -> None:
    from palette_builder.models import ReviewStatus

    reviewed = sum(item.review_status is ReviewStatus.reviewed for item in palette.interventions)
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f"<strong>Stand van de inhoud:</strong> {reviewed} van de {len(palette.entries)} interventies" in home


def test_renamed_entry_old_address_leads_to_the_new_page(built_site: Path) -> None:
    """Tijd voor Toontje had the source's spelling in its address; shared links to it still work."""
    old = (built_site / "interventies" / "tijd-voor-toentje" / "index.html").read_text(encoding="utf-8")
    assert 'url=../tijd-voor-toontje/"' in old
    assert (built_site / "interventies" / "tijd-voor-toontje" / "index.html").exists()
