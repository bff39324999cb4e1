"""``servicepath events …``: the journey as customers live it, from event data, and the designed map against it."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from ..analysis.lived import compare_lived
from ..errors import SaveError, SchemaError
from ..export.pictures import save_figure
from ..io import load, save

__all__ = ["add_events_commands"]

EXIT_OK = 0


def add_events_commands(commands) -> None:
    """Add the ``events`` command and its subcommands to the ``servicepath`` parser's subparsers."""
    events = commands.add_parser("events", help="the journey as lived, built from event data (CRM, web, tickets)")
    sub = events.add_subparsers(dest="events_command", required=True, metavar="COMMAND")

    columns = argparse.ArgumentParser(add_help=False)
    columns.add_argument("--case", default="case_id", help="case column (default: %(default)s)")
    columns.add_argument("--touchpoint", default="activity", help="touchpoint column (default: %(default)s)")
    columns.add_argument("--timestamp", default="timestamp", help="time column (default: %(default)s)")
    columns.add_argument("--nps", metavar="COLUMN", help="column with each customer's 0–10 recommend answer")
    columns.add_argument("--final", action="append", metavar="TOUCHPOINT",
                         help="a touchpoint where the journey is complete (repeat for several)")
    columns.add_argument("--ties", choices=("error", "file-order"), default="error",
                         help="two events of one case at the same time: stop (default) or keep the file's order")
    columns.add_argument("--engine", choices=("auto", "pandas", "duckdb"), default="auto",
                         help="auto: files of 1 GB or more stream through DuckDB")
    columns.add_argument("--memory-limit", default="1GB", help="DuckDB's memory limit (default: %(default)s)")

    lived = sub.add_parser("lived", parents=[columns],
                           help="build the lived journey from an event log (CSV, Parquet, XES)")
    lived.add_argument("events", metavar="EVENTS", help="one row per event: case, touchpoint, time")
    lived.add_argument("--to", required=True, metavar="FILE", help="the journey file to write (.journey.json, .yaml)")
    lived.add_argument("--picture", metavar="FILE", help="also draw the lived journey as a network (.png, .svg, .pdf)")
    lived.add_argument("--min-share", type=float, default=0.0, help="draw no transition under this share")
    lived.add_argument("--variants", type=int, default=5, help="how many of the most frequent paths to print")
    lived.add_argument("--lang", choices=("fi", "en"), default="en", help="language of the names and picture")
    lived.add_argument("--force", action="store_true", help="replace files that exist")
    lived.set_defaults(run=_lived)

    compare = sub.add_parser("compare", parents=[columns],
                             help="the designed journey against the lived one, biggest surprises first")
    compare.add_argument("designed", help="the workshop's journey file")
    compare.add_argument("lived", help="an event log (CSV, Parquet, XES), or a lived journey file; the log keeps "
                                       "the visit counts that pool touchpoints mapped together")
    compare.add_argument("--mapping", metavar="CSV", help="a table with columns designed and lived pairing their ids")
    compare.add_argument("--top", type=int, default=15, help="how many findings to print (default: %(default)s)")
    compare.add_argument("--to", metavar="CSV", help="write every finding to this CSV file")
    compare.add_argument("--picture", metavar="FILE", help="draw the lived shares over the designed map")
    compare.add_argument("--lang", choices=("fi", "en"), default="en")
    compare.add_argument("--force", action="store_true", help="replace files that exist")
    compare.set_defaults(run=_compare)

    simulate = sub.add_parser("simulate", help="simulated customers walking a journey, as an event log for "
                                               "process-mining tools (CSV, Parquet, XES)")
    simulate.add_argument("journey", help="the journey file to walk")
    simulate.add_argument("--to", required=True, metavar="FILE", help="the event log to write (.csv, .parquet, .xes, "
                                                                      ".xes.gz)")
    simulate.add_argument("--cases", type=int, default=1000, help="how many customers (default: %(default)s)")
    simulate.add_argument("--seed", type=int, default=0, help="the same seed gives the same log")
    simulate.add_argument("--force", action="store_true", help="replace a file that exists")
    simulate.set_defaults(run=_simulate)


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise SaveError(f"{path}: already exists; add --force to replace it")


def _lived(args) -> int:
    target = Path(args.to)
    _refuse_overwrite(target, args.force)
    journey = _from_events(args.events, args)
    log = journey.graph.graph["event_log"]
    print(f"{log['events']:,} events, {log['cases']:,} cases, {len(journey)} touchpoints, "
          f"{journey.graph.number_of_edges()} transitions")
    for reason, count in log["skipped"].items():
        if count:
            print(f"left out: {count:,} rows with {reason}")
    for row in log["variants"].head(args.variants).itertuples(index=False):
        print(f"{row.share:6.1%}  {row.cases:>8,}  {' → '.join(row.path)}")
    save(journey, target)
    print(f"wrote {target}")
    if args.picture:
        from ..figures import journey_graph

        figure = journey_graph(journey, lang=args.lang, min_share=args.min_share)
        print(f"wrote {save_figure(figure, args.picture, force=args.force)}")
    return EXIT_OK


def _from_events(path: str, args):
    from ..mining import journey_from_events

    return journey_from_events(path, case=args.case, touchpoint=args.touchpoint, timestamp=args.timestamp,
                               nps=args.nps, final=args.final, ties=args.ties, engine=args.engine,
                               memory_limit=args.memory_limit, language=args.lang, progress=True)


def _compare(args) -> int:
    from ..mining.events import is_event_log

    designed = load(args.designed)
    lived = _from_events(args.lived, args) if is_event_log(args.lived) else load(args.lived)
    mapping = _mapping(Path(args.mapping)) if args.mapping else None
    table = compare_lived(designed, lived, mapping=mapping)
    with pd.option_context("display.width", 120, "display.max_colwidth", 40):
        print(table.head(args.top).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    if args.to:
        print(f"wrote {_write_table(table, Path(args.to), args.force)}")
    if args.picture:
        from ..figures import lived_over_designed

        figure = lived_over_designed(designed, lived, mapping=mapping, lang=args.lang)
        print(f"wrote {save_figure(figure, args.picture, force=args.force)}")
    return EXIT_OK


def _simulate(args) -> int:
    from ..mining.simulate import simulate_events, write_event_log

    target = Path(args.to)
    _refuse_overwrite(target, args.force)
    events = simulate_events(load(args.journey), args.cases, seed=args.seed)
    print(f"wrote {write_event_log(events, target)}: {len(events):,} events of {args.cases:,} cases")
    return EXIT_OK


def _mapping(path: Path) -> pd.DataFrame:
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise SchemaError(f"cannot be read as a CSV table ({exc})", file=str(path)) from None
    missing = [c for c in ("designed", "lived") if c not in table.columns]
    if missing:
        raise SchemaError(f"no column {missing[0]!r} (expected columns designed and lived)", file=str(path))
    return table


def _write_table(table: pd.DataFrame, path: Path, force: bool) -> Path:
    """The findings as CSV (text made formula-safe), written atomically."""
    from ..export.names import target_path
    from ..io.atomic import atomic_write
    from ..io.files import csv_bytes

    rows = [[None if v != v else v for v in row] for row in table.itertuples(index=False)]  # NaN: an empty cell
    data = csv_bytes(list(table.columns), rows, "excel")
    return atomic_write(target_path(path.parent, path.name, force=force), lambda f: f.write(data))
