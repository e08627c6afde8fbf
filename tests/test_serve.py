"""`build_palette.py serve` as a user runs it: a real process on a real port, stopped with a signal."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import REPO, copy_project

START_TIMEOUT = 180  # the first build of the real palette on a busy two-core machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text, or None when nothing answers on the port."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a local test server
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(condition: Callable[[], object], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return bool(condition())


def session_processes(session: int) -> list[int]:
    """Processes still alive in the session the serve command was started in."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (command) "
        if fields[0] != "Z" and int(fields[3]) == session:
            found.append(int(entry.name))
    return found


@contextmanager
def serving(root: Path, port: int, logs: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The serve command in its own session, so that whatever it starts can be found and cleaned up."""
    with open(logs / "serve.out", "wb") as out, open(logs / "serve.err", "wb") as err:
        process = subprocess.Popen(
            [sys.executable, str(REPO / "build_palette.py"), "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            for pid in session_processes(process.pid):
                os.kill(pid, signal.SIGKILL)
            process.wait(timeout=10)


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
