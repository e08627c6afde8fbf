"""Defects readers ran into, each reproduced as a reader meets it: in a real Chromium, on a fresh page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from benchmarks.support import DESKTOP, PHONE
from palette_builder.project import Project
from palette_builder.selection import Selection

from .conftest import FIXTURE, REPO, axe_wcag_aa, copy_project, open_for_instant_navigation

EXAMPLE_REGION = REPO / "tests" / "voorbeeldregio" / "limburg"


def open_explorer(page, base: str, query: str = "") -> None:
    page.goto(f"{base}/verkenner/{query}")
    page.wait_for_selector("[data-filters]:not([hidden])")


def visible_ids(page) -> set[str]:
    return set(page.eval_on_selector_all(".pv-cards > .pv-card", "cards => cards.map(c => c.id.replace('kaart-', ''))"))


# -- 1. a region's site ---------------------------------------------------------------------------


def entry_line(page, name: str) -> str:
    """The text of the list item that links to `name`, marks included."""
    link = page.locator("main li", has=page.get_by_role("link", name=name, exact=True)).first
    return link.inner_text()


@pytest.mark.parametrize("path", ["/palet/", "/fasen/veiligheid-acuut/", "/domeinen/overige-interventies/", "/interventies/"])
def test_region_lists_mark_unavailable_and_regional_entries(page, region_served, path: str) -> None:
    _, base = region_served
    page.goto(base + path)
    if path != "/domeinen/overige-interventies/" or page.get_by_role("link", name="AWARE", exact=True).count():
        assert "Niet beschikbaar in Limburg" in entry_line(page, "AWARE")
    if path in ("/palet/", "/domeinen/overige-interventies/", "/interventies/"):
        assert "Regionaal: Limburg" in entry_line(page, "Voorbeeld buurtaanpak")
    # The same mark everywhere: one style, one wording.
    marks = page.locator("main .pv-tag--niet")
    assert marks.count() >= 1 and marks.first.inner_text() == "Niet beschikbaar in Limburg"


def test_region_explorer_counts_availability_truthfully(page, region_served) -> None:
    _, base = region_served
    open_explorer(page, base)
    assert "Niet beschikbaar in Limburg" in page.locator("#kaart-aware").text_content()
    assert "Regionaal: Limburg" in page.locator("#kaart-voorbeeld-buurtaanpak").text_content()
    every = visible_ids(page)
    unavailable = set(
        page.eval_on_selector_all(
            ".pv-cards > .pv-card", "cards => cards.filter(c => c.textContent.includes('Niet beschikbaar in Limburg')).map(c => c.id.replace('kaart-', ''))"
        )
    )
    assert "aware" in unavailable and len(unavailable) < len(every)
    page.locator("[data-facet=regio] > summary").click()
    page.get_by_label(re.compile(r"^Beschikbaar in Limburg")).check()
    page.wait_for_function("location.search.includes('regio=')")
    shown = visible_ids(page)
    assert shown == every - unavailable and "voorbeeld-buurtaanpak" in shown
    # Availability and origin are separate questions: no facet repeats the other's options.
    availability = page.locator("[data-facet=regio] .pv-option__label").all_inner_texts()
    origin = page.locator("[data-facet=herkomst] .pv-option__label").all_inner_texts()
    assert not set(availability) & set(origin)
    assert "Niet beschikbaar in Limburg" in availability


def test_region_unavailable_entry_page_is_consistent(page, region_served) -> None:
    _, base = region_served
    page.goto(base + "/interventies/aware/")
    available = page.locator(".pv-facts dt", has_text="Beschikbaar").locator("xpath=following-sibling::dd[1]").inner_text()
    assert available.startswith("Niet beschikbaar in Limburg")
    assert page.locator("main").inner_text().count("geen financiering") == 1


def test_region_hidden_entry_appears_nowhere(page, region_served) -> None:
    site, base = region_served
    pages = [path for path in site.rglob("*") if path.is_file() and path.suffix in (".html", ".json", ".xml")]
    found = [str(path.relative_to(site)) for path in pages if "families-first" in path.read_text(encoding="utf-8")]
    assert found == []
    open_explorer(page, base)
    assert page.locator("#kaart-families-first").count() == 0
    assert page.goto(base + "/interventies/families-first/").status == 404


# -- 2. a shared link whose filters match nothing -------------------------------------------------


@pytest.fixture(scope="module")
def interventions():
    return Project(FIXTURE).load().interventions


def test_shared_link_matching_nothing_shows_no_cards(browser, site_url: str, interventions) -> None:
    domain, kind = "bestuursrecht", "programma"
    assert not [item for item in interventions if item.domain == domain and item.kind.value == kind]
    context = browser.new_context()
    page = context.new_page()
    open_explorer(page, site_url, f"?domein={domain}&soort={kind}")
    for reload in (False, True):  # opened fresh, then reloaded
        if reload:
            page.reload()
            page.wait_for_selector("[data-filters]:not([hidden])")
        assert page.locator("[role=status]").inner_text() == f"0 van {len(interventions)} interventies"
        assert page.locator("[data-empty]").is_visible()
        assert page.locator(".pv-cards > .pv-card").count() == 0
    context.close()


# -- 3. a shared text-filter link -----------------------------------------------------------------


def search_overlay_open(page) -> bool:
    return page.evaluate("document.querySelector('[data-md-toggle=search]').checked")


@pytest.mark.parametrize("query", ["?zoek=huisverbod", "?q=huisverbod"])
def test_shared_text_filter_link_fills_the_explorer_not_the_site_search(browser, site_url: str, query: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    open_explorer(page, site_url, query)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not search_overlay_open(page)
    assert page.get_by_label("Zoek op naam, afkorting of trefwoord").input_value() == "huisverbod"
    assert "tijdelijk-huisverbod" in visible_ids(page) and len(visible_ids(page)) < 20
    assert re.search(r"[?&]zoek=huisverbod(&|$)", page.url) and "q=" not in page.url
    page.reload()
    page.wait_for_load_state("networkidle")
    assert not search_overlay_open(page)
    context.close()


def test_typing_in_the_explorer_writes_its_own_parameter(page, site_url: str) -> None:
    open_explorer(page, site_url)
    page.get_by_label("Zoek op naam, afkorting of trefwoord").fill("thv")
    page.wait_for_function("location.search.includes('zoek=thv')")
    assert "q=" not in page.url


# -- 9. a hand-typed filter value -----------------------------------------------------------------


def ids_where(interventions, test) -> set[str]:
    return {item.id for item in interventions if test(item)}


def test_unknown_filter_value_is_reported_not_silently_dropped(page, site_url: str, interventions) -> None:
    open_explorer(page, site_url, "?fase=veiligheidx&domein=strafrecht")
    notice = page.locator("[data-unknown]")
    assert notice.is_visible()
    assert "veiligheidx" in notice.inner_text() and "Fase" in notice.inner_text()
    assert notice.get_attribute("aria-live") == "polite"
    # The understood part still applies.
    assert visible_ids(page) == ids_where(interventions, lambda item: item.domain == "strafrecht")


def test_a_filter_named_twice_or_in_capitals_counts_in_full(page, site_url: str, interventions) -> None:
    both = ids_where(interventions, lambda item: {"herstelgericht", "risicogestuurd"} & set(item.phases))
    for query in ("?fase=herstelgericht&fase=risicogestuurd", "?Fase=herstelgericht,risicogestuurd"):
        open_explorer(page, site_url, query)
        assert visible_ids(page) == both, query
        assert not page.locator("[data-unknown]").is_visible(), query
        assert parse_qs(urlparse(page.url).query) == {"fase": ["risicogestuurd,herstelgericht"]}


def test_a_parameter_that_is_no_filter_is_reported_not_ignored(page, site_url: str, interventions) -> None:
    open_explorer(page, site_url, "?fasen=herstelgericht&domein=strafrecht")
    notice = page.locator("[data-unknown]")
    assert notice.is_visible() and "fasen=herstelgericht" in notice.inner_text()
    assert visible_ids(page) == ids_where(interventions, lambda item: item.domain == "strafrecht")
    assert urlparse(page.url).query == "domein=strafrecht"


def test_phase_group_and_unique_labels_are_understood(page, site_url: str, interventions) -> None:
    phases = Project(FIXTURE).load().vocabularies["fasen"].values()
    safety = {phase.id for phase in phases if phase.group.lower() == "veiligheid"}
    assert len(safety) == 2
    open_explorer(page, site_url, "?fase=veiligheid")
    assert not page.locator("[data-unknown]").is_visible()
    for phase in safety:
        assert page.locator(f"input[name=fase][value={phase}]").is_checked()
    assert visible_ids(page) == ids_where(interventions, lambda item: safety & set(item.phases))
    assert set(parse_qs(urlparse(page.url).query)["fase"][0].split(",")) == safety  # the URL now says what it shows
    # A label (any case) or the abbreviation in a label, when it names exactly one value.
    open_explorer(page, site_url, "?domein=Civiel%20recht&voert=3RO")
    assert not page.locator("[data-unknown]").is_visible()
    assert page.locator("input[name=domein][value=civiel-recht]").is_checked()
    assert page.locator("input[name=voert][value=reclassering]").is_checked()
    assert "domein=civiel-recht" in page.url and "voert=reclassering" in page.url


# -- 4. visible keyboard focus on the filters -----------------------------------------------------


def focus_ring(page) -> dict:
    """The outline or ring of the focused element, or of the label around it."""
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          const ring = (node) => {
            const s = getComputedStyle(node);
            return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? s.outlineWidth + ' ' + s.outlineColor : '',
                    shadow: s.boxShadow !== 'none' ? s.boxShadow : ''};
          };
          return {tag: el.tagName, type: el.type, self: ring(el), label: el.closest('label') ? ring(el.closest('label')) : null};
        }"""
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_filter_checkboxes_show_keyboard_focus(browser, site_url: str, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    open_explorer(page, site_url)
    toggle = page.locator("[data-filter-toggle]")
    if toggle.is_visible():  # on a phone the filters wait behind one button
        toggle.click()
    page.get_by_label("Zoek op naam, afkorting of trefwoord").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "checkbox":
            break
    ring = focus_ring(page)
    assert ring["type"] == "checkbox", ring
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    assert ring["self"]["outline"] or ring["self"]["shadow"] or ring["label"]["outline"] or ring["label"]["shadow"], ring
    context.close()


# -- 6. "Toon meer" only when there is more -------------------------------------------------------


def test_show_more_only_when_more_matches_and_never_printed(page, site_url: str, interventions) -> None:
    def smaller_pages(route) -> None:
        html = route.fetch().text().replace('data-page-size="100"', 'data-page-size="20"')
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route("**/verkenner/*", smaller_pages)
    more = page.locator("[data-more]")
    open_explorer(page, site_url, "?zoek=huisverbod")
    assert len(visible_ids(page)) < 20
    assert not more.is_visible()
    open_explorer(page, site_url)
    assert len(visible_ids(page)) == 20 and more.is_visible()
    page.emulate_media(media="print")
    assert not more.is_visible()


# -- 7. the explorer does not jump while loading --------------------------------------------------

LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1000);
})"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366x768", "390x844"])
@pytest.mark.parametrize("query", ["", "?fase=herstelgericht"])
def test_explorer_does_not_jump_while_loading(browser, site_url: str, viewport: dict, query: str) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}/verkenner/{query}", wait_until="load")
    page.wait_for_selector("[data-filters]:not([hidden])")
    shift = page.evaluate(LAYOUT_SHIFT)
    context.close()
    assert shift < 0.1, f"cumulative layout shift {shift:.3f}"


