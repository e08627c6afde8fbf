"""The settings of mkdocs.yml that the generator needs: the site's address, its name, and where readers report
errors (`extra.report`), plus the warnings a publisher gets while those are still examples.

```yaml
extra:
  report:
    email: meldingen@example.org   # a mailto: link with subject and body filled in
    url: https://.../issues/new?title={naam}&body={adres}   # optional; wins over email
```
Both are read through MkDocs' `!ENV`, so a region's workflow sets its own (REPORT_EMAIL, REPORT_URL).
`{id}`, `{naam}` and `{adres}` in the url are replaced, URL-encoded. The site sends nothing itself: the
link opens the reader's own mail program or the form.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

# The folder of the entries' pages: /interventies/<id>/.
ENTRY_DIR = "interventies"


def entry_doc(entry_id: str) -> str:
    """The Markdown file of an entry's page."""
    return f"{ENTRY_DIR}/{entry_id}.md"


def entry_path(entry_id: str) -> str:
    """The site path of an entry's page, as in a QR code, the open data or a script's link."""
    return f"{ENTRY_DIR}/{entry_id}/"


# Addresses reserved for examples (RFC 2606): a site that still has one cannot receive reports.
PLACEHOLDER_DOMAIN = re.compile(r"(^|[@.])example\.(org|com|net)(/|$)", re.IGNORECASE)


@dataclass(frozen=True)
class SiteSettings:
    site_url: str = "http://127.0.0.1:8000/"
    site_name: str = "Interventiepalet Veiligheid Voorop"
    report_email: str | None = None
    report_url: str | None = None

    def page_address(self, entry_id: str) -> str:
        return f"{self.site_url}{entry_path(entry_id)}"

    def report_link(self, entry_id: str, name: str) -> str | None:
        """The link for 'Meld een fout of aanvulling' on an entry's page; None when nothing is configured."""
        address = self.page_address(entry_id)
        if self.report_url:
            link = self.report_url
            for key, value in (("{id}", entry_id), ("{naam}", name), ("{adres}", address)):
                link = link.replace(key, quote(value, safe=""))
            return link
        if self.report_email:
            subject = f"Fout of aanvulling: {name} ({entry_id})"
            body = f"Interventie: {name}\r\nId: {entry_id}\r\nPagina: {address}\r\n\r\nWat klopt er niet of wat ontbreekt?\r\n"
            return f"mailto:{self.report_email}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
        return None


def site_name(configured: str, region_label: str | None) -> str:
    """The site's name: a region's build adds the region's (it forks mkdocs.yml unchanged), unless the
    publisher set SITE_NAME, which mkdocs.yml reads. The header, the feed and the pages say the same."""
    if region_label and "SITE_NAME" not in os.environ:
        return f"{configured} – {region_label}"
    return configured


def read_site_settings(root: Path) -> SiteSettings:
    """site_url and extra.report from mkdocs.yml, read with MkDocs' own loader (which resolves !ENV)."""
    path = root / "mkdocs.yml"
    if not path.exists():
        return SiteSettings()
    try:
        with path.open(encoding="utf-8") as stream:
            config = yaml_load(stream) or {}
    except (OSError, ConfigurationError) as error:  # mkdocs build reports it in full; the pages get the defaults
        print(f"Let op: mkdocs.yml is niet te lezen ({error}).", file=sys.stderr)
        return SiteSettings()
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    report = extra.get("report") if isinstance(extra.get("report"), dict) else {}
    site_url = str(config.get("site_url") or SiteSettings.site_url)
    return SiteSettings(
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        site_name=str(config.get("site_name") or SiteSettings.site_name),
        report_email=str(report["email"]).strip() if report.get("email") else None,
        report_url=str(report["url"]).strip() if report.get("url") else None,
    )


def settings_warnings(root: Path) -> list[str]:
    """Warnings, not errors: the site builds, but a reader would be sent to a wrong address."""
    settings = read_site_settings(root)
    report = {key: value for key, value in (("email", settings.report_email), ("url", settings.report_url)) if value}
    if not report:
        return ["Let op: mkdocs.yml noemt geen meldadres (extra.report.email of extra.report.url); lezers kunnen niets melden."]
    warnings = []
    for key, value in report.items():
        domain = value.rsplit("@", 1)[-1] if key == "email" else re.sub(r"^[a-z]+://", "", value)
        if PLACEHOLDER_DOMAIN.search(domain):
            warnings.append(
                f"Let op: het meldadres {value} is een voorbeeldadres; vul het adres in waar lezers fouten melden: "
                f"extra.report.{key} in mkdocs.yml, of voor een regionale site REPORT_{key.upper()} in de workflow."
            )
    if "url" in report and not re.match(r"^https?://", report["url"]):
        warnings.append(f"Let op: extra.report.url in mkdocs.yml is geen webadres (http:// of https://): {report['url']}; de site toont het niet als link.")
    return warnings
