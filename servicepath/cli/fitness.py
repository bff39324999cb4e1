"""``servicepath fitness …``: customer-fitness rounds, imports, reports and exports from the command line.

Every command takes ``--db PATH`` (default ``servicepath.db`` in the current
folder). Only ``new-round`` and ``team`` create a database; the others refuse a
missing one, so a mistyped path never quietly starts an empty database.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..analysis.fitness import MIN_RESPONDENTS
from ..errors import ServicepathError
from ..export.fitness import export_fitness_report, fitness_summary
from ..i18n import label
from ..io.fitness_sheets import export_round, import_answers
from ..io.fitness_store import DEFAULT_DATABASE, FitnessStore
from ..model.fitness import LEVEL_BARS

__all__ = ["add_fitness_commands"]

EXIT_OK = 0


def add_fitness_commands(commands) -> None:
    """Add the ``fitness`` command and its subcommands to the ``servicepath`` parser's subparsers."""
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument("--db", default=DEFAULT_DATABASE, metavar="PATH",
                          help="the customer-fitness database (default: %(default)s in the current folder)")
    fitness = commands.add_parser("fitness", help="customer-fitness self-assessment: rounds, answers, reports")
    sub = fitness.add_subparsers(dest="fitness_command", required=True, metavar="COMMAND")

    new_round = sub.add_parser("new-round", parents=[database], help="open an assessment round (creates the database)")
    new_round.add_argument("name", nargs="?", help="the round's name (default: the date it opens)")
    new_round.add_argument("--opened", metavar="YYYY-MM-DD", help="the day the round opens (default: today)")
    new_round.set_defaults(run=_new_round)

    answer = sub.add_parser("answer", parents=[database], help="import answers from an .xlsx or .csv file")
    answer.add_argument("file")
    answer.add_argument("--round", help="the round to import into (default: the file's round column, or the latest)")
    answer.set_defaults(run=_answer)

    report = sub.add_parser("report", parents=[database], help="print a team's result; --to writes report files")
    report.add_argument("--team", help="the team (default: all teams together)")
    report.add_argument("--to", metavar="DIR", help="write the report's workbook, CSV, Markdown and pictures here")
    report.add_argument("--lang", choices=("fi", "en"), default="fi", help="default: %(default)s")
    report.add_argument("--min-people", type=int, default=MIN_RESPONDENTS, metavar="N",
                        help="show a team's result only when at least N people answered (default: %(default)s)")
    report.add_argument("--force", action="store_true", help="replace report files that exist")
    report.set_defaults(run=_report)

    export = sub.add_parser("export", parents=[database],
                            help="write a round's answers, everyone's own included, to .xlsx or .csv "
                                 "(for the data's owner; reports never show them)")
    export.add_argument("file")
    export.add_argument("--round", help="default: the latest round")
    export.add_argument("--csv-dialect", choices=("excel-fi", "excel"), default="excel-fi",
                        help="excel-fi: ';', decimal comma and BOM, as Finnish Excel expects (default)")
    export.add_argument("--force", action="store_true", help="replace the file if it exists")
    export.set_defaults(run=_export)

    team = sub.add_parser("team", parents=[database], help="add a team or set its target level and what it covers")
    team.add_argument("name")
    team.add_argument("--target", choices=tuple(LEVEL_BARS), help="the level the team aims at")
    team.add_argument("--covers", nargs="+", metavar="ID_OR_OWNER",
                      help="touchpoint ids or owner names the team serves besides its own touchpoints")
    team.set_defaults(run=_team)

    erase = sub.add_parser("erase", parents=[database],
                           help="remove a person and all their answers for good (right to erasure)")
    erase.add_argument("person")
    erase.add_argument("--yes", action="store_true", help="confirm: the answers cannot be brought back")
    erase.set_defaults(run=_erase)


def _existing(path: str) -> FitnessStore:
    """The database at ``path``; never a new empty one made by mistake."""
    if not Path(path).exists():
        raise ServicepathError(f"no database at {path} (start with `servicepath fitness new-round`)")
    return FitnessStore(path)


def _new_round(args) -> int:
    with FitnessStore(args.db) as store:
        name = store.new_round(args.name, opened=args.opened)
    print(f"opened round {name} in {args.db}")
    return EXIT_OK


def _answer(args) -> int:
    with _existing(args.db) as store:
        summary = import_answers(store, args.file, round=args.round)
    print(label("fitness.cli.imported", "en").format(answers=summary.answers, people=summary.people,
                                                     interviews=summary.interviews, file=summary.file,
                                                     round=summary.round))
    return EXIT_OK


def _report(args) -> int:
    if args.min_people < 1:
        raise ServicepathError(f"--min-people {args.min_people}: give a whole number 1 or more")
    with _existing(args.db) as store:
        report = store.report(team=args.team, min_respondents=args.min_people, lang=args.lang)
    # Files first: a refusal to overwrite stops the command before anything is printed.
    written = export_fitness_report(report, args.to, lang=args.lang, force=args.force) if args.to else []
    print(fitness_summary(report, args.lang))
    if written:
        print()
        print(label("fitness.cli.written", args.lang).format(count=len(written), folder=args.to))
        for path in written:
            print(f"  {path}")
    return EXIT_OK


def _export(args) -> int:
    with _existing(args.db) as store:
        path = export_round(store, args.file, round=args.round, dialect=args.csv_dialect, force=args.force)
    print(f"wrote {path}")
    return EXIT_OK


def _team(args) -> int:
    with FitnessStore(args.db) as store:
        store.add_team(args.name, target=args.target, covers=args.covers)
        row = store.teams().set_index("team").loc[args.name.strip()]
    covers = ", ".join(row["covers"]) or "–"
    print(f"team {args.name.strip()}: target {row['target']}, covers {covers}, {row['people']} people")
    return EXIT_OK


def _erase(args) -> int:
    if not args.yes:
        raise ServicepathError(f"erasing removes every answer of {args.person!r} for good; add --yes to confirm")
    with _existing(args.db) as store:
        removed = store.erase_person(args.person)
    print(f"erased {args.person}: {removed} rows removed (the erasure is logged without the name)")
    return EXIT_OK