# -- 8. print -------------------------------------------------------------------------------------

PRINTED_URLS = """() => [...document.querySelectorAll('main a')]
  .map(a => ({host: a.host, href: a.href, after: getComputedStyle(a, '::after').content}))
  .filter(link => link.after.includes('://'))"""

CONTROLS_SHOWN = """() => [...document.querySelectorAll('button, input, select, textarea, .md-button, .md-header__button, [role=button]')]
  .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
  .map(el => el.outerHTML.slice(0, 80))"""


def test_print_shows_only_external_link_urls(page, site_url: str) -> None:
    page.goto(site_url + "/interventies/tijdelijk-huisverbod/")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    printed = page.evaluate(PRINTED_URLS)
    own_host = urlparse(site_url).netloc
    assert [link["href"] for link in printed if link["host"] == own_host] == []
    sources = page.eval_on_selector_all(".pv-sources a", "links => links.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])")
    assert sources and all(href in shown for href, shown in sources)
    assert {link["host"] for link in printed} >= {"wetten.overheid.nl"}


@pytest.mark.parametrize("path", ["/interventies/tijdelijk-huisverbod/", "/fasen/herstelgericht/", "/verkenner/?fase=herstelgericht", "/palet/"])
def test_print_shows_no_buttons_or_controls(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(CONTROLS_SHOWN) == []
    assert page.pdf(format="A4").startswith(b"%PDF")


# -- 11. what a date means ------------------------------------------------------------------------

DUTCH_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]


