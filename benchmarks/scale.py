#!/usr/bin/env python3
"""Scale benchmark: synthetic palettes of 100 to 20,000 entries.

For each size it reports, side by side in one run:
- our full build (`build_palette.py build`: validate, generate, mkdocs build, Pagefind index)
  against a bare `mkdocs build` of the same generated pages with the theme's own (lunr) search:
  wall time, CPU time (user + system of the process tree, much less sensitive to other jobs on the
  machine than wall time) and peak memory (RSS of the process tree);
- in Debian's Chromium: the time from typing a query to the first search result, with Pagefind
  (our site) and with lunr (the bare site); the explorer's first load in gzip bytes (every file
  fetched until the load event, gzipped from disk, so the figure does not depend on a server); and
  the explorer's filter latency (script plus style and layout of the change, and until the next
  frame has run, which adds the wait for that frame).
Sizes given with --build-only (20,000 by default) get only our build, to show how its time and
memory grow.

    .venv/bin/python benchmarks/scale.py [--sizes 100 1000 5000] [--build-only 20000] [--runs 1] [--no-browser]

It writes nothing into the repository; the figures go to standard output as Markdown tables.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.support import CHROMIUM, CHROMIUM_ARGS, copy_project, first_load  # noqa: E402
from palette_builder.generate import GENERATED_DIRS  # noqa: E402

MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code)\n"
)


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MB of a command and all it starts.
    CPU time counts every process the command waited for (Pagefind's too); unlike wall time it
    barely changes when other jobs share the machine."""
    output = subprocess.run([sys.executable, "-c", MEASURE, *command], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    seconds, cpu_seconds, kilobytes, code = output.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}: {output.stderr}")
    return float(seconds), float(cpu_seconds), int(kilobytes) / 1024


def vocabulary_ids(name: str) -> list[str]:
    return [term["id"] for term in yaml.safe_load((REPO / "palette" / "vocabulaires" / f"{name}.yaml").read_text(encoding="utf-8"))]


def synthetic_palette(root: Path, size: int, seed: int = 7) -> None:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    phases, domains, partners = vocabulary_ids("fasen"), vocabulary_ids("domeinen"), vocabulary_ids("partners")
    groups, moments = vocabulary_ids("doelgroepen"), vocabulary_ids("momenten")
    folder = root / "palette" / "landelijk"
    shutil.rmtree(folder)
    folder.mkdir()
    words = [
        "veiligheid",
        "gezin",
        "hulp",
        "toezicht",
        "contact",
        "verbod",
        "herstel",
        "risico",
        "kind",
        "ouder",
        "netwerk",
        "zorg",
        "straf",
        "plan",
        "overleg",
    ]
    for number in range(size):
        # The home page links to tijdelijk-huisverbod; with --strict that link must resolve.
        entry_id = "tijdelijk-huisverbod" if number == 0 else f"interventie-{number:05d}"
        entry = {
            "id": entry_id,
            "naam": f"Interventie {number} {rng.choice(words)} {rng.choice(words)}",
            "afkortingen": [f"IV{number}"],
            "soort": "programma",
            "fasen": rng.sample(phases, rng.randint(1, 2)),
            "domein": rng.choice(domains),
            "samenvatting": " ".join(rng.choices(words, k=14)).capitalize() + ".",
            "beschrijving": "\n\n".join(" ".join(rng.choices(words, k=40)).capitalize() + "." for _ in range(3)),
            "doel": " ".join(rng.choices(words, k=12)).capitalize() + ".",
            "doelgroepen": [{"groep": group} for group in rng.sample(groups, 2)],
            "rollen": {"beslist": rng.sample(partners, 1), "vraagt_aan": rng.sample(partners, 2), "voert_uit": rng.sample(partners, 2)},
            "momenten": rng.sample(moments, rng.randint(0, 2)),
            "erkenning": {"status": "niet-gevonden"},
            "bronnen": [{"titel": "Synthetische bron", "url": "https://example.org/bron"}],
            "laatst_gecontroleerd": "2026-01-01",
            "status": "concept",
        }
        if number % 10 and number > 10:
            entry["onderdeel_van"] = f"interventie-{number - number % 10:05d}"
        text = "# yaml-language-server: $schema=../schema/interventie.schema.json\n" + yaml.safe_dump(entry, allow_unicode=True, sort_keys=False)
        (folder / f"{entry_id}.yaml").write_text(text, encoding="utf-8")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def bare_config(root: Path) -> Path:
    """mkdocs.yml as a plain MkDocs site would have it: the theme's own search, no Pagefind."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - palette-search\n", "  - search:\n      lang: nl\n").replace("custom_dir: overrides", "custom_dir: overrides-bare")
    config = config.replace("  - assets/javascripts/zoeken.js\n", "").replace("  - assets/stylesheets/zoeken.css\n", "")
    config = config.replace("  - palette-bundle\n", "")  # the theme sends each stylesheet and script on its own
    shutil.copytree(root / "overrides", root / "overrides-bare", ignore=shutil.ignore_patterns("header.html", "pv-search.html"), dirs_exist_ok=True)
    target = root / "mkdocs-bare.yml"
    target.write_text(config, encoding="utf-8")
    return target


def first_search_result(browser, url: str, query: str) -> float:
    """Milliseconds from typing the query into the header search until the first result shows."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.locator(".md-search__input").click()
    start = page.evaluate("performance.now()")
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=300_000)
    elapsed = page.evaluate("performance.now()") - start
    page.close()
    return elapsed


