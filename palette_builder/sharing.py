"""Sharing a page: the site's address for the templates.

`share_globals(root)` gives the templates `site_address`, the site_url of mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .site_settings import SiteSettings, read_site_settings


def share_globals(root: Path | None) -> dict[str, Any]:
    settings = read_site_settings(root) if root else SiteSettings()
    return {"site_address": settings.site_url}