def dutch(day) -> str:
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def test_entry_date_says_updated_or_checked_in_dutch(page, site_url: str, interventions) -> None:
    by_status = {}
    for item in interventions:
        by_status.setdefault(item.review_status.value, item)
    assert {"te-controleren", "gecontroleerd"} <= set(by_status)
    for status, words in (("te-controleren", "Bijgewerkt op"), ("gecontroleerd", "Gecontroleerd op")):
        item = by_status[status]
        page.goto(f"{site_url}/interventies/{item.id}/")
        line = page.locator(".pv-checked").last.inner_text()
        assert f"{words} {dutch(item.last_reviewed)}" in line, line
        assert not re.search(r"\d{4}-\d{2}-\d{2}", page.locator("main").inner_text())
        if status != "gecontroleerd":
            assert "gecontroleerd" not in line.lower().replace("te controleren", "")


# -- 10. smaller: skip link, titles, 404, where to report a problem -------------------------------


@pytest.mark.parametrize("path", ["/verkenner/", "/palet/", "/interventies/tijdelijk-huisverbod/", "/fasen/herstelgericht/", "/interventies/"])
def test_skip_link_lands_on_the_page_heading(browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    skip = page.evaluate("({cls: document.activeElement.className, text: document.activeElement.textContent.trim()})")
    assert "md-skip" in skip["cls"], skip
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")
    target = page.evaluate("document.getElementById(decodeURIComponent(location.hash.slice(1))).tagName")
    assert target == "H1"
    context.close()


def test_home_title_names_the_site_once(page, site_url: str) -> None:
    page.goto(site_url + "/")
    title = page.title()
    assert title.count("Interventiepalet Veiligheid Voorop") == 1, title


def test_not_found_page_is_dutch(page, site_url: str) -> None:
    page.goto(site_url + "/404.html")  # the page a web server sends for an unknown address
    text = page.locator("main").inner_text()
    assert "Not found" not in text and "niet gevonden" in text.lower()
    assert page.locator("main a[href]").count() >= 1  # a way on
    assert "Not found" not in page.title()


def report_setting(root: Path) -> dict:
    from palette_builder.site_settings import read_site_settings

    settings = read_site_settings(root)
    return {key: value for key, value in (("email", settings.report_email), ("url", settings.report_url)) if value}


def test_accessibility_page_says_where_to_report(page, site_url: str) -> None:
    report = report_setting(REPO)
    assert report.get("email") or report.get("url")
    page.goto(site_url + "/toegankelijkheid/")
    section = page.locator("[data-report]")
    assert section.is_visible()
    if report.get("email"):
        link = section.locator(f"a[href='mailto:{report['email']}']")
        assert link.is_visible() and link.inner_text() == report["email"]
    if report.get("url"):
        assert section.locator(f"a[href='{report['url']}']").is_visible()


def set_report(root: Path, lines: str) -> None:
    config = root / "mkdocs.yml"
    text = re.sub(r"\n  report:\n(    .*\n)+", "\n", config.read_text(encoding="utf-8"))
    config.write_text(text.replace("\nextra:\n", "\nextra:\n  report:\n" + lines), encoding="utf-8")


def test_placeholder_report_address_is_a_warning_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "voorbeeld")
    assert "example.org" in str(report_setting(root))  # the repository ships a placeholder
    assert Project(root).check() == 0
    output = capsys.readouterr()
    warning = [line for line in (output.out + output.err).splitlines() if "extra.report" in line]
    assert len(warning) == 1 and warning[0].startswith("Let op:") and "example.org" in warning[0]

    set_report(root, "    email: meldpunt@veiligheidvoorop.nl\n")
    assert Project(root).check() == 0
    output = capsys.readouterr()
    assert "extra.report" not in output.out + output.err