def browser_figures(site: Path, url: str, bare_url: str, facet_value: str) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        loaded = first_load(page, url + "verkenner/", site)
        page.wait_for_selector("[data-filters]:not([hidden])")
        handler, frame = [], []
        for _ in range(12):
            timing = page.evaluate(
                """value => new Promise(resolve => {
                    const box = document.querySelector(`input[name=domein][value=${value}]`);
                    const start = performance.now();
                    box.click();
                    document.body.offsetHeight;  // style and layout of the change, done now
                    const laidOut = performance.now();
                    requestAnimationFrame(() => setTimeout(() => resolve([laidOut - start, performance.now() - start])));
                })""",
                facet_value,
            )
            handler.append(timing[0])
            frame.append(timing[1])
        page.close()
        pagefind_ms = first_search_result(browser, url, "veiligheid")
        lunr_ms = first_search_result(browser, bare_url, "veiligheid")
        browser.close()
    return {
        "filter_work_ms": statistics.median(handler),
        "filter_frame_ms": statistics.median(frame),
        "explorer_html_kb": loaded["/verkenner/"] / 1024,
        "explorer_first_load_kb": sum(loaded.values()) / 1024,
        "explorer_requests": len(loaded),
        "pagefind_ms": pagefind_ms,
        "lunr_ms": lunr_ms,
    }


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run_size(size: int, runs: int, browser: bool = True, bare_build: bool = True) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"palet-{size}-") as temp:
        root = copy_project(Path(temp))
        synthetic_palette(root, size)
        bare_site = Path(temp) / "bare"
        (root / "site").mkdir()
        bare_site.mkdir()
        server, url = serve(root / "site")
        bare_server, bare_url = serve(bare_site)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
        bare_env = {**env, "SITE_URL": bare_url}
        bare_yml = bare_config(root)
        ours, bare = [], []
        try:
            for _ in range(runs):
                shutil.rmtree(root / "site", ignore_errors=True)
                for folder in GENERATED_DIRS:  # a clean generate each run, as in CI
                    shutil.rmtree(root / "docs" / folder, ignore_errors=True)
                ours.append(measure([sys.executable, str(REPO / "build_palette.py"), "--root", str(root), "build"], root, env))
                if bare_build:  # build-only sizes: our build alone, to show its growth
                    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(bare_yml), "--strict", "--quiet", "--site-dir", str(bare_site)]
                    bare.append(measure(command, root, bare_env))
            figures = browser_figures(root / "site", url, bare_url, "strafrecht") if browser else {}
        finally:
            server.shutdown()
            bare_server.shutdown()
        return {
            "entries": size,
            "load_average": os.getloadavg()[0],
            "ours_s": statistics.median(t for t, _, _ in ours),
            "ours_cpu_s": statistics.median(c for _, c, _ in ours),
            "ours_mb": max(m for _, _, m in ours),
            **({"bare_s": statistics.median(t for t, _, _ in bare), "bare_cpu_s": statistics.median(c for _, c, _ in bare)} if bare else {}),
            **({"bare_mb": max(m for _, _, m in bare)} if bare else {}),
            **figures,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--build-only", type=int, nargs="*", default=[20000], help="sizes measured for build time and memory only")
    parser.add_argument("--runs", type=int, default=1, help="builds per size (the median is reported)")
    parser.add_argument("--no-browser", action="store_true", help="--sizes: both builds only, without the search and explorer figures")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown tables")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        rows.append(run_size(size, args.runs, browser=not args.no_browser))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)  # progress, and the figures if a later size fails
    for size in args.build_only:
        rows.append(run_size(size, args.runs, browser=False, bare_build=False))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        "| entries | our build | bare mkdocs (lunr) | overhead | our CPU | bare CPU | CPU overhead | our peak | bare peak "
        "| first result: Pagefind | first result: lunr | load average |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        search = f"{row['pagefind_ms'] / 1000:.2f} s | {row['lunr_ms'] / 1000:.2f} s" if "pagefind_ms" in row else "– | –"
        if "bare_s" in row:
            overhead = (row["ours_s"] - row["bare_s"]) / row["bare_s"] * 100
            cpu_overhead = (row["ours_cpu_s"] - row["bare_cpu_s"]) / row["bare_cpu_s"] * 100
            bare = (
                f"{row['bare_s']:.1f} s | {overhead:+.0f} % | {row['ours_cpu_s']:.1f} s | {row['bare_cpu_s']:.1f} s | {cpu_overhead:+.0f} % "
                f"| {row['ours_mb']:.0f} MB | {row['bare_mb']:.0f} MB"
            )
        else:
            bare = f"– | – | {row['ours_cpu_s']:.1f} s | – | – | {row['ours_mb']:.0f} MB | –"
        print(f"| {row['entries']:,} | {row['ours_s']:.1f} s | {bare} | {search} | {row['load_average']:.1f} |")
    print()
    print("| entries | explorer first load (gzip) | requests | explorer HTML (gzip) | filter: script + layout | filter: until next frame |")
    print("|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        if "explorer_first_load_kb" in row:
            print(
                f"| {row['entries']:,} | {row['explorer_first_load_kb']:.0f} KB | {row['explorer_requests']} | {row['explorer_html_kb']:.0f} KB "
                f"| {row['filter_work_ms']:.1f} ms | {row['filter_frame_ms']:.1f} ms |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
