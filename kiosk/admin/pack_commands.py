"""kiosk-admin commands that move content: export, validate, import, history, rollback."""

import argparse
from pathlib import Path

from kiosk.admin.console import (
    DONE,
    NOTHING_CHANGED,
    add_command,
    open_library,
    plural,
    problem_lines,
    refuse,
    say,
)
from kiosk.content.document import printable
from kiosk.content.pack_reader import PackError
from kiosk.content.packs import export_pack, import_pack, read_pack
from kiosk.content.publishing import (
    NothingToChange,
    differences_from_live,
    list_versions,
    restore_version,
    undo_last_publish,
)
from kiosk.content.schema import ContentError
from kiosk.storage.rows import Content
from kiosk.storage.versions import read_draft

DISCARD_HELP = "also throw away unpublished changes made on the staff screen"


def describe_pack_problem(pack: Path, error: ContentError) -> list[str]:
    """What is wrong with a pack, in staff words."""
    name = printable(pack.name, 120)
    problems = error.problems
    if len(problems) == 1 and problems[0].where == pack.name and not problems[0].item and not problems[0].field:
        return [f"The pack '{name}' {printable(problems[0].message, 400)}."]
    if isinstance(error, PackError):
        return problem_lines(problems, f"The pack '{name}' cannot be used:")
    return problem_lines(problems, f"The content in the pack '{name}' has {plural(len(problems), 'problem')}:")


def _counts(content: Content) -> str:
    return (
        f"{plural(len(content.treatments), 'treatment card')}, {plural(len(content.cause_groups), 'cause group')}, "
        f"{plural(len(content.red_flags), 'warning sign')}, {plural(len(content.glossary), 'glossary word')}"
    )


def command_export(arguments: argparse.Namespace) -> int:
    """Write the published content to a pack file."""
    library = open_library(arguments)
    try:
        path = export_pack(library.conn, arguments.pack, replace=arguments.replace)
        say(f"Saved the content ({_counts(library.content())}) to {path}.")
        if read_draft(library.conn) is not None:
            say("Unpublished changes from the staff screen are not in the pack (only what patients see is).")
    finally:
        library.close()
    return DONE


def command_validate(arguments: argparse.Namespace) -> int:
    """Check a pack file and list its problems."""
    try:
        document = read_pack(arguments.pack)
    except ContentError as error:
        return refuse(*describe_pack_problem(arguments.pack, error))
    say(f"The pack '{printable(arguments.pack.name, 120)}' is fine: {_counts(document.content)}.")
    return DONE


def command_import(arguments: argparse.Namespace) -> int:
    """Import a pack file as a new version."""
    library = open_library(arguments)
    try:
        report = import_pack(library.conn, arguments.pack, discard_draft=arguments.discard_draft)
    except ContentError as error:
        return refuse(*describe_pack_problem(arguments.pack, error), NOTHING_CHANGED)
    except NothingToChange as same:
        say(printable(str(same), 600), "No new version was made and no backup was needed.")
        return DONE
    finally:
        library.close()
    return say_published(
        f"Imported '{printable(arguments.pack.name, 120)}' as version {report.version.number}.", report
    )


def say_published(headline: str, result) -> int:
    """Tell staff a new version is published: what changed and where the content as it was is kept."""
    say(
        headline,
        f"What changed: {printable(result.changes.summary(), 1000)}.",
        f"The content as it was before is saved in {result.backup}.",
    )
    return DONE


def command_history(arguments: argparse.Namespace) -> int:
    """List the published versions, newest first; or, for one version, what differs from the live one."""
    library = open_library(arguments)
    try:
        if arguments.version is not None:
            return _say_differences(arguments.version, differences_from_live(library.conn, arguments.version))
        versions = list_versions(library.conn)
        has_draft = read_draft(library.conn) is not None
    finally:
        library.close()
    if not versions:
        say("No versions yet: the kiosk shows the content it came with.")
    for number, version in enumerate(versions):
        when = version.created_at.replace("T", " ")[:16] + " UTC"
        current = "  (shown now)" if number == 0 else ""
        by = f"  by {version.initials}" if version.initials else ""
        say(f"{version.number:>4}  {when}  {printable(version.summary, 300)}{by}{current}")
    if has_draft:
        say("There are unpublished changes from the staff screen (patients do not see them yet).")
    return DONE


