"""Sharing a page in a room: its QR code (SVG, made at build time with segno) and the site's address.

`share_globals(settings)` gives the templates `qr_code(path)`, `site_address` and the name of the offline copy. segno writes only the
path of the code's squares; the address it encodes never appears as text in the SVG, and the address
shown beside it goes through jinja's escaping like every other text.
"""

from __future__ import annotations

import functools
from typing import Any

import segno
from markupsafe import Markup

from .site_settings import SiteSettings

# The offline copy (`build_palette.py offline`), published beside the site's home page.
OFFLINE_ZIP = "interventiepalet-offline.zip"


# Not bounded: an entry's code appears on its page and on its printable card, and with a bound below
# the number of entries every code would be made twice (segno tries eight masks; ~6 ms a code).
@functools.cache
def qr_svg(address: str) -> Markup:
    """An inline SVG that scales to its box (no width or height of its own), error correction M."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(omitsize=True, border=4, svgclass="pv-qr__svg", lineclass=None, dark="#000", light="#fff")
    # Decorative for screen readers: the figure's caption says what it is and gives the address as text.
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))  # noqa: S704 - segno's own markup, no text from YAML


def share_globals(settings: SiteSettings) -> dict[str, Any]:
    site_address = settings.site_url

    def qr_code(path: str) -> Markup:
        return qr_svg(site_address + path)

    return {"site_address": site_address, "qr_code": qr_code, "offline_zip": OFFLINE_ZIP}
