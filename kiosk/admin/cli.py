"""kiosk-admin: the staff command line. Exit status 0 done, 1 refused (nothing changed), 2 usage error."""

import argparse
import re
import sqlite3
import sys
from pathlib import Path

from kiosk.admin.audit_command import add_audit_command
from kiosk.admin.console import (
    DONE,
    NOTHING_CHANGED,
    REFUSED,
    USAGE,
    MissingDatabase,
    existing_database_path,
    problem_lines,
)
from kiosk.admin.database_commands import add_database_commands
from kiosk.admin.fleet_commands import add_fleet_commands
from kiosk.admin.insights_commands import add_insights_commands
from kiosk.admin.pack_commands import add_pack_commands
from kiosk.admin.print_commands import add_print_commands
from kiosk.admin.review_copy import add_review_copy_command
from kiosk.admin.service import add_service_command
from kiosk.content.document import printable
from kiosk.content.schema import ContentError
from kiosk.storage.errors import KnownError, plain_reason

DB_HELP = "the kiosk database file (default: the kiosk's own one); may come before or after the command"
READ_ONLY_COMMANDS = {
    "validate",
    "check",
    "history",
    "audit",
    "snapshot",
    "install-service",
    "review-copy",
    "print-sample",
    "insights",
}


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
    path = existing_database_path(arguments)
    saved = take_snapshots(path, arguments.out, width, height, arguments.draft, arguments.text == "larger")
    what = "the unpublished draft" if arguments.draft else "the published content"
    print(f"Saved {len(saved)} screens of {what}, each at its full length, to {arguments.out}")
    return DONE


def build_parser() -> argparse.ArgumentParser:
    """The kiosk-admin argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="kiosk-admin",
        description="Look after the hair-loss kiosk's content: move it by USB stick, back it up, roll it back, "
        "and change settings. Each command has its own help, like: kiosk-admin import --help",
        epilog="Exit status: 0 done, 1 refused (nothing was changed), 2 the command was typed wrongly.",
    )
    parser.add_argument("--db", type=Path, help=DB_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_pack_commands(commands)
    add_database_commands(commands)
    add_service_command(commands)
    add_fleet_commands(commands)
    add_review_copy_command(commands)
    add_audit_command(commands)
    add_print_commands(commands)
    add_insights_commands(commands)
    snapshot = commands.add_parser(
        "snapshot",
        help="save a picture of every screen, at full length",
        description="Save one PNG per patient screen, each as tall as the whole screen (a card down to its "
        "sources), for reviewing content. The published content, or the unpublished draft with --draft; any "
        "screen size; normal or larger text.",
    )
    snapshot.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    snapshot.add_argument("--size", type=_size, default=(1920, 1080), help="screen size, like 1920x1080")
    snapshot.add_argument("--draft", action="store_true", help="the staff draft instead of what patients see")
    snapshot.add_argument("--text", choices=("normal", "larger"), default="normal", help="text size (larger: 130 %%)")
    snapshot.set_defaults(run=command_snapshot)
    accept_db_after_command(commands)
    return parser


def accept_db_after_command(commands: argparse._SubParsersAction) -> None:
    """Let --db also come after the command (and its action), for every command however it was added."""
    for parser in set(commands.choices.values()):
        if not any("--db" in action.option_strings for action in parser._actions):
            parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=DB_HELP)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                accept_db_after_command(action)


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
    except MissingDatabase as error:
        print(*(printable(line, 600) for line in str(error).splitlines()), sep="\n", file=sys.stderr)
        print("Nothing was created or changed.", file=sys.stderr)
    except KnownError as error:
        print(printable(str(error), 2000), *unchanged, file=sys.stderr)
    except ContentError as error:
        print(*problem_lines(error.problems, "The content has problems:"), *unchanged, sep="\n", file=sys.stderr)
    except sqlite3.Error as error:
        print(printable(plain_reason(error)), *unchanged, file=sys.stderr)
    return REFUSED
