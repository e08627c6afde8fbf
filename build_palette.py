#!/usr/bin/env python3
"""Validate the interventiepalet and build the site.

    python build_palette.py check      report every problem in palette/ and exit non-zero if any
    python build_palette.py schema     write palette/schema/interventie.schema.json from the models
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from palette_builder.project import Project

ROOT = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_palette.py", description="Interventiepalet: controleren en bouwen.")
    parser.add_argument("--root", type=Path, default=ROOT, help="map van het project (standaard: deze map)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="controleer alle bestanden in palette/ en meld elk probleem")
    commands.add_parser("schema", help="schrijf het JSON Schema opnieuw vanuit de modellen")
    args = parser.parse_args(argv)

    project = Project(args.root.resolve())
    if args.command == "check":
        return project.check()
    if args.command == "schema":
        return project.write_schema()
    return 2


if __name__ == "__main__":
    sys.exit(main())
