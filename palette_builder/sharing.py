"""Sharing a page in a room: its QR code (SVG, made at build time) and the site's address.

`share_globals(settings)` gives the templates `qr_code(path)`, `site_address` and the name of the offline copy.
The code's modules come from zxing-cpp, whose writer is Zint's QR encoder in C: like any encoder that
follows the standard it tries all eight mask patterns and keeps the one with the lowest penalty, in
about 0.35 ms a code (segno, in pure Python, took 6 ms; at thousands of entries that was most of the
build). The SVG is written here, as one path of dark runs: the address it encodes never appears as
text in it, and the address shown beside it goes through jinja's escaping like every other text.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import zxingcpp
from markupsafe import Markup

from .site_settings import SiteSettings

# The offline copy (`build_palette.py offline`), published beside the site's home page.
OFFLINE_ZIP = "interventiepalet-offline.zip"

QUIET_ZONE = 4  # modules of light border the standard asks for around a QR code
DARK_RUN = re.compile(rb"\x00+")  # in zxing-cpp's image a dark module is 0, a light one 255


def qr_rows(address: str) -> list[bytes]:
    """The code's modules, one byte per module, row by row; error correction M, no quiet zone."""
    code = zxingcpp.create_barcode(address, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    height, width = image.shape
    pixels = image.tobytes()
    return [pixels[y * width : (y + 1) * width] for y in range(height)]


# Not bounded: an entry's code appears on its page and on its printable card, and with a bound below
# the number of entries every code would be made twice.
@functools.cache
def qr_svg(address: str) -> Markup:
    """An inline SVG that scales to its box (no width or height of its own)."""
    rows = qr_rows(address)
    size = len(rows) + 2 * QUIET_ZONE
    # One horizontal stroke per run of dark modules, drawn through the middle of its row.
    runs = "".join(
        f"M{QUIET_ZONE + run.start()} {y}.5h{run.end() - run.start()}" for y, row in enumerate(rows, start=QUIET_ZONE) for run in DARK_RUN.finditer(row)
    )
    # Decorative for screen readers: the figure's caption says what it is and gives the address as text.
    svg = (
        f'<svg aria-hidden="true" focusable="false" viewBox="0 0 {size} {size}" class="pv-qr__svg">'
        f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/><path stroke="#000" d="{runs}"/></svg>'
    )
    return Markup(svg)  # noqa: S704 - numbers only, no text from YAML


def share_globals(settings: SiteSettings) -> dict[str, Any]:
    site_address = settings.site_url

    def qr_code(path: str) -> Markup:
        return qr_svg(site_address + path)

    return {"site_address": site_address, "qr_code": qr_code, "offline_zip": OFFLINE_ZIP}
