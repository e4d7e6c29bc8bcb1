"""kiosk-admin: the staff command line. Exit status 0 done, 1 refused (nothing changed), 2 usage error."""

import argparse
import re
import sys
from pathlib import Path

from kiosk.storage.errors import KnownError

DONE, REFUSED, USAGE = 0, 1, 2


class UsageError(Exception):
    """The command was typed wrongly."""


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,4})x(\d{3,4})", text)
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not a screen size like 1920x1080")
    return int(match.group(1)), int(match.group(2))


def _default_db() -> Path:
    from kiosk.app import default_database_path

    return default_database_path()


def command_snapshot(arguments: argparse.Namespace) -> int:
    """Render every screen to PNG files."""
    from kiosk.admin.snapshot import take_snapshots

    width, height = arguments.size
    saved = take_snapshots(arguments.db or _default_db(), arguments.out, width, height)
    print(f"Saved {len(saved)} screens to {arguments.out}")
    return DONE


def build_parser() -> argparse.ArgumentParser:
    """The kiosk-admin argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="kiosk-admin", description="Look after the hair-loss kiosk's content.")
    parser.add_argument("--db", type=Path, help="the kiosk database file (default: the app data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    snapshot = commands.add_parser(
        "snapshot", help="save a picture of every screen", description=command_snapshot.__doc__
    )
    snapshot.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    snapshot.add_argument("--size", type=_size, default=(1920, 1080), help="screen size, like 1920x1080")
    snapshot.set_defaults(run=command_snapshot)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one kiosk-admin command."""
    parser = build_parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:
        return USAGE if exit_.code else DONE
    if not getattr(arguments, "run", None):
        parser.print_help(sys.stderr)
        return USAGE
    try:
        return arguments.run(arguments)
    except KnownError as error:
        print(f"kiosk-admin: {error}", file=sys.stderr)
        return REFUSED
