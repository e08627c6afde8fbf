"""`build_palette.py serve` as a user runs it: a real process on a real port, stopped with a signal."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.support import START_TIMEOUT, fetch, free_port, serving, session_processes, wait_until

from .conftest import REPO, copy_project

# A real server process: a slow test (tests/conftest.py).
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_server_and_everything_it_started(tmp_path: Path, stop: signal.Signals) -> None:
    root = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with serving(root, port, tmp_path) as process:
        assert wait_until(lambda: fetch(url) is not None, START_TIMEOUT), (tmp_path / "serve.err").read_text()

        process.send_signal(stop)
        process.wait(timeout=15)

        assert wait_until(lambda: fetch(url) is None, 5), f"the port still answers after {stop.name}"
        assert session_processes(process.pid) == []


def test_busy_port_gives_one_line_that_names_dev_addr(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, str(REPO / "build_palette.py"), "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT,
            check=False,
        )

    assert result.returncode != 0
    assert result.stderr.splitlines() == [f"Poort {port} is al in gebruik; kies een andere met --dev-addr 127.0.0.1:{port + 1}."]
    assert "Traceback" not in result.stdout


def test_problems_show_on_every_served_page_until_fixed(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    entry = root / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml"
    original = entry.read_text(encoding="utf-8")
    domain_line = next(number for number, line in enumerate(original.splitlines(), 1) if line.startswith("domein:"))
    port = free_port()
    entry_page = f"http://127.0.0.1:{port}/interventies/tijdelijk-huisverbod/"
    home = f"http://127.0.0.1:{port}/"
    with serving(root, port, tmp_path):
        assert wait_until(lambda: "Tijdelijk huisverbod" in (fetch(entry_page) or ""), START_TIMEOUT), (tmp_path / "serve.err").read_text()
        assert 'id="palet-problemen"' not in (fetch(entry_page) or "")

        entry.write_text(original.replace("domein: bestuursrecht", 'domein: "<b>strafrect</b>"'), encoding="utf-8")

        assert wait_until(lambda: 'id="palet-problemen"' in (fetch(entry_page) or ""), 60), "no problem banner after an invalid edit"
        for page in (fetch(entry_page) or "", fetch(home) or ""):
            assert "De gegevens in palette/ bevatten" in page
            assert f"palette/landelijk/tijdelijk-huisverbod.yaml:{domain_line}:1: domein: onbekende waarde &#39;&lt;b&gt;strafrect&lt;/b&gt;&#39;" in page
            assert "<b>strafrect" not in page
        # The last good version of the page is still served beneath the banner.
        assert "Tijdelijk huisverbod" in (fetch(entry_page) or "")

        entry.write_text(original.replace("tien dagen", "tien (10) dagen"), encoding="utf-8")

        assert wait_until(lambda: "tien (10) dagen" in (fetch(entry_page) or ""), 60), "the fixed page did not come back"
        assert 'id="palet-problemen"' not in (fetch(entry_page) or "")
        assert 'id="palet-problemen"' not in (fetch(home) or "")
