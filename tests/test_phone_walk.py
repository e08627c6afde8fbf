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
