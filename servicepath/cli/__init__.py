"""The ``servicepath`` command: new, validate, show, convert, export, fitness, workshop, events.

Errors in the input are printed as one line naming the file and the place,
never as a traceback, and the command exits with status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .. import __version__
from ..errors import ServicepathError
from ..export.bundle import EXPORTS, export_bundle
from ..export.pdf import POSTER_SIZES
from ..export.pictures import check_dpi
from ..i18n import label
from ..io import FORMATS, format_of, load, save, validate_file
from ..io.files import csv_folder
from ..model import new_journey, stage_overview, validate
from .events import add_events_commands
from .fitness import add_fitness_commands
from .workshop import add_workshop_commands

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS = 0, 2


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ServicepathError as exc:
        _print_error(exc)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `servicepath show x | head` closed the pipe: not an error
        sys.stderr.close()
        return EXIT_OK


def _print_error(exc: ServicepathError) -> None:
    print(f"servicepath: error: {exc}", file=sys.stderr)
    for problem in getattr(exc, "problems", [])[1:]:
        print(f"servicepath: error: {exc.file + ': ' if exc.file else ''}{problem.where}: {problem.message}",
              file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="servicepath",
        description="Customer journeys as graphs of touchpoints, scored with A.R.V.O.",
    )
    parser.add_argument("--version", action="version", version=f"servicepath {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = commands.add_parser("new", help="write a small journey to start from")
    new.add_argument("file", nargs="?", default="new.journey.json", help="where to write (default: %(default)s)")
    new.add_argument("--title", help="the journey's title")
    new.add_argument("--lang", choices=("fi", "en"), default="fi", help="the workshop's main language")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(run=_new)

    check = commands.add_parser("validate", help="list every problem in journey files")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.set_defaults(run=_validate)

    show = commands.add_parser("show", help="print a journey's touchpoints by stage")
    show.add_argument("file")
    show.add_argument("--lang", choices=("fi", "en"), help="language of the labels (default: the journey's)")
    show.set_defaults(run=_show)

    convert = commands.add_parser(
        "convert", help="convert between .journey.json, .yaml, .xlsx and a folder of CSV tables"
    )
    convert.add_argument("file")
    convert.add_argument("out", help="the file to write; a name without an ending is a folder of CSV tables")
    convert.add_argument("--to", choices=FORMATS, help="the output format (default: from OUT's ending)")
    convert.add_argument("--csv-dialect", choices=("excel", "excel-fi"), default="excel",
                         help="excel-fi: ';', decimal comma and BOM, as Finnish Excel expects")
    convert.add_argument("--force", action="store_true", help="overwrite existing files")
    convert.set_defaults(run=_convert)

    export = commands.add_parser("export", help="write maps, reports and data files for clients into a folder")
    export.add_argument("file")
    export.add_argument("--to", required=True, metavar="DIR", help="the folder to write into (made if missing)")
    export.add_argument("--format", action="append", choices=["all", *(e.kind for e in EXPORTS)], metavar="KIND",
                        help="what to write; repeat for several (default: all, with an index page). "
                             f"Kinds: {', '.join(e.kind for e in EXPORTS)}")
    export.add_argument("--lang", choices=("fi", "en"), help="language of the exports (default: the journey's)")
    export.add_argument("--dpi", type=float, default=150, help="resolution of PNG pictures (default: %(default)s)")
    export.add_argument("--poster-size", choices=tuple(POSTER_SIZES), default="A2", help="default: %(default)s")
    export.add_argument("--csv-dialect", choices=("excel", "excel-fi"),
                        help="default: excel-fi (';', decimal comma, BOM) for Finnish, else excel")
    export.add_argument("--force", action="store_true", help="replace files that exist")
    export.set_defaults(run=_export)

    add_fitness_commands(commands)
    add_workshop_commands(commands)
    add_events_commands(commands)
    return parser


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force and not (path.is_dir() and not any(path.iterdir())):
        raise ServicepathError(f"{path}: already exists; add --force to overwrite it")


def _new(args) -> int:
    path = Path(args.file)
    _refuse_overwrite(path, args.force)
    save(new_journey(args.title, args.lang), path)
    print(f"wrote {path}")
    return EXIT_OK


def _validate(args) -> int:
    status = EXIT_OK
    for file in args.files:
        try:
            journey, problems = validate_file(file)
        except ServicepathError as exc:
            _print_error(exc)
            status = EXIT_PROBLEMS
            continue
        for problem in problems:
            print(f"{file}: {problem}", file=sys.stderr if problem.level == "error" else sys.stdout)
        errors = sum(p.level == "error" for p in problems)
        warnings = len(problems) - errors
        print(f"{file}: {_count(len(journey), 'touchpoint')}, {_count(errors, 'error')}, "
              f"{_count(warnings, 'warning')}")
        if errors:
            status = EXIT_PROBLEMS
    return status


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _show(args) -> int:
    journey = load(args.file, strict=False)
    lang = args.lang or _journey_lang(journey)
    print(journey.title.get(lang))
    if journey.persona:
        print(f"{label('word.persona', lang)}: {journey.persona.get(lang)}")
    pains = int(journey.touchpoints["pain_point_count"].sum())
    print(
        f"{len(journey)} {label('word.touchpoints', lang)}, {journey.graph.number_of_edges()} "
        f"{label('word.transitions', lang)}, {len(journey.stages)} {label('word.stages', lang)}, "
        f"{pains} {label('word.pain_points', lang)}\n"
    )
    with pd.option_context("display.width", 200, "display.max_rows", None, "display.max_colwidth", 40):
        print(stage_overview(journey, lang).to_string(na_rep="–"))
    problems = validate(journey)
    print()
    for problem in problems:
        print(f"{label('level.' + problem.level, lang)}: {problem.where}: {problem.message}")
    if not problems:
        print(label("word.no_problems", lang))
    return EXIT_OK


def _convert(args) -> int:
    journey = load(args.file, strict=False)
    kind = args.to or format_of(args.out)
    out = Path(args.out)
    if kind == "csv":
        _refuse_overwrite(csv_folder(out), args.force)
    else:
        _refuse_overwrite(out, args.force)
    written = save(journey, out, format=kind, csv_dialect=args.csv_dialect, touch=False)
    print(f"wrote {written}")
    return EXIT_OK


def _export(args) -> int:
    journey = load(args.file)
    lang = args.lang or _journey_lang(journey)
    kinds = None if not args.format or "all" in args.format else list(dict.fromkeys(args.format))
    check_dpi(args.dpi)

    def progress(done: int, total: int, name: str) -> None:
        print(f"[{done + 1:>{len(str(total))}}/{total}] {name}", flush=True)

    written = export_bundle(journey, args.to, kinds=kinds, lang=lang, dpi=args.dpi, poster_size=args.poster_size,
                            csv_dialect=args.csv_dialect, force=args.force, progress=progress)
    print(f"wrote {len(written)} files to {args.to}")
    return EXIT_OK


def _journey_lang(journey) -> str:
    first = journey.languages[0] if journey.languages else "en"
    return first if first in ("fi", "en") else "en"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
