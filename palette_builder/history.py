"""What changed in the palette, read from the repository's git history.

One `git log` over palette/ gives every commit with the files it touched; the pages and the feed are
built from that. A build without a git checkout (an offline copy, a source archive) has no history and
says so.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

RECORD, UNIT = "\x1e", "\x1f"
# Texts that replace commit subjects on the site (models.ChangeTexts), in palette/ and in a region's folder.
CHANGE_TEXTS_FILE = "wijzigingen.yaml"


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.datetime
    subject: str
    paths: tuple[str, ...]  # files below palette/, relative to the repository root


@dataclass
class History:
    """The commits that touched palette/, newest first; `available` is False outside a git checkout."""

    available: bool
    commits: list[Commit] = field(default_factory=list)

    def by_path(self) -> dict[str, list[Commit]]:
        found: dict[str, list[Commit]] = {}
        for commit in self.commits:
            for path in commit.paths:
                found.setdefault(path, []).append(commit)
        return found


def read_history(root: Path, folder: str = "palette") -> History:
    """Every commit touching `folder`, in one git process however many files there are."""
    if not (root / ".git").exists():  # not a checkout, or a copy inside someone else's repository
        return History(available=False)
    command = [
        "git",
        "-c",
        "core.quotePath=off",
        "log",
        "--no-merges",
        f"--format={RECORD}%H{UNIT}%cI{UNIT}%P{UNIT}%s",
        "--name-only",
        "--",
        f"{folder}/",
    ]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, encoding="utf-8", errors="replace", check=False)
    except OSError as error:  # git is not installed
        print(f"Let op: geen wijzigingsgeschiedenis ({error}).", file=sys.stderr)
        return History(available=False)
    if result.returncode != 0:
        print(f"Let op: geen wijzigingsgeschiedenis; git meldt: {result.stderr.strip()}", file=sys.stderr)
        return History(available=False)
    commits = parse_log(result.stdout)
    if commits and _parentless(result.stdout) and _is_shallow(root):
        # In a shallow clone the oldest commit looks as if it added every file: it is not a change.
        commits = commits[:-1]
    return History(available=True, commits=commits)


def parse_log(output: str) -> list[Commit]:
    commits = []
    for record in output.split(RECORD)[1:]:
        header, _, names = record.partition("\n")
        sha, date, _parents, subject = header.split(UNIT, 3)
        paths = tuple(line.strip() for line in names.splitlines() if line.strip())
        commits.append(Commit(sha, dt.datetime.fromisoformat(date), subject.strip(), paths))
    return commits


def _parentless(output: str) -> bool:
    """Whether the oldest commit in the log has no parent (a root commit, or the edge of a shallow clone)."""
    last = output.rsplit(RECORD, 1)[-1].partition("\n")[0].split(UNIT)
    return len(last) == 4 and not last[2].strip()


def _is_shallow(root: Path) -> bool:
    """A shallow clone lists its edge commits in `shallow` in the git folder (read here without another process)."""
    git_dir = root / ".git"
    if git_dir.is_file():  # a worktree or submodule: ".git" names the real folder
        text = git_dir.read_text(encoding="utf-8").strip()
        git_dir = (root / text.removeprefix("gitdir:").strip()).resolve()
        common = git_dir / "commondir"
        if common.is_file():
            git_dir = (git_dir / common.read_text(encoding="utf-8").strip()).resolve()
    return (git_dir / "shallow").is_file()
