"""What kiosk-admin commands share: opening the database and talking to staff in plain words."""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.content.document import printable
from kiosk.content.labels import describe_problem
from kiosk.content.library import Library
from kiosk.content.schema import Problem
from kiosk.storage.errors import KnownError

DONE, REFUSED, USAGE = 0, 1, 2
NOTHING_CHANGED = "Nothing was changed."
MAX_SHOWN = 30


def database_path(arguments: argparse.Namespace) -> Path:
    """The database named by --db, or the kiosk's own one."""
    if getattr(arguments, "db", None):
        return arguments.db
    return kiosk_database_path()


def kiosk_database_path() -> Path:
    """The kiosk's own database (in the app data folder, from QStandardPaths, as the kiosk itself uses)."""
    from kiosk.app import default_database_path

    return default_database_path()


class MissingDatabase(KnownError):
    """A command that needs an existing kiosk database was pointed at a file that is not there."""


def existing_database_path(arguments: argparse.Namespace) -> Path:
    """The database a command works on; MissingDatabase (having created nothing) if there is no such file."""
    path = database_path(arguments)
    if path.is_file():
        return path
    raise MissingDatabase("\n".join(missing_database_lines(path, kiosk_database_path())))


def missing_database_lines(tried: Path, own: Path) -> list[str]:
    """Why a missing database is refused, and what to do next, in staff words."""
    if tried.is_dir():
        first = f"{tried} is a folder, not a kiosk database file."
    else:
        first = f"There is no kiosk database at {tried}."
    if tried.absolute() == own.absolute():
        return [
            first,
            "The kiosk has not been started on this computer yet, so it has no database.",
            "Start the kiosk once, or make its database with: kiosk-admin init",
        ]
    hint = "Leave out --db to use it." if own.is_file() else "(It does not exist yet either.)"
    return [
        first,
        f"The kiosk's own database is {own}: did you mean that one? {hint}",
        f"Check the spelling of the file name. To make a new kiosk database at {tried}, type: "
        f"kiosk-admin --db {tried} init",
    ]


def open_library(arguments: argparse.Namespace) -> Library:
    """Open the existing kiosk database for a command (MissingDatabase, creating nothing, if it is not there)."""
    return Library.open(existing_database_path(arguments))


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
        text = describe_problem(problem) if isinstance(problem, Problem) else str(problem)
        lines.append(f"  - {printable(text, 400)}")
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
