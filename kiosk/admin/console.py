"""What kiosk-admin commands share: opening the database and talking to staff in plain words."""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.content.document import printable
from kiosk.content.library import Library
from kiosk.content.schema import Problem

DONE, REFUSED, USAGE = 0, 1, 2
NOTHING_CHANGED = "Nothing was changed."
MAX_SHOWN = 30


def database_path(arguments: argparse.Namespace) -> Path:
    """The database named by --db, or the kiosk's usual one."""
    if arguments.db:
        return arguments.db
    from kiosk.app import default_database_path

    return default_database_path()


def open_library(arguments: argparse.Namespace) -> Library:
    """Open (creating on first use) the kiosk database for a command."""
    return Library.open(database_path(arguments))


def say(*lines: str) -> None:
    """Tell staff something went as asked."""
    for line in lines:
        print(line)


def refuse(*lines: str) -> int:
    """Tell staff why a command was refused; returns the 'refused' exit status."""
    for line in lines:
        print(line, file=sys.stderr)
    return REFUSED


def problem_lines(problems: Sequence[Problem | str], heading: str) -> list[str]:
    """A heading, then one line per problem (at most MAX_SHOWN), safe to print."""
    lines = [heading]
    for problem in problems[:MAX_SHOWN]:
        lines.append(f"  - {printable(str(problem), 400)}")
    if len(problems) > MAX_SHOWN:
        lines.append(f"  ... and {len(problems) - MAX_SHOWN} more.")
    return lines


def add_command(
    commands: argparse._SubParsersAction,
    name: str,
    run: Callable[[argparse.Namespace], int],
    summary: str,
    description: str,
) -> argparse.ArgumentParser:
    """Add one subcommand: a short summary for the command list, a description for its --help."""
    parser = commands.add_parser(name, help=summary, description=description)
    parser.set_defaults(run=run)
    return parser


def plural(count: int, noun: str) -> str:
    """'1 card', '3 cards'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
