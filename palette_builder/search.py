"""Site search: a MkDocs plugin that runs Pagefind over the built site after every build.

A plugin (registered in pyproject.toml) rather than a `hooks:` file, so that `mkdocs build`,
`mkdocs serve`, `build_palette.py` and copies of the project outside the repository all index
the site the same way. Pagefind's binary ships inside its wheel: nothing is downloaded.
"""

from __future__ import annotations

import subprocess
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

# The search bundle's folder inside the site; docs/assets/javascripts/zoeken.js loads it from there.
OUTPUT_SUBDIR = "pagefind"


def pagefind_command(site_dir: str) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", site_dir, "--output-subdir", OUTPUT_SUBDIR, "--silent"]


class PagefindPlugin(BasePlugin):
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        result = subprocess.run(pagefind_command(config.site_dir), capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PluginError(f"Pagefind kon de zoekindex niet maken:\n{result.stdout}{result.stderr}")
