"""Settings of the site that a region or publisher fills in (in mkdocs.yml), checked before a build."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

# Addresses reserved for examples (RFC 2606): a site that still has one cannot receive reports.
PLACEHOLDER_DOMAIN = re.compile(r"(^|[@.])example\.(org|com|net)(/|$)", re.IGNORECASE)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV [NAME, default]; for these checks the default is enough."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None
    return None


_ConfigLoader.add_constructor("!ENV", _env)


def report_settings(root: Path) -> dict[str, str]:
    """extra.report of mkdocs.yml: where readers report errors or accessibility problems."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (a SafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    report = ((config or {}).get("extra") or {}).get("report") or {}
    return {key: str(value) for key, value in report.items() if key in ("email", "url") and value}


def settings_warnings(root: Path) -> list[str]:
    """Warnings, not errors: the site builds, but a reader would be sent to a wrong address."""
    report = report_settings(root)
    if not report:
        return ["Let op: mkdocs.yml noemt geen meldadres (extra.report.email of extra.report.url); lezers kunnen niets melden."]
    warnings = []
    for key, value in report.items():
        domain = value.rsplit("@", 1)[-1] if key == "email" else re.sub(r"^[a-z]+://", "", value)
        if PLACEHOLDER_DOMAIN.search(domain):
            warnings.append(f"Let op: extra.report.{key} in mkdocs.yml is nog het voorbeeldadres {value}; vul het adres in waar lezers fouten melden.")
    if "url" in report and not re.match(r"^https?://", report["url"]):
        warnings.append(f"Let op: extra.report.url in mkdocs.yml is geen webadres (http:// of https://): {report['url']}; de site toont het niet als link.")
    return warnings
