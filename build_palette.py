#!/usr/bin/env python3
"""Validate the interventiepalet and build the site.

python build_palette.py check            report every problem in palette/; exit 1 if there is any
python build_palette.py generate         check, then write the generated pages into docs/
python build_palette.py build            check, generate and build the site into site/
python build_palette.py serve            generate and serve on http://127.0.0.1:8000/, regenerating on edits
python build_palette.py offline          build a copy that works from the file system, as site/interventiepalet-offline.zip
python build_palette.py schema           rewrite palette/schema/interventie.schema.json from the models
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from palette_builder.project import Project
from palette_builder.selection import ALL_REGIONS, Selection

ROOT = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_palette.py", description="Interventiepalet: controleren en bouwen.")
    parser.add_argument("--root", type=Path, default=ROOT, help="map van het project (standaard: deze map)")
    parser.add_argument("--regio", default=None, help=f"bouw voor deze regio (map palette/regio/<regio>/), of '{ALL_REGIONS}'")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="controleer alle bestanden in palette/ en meld elk probleem")
    check.add_argument(
        "--streng", action="store_true", help="over de controledatum, een ontbrekend antwoord in een gecontroleerde interventie of een taalpunt telt als fout"
    )
    check.add_argument("--taal", action="store_true", help="toon per tekst de zinslengte en de Flesch-Douma-score")
    commands.add_parser("generate", help="controleer en schrijf de gegenereerde pagina's in docs/")
    build = commands.add_parser("build", help="controleer, genereer en bouw de site")
    build.add_argument("--site-dir", type=Path, default=None, help="waar de site komt (standaard: site/)")
    serve = commands.add_parser("serve", help="bouw en toon de site lokaal; past zich aan bij elke wijziging")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="adres en poort (standaard 127.0.0.1:8000)")
    offline = commands.add_parser("offline", help="maak een offline kopie van de site als zip (werkt zonder internet en zonder server)")
    offline.add_argument("--uitvoer", type=Path, default=None, help="pad van de zip (standaard: site/interventiepalet-offline.zip)")
    commands.add_parser("schema", help="schrijf het JSON Schema opnieuw vanuit de modellen")
    new = commands.add_parser("new", help="maak een nieuw interventiebestand vanuit het sjabloon")
    new.add_argument("id", help="de id, ook de bestandsnaam, zoals 'buurtbemiddeling-limburg'")
    args = parser.parse_args(argv)

    project = Project(args.root.resolve(), region=Selection.parse(args.regio))
    if args.command == "check":
        return project.check(strict=args.streng, language=args.taal)
    if args.command == "generate":
        return project.generate()
    if args.command == "build":
        return project.build(args.site_dir)
    if args.command == "serve":
        return project.serve(args.dev_addr)
    if args.command == "offline":
        from palette_builder.offline import write_offline_zip

        return write_offline_zip(project, args.uitvoer)
    if args.command == "schema":
        return project.write_schema()
    if args.command == "new":
        return project.new_entry(args.id)
    return 2


if __name__ == "__main__":
    sys.exit(main())
