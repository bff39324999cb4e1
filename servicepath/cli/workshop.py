"""``servicepath workshop …``: workshop kits, printed materials, group sessions and their merged result."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..analysis.merge import merge_journeys
from ..export.bundle import export_bundle
from ..export.kit_print import print_kit
from ..io.kits import find_kit, find_kits, kit_journey
from ..io.session import Session
from ..widgets.group_notebook import write_group_notebooks

__all__ = ["add_workshop_commands"]

EXIT_OK = 0


def add_workshop_commands(commands) -> None:
    """Add the ``workshop`` command and its subcommands to the ``servicepath`` parser's subparsers."""
    kits = argparse.ArgumentParser(add_help=False)
    kits.add_argument("--kits", metavar="DIR", help="the folder of kits (default: the repository's workshops/)")
    workshop = commands.add_parser("workshop", help="workshop kits, printed materials, group sessions")
    sub = workshop.add_subparsers(dest="workshop_command", required=True, metavar="COMMAND")

    listing = sub.add_parser("kits", parents=[kits], help="list the workshop kits")
    listing.add_argument("--lang", choices=("fi", "en"), default="fi", help="default: %(default)s")
    listing.set_defaults(run=_kits)

    printing = sub.add_parser("print", parents=[kits],
                              help="write a kit's agenda, blank canvas, scoring sheets and cheat sheet as PDF")
    printing.add_argument("kit")
    printing.add_argument("--to", required=True, metavar="DIR", help="the folder to write the PDFs into")
    printing.add_argument("--lang", choices=("fi", "en"), default="fi", help="default: %(default)s")
    printing.add_argument("--groups", type=int, default=4, help="canvases and sheets for this many groups")
    printing.add_argument("--force", action="store_true", help="replace PDFs that exist")
    printing.set_defaults(run=_print)

    new = sub.add_parser("new", parents=[kits], help="create a group session: a database and a notebook per group")
    new.add_argument("kit")
    new.add_argument("--groups", type=int, default=4, help="how many groups (default: %(default)s)")
    new.add_argument("--dir", required=True, metavar="DIR",
                     help="the session folder; on this machine's local disk, not a network drive")
    new.add_argument("--journey", metavar="FILE", help="start every group from this journey instead of the kit's")
    new.set_defaults(run=_new)

    collect = sub.add_parser("collect", help="merge the groups' journeys and write the merged result's exports")
    collect.add_argument("dir", help="the session folder")
    collect.add_argument("--to", metavar="DIR", help="where to write (default: DIR/merged)")
    collect.add_argument("--lang", choices=("fi", "en"), help="language of the exports (default: the journey's)")
    collect.add_argument("--force", action="store_true", help="replace files that exist")
    collect.set_defaults(run=_collect)


def _folder(args) -> Path | None:
    return Path(args.kits) if args.kits else None


def _kits(args) -> int:
    for kit in find_kits(_folder(args)):
        print(f"{kit.id:<20} {kit.duration:>4} min  {kit.title.get(args.lang)}")
    return EXIT_OK


def _print(args) -> int:
    kit = find_kit(args.kit, _folder(args))
    for path in print_kit(kit, args.to, lang=args.lang, groups=args.groups, force=args.force):
        print(f"wrote {path}")
    return EXIT_OK


def _new(args) -> int:
    from ..io import load

    kit = find_kit(args.kit, _folder(args))
    journey = load(args.journey) if args.journey else kit_journey(kit)
    with Session.create(args.dir, kit=kit.id, groups=args.groups, journey=journey) as session:
        try:
            notebooks = write_group_notebooks(session, kit)
        except BaseException:
            # e.g. an earlier workshop's notebook is in the folder: leave no half-made session, so `new` can be rerun
            session.close()
            for suffix in ("", "-wal", "-shm"):
                session.path.with_name(session.path.name + suffix).unlink(missing_ok=True)
            raise
    print(f"session: {Path(args.dir) / 'session.db'}")
    for path in notebooks:
        print(f"group notebook: {path}")
    return EXIT_OK


def _collect(args) -> int:
    with Session(args.dir) as session:
        journeys = session.journeys()
    merged = merge_journeys(journeys)
    target = Path(args.to) if args.to else Path(args.dir) / "merged"
    lang = args.lang or ("fi" if merged.title.fi else "en")
    print(f"merged {len(journeys)} groups: {len(merged)} touchpoints")
    for path in export_bundle(merged, target, lang=lang, force=args.force):
        print(f"wrote {path}")
    return EXIT_OK
