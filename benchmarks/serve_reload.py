#!/usr/bin/env python3
"""Serve reload benchmark: the time from writing one YAML edit until the served page shows it.

It starts `build_palette.py serve` on a copy of the real palette, edits one entry's
summary a number of times and, after each write, fetches the entry's page over HTTP until the new text
is there. The development server holds a request while it rebuilds, so a fetch returns as soon as the
new page exists.

    .venv/bin/python benchmarks/serve_reload.py [--edits 5]

It writes nothing into the repository; the figures go to standard output.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.support import START_TIMEOUT, copy_project, fetch, free_port, serving, wait_until  # noqa: E402

ENTRY = "tijdelijk-huisverbod"
PHRASE = "tien dagen"


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and the children it has waited for (Pagefind's runs)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def measure_reload(root: Path, edits: int = 5, entry: str = ENTRY, phrase: str = PHRASE) -> tuple[list[float], list[float]]:
    """Seconds from each write of palette/landelijk/<entry>.yaml until the served page shows the edit, and
    the CPU seconds the server used in that time: on a machine shared with other jobs the wall time
    includes waiting for a core, the CPU time hardly does."""
    path = root / "palette" / "landelijk" / f"{entry}.yaml"
    original = path.read_text(encoding="utf-8")
    if phrase not in original:
        raise SystemExit(f"{path} does not contain {phrase!r}")
    port = free_port()
    page = f"http://127.0.0.1:{port}/interventies/{entry}/"
    seconds, cpu = [], []
    with tempfile.TemporaryDirectory(prefix="serve-logs-") as logs, serving(root, port, Path(logs)) as process:
        if not wait_until(lambda: phrase in (fetch(page) or ""), START_TIMEOUT):
            raise SystemExit("serve did not answer: " + (Path(logs) / "serve.err").read_text())
        time.sleep(2)  # let the watcher settle after the first build
        for number in range(edits):
            marker = f"{phrase} (meting {number})"
            used = cpu_seconds(process.pid)
            path.write_text(original.replace(phrase, marker, 1), encoding="utf-8")
            start = time.perf_counter()
            while marker not in (fetch(page) or ""):
                if time.perf_counter() - start > 60:
                    raise SystemExit(f"edit {number} did not show within 60 s")
                time.sleep(0.02)
            seconds.append(time.perf_counter() - start)
            cpu.append(cpu_seconds(process.pid) - used)
            time.sleep(2)  # the rebuild that the written pages trigger finishes before the next edit
    path.write_text(original, encoding="utf-8")
    return seconds, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="palet-serve-") as temp:
        root = copy_project(Path(temp) / "project")
        entries = len(list((root / "palette" / "landelijk").glob("*.yaml")))
        seconds, cpu = measure_reload(root, args.edits)
    summary = f"median {statistics.median(seconds):.2f} s, min {min(seconds):.2f} s, max {max(seconds):.2f} s"
    print(f"serve reload after one YAML edit ({entries} entries, {len(seconds)} edits): {summary}")
    print("each: " + ", ".join(f"{value:.2f} s" for value in seconds))
    print(f"CPU time of the server in that time: median {statistics.median(cpu):.2f} s, min {min(cpu):.2f} s, max {max(cpu):.2f} s")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (1 min), {os.getloadavg()[1]:.1f} (5 min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