def _say_differences(number: int, found: list) -> int:
    if not found:
        say(f"Version {number} holds exactly what patients see now.")
        return DONE
    say(f"What would change if version {number} were shown again (now -> version {number}):")
    for difference in found:
        say(f"{printable(difference.place, 200)}, {printable(difference.field, 100)}:")
        say(*(f"    now:    {printable(line, 300)}" for line in difference.before.splitlines()))
        say(*(f"    then:   {printable(line, 300)}" for line in difference.after.splitlines()))
    return DONE


def command_undo(arguments: argparse.Namespace) -> int:
    """Show again the version before the live one (undo the last publish, import or rollback)."""
    library = open_library(arguments)
    try:
        result = undo_last_publish(library.conn, discard_draft=arguments.discard_draft)
    except NothingToChange as same:
        say(printable(str(same), 600), "No new version was made.")
        return DONE
    finally:
        library.close()
    return say_published(f"Undone: patients see the content as before, as new version {result.version.number}.", result)


def command_rollback(arguments: argparse.Namespace) -> int:
    """Publish an earlier version again, as a new version."""
    library = open_library(arguments)
    try:
        result = restore_version(library.conn, arguments.version, discard_draft=arguments.discard_draft)
    except NothingToChange as same:
        say(printable(str(same), 600), "No new version was made.")
        return DONE
    finally:
        library.close()
    return say_published(f"Version {arguments.version} is shown again, as new version {result.version.number}.", result)


def add_pack_commands(commands: argparse._SubParsersAction) -> None:
    """Add export, validate, import, history and rollback to the kiosk-admin parser."""
    export = add_command(
        commands,
        "export",
        command_export,
        "save the content to a pack file (for a USB stick)",
        "Save everything patients see now (treatment cards, causes, warning signs, glossary, doctor guidance "
        "and clinic name) to one pack file, for example on a USB stick, to import on another kiosk.",
    )
    export.add_argument("pack", metavar="PACK", type=Path, help="the pack file to write, like E:/clinic-content.zip")
    export.add_argument("--replace", action="store_true", help="overwrite PACK if it already exists")
    validate = add_command(
        commands,
        "validate",
        command_validate,
        "check a pack file without importing it",
        "Check a pack file without importing it. Every problem is listed with where it is. Changes nothing.",
    )
    validate.add_argument("pack", metavar="PACK", type=Path, help="the pack file to check")
    import_ = add_command(
        commands,
        "import",
        command_import,
        "replace the content with a pack file's content",
        "Replace the content patients see with the content of a pack file. The pack is checked first: if "
        "anything is wrong, nothing changes. A backup is taken before the import, and the import becomes a "
        "new version that you can roll back.",
    )
    import_.add_argument("pack", metavar="PACK", type=Path, help="the pack file to import")
    import_.add_argument("--discard-draft", action="store_true", help=DISCARD_HELP)
    history = add_command(
        commands,
        "history",
        command_history,
        "list the published versions of the content",
        "List the published versions of the content, newest first, with what changed in each and the initials "
        "of who published it (if given). With a version number N: every field that differs between version N "
        "and what patients see now, before and after.",
    )
    history.add_argument("version", metavar="N", type=int, nargs="?", help="a version to compare with the live one")
    undo = add_command(
        commands,
        "undo",
        command_undo,
        "undo the last publish (show the version before again)",
        "Show again the version before the one patients see now. Like rollback, this becomes a new version, "
        "so it can be undone too, and a backup is taken first.",
    )
    undo.add_argument("--discard-draft", action="store_true", help=DISCARD_HELP)
    rollback = add_command(
        commands,
        "rollback",
        command_rollback,
        "show an earlier version of the content again",
        "Show an earlier version of the content again. This becomes a new version, so it can be undone too. "
        "A backup is taken first. See the version numbers with: kiosk-admin history",
    )
    rollback.add_argument("version", metavar="N", type=int, help="the version number, from kiosk-admin history")
    rollback.add_argument("--discard-draft", action="store_true", help=DISCARD_HELP)
