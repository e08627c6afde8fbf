"""Defects found by walking the site on a phone (390 x 844), each reproduced as a reader meets it."""

from __future__ import annotations

from benchmarks.support import PHONE


def test_footer_speaks_dutch(browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + "/")
    footer = page.locator(".md-footer").inner_text()
    context.close()
    # The theme's own credit line was English on every page.
    assert "Made with" not in footer
    assert "Gemaakt met" in footer


# Names as a reader scans them: the A-Z list, the explorer's cards, a phase page and a partner page.
LISTED_NAMES = {
    "/interventies/": "article ul.pv-links > li > a:first-child",
    "/verkenner/": ".pv-card__title a",
    "/fasen/risicogestuurd/": "article ul.pv-links > li > a:first-child",
}


def test_lists_are_in_dutch_alphabetical_order(browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    found = {}
    for path, selector in LISTED_NAMES.items():
        page.goto(site_url + path)
        names = page.eval_on_selector_all(selector, "links => links.map(a => a.textContent.trim())")
        in_order = page.evaluate("names => names.slice().sort(new Intl.Collator('nl').compare)", names)
        found[path] = (names, in_order)
    context.close()
    # 'Beëindiging van het ouderlijk gezag' stood after 'Bewaring': ë was sorted after z.
    assert "Beëindiging van het ouderlijk gezag" in found["/interventies/"][0]
    for path, (names, in_order) in found.items():
        assert names == in_order, path
