"""kiosk-admin commands that look after the database: check, backup, restore, settings, set-pin."""

import argparse
import getpass
import sqlite3
import sys
from pathlib import Path

from kiosk.admin.console import (
    DONE,
    NOTHING_CHANGED,
    USAGE,
    add_command,
    database_path,
    existing_database_path,
    open_library,
    plural,
    problem_lines,
    refuse,
    say,
)
from kiosk.admin.devices import voice_lines
from kiosk.content.document import NOT_PLAIN_TEXT, content_to_document, parse_document, printable
from kiosk.content.labels import field_label
from kiosk.content.language_check import language_lines, offered_languages
from kiosk.content.languages import ENGLISH
from kiosk.content.library import Library
from kiosk.content.pin import PinError, set_pin
from kiosk.content.publishing import take_backup
from kiosk.content.quality import quality_issues
from kiosk.content.recovery import RECOVERY_ACTION
from kiosk.content.schema import ContentError
from kiosk.content.settings import SPECS, SettingError, check_setting, describe_value, load_settings, save_setting
from kiosk.content.sign_off import due_for_check_lines
from kiosk.storage.audit import read_audit_log, record_action
from kiosk.storage.backup import backup_to, restore_from
from kiosk.storage.content_tables import read_content
from kiosk.storage.health import database_health, open_read_only
from kiosk.storage.settings import read_settings
from kiosk.storage.translations import stored_languages
from kiosk.storage.versions import read_draft


def command_check(arguments: argparse.Namespace) -> int:
    """Check the database and its content without changing anything."""
    path = existing_database_path(arguments)
    conn = open_read_only(path)
    try:
        lines, problems = _check_lines(conn)
    except sqlite3.DatabaseError as error:
        lines, problems = [], [f"SQLite cannot read the database ({error})."]
    finally:
        conn.close()
    say(f"Database: {path}", *lines)
    if problems:
        return refuse(*problem_lines(problems, "Problems found:"))
    say("Everything is in order.")
    return DONE


def _check_lines(conn: sqlite3.Connection) -> tuple[list[str], list]:
    health = database_health(conn)
    lines = [f"Schema version {health.schema_version} (this kiosk writes version {health.latest_version})."]
    problems: list = [f"Damaged: {problem}" for problem in health.integrity_problems]
    problems += [f"Broken link: {problem}" for problem in health.broken_links]
    problems += [f"The table '{table}' is missing." for table in health.missing_tables]
    if health.schema_version > health.latest_version:
        problems.append("The database was made by a newer kiosk. Install the newer kiosk.")
    elif health.schema_version < health.latest_version:
        lines.append("It will be brought up to date the next time the kiosk or kiosk-admin opens it.")
    lines.append(f"SQLite integrity check: {'problems' if health.integrity_problems else 'ok'}.")
    lines.append(f"Links between tables: {'problems' if health.broken_links else 'ok'}.")
    if problems:
        return lines, problems
    for key, value in sorted(read_settings(conn).items()):
        try:
            if key in SPECS:
                check_setting(key, value)
        except SettingError as error:
            problems.append(f"Setting: {error}")
    settings = load_settings(conn)
    in_force = {"clinic_name": settings.clinic_name, "doctor_guidance": settings.doctor_guidance}
    try:
        document = parse_document(content_to_document(read_content(conn), in_force), "published content")
        content = document.content
        lines.append(
            f"Content: {len(content.treatments)} treatment cards, {len(content.cause_groups)} cause groups, "
            f"{len(content.red_flags)} warning signs, {len(content.glossary)} glossary words."
        )
        lines += due_for_check_lines(content, settings.check_after_months)
        lines += writing_lines(document)
        lines += language_lines(content, settings.doctor_guidance, conn)
        lines += voice_lines((ENGLISH, *offered_languages(content, stored_languages(conn))))
    except ContentError as error:
        problems += error.problems
    except (ValueError, KeyError) as error:
        problems.append(f"The published content cannot be read ({error}).")
    if health.schema_version >= 2:
        recoveries = [entry for entry in read_audit_log(conn, 1000) if entry.action == RECOVERY_ACTION]
        if recoveries:
            lines.append(f"Note, {recoveries[0].at.replace('T', ' ')[:16]} UTC: {printable(recoveries[0].detail, 600)}")
        draft = read_draft(conn)
        try:
            if draft is not None:
                drafted = parse_document(draft, "draft")
                lines.append("There are unpublished changes from the staff screen; they are in order.")
                stale = language_lines(drafted.content, drafted.doctor_guidance, conn)
                lines += [f"In those changes, {line}" for line in stale if "out of date" in line]
        except ContentError as error:
            problems += error.problems
    return lines, problems


