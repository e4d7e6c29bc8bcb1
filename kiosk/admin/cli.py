"""kiosk-admin: the staff command line. Exit status 0 done, 1 refused (nothing changed), 2 usage error."""

import argparse
import re
import sqlite3
import sys
from pathlib import Path

from kiosk.admin.console import DONE, NOTHING_CHANGED, REFUSED, USAGE, database_path
from kiosk.admin.database_commands import add_database_commands
from kiosk.admin.insights_commands import add_insights_commands
from kiosk.admin.pack_commands import add_pack_commands
from kiosk.admin.print_commands import add_print_commands
from kiosk.admin.service import add_service_command
from kiosk.content.document import printable
from kiosk.content.schema import ContentError
from kiosk.storage.errors import KnownError, plain_reason

READ_ONLY_COMMANDS = {"validate", "check", "history", "snapshot", "install-service", "print-sample", "insights"}


class UsageError(Exception):
    """The command was typed wrongly."""


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,4})x(\d{3,4})", text)
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not a screen size like 1920x1080")
    return int(match.group(1)), int(match.group(2))


def command_snapshot(arguments: argparse.Namespace) -> int:
    """Render every screen to PNG files."""
    from kiosk.admin.snapshot import take_snapshots

    width, height = arguments.size
    saved = take_snapshots(database_path(arguments), arguments.out, width, height)
    print(f"Saved {len(saved)} screens to {arguments.out}")
    return DONE


def build_parser() -> argparse.ArgumentParser:
    """The kiosk-admin argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="kiosk-admin",
        description="Look after the hair-loss kiosk's content: move it by USB stick, back it up, roll it back, "
        "and change settings. Each command has its own help, like: kiosk-admin import --help",
        epilog="Exit status: 0 done, 1 refused (nothing was changed), 2 the command was typed wrongly.",
    )
    parser.add_argument("--db", type=Path, help="the kiosk database file (default: the kiosk's usual one)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_pack_commands(commands)
    add_database_commands(commands)
    add_service_command(commands)
    add_print_commands(commands)
    add_insights_commands(commands)
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
    unchanged = [] if arguments.command in READ_ONLY_COMMANDS else [NOTHING_CHANGED]
    try:
        return arguments.run(arguments)
    except KnownError as error:
        print(printable(str(error), 2000), *unchanged, file=sys.stderr)
    except ContentError as error:
        print(f"The content has problems:\n{printable(str(error), 4000)}", *unchanged, file=sys.stderr)
    except sqlite3.Error as error:
        print(printable(plain_reason(error)), *unchanged, file=sys.stderr)
    return REFUSED
