"""kiosk-admin audit: the staff audit log, newest first, in plain words."""

import argparse

from kiosk.admin.console import DONE, add_command, open_library, say
from kiosk.content.document import printable
from kiosk.content.labels import action_words, plain_ids
from kiosk.storage.audit import read_audit_log


def command_audit(arguments: argparse.Namespace) -> int:
    """Show the latest staff actions, newest first."""
    library = open_library(arguments)
    try:
        entries = read_audit_log(library.conn, arguments.last)
    finally:
        library.close()
    if not entries:
        say("Nothing has been recorded yet.")
    for entry in entries:
        when = entry.at.replace("T", " ")[:16] + " UTC"
        detail = f": {printable(plain_ids(entry.detail), 400)}" if entry.detail else ""
        say(f"{when}  {action_words(entry.action)}{detail}")
    return DONE


def add_audit_command(commands: argparse._SubParsersAction) -> None:
    """Add `audit` to the kiosk-admin parser."""
    audit = add_command(
        commands,
        "audit",
        command_audit,
        "list what staff have done (changes nothing)",
        "List the latest staff actions, newest first: publishing, imports, exports, rollbacks, backups, "
        "restores, settings changed, PIN set or changed, wrong PINs typed. Nothing about patients is recorded.",
    )
    audit.add_argument("--last", type=int, default=50, metavar="N", help="how many actions to show (default 50)")
