"""Lighthouse scores of the built site: the home page, the explorer and an entry page, mobile and desktop.

    .venv/bin/python benchmarks/lighthouse.py              # one run per page and form factor
    .venv/bin/python benchmarks/lighthouse.py --runs 3     # the median of three

Builds the site into a temporary folder, serves it on a local port (gzip, as a web host would) and
runs Lighthouse from npm (`npx --yes lighthouse@12.8.x`, so Node.js and npm are needed) in Debian's
Chromium. Prints a Markdown table: performance, accessibility and cumulative layout shift; for a
score below 100, the audits that cost points. Lighthouse's mobile run simulates a slow phone on a
slow network, so a loaded machine lowers the performance score: note the load with the figures.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.support import CHROMIUM
from palette_builder.project import Project

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@12.8.x"
PAGES = {
    "home": "/",
    "verkenner": "/verkenner/",
    "interventie": "/interventies/tijdelijk-huisverbod/",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text gzipped when the browser asks for it (as any web host does)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> object:
        target = Path(self.translate_path(self.path))
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        if target.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the standard handler redirects to the folder
            target = target / "index.html"
        if not target.is_file() or target.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(target.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object send_head returns: copyfile reads it."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        pass


@contextmanager
def served_build() -> Iterator[str]:
    """Start a server, then build the site for its address (instant navigation needs the site_url)."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        site = Path(folder) / "site"
        site.mkdir()
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}"
        previous = os.environ.get("SITE_URL")
        os.environ["SITE_URL"] = url + "/"
        try:
            if Project(REPO).build(site) != 0:
                raise SystemExit("De site kon niet worden gebouwd.")
            yield url
        finally:
            if previous is None:
                os.environ.pop("SITE_URL", None)
            else:
                os.environ["SITE_URL"] = previous
            server.shutdown()
            server.server_close()


def lighthouse(url: str, desktop: bool, output: Path) -> dict:
    command = [
        shutil.which("npx") or "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--output=json",
        f"--output-path={output}",
        "--only-categories=performance,accessibility",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
        *(["--preset=desktop"] if desktop else []),
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(output.read_text(encoding="utf-8"))


def lost_points(report: dict, category: str) -> list[str]:
    """The audits of a category that scored below 1, by id."""
    refs = report["categories"][category]["auditRefs"]
    return [ref["id"] for ref in refs if ref["weight"] and (report["audits"][ref["id"]].get("score") or 0) < 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page and form factor; the median is shown")
    args = parser.parse_args()
    rows, notes = [], []
    with served_build() as url, tempfile.TemporaryDirectory(prefix="lighthouse-rapport-") as reports:
        for name, path in PAGES.items():
            for form in ("mobile", "desktop"):
                runs = [lighthouse(url + path, form == "desktop", Path(reports) / f"{name}-{form}-{run}.json") for run in range(args.runs)]
                performance = statistics.median(run["categories"]["performance"]["score"] * 100 for run in runs)
                accessibility = statistics.median(run["categories"]["accessibility"]["score"] * 100 for run in runs)
                shift = statistics.median(run["audits"]["cumulative-layout-shift"]["numericValue"] for run in runs)
                rows.append(f"| {name} | {form} | {performance:.0f} | {accessibility:.0f} | {shift:.3f} |")
                for category in ("performance", "accessibility"):
                    missed = sorted({audit for run in runs for audit in lost_points(run, category)})
                    if missed:
                        notes.append(f"- {name}, {form}, {category}: {', '.join(missed)}")
    print("| page | form factor | performance | accessibility | CLS |\n|---|---|---:|---:|---:|\n" + "\n".join(rows))
    if notes:
        print("\nAudits below full score:\n" + "\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