def command_init(arguments: argparse.Namespace) -> int:
    """Make a new kiosk database with the bundled content (the only command that creates one)."""
    path = database_path(arguments)
    if path.exists():
        say(f"There is already a kiosk database at {path}. Nothing was changed.")
        return DONE
    library = Library.open(path)
    try:
        record_action(library.conn, "make database", str(path))
    finally:
        library.close()
    say(
        f"Made a new kiosk database at {path}, with the content that came with the kiosk.",
        "Next, set the staff PIN with: kiosk-admin set-pin" + ("" if arguments.db is None else f" --db {path}"),
    )
    return DONE


def writing_lines(document) -> list[str]:
    """The kiosk's writing checks (reading grade, overselling words, lost warnings): notes, not failures."""
    issues = quality_issues(document.content, document.doctor_guidance)
    if not issues:
        return ["Writing checks (reading grade 8 or lower, no overselling, warnings kept): ok."]
    return problem_lines(
        [str(issue) for issue in issues], f"Writing checks: {plural(len(issues), 'thing')} to look at:"
    )


def command_backup(arguments: argparse.Namespace) -> int:
    """Save a copy of the whole database."""
    library = open_library(arguments)
    try:
        if arguments.file:
            path = backup_to(library.conn, arguments.file)
        else:
            path = take_backup(library.conn, "manual")
        record_action(library.conn, "backup", path.name)
    finally:
        library.close()
    say(f"Saved a backup of the kiosk database to {path}.")
    return DONE


def command_restore(arguments: argparse.Namespace) -> int:
    """Replace the database with a backup, after saving a copy of it as it is."""
    library = open_library(arguments)
    try:
        keep = load_settings(library.conn).backups_to_keep
        safety = restore_from(library.conn, arguments.file, keep=keep)
        record_action(library.conn, "restore backup", arguments.file.name)
    finally:
        library.close()
    say(
        f"Restored the kiosk database from {arguments.file}.",
        f"The database as it was just before is saved in {safety}.",
    )
    return DONE


def command_settings_usage(arguments: argparse.Namespace) -> int:
    """Say how to use the settings command."""
    refuse("Say 'settings get' or 'settings set'. See: kiosk-admin settings --help")
    return USAGE


def command_settings_get(arguments: argparse.Namespace) -> int:
    """Show one setting, or all of them."""
    library = open_library(arguments)
    try:
        settings = load_settings(library.conn)
    finally:
        library.close()
    if arguments.key:
        say(str(getattr(settings, arguments.key)))
        return DONE
    for key, spec in SPECS.items():
        say(f"{key} = {describe_value(key, getattr(settings, key))}", f"    {field_label(key)}: {spec.help}")
    return DONE


def command_settings_set(arguments: argparse.Namespace) -> int:
    """Change one setting, after checking the value."""
    if NOT_PLAIN_TEXT.search(arguments.value):
        return refuse(
            f"{field_label(arguments.key)} contains characters that are not plain text. Type it again as plain text.",
            NOTHING_CHANGED,
        )
    library = open_library(arguments)
    try:
        try:
            stored = save_setting(library.conn, arguments.key, arguments.value)
        except SettingError as error:
            return refuse(str(error), NOTHING_CHANGED)
    finally:
        library.close()
    say(f"{field_label(arguments.key)} is now: {describe_value(arguments.key, stored)}")
    return DONE


