"""The README's pictures of the site: the palette, an entry page and the explorer, on a laptop and a phone.

    .venv/bin/python benchmarks/screenshots.py

Builds the site, serves it locally and saves the pictures in docs/assets/images/ with Debian's
Chromium. Run it after a change people would see, and commit the pictures with that change.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from benchmarks.lighthouse import served_build
from benchmarks.support import CHROMIUM, CHROMIUM_ARGS, PHONE

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "assets" / "images"
LAPTOP = {"width": 1366, "height": 768}
# file name -> (address, viewport, whole page or first screen)
PICTURES = {
    "palet.png": ("/palet/", LAPTOP, True),
    "palet-telefoon.png": ("/palet/", PHONE, False),
    "interventie.png": ("/interventies/tijdelijk-huisverbod/", LAPTOP, False),
    "interventie-telefoon.png": ("/interventies/tijdelijk-huisverbod/", PHONE, False),
    "verkenner.png": ("/verkenner/?fase=veiligheid-acuut&beslist=burgemeester", LAPTOP, False),
    "verkenner-telefoon.png": ("/verkenner/?fase=veiligheid-acuut&beslist=burgemeester", PHONE, False),
}


def main() -> int:
    with served_build() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, (path, viewport, full_page) in PICTURES.items():
            page = browser.new_page(viewport=viewport, device_scale_factor=1)
            page.goto(url + path, wait_until="networkidle")
            page.screenshot(path=str(IMAGES / name), full_page=full_page)
            page.close()
            print(f"{name}: {url + path}")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