@pytest.mark.slow
def test_report_address_is_escaped_and_only_web_links_become_links(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "kwaad")
    set_report(root, '    email: "a\\"><script>alert(1)</script>@example.org"\n    url: "javascript:alert(2)"\n')
    assert Project(root).build() == 0
    page = (root / "site" / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "javascript:alert(2)" not in page


@pytest.mark.slow
def test_all_regions_build_marks_an_offer_a_region_hides(tmp_path: Path) -> None:
    from palette_builder.generate import generate_pages

    root = copy_project(tmp_path)
    shutil.copytree(EXAMPLE_REGION, root / "palette" / "regio" / "limburg")
    pages = generate_pages(Project(root, region="alle").load(), Selection(all=True), None)
    mark = '<span class="pv-tag pv-tag--niet">Niet beschikbaar in Limburg</span>'
    palette_line = next(line for line in pages["palet/index.md"].splitlines() if "interventies/families-first/" in line)
    assert mark in palette_line
    card = re.search(r'<li class="pv-card" id="kaart-families-first".*?</li>', pages["verkenner/index.md"], re.S)
    assert card and mark in card.group(0) and 'data-regio="niet-limburg"' in card.group(0)
    entry = pages["interventies/families-first.md"]
    assert f"Landelijk — {mark}" in entry
    assert entry.count("Wordt in de voorbeeldregio niet aangeboden.") == 1


# -- the changed views stay free of axe violations ------------------------------------------------


@pytest.mark.parametrize(
    ("site", "path"),
    [("regio", "/palet/"), ("regio", "/interventies/aware/"), ("regio", "/verkenner/"), ("landelijk", "/verkenner/?fase=onbekend"), ("landelijk", "/404.html")],
)
def test_changed_views_have_no_axe_violations(browser, site_url: str, region_served, site: str, path: str) -> None:
    base = region_served[1] if site == "regio" else site_url
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        if "onbekend" in path:
            assert page.locator("[data-unknown]").is_visible()
        results = axe_wcag_aa(page)
        context.close()
        assert results.violations_count == 0, results.generate_report()


def test_explorer_reached_by_instant_navigation_has_its_layout_from_the_start(browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    open_for_instant_navigation(page, f"{site_url}/palet/")
    page.evaluate("window.notReloaded = true")
    page.evaluate("document.querySelector('a.md-tabs__link[href*=verkenner], a.md-nav__link[href*=verkenner]').click()")
    page.wait_for_url("**/verkenner/")
    page.wait_for_selector("[data-filters]:not([hidden])")
    assert page.evaluate("window.notReloaded === true")
    # The class that lets the stylesheet place the filters before verkenner.js has run.
    assert page.evaluate("document.documentElement.classList.contains('pv-js')")
    context.close()