def _read_pin_twice() -> tuple[str, str] | None:
    if sys.stdin.isatty():
        return getpass.getpass("New staff PIN (4 to 8 digits): "), getpass.getpass("Type the same PIN again: ")
    first, second = sys.stdin.readline(), sys.stdin.readline()
    if not first or not second:
        return None
    return first.strip(), second.strip()


def command_set_pin(arguments: argparse.Namespace) -> int:
    """Set or change the staff PIN."""
    existing_database_path(arguments)
    try:
        typed = _read_pin_twice()
    except (UnicodeDecodeError, EOFError):
        typed = None
    if typed is None:
        return refuse("The PIN must be typed twice, one line each. The PIN was not changed.")
    if typed[0] != typed[1]:
        return refuse("The two PINs are different. The PIN was not changed.")
    library = open_library(arguments)
    try:
        set_pin(library.conn, typed[0])
    except PinError as error:
        return refuse(str(error), "The PIN was not changed.")
    finally:
        library.close()
    say("The staff PIN is set. Staff type it to open the staff screens on the kiosk.")
    return DONE


def add_database_commands(commands: argparse._SubParsersAction) -> None:
    """Add init, check, backup, restore, settings and set-pin to the kiosk-admin parser."""
    add_command(
        commands,
        "init",
        command_init,
        "make a new kiosk database (only needed before the kiosk's first start)",
        "Make a new kiosk database holding the content that came with the kiosk. The kiosk makes its own "
        "database the first time it starts; every other kiosk-admin command refuses a database that is not "
        "there, so a mistyped --db never makes a new, empty one by accident. Does nothing if the file exists.",
    )
    add_command(
        commands,
        "check",
        command_check,
        "check the database and its content (changes nothing)",
        "Check that the database file is not damaged, that its tables link up, that its content passes every "
        "content check and its settings are allowed, and say which schema version it has. Changes nothing. "
        "Ends with status 1 if there is a problem.",
    )
    backup = add_command(
        commands,
        "backup",
        command_backup,
        "save a copy of the whole database",
        "Save a copy of the whole database (content, versions, settings, PIN). Without FILE, the copy goes in "
        "the 'backups' folder beside the database, where only the newest few are kept (see the setting "
        "backups_to_keep).",
    )
    backup.add_argument("file", metavar="FILE", type=Path, nargs="?", help="where to save the copy (optional)")
    restore = add_command(
        commands,
        "restore",
        command_restore,
        "replace the database with a backup",
        "Replace the whole database with a backup file. The backup is checked first, and the database as it "
        "is now is saved in the 'backups' folder before it is replaced.",
    )
    restore.add_argument("file", metavar="FILE", type=Path, help="the backup file (a .db file)")
    settings = add_command(
        commands,
        "settings",
        command_settings_usage,
        "show or change a setting",
        "Show or change the kiosk's settings. The settings are:\n"
        + "\n".join(f"  {spec.key}: {spec.help}{_range(spec)}" for spec in SPECS.values()),
    )
    settings.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = settings.add_subparsers(dest="settings_action", metavar="ACTION")
    get = add_command(actions, "get", command_settings_get, "show one setting, or all", "Show one setting, or all.")
    get.add_argument("key", metavar="KEY", nargs="?", choices=list(SPECS), help="the setting, like clinic_name")
    set_ = add_command(actions, "set", command_settings_set, "change one setting", "Change one setting.")
    set_.add_argument("key", metavar="KEY", choices=list(SPECS), help="the setting, like idle_timeout_seconds")
    set_.add_argument("value", metavar="VALUE", help="the new value (put text with spaces in quotes)")
    add_command(
        commands,
        "set-pin",
        command_set_pin,
        "set or change the staff PIN",
        "Set or change the PIN staff type to open the staff screens on the kiosk. Type the new PIN twice; it "
        "is not shown as you type. The PIN is 4 to 8 digits. After 5 wrong PINs the staff screens lock for "
        "5 minutes.",
    )


def _range(spec) -> str:
    if spec.kind is int:
        return f" ({spec.minimum} to {spec.maximum})"
    return f" (text, at most {spec.max_length} characters)"
